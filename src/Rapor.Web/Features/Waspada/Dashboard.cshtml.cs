using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The kecamatan's dashboard: its desa on a map coloured by their latest supervision result, and a table of every desa
/// with that result, open and overdue findings and its IDM next to it, filterable by IDM status.
/// </summary>
public sealed class DashboardModel(RaporDbContext db, SupervisionService svc, IAuthorizationService authz) : PageModel
{
    public sealed record Row(Region Desa, SupervisionVisit? Latest, int Open, int Overdue, IdmScore? Idm, IdmScore? PreviousIdm);

    public Region Kecamatan { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public IdmStatus? Filter { get; private set; }
    public string Units { get; private set; } = "[]";
    public int WithoutGps { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? unit, string? idm, CancellationToken ct)
    {
        unit ??= User.UnitCode();
        var k = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level == RegionLevel.Kecamatan, ct);
        if (k is null)
            return unit.Length == 13 ? RedirectToPage("/Waspada/Desa", new { code = unit }) : RedirectToPage("/Waspada/Kabupaten");
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.ViewSupervision)).Succeeded)
            return Forbid();
        Kecamatan = k;
        Today = svc.Today;
        Filter = Enum.TryParse<IdmStatus>(idm, true, out var s) ? s : null;
        var desa = await svc.DesaOfAsync(unit, ct);
        var latest = await WaspadaQueries.LatestCompletedAsync(db, unit, ct);
        var open = await db.Temuan.AsNoTracking().Where(f => f.KecamatanCode == unit && f.Status != TemuanStatus.Selesai)
            .Select(f => new { f.DesaCode, f.Status, f.DueOn }).ToListAsync(ct);
        var codes = desa.Select(d => d.Code).ToList();
        var idms = await db.IdmScores.AsNoTracking().Where(x => codes.Contains(x.DesaCode)).ToListAsync(ct);
        Rows = desa.Select(d =>
        {
            var mine = idms.Where(x => x.DesaCode == d.Code).OrderByDescending(x => x.Year).ToList();
            var f = open.Where(x => x.DesaCode == d.Code).ToList();
            return new Row(d, latest.GetValueOrDefault(d.Code), f.Count, f.Count(x => x.Status != TemuanStatus.Ditanggapi && x.DueOn < Today), mine.FirstOrDefault(), mine.Skip(1).FirstOrDefault());
        }).Where(r => Filter is null || r.Idm?.Status == Filter).ToList();
        WithoutGps = Rows.Count(r => r.Latest?.Latitude is null);
        Units = JsonSerializer.Serialize(Rows.Select(r => new
        {
            code = r.Desa.Code, name = r.Desa.Name, lat = r.Latest?.Latitude, lng = r.Latest?.Longitude,
            band = WaspadaQueries.Band(r.Latest?.Compliance),
            label = r.Latest is null ? "belum dikunjungi" : $"{r.Latest.Compliance?.ToString("0", CultureInfo.GetCultureInfo("id-ID")) ?? "—"} % ({r.Latest.VisitedOn:dd-MM-yyyy})",
        }));
        return Page();
    }
}
