using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapor.Scoring;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using EngineLevel = Rapor.Scoring.UnitLevel;

namespace Rapor.Web.Features.Rapor;

/// <summary>
/// Adapts stored frameworks and report values to the pure engine and keeps <see cref="ScoreRecord"/>s current:
/// a full recompute per tenant and period, or an incremental update after one verification decision.
/// </summary>
public sealed class ScoringService(RaporDbContext db, TimeProvider clock)
{
    public sealed record Spec(Framework Framework, FrameworkSpec Engine, List<Indicator> Indicators, Dictionary<Guid, int> Index);

    public static Spec BuildSpec(Framework f)
    {
        var bidang = f.Bidang.OrderBy(b => b.Number).ToList();
        var bidangIndex = bidang.Select((b, i) => (b.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var indicators = bidang.SelectMany(b => b.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal)).ToList();
        var engine = new FrameworkSpec(
            bidang.Select(b => new BidangSpec(b.Number, b.Name, b.Weight)).ToList(),
            indicators.Select(i => new IndicatorSpec(i.Code, bidangIndex[i.BidangId], RuleOf(i.Rule), i.Target, i.Weight,
                ForKecamatan: i.Level != Domain.UnitLevel.Kelurahan, ForKelurahan: i.Level != Domain.UnitLevel.Kecamatan,
                Monthly: i.Frequency == Frequency.Monthly, Bands: FrameworkRules.ParseBands(i.Bands))).ToList(),
            f.RollUpShare, f.GreenFrom, f.YellowFrom);
        return new Spec(f, engine, indicators, indicators.Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n));
    }

    private static Rule RuleOf(ScoringRule r) => r switch
    {
        ScoringRule.LowerIsBetter => Rule.LowerIsBetter,
        ScoringRule.YesNo => Rule.YesNo,
        ScoringRule.Bands => Rule.Bands,
        _ => Rule.LinearToTarget,
    };

    public static EngineLevel LevelOf(RegionLevel level) => level == RegionLevel.Kecamatan ? EngineLevel.Kecamatan : EngineLevel.Kelurahan;

    public async Task<Spec?> SpecAsync(string tenant, int year, CancellationToken ct)
    {
        var f = await db.Frameworks.AsNoTracking().Include(x => x.Bidang).ThenInclude(b => b.Indicators)
            .FirstOrDefaultAsync(x => x.TenantCode == tenant && x.Year == year, ct);
        return f is null ? null : BuildSpec(f);
    }

    /// <summary>
    /// One input per unit (or only <paramref name="unitCode"/>): verified values, or the claimed ones for the
    /// self-assessed score. A draft is not a report; an undecided value counts as missing until it is verified.
    /// </summary>
    public async Task<List<UnitInput>> InputsAsync(Spec spec, string tenant, Guid periodId, bool verified, CancellationToken ct, string? unitCode = null, bool withChildren = false)
    {
        var below = unitCode + ".";
        // A unit removed from the code list (inactive) still counts in the periods that opened before it left.
        var opens = await db.Periods.Where(p => p.Id == periodId).Select(p => p.OpensOn).FirstOrDefaultAsync(ct);
        var units = await db.Regions.AsNoTracking()
            .Where(r => r.TenantCode == tenant && r.Level != RegionLevel.KabupatenKota && (r.IsActive || r.InactiveSince > opens)
                && (unitCode == null || r.Code == unitCode || (withChildren && r.Code.StartsWith(below))))
            .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct);
        var values = await (from r in db.Reports
                            join v in db.ReportValues on r.Id equals v.ReportId
                            where r.PeriodId == periodId && r.Status != ReportStatus.Draf && (unitCode == null || r.UnitCode == unitCode || (withChildren && r.UnitCode.StartsWith(below)))
                            select new { r.UnitCode, v.IndicatorId, v.Value, v.VerifiedValue }).AsNoTracking().ToListAsync(ct);
        var reported = (await db.Reports.AsNoTracking().Where(r => r.PeriodId == periodId && r.Status != ReportStatus.Draf && (unitCode == null || r.UnitCode == unitCode || (withChildren && r.UnitCode.StartsWith(below))))
            .Select(r => r.UnitCode).ToListAsync(ct)).ToHashSet();
        var byUnit = values.GroupBy(v => v.UnitCode).ToDictionary(g => g.Key, g => g.ToList());
        return units.Select(u =>
        {
            var arr = new double[spec.Indicators.Count];
            Array.Fill(arr, double.NaN);
            foreach (var v in byUnit.GetValueOrDefault(u.Code) ?? [])
            {
                if (spec.Index.TryGetValue(v.IndicatorId, out var i))
                    arr[i] = (verified ? v.VerifiedValue : v.Value) ?? double.NaN;
            }
            return new UnitInput(u.Code, u.Name, LevelOf(u.Level), u.ParentCode, reported.Contains(u.Code), arr);
        }).ToList();
    }

    /// <summary>Scores of every unit of the period's tenant, monthly or annual, from verified (or claimed) values.</summary>
    public async Task<(Spec Spec, List<UnitScore> Scores)?> ScoreAllAsync(Period period, bool verified, CancellationToken ct, string? unitCode = null, bool withChildren = false)
    {
        var spec = await SpecAsync(period.TenantCode, period.Year, ct);
        if (spec is null)
            return null;
        if (period.Kind == PeriodKind.Monthly)
            return (spec, (await InputsAsync(spec, period.TenantCode, period.Id, verified, ct, unitCode, withChildren)).Select(u => Engine.ScoreUnit(spec.Engine, u, true)).ToList());
        var months = await db.Periods.AsNoTracking().Where(p => p.TenantCode == period.TenantCode && p.Year == period.Year && p.Month != null)
            .OrderBy(p => p.Month).ToListAsync(ct);
        var monthly = new List<Dictionary<string, UnitInput>>();
        foreach (var m in months)
            monthly.Add((await InputsAsync(spec, period.TenantCode, m.Id, verified, ct, unitCode, withChildren)).ToDictionary(u => u.Code));
        var annual = await InputsAsync(spec, period.TenantCode, period.Id, verified, ct, unitCode, withChildren);
        // Months without a period yet count as missing: an annual score always spans twelve months.
        return (spec, annual.Select(a => Engine.ScoreAnnual(spec.Engine, a,
            Enumerable.Range(0, 12).Select(i => i < monthly.Count ? monthly[i].GetValueOrDefault(a.Code) : null).ToList())).ToList());
    }

    /// <summary>Rebuilds the stored standings of one period from scratch.</summary>
    public async Task<List<ScoreRecord>> RecomputeAsync(Period period, CancellationToken ct)
    {
        if (period.FinalizedAt is not null)
            throw new DomainException("Periode sudah difinalisasi; buka kembali dulu untuk menghitung ulang.");
        var result = await ScoreAllAsync(period, verified: true, ct);
        await db.Scores.Where(s => s.PeriodId == period.Id).ExecuteDeleteAsync(ct);
        if (result is not { } r)
            return [];
        var byCode = r.Scores.ToDictionary(s => s.Code);
        var now = clock.GetUtcNow().UtcDateTime;
        var records = Engine.Standings(r.Spec.Engine, r.Scores).Select(s => ToRecord(period.Id, s, byCode[s.Code], now)).ToList();
        db.Scores.AddRange(records);
        await db.SaveChangesAsync(ct);
        return records;
    }

    /// <summary>Stored standings of a period, computed first if there are none (and the period is not finalized).</summary>
    public async Task<List<ScoreRecord>> StandingsAsync(Period period, CancellationToken ct)
    {
        var records = await db.Scores.AsNoTracking().Where(s => s.PeriodId == period.Id).ToListAsync(ct);
        if (records.Count == 0 && period.FinalizedAt is null)
            records = await RecomputeAsync(period, ct);
        return records;
    }

    /// <summary>
    /// After a verification decision on one unit's report: rescore that unit, roll up its kecamatan and re-rank,
    /// writing only the records that changed. The year's annual standings are dropped and rebuilt when next viewed.
    /// </summary>
    public async Task ApplyDecisionAsync(Period period, string unitCode, CancellationToken ct)
    {
        if (period.FinalizedAt is not null)
            throw new DomainException("Periode sudah difinalisasi.");
        var stored = await db.Scores.Where(s => s.PeriodId == period.Id).ToListAsync(ct);
        var spec = await SpecAsync(period.TenantCode, period.Year, ct);
        if (stored.Count == 0 || spec is null || period.Kind == PeriodKind.Annual)
        {
            await RecomputeAsync(period, ct);
            return;
        }
        var board = new Scoreboard(spec.Engine, stored.Select(s => new UnitScore(s.UnitCode, s.Name, LevelOf(s.Level), s.ParentCode, s.MissingReport, s.OwnScore,
            [new BidangResult(1, "", 0, s.Bidang1, 0)], [])));
        var input = (await InputsAsync(spec, period.TenantCode, period.Id, verified: true, ct, unitCode)).Single();
        var score = Engine.ScoreUnit(spec.Engine, input, true);
        var now = clock.GetUtcNow().UtcDateTime;
        var records = stored.ToDictionary(s => s.UnitCode);
        foreach (var s in board.Update(score))
            Apply(records[s.Code], s, s.Code == unitCode ? score : null, now);
        await db.Scores.Where(s => db.Periods.Any(p => p.Id == s.PeriodId && p.TenantCode == period.TenantCode && p.Year == period.Year && p.Month == null && p.FinalizedAt == null))
            .ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    private static ScoreRecord ToRecord(Guid periodId, Standing s, UnitScore u, DateTime now)
    {
        var r = new ScoreRecord { PeriodId = periodId, UnitCode = s.Code, Name = s.Name, Level = s.Level == EngineLevel.Kecamatan ? RegionLevel.Kecamatan : RegionLevel.Kelurahan, ParentCode = s.ParentCode, Zone = "" };
        Apply(r, s, u, now);
        return r;
    }

    private static void Apply(ScoreRecord r, Standing s, UnitScore? u, DateTime now)
    {
        r.OwnScore = s.OwnScore;
        r.KelurahanMean = s.KelurahanMean;
        r.Total = s.Total;
        r.Bidang1 = s.Bidang1;
        r.Zone = s.Zone.ToString();
        r.Rank = s.Rank;
        r.Tied = s.Tied;
        r.Position = s.Position;
        r.MissingReport = s.MissingReport;
        r.ComputedAt = now;
        if (u is not null)
            r.BidangScores = string.Join(';', u.Bidang.Select(b => b.Score.ToString("0.##", CultureInfo.InvariantCulture)));
    }

    public static double[] ParseBidang(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
}
