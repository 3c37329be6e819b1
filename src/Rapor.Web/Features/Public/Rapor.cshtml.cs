using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Data;
using Rapor.Web.Features.Rapor;

using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Public;

/// <summary>Public rapor of one unit, for finalized periods only.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.Policy)]
public sealed class RaporModel(RaporDbContext db, ScoringService scoring) : PageModel
{
    public RaporView V { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unit, string period, CancellationToken ct)
    {
        var v = await RaporView.LoadAsync(db, scoring, unit, period, ct);
        if (v is null || !v.Finalized)
            return NotFound();
        V = v;
        return Page();
    }
}
