using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Services;

/// <summary>An A4 poster for the service hall: the services with time and fee, and QR codes to the public page and the survey.</summary>
public sealed class PosterModel(RaporDbContext db) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public List<ServiceStandard> Items { get; private set; } = [];
    public string PageUrl { get; private set; } = "";
    public string SurveyUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        if (!UnitScope.CanView(User, u.Code))
            return Forbid();
        Unit = u;
        Items = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit && s.Active).OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
        PageUrl = QrCode.AbsoluteUrl(Request, $"/Layanan/{u.Code}");
        SurveyUrl = QrCode.AbsoluteUrl(Request, $"/Survei/{u.Code}");
        return Page();
    }
}
