using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Waspada;

/// <summary>Reads several WASPADA pages share: a unit's findings and visits at any level, names, the menu counts.</summary>
public static class WaspadaQueries
{
    /// <summary>Findings of a kabupaten (5-character code), a kecamatan (8) or a desa (13).</summary>
    public static IQueryable<Temuan> FindingsOf(RaporDbContext db, string unit) => unit.Length switch
    {
        5 => db.Temuan.AsNoTracking().Where(f => f.TenantCode == unit),
        8 => db.Temuan.AsNoTracking().Where(f => f.KecamatanCode == unit),
        _ => db.Temuan.AsNoTracking().Where(f => f.DesaCode == unit),
    };

    public static IQueryable<SupervisionVisit> VisitsOf(RaporDbContext db, string unit) => unit.Length switch
    {
        5 => db.SupervisionVisits.AsNoTracking().Where(v => v.TenantCode == unit),
        8 => db.SupervisionVisits.AsNoTracking().Where(v => v.KecamatanCode == unit),
        _ => db.SupervisionVisits.AsNoTracking().Where(v => v.DesaCode == unit),
    };

    public static async Task<Dictionary<string, string>> NamesAsync(RaporDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return await db.Regions.AsNoTracking().Where(r => list.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    /// <summary>What waits for the kecamatan: planned visits past their date, and follow-ups to review.</summary>
    public static async Task<(int OverdueVisits, int ToReview)> KecamatanWorkAsync(RaporDbContext db, string kecamatan, DateOnly today, CancellationToken ct) =>
        (await db.SupervisionVisits.CountAsync(v => v.KecamatanCode == kecamatan && v.Status == SupervisionVisitStatus.Dijadwalkan && v.ScheduledOn < today, ct),
         await db.Temuan.CountAsync(f => f.KecamatanCode == kecamatan && f.Status == TemuanStatus.Ditanggapi, ct));

    /// <summary>Findings the desa still has to answer.</summary>
    public static Task<int> DesaWorkAsync(RaporDbContext db, string desa, CancellationToken ct) =>
        db.Temuan.CountAsync(f => f.DesaCode == desa && (f.Status == TemuanStatus.Terbuka || f.Status == TemuanStatus.Dikembalikan), ct);

    /// <summary>Latest completed visit per desa (for maps, scorecards and the kabupaten view).</summary>
    public static async Task<Dictionary<string, SupervisionVisit>> LatestCompletedAsync(RaporDbContext db, string unit, CancellationToken ct)
    {
        var done = await VisitsOf(db, unit).Where(v => v.Status == SupervisionVisitStatus.Selesai).Include(v => v.Answers).AsSplitQuery().ToListAsync(ct);
        return done.GroupBy(v => v.DesaCode).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.CompletedAt).First());
    }

    /// <summary>Compliance bands for colouring desa (% of applicable items answered "sesuai"); see ADR-031.</summary>
    public static string Band(double? compliance) => compliance switch
    {
        null => "none",
        >= 90 => "baik",
        >= 75 => "cukup",
        _ => "kurang",
    };
}
