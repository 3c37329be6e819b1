using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Regions;

/// <summary>Region browser, step 3: one kecamatan (with its kelurahan/desa) or one kelurahan/desa, with its officials today.</summary>
public sealed class UnitModel(RaporDbContext db, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public Region? Parent { get; private set; }
    public string TenantName { get; private set; } = "";
    public List<RegionSummary> Children { get; private set; } = [];
    public List<Official> OfficialsToday { get; private set; } = [];
    public bool CanManagePeople { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var unit = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code && r.Level != RegionLevel.KabupatenKota, ct);
        if (unit is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(code), UnitOperations.View)).Succeeded)
            return Forbid();
        Unit = unit;
        Parent = unit.Level == RegionLevel.Kelurahan ? await db.Regions.AsNoTracking().FirstAsync(r => r.Code == unit.ParentCode, ct) : null;
        TenantName = await db.Tenants.Where(t => t.Code == unit.TenantCode).Select(t => t.Name).FirstAsync(ct);
        if (unit.Level == RegionLevel.Kecamatan)
        {
            // A camat sees all his kelurahan; the list is filtered anyway so the rule lives in one place.
            Children = (await RegionSummary.ForChildrenAsync(db, code, ct)).Where(c => UnitScope.CanView(User, c.Code)).ToList();
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        OfficialsToday = (await db.Officials.AsNoTracking().Where(o => o.UnitCode == code).ToListAsync(ct))
            .Where(o => o.HeldOn(today)).OrderBy(o => Positions.OrderOf(o.Position)).ToList();
        CanManagePeople = UnitScope.CanManagePeople(User, code);
        return Page();
    }
}
