using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Services;

/// <summary>The unit's public page: its services with every Standar Pelayanan component, and its published SKM reports.</summary>
[AllowAnonymous]
public sealed class PublicModel(RaporDbContext db) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public List<ServiceStandard> Items { get; private set; } = [];
    public List<SkmReport> Published { get; private set; } = [];
    public bool SurveyOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        Unit = u;
        Items = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit && s.Active).OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
        Published = await db.SkmReports.AsNoTracking().Where(r => r.UnitCode == unit && r.PublishedAt != null).OrderByDescending(r => r.PublishedAt).ToListAsync(ct);
        SurveyOpen = await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unit && d.UsesSkm, ct);
        return Page();
    }
}
