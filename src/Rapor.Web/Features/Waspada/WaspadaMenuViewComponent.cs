using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The menu entry of desa supervision, with what waits for the reader: for a kecamatan (camat, staf) late visits and
/// follow-ups to review, for a desa the findings to answer; tenant-wide roles get the kabupaten view. Nothing where
/// there is no desa (a kota).
/// </summary>
public sealed class WaspadaMenuViewComponent(RaporDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Entry(string Href, string Label, int Count, string? Title);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = UserClaimsPrincipal;
        var unit = user.UnitCode();
        var ct = HttpContext.RequestAborted;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Entry? entry = null;
        if ((user.IsInRole(Roles.Camat) || user.IsInRole(Roles.Staf)) && unit.Length == 8)
        {
            if (await db.Regions.AnyAsync(r => r.ParentCode == unit && r.Type == "desa", ct))
            {
                var (late, review) = await WaspadaQueries.KecamatanWorkAsync(db, unit, today, ct);
                entry = new("/Waspada", "Pengawasan desa", late + review, $"{late}|{review}");
            }
        }
        else if ((user.IsInRole(Roles.Lurah) || user.IsInRole(Roles.Staf)) && unit.Length == 13)
        {
            if (await db.Regions.AnyAsync(r => r.Code == unit && r.Type == "desa", ct))
                entry = new("/Waspada/Findings", "Temuan pengawasan", await WaspadaQueries.DesaWorkAsync(db, unit, ct), null);
        }
        else if (UnitScope.IsPlatformAdmin(user) || ((user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Verifikator) || user.IsInRole(Roles.Pimpinan)) && unit.Length == 5))
        {
            if (UnitScope.IsPlatformAdmin(user) || await db.Regions.AnyAsync(r => r.TenantCode == unit && r.Type == "desa", ct))
                entry = new("/Waspada/Kabupaten", "Pengawasan desa", 0, null);
        }
        return entry is null ? Content("") : View(entry);
    }
}
