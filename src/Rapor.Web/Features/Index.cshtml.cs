using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Regions;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features;

/// <summary>Beranda: what the signed-in user is responsible for.</summary>
public sealed class IndexModel(RaporDbContext db) : PageModel
{
    public List<RegionSummary> Tenants { get; private set; } = [];
    public Region? OwnUnit { get; private set; }
    public List<RegionSummary> OwnChildren { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var unit = User.UnitCode();
        var level = RegionCode.LevelOf(unit);
        if (UnitScope.IsPlatformAdmin(User) || level == RegionLevel.KabupatenKota)
        {
            Tenants = await RegionSummary.ForTenantsAsync(db, UnitScope.TenantOf(User), ct);
            return;
        }
        OwnUnit = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit, ct);
        if (OwnUnit?.Level == RegionLevel.Kecamatan)
            OwnChildren = await RegionSummary.ForChildrenAsync(db, unit, ct);
    }
}
