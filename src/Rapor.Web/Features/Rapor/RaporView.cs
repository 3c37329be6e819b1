using Microsoft.EntityFrameworkCore;
using Rapor.Scoring;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Rapor;

/// <summary>Everything one rapor shows (page, PDF, Excel, public API): standing, live explanation, claimed score, trend, kelurahan.</summary>
public sealed class RaporView
{
    public required Period Period { get; init; }
    public required Region Unit { get; init; }
    public required string TenantName { get; init; }
    public required ScoringService.Spec Spec { get; init; }
    public ScoreRecord? Score { get; init; }
    public int PeerCount { get; init; }
    public required UnitScore Verified { get; init; }
    public required UnitScore Claimed { get; init; }
    public double ClaimedTotal { get; init; }
    public List<ScoreRecord> Children { get; init; } = [];

    /// <summary>The stored standings of the unit's level in this period (the what-if ranks against them).</summary>
    public List<ScoreRecord> Peers { get; init; } = [];
    public List<(Period Period, ScoreRecord Score)> Trend { get; init; } = [];

    public bool Finalized => Period.FinalizedAt is not null;
    public string LevelWord => Unit.Level == RegionLevel.Kecamatan ? "Kecamatan" : Unit.Type == "desa" ? "Desa" : "Kelurahan";
    public string RankText => Score is null ? "belum dihitung" : $"peringkat {(Score.Tied ? "=" : "")}{Score.Rank} dari {PeerCount}";

    /// <summary>A score as Indonesians write it: two decimals, decimal comma.</summary>
    public static string F(double v) => v.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));

    public Indicator IndicatorOf(string code) => Spec.Indicators.First(i => i.Code == code);

    public static async Task<RaporView?> LoadAsync(RaporDbContext db, ScoringService scoring, string unitCode, string periodKey, CancellationToken ct)
    {
        if (!Domain.Period.TryParseKey(periodKey, out var year, out var month) || !RegionCode.IsValid(unitCode))
            return null;
        var unit = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unitCode && r.Level != RegionLevel.KabupatenKota, ct);
        if (unit is null)
            return null;
        var period = await db.Periods.FirstOrDefaultAsync(p => p.TenantCode == unit.TenantCode && p.Year == year && p.Month == month, ct);
        if (period is null)
            return null;
        var standings = await scoring.StandingsAsync(period, ct);
        var verified = await scoring.ScoreAllAsync(period, verified: true, ct, unitCode);
        if (verified is not { } v)
            return null;
        // Claimed score: the unit's own claim, and for a kecamatan rolled up with its kelurahan's claims.
        var claimedAll = (await scoring.ScoreAllAsync(period, verified: false, ct, unitCode, withChildren: true))!.Value.Scores;
        var claimed = claimedAll.First(s => s.Code == unitCode);
        var claimedKids = claimedAll.Where(s => s.ParentCode == unitCode && s.Level == Scoring.UnitLevel.Kelurahan).Select(s => s.OwnScore).ToList();
        var claimedTotal = unit.Level == RegionLevel.Kecamatan
            ? Engine.RollUp(claimed.OwnScore, claimedKids.Count > 0 ? claimedKids.Average() : null, v.Spec.Framework.RollUpShare)
            : claimed.OwnScore;
        var score = standings.FirstOrDefault(s => s.UnitCode == unitCode);
        var trendPeriods = await db.Periods.AsNoTracking().Where(p => p.TenantCode == unit.TenantCode && p.Year == year && p.Month != null).ToListAsync(ct);
        var trendIds = trendPeriods.Select(p => p.Id).ToList();
        var trend = await db.Scores.AsNoTracking().Where(s => s.UnitCode == unitCode && trendIds.Contains(s.PeriodId)).ToListAsync(ct);
        return new RaporView
        {
            Period = period,
            Unit = unit,
            TenantName = await db.Tenants.Where(t => t.Code == unit.TenantCode).Select(t => t.Name).FirstAsync(ct),
            Spec = v.Spec,
            Score = score,
            PeerCount = standings.Count(s => s.Level == unit.Level),
            Verified = v.Scores.Single(),
            Claimed = claimed,
            ClaimedTotal = claimedTotal,
            Children = standings.Where(s => s.ParentCode == unitCode).OrderBy(s => s.Position).ToList(),
            Peers = standings.Where(s => s.Level == unit.Level).ToList(),
            Trend = trend.Join(trendPeriods, s => s.PeriodId, p => p.Id, (s, p) => (p, s)).OrderBy(x => x.p.Month).ToList(),
        };
    }
}
