using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Regions;

/// <summary>Region browser, step 1: the kabupaten/kota the user may see.</summary>
public sealed class IndexModel(RaporDbContext db) : PageModel
{
    public List<RegionSummary> Tenants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Unit-scoped roles have a single starting point: their own unit.
        if (!UnitScope.IsPlatformAdmin(User) && RegionCode.LevelOf(User.UnitCode()) is RegionLevel.Kecamatan or RegionLevel.Kelurahan)
            return RedirectToPage("/Regions/Unit", new { code = User.UnitCode() });
        Tenants = await RegionSummary.ForTenantsAsync(db, UnitScope.TenantOf(User), ct);
        return Page();
    }
}
