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
    public required Tenant Tenant { get; init; }
    public string TenantName => Tenant.Name;
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

    /// <summary>Verified values whose evidence was flagged and accepted anyway (internal rapor only; see <see cref="LoadFlaggedAsync"/>).</summary>
    public List<FlaggedValue> FlaggedEvidence { get; private set; } = [];
    public Provenance.EvidenceFlags EvidenceFlags { get; private set; } = Provenance.EvidenceFlags.Empty;

    public sealed record FlaggedValue(string Code, string Name, VerificationStatus Status, string? VerifiedBy, string? Reason, List<Domain.Evidence> Evidence);

    /// <summary>
    /// Fills <see cref="FlaggedEvidence"/>: for each accepted or corrected value of this unit's report whose evidence
    /// carries a risk flag, the flags and the verifier's reason. Kept off the public rapor, which shows scores only.
    /// </summary>
    public async Task LoadFlaggedAsync(RaporDbContext db, CancellationToken ct)
    {
        var rows = await (from r in db.Reports
                          join v in db.ReportValues on r.Id equals v.ReportId
                          join e in db.Evidence on v.Id equals e.ReportValueId
                          where r.PeriodId == Period.Id && r.UnitCode == Unit.Code
                                && (v.Verification == VerificationStatus.Diterima || v.Verification == VerificationStatus.Dikoreksi)
                                && db.EvidenceFlags.Any(f => f.EvidenceId == e.Id && (f.Kind == EvidenceFlagKind.Duplicate || f.Kind == EvidenceFlagKind.OutsideArea || f.Kind == EvidenceFlagKind.DateMismatch))
                          select new { v.IndicatorId, v.Verification, v.VerifiedBy, v.VerificationNote, Evidence = e }).AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
            return;
        EvidenceFlags = await Provenance.EvidenceFlags.LoadAsync(db, rows.Select(r => r.Evidence.Id), ct);
        var indicators = Spec.Indicators.ToDictionary(i => i.Id);
        FlaggedEvidence = rows.GroupBy(r => r.IndicatorId).Where(g => indicators.ContainsKey(g.Key))
            .Select(g => new FlaggedValue(indicators[g.Key].Code, indicators[g.Key].Name, g.First().Verification, g.First().VerifiedBy, g.First().VerificationNote,
                g.Select(x => x.Evidence).ToList()))
            .OrderBy(f => f.Code, StringComparer.Ordinal).ToList();
    }

    public bool Finalized => Period.FinalizedAt is not null;
    public UnitTerms Terms => UnitTerms.Of(Unit);

    /// <summary>"Kecamatan", "Kelurahan" or "Desa" in Bahasa Indonesia, for the PDF and exports.</summary>
    public string LevelWord => Terms.Kind.Id;

    /// <summary>What the unit's children are called: "Kelurahan", "Desa" or "Kelurahan/Desa" when it has both.</summary>
    public string ChildrenWord => Children.Select(c => RegionCode.VillageTypeOf(c.UnitCode)).Distinct().Order(StringComparer.Ordinal).ToList() switch
    {
        ["desa"] => "Desa",
        ["kelurahan"] => "Kelurahan",
        _ => "Kelurahan/Desa",
    };
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
            Tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Code == unit.TenantCode, ct),
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
