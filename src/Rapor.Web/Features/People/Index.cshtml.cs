using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.People;

/// <summary>Officials of one unit: who held each position on a given day, and the full tenure history.</summary>
public sealed class IndexModel(RaporDbContext db, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public Region? Unit { get; private set; }
    public DateOnly On { get; private set; }
    public List<Official> OnDay { get; private set; } = [];
    public List<Official> History { get; private set; } = [];
    public List<Region> Kecamatan { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? unit, DateOnly? on, CancellationToken ct)
    {
        On = on ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (string.IsNullOrEmpty(unit))
        {
            var own = User.UnitCode();
            if (RegionCode.LevelOf(own) is RegionLevel.Kecamatan or RegionLevel.Kelurahan)
                return RedirectToPage(new { unit = own });
            // Tenant-wide users pick a kecamatan first.
            var tenant = UnitScope.TenantOf(User);
            Kecamatan = await db.Regions.AsNoTracking()
                .Where(r => r.Level == RegionLevel.Kecamatan && (tenant == null || r.TenantCode == tenant))
                .OrderBy(r => r.TenantCode).ThenBy(r => r.Name).ToListAsync(ct);
            return Page();
        }
        Unit = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (Unit is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.View)).Succeeded)
            return Forbid();
        CanManage = UnitScope.CanManagePeople(User, unit);
        History = (await db.Officials.AsNoTracking().Where(o => o.UnitCode == unit).ToListAsync(ct))
            .OrderBy(o => Positions.OrderOf(o.Position)).ThenByDescending(o => o.StartDate).ToList();
        OnDay = History.Where(o => o.HeldOn(On)).ToList();
        return Page();
    }
}
