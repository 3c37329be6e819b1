using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Queue;

/// <summary>
/// The waiting-room display (any browser on a TV). The page itself holds nothing private: the paired device's token
/// (or an officer's sign-in) is what the API checks when it reads the board and the event stream.
/// </summary>
[AllowAnonymous]
public sealed class DisplayModel(RaporDbContext db) : PageModel
{
    public Region Unit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        Unit = u;
        return Page();
    }
}
