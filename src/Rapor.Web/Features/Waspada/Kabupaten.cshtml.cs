using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The kabupaten's view across its kecamatan: how each supervises its desa this year (visits done and late, desa on
/// schedule, findings followed up on time, latest compliance) with the IDM spread, on a map and in a table.
/// </summary>
public sealed class KabupatenModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Region Kecamatan, int Desa, int Planned, int Done, int Late, SupervisionIndicators.Derivation OnSchedule,
        int OpenFindings, int OverdueFindings, SupervisionIndicators.Derivation OnTime, double? MeanCompliance, Dictionary<IdmStatus, int> Idm);

    public Tenant Tenant { get; private set; } = null!;
    public List<Tenant> Tenants { get; private set; } = [];
    public int Year { get; private set; }
    public int? IdmYear { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public string Units { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(string? tenant, int? year, CancellationToken ct)
    {
        var own = UnitScope.TenantOf(User);
        if (own is not null && User.UnitCode().Length != 5)
            return User.UnitCode().Length == 8 ? RedirectToPage("/Waspada/Index") : RedirectToPage("/Waspada/Findings");
        var withDesa = db.Regions.Where(r => r.Type == "desa").Select(r => r.TenantCode).Distinct();
        Tenants = await db.Tenants.AsNoTracking().Where(t => withDesa.Contains(t.Code)).OrderBy(t => t.Name).ToListAsync(ct);
        var code = own ?? tenant ?? Tenants.FirstOrDefault()?.Code;
        var t = Tenants.FirstOrDefault(x => x.Code == code);
        if (t is null)
            return own is null ? NotFound() : Forbid();
        if (!UnitScope.CanView(User, t.Code))
            return Forbid();
        Tenant = t;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Year = year is >= 2000 and <= 2100 ? year.Value : Today.Year;
        var from = new DateOnly(Year, 1, 1);
        var to = from.AddYears(1);
        var kecamatan = await db.Regions.AsNoTracking().Where(r => r.TenantCode == t.Code && r.Level == RegionLevel.Kecamatan
            && db.Regions.Any(d => d.ParentCode == r.Code && d.Type == "desa")).OrderBy(r => r.Name).ToListAsync(ct);
        var desaCount = await db.Regions.Where(r => r.TenantCode == t.Code && r.Type == "desa").GroupBy(r => r.ParentCode!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var visits = await db.SupervisionVisits.AsNoTracking().Where(v => v.TenantCode == t.Code && v.ScheduledOn >= from && v.ScheduledOn < to && v.Status != SupervisionVisitStatus.Dibatalkan)
            .Select(v => new { v.KecamatanCode, v.Status, v.ScheduledOn }).ToListAsync(ct);
        var findings = await db.Temuan.AsNoTracking().Where(f => f.TenantCode == t.Code && f.Status != TemuanStatus.Selesai)
            .Select(f => new { f.KecamatanCode, f.Status, f.DueOn }).ToListAsync(ct);
        var latest = await WaspadaQueries.LatestCompletedAsync(db, t.Code, ct);
        IdmYear = await db.IdmScores.Where(s => s.TenantCode == t.Code).MaxAsync(s => (int?)s.Year, ct);
        var idm = IdmYear is null ? [] : await db.IdmScores.AsNoTracking().Where(s => s.TenantCode == t.Code && s.Year == IdmYear)
            .Select(s => new { s.DesaCode, s.Status }).ToListAsync(ct);
        foreach (var k in kecamatan)
        {
            var v = visits.Where(x => x.KecamatanCode == k.Code).ToList();
            var f = findings.Where(x => x.KecamatanCode == k.Code).ToList();
            var compliance = latest.Values.Where(x => x.KecamatanCode == k.Code).Select(x => x.Compliance).Where(c => c is not null).ToList();
            Rows.Add(new Row(k, desaCount.GetValueOrDefault(k.Code), v.Count, v.Count(x => x.Status == SupervisionVisitStatus.Selesai),
                v.Count(x => x.Status == SupervisionVisitStatus.Dijadwalkan && x.ScheduledOn < Today),
                await SupervisionIndicators.DesaSupervisedAsync(db, k.Code, from, to, Today, ct),
                f.Count, f.Count(x => x.Status != TemuanStatus.Ditanggapi && x.DueOn < Today),
                await SupervisionIndicators.FindingsOnTimeAsync(db, k.Code, from, to, Today, ct),
                compliance.Count == 0 ? null : compliance.Average(),
                idm.Where(x => RegionCode.ParentOf(x.DesaCode) == k.Code).GroupBy(x => x.Status).ToDictionary(g => g.Key, g => g.Count())));
        }
        var id = CultureInfo.GetCultureInfo("id-ID");
        Units = JsonSerializer.Serialize(Rows.Select(r => new
        {
            code = r.Kecamatan.Code, name = r.Kecamatan.Name, band = WaspadaQueries.Band(r.MeanCompliance),
            label = $"{r.MeanCompliance?.ToString("0", id) ?? "—"} % · {r.Done}/{r.Planned} · {r.OnSchedule.Value.ToString("0", id)} %",
        }));
        return Page();
    }
}
