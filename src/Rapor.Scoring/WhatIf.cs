namespace Rapor.Scoring;

/// <summary>What meeting one indicator's target would do for a unit: its own score, its total, zone and rank.</summary>
public sealed record IndicatorGain(string Code, double Score, double OwnGain, double TotalGain, double NewTotal, Zone NewZone, int NewRank);

/// <summary>The fewest indicators that lift a unit into a zone: all but the last to target, the last to <see cref="LastScore"/>.</summary>
public sealed record PathToZone(Zone Zone, double Threshold, double PointsNeeded, IReadOnlyList<string> FullCodes, string? LastCode, double LastScore, bool Reachable);

/// <summary>One unit's standing under the current and the proposed weights.</summary>
public sealed record RankChange(string Code, string Name, UnitLevel Level, double Total, int Rank, Zone Zone, double NewTotal, int NewRank, Zone NewZone);

/// <summary>
/// What-if questions answered by the same rules as <see cref="Engine"/>, never stored. A unit's own score is linear in
/// its indicator scores (Σ bidang share × weight in bidang × score), so the gain of meeting a target is that coefficient
/// × (100 − score), gains add up, and a kecamatan's total moves by (1 − s) of its own gain.
/// </summary>
public static class WhatIf
{
    /// <summary>
    /// Per indicator of <paramref name="unit"/> below 100: the gain from meeting its target and the rank the unit would
    /// then reach among <paramref name="peers"/> (the current standings of its level, the unit itself included), largest gain first.
    /// </summary>
    public static List<IndicatorGain> Gains(FrameworkSpec f, UnitScore unit, Standing current, IReadOnlyList<Standing> peers)
    {
        var share = ShareOfOwn(f, current);
        var gains = new List<IndicatorGain>();
        foreach (var (i, coefficient) in Coefficients(f, unit))
        {
            if (i.Score >= 100 || coefficient <= 0)
                continue;
            var own = coefficient * (100 - i.Score);
            var total = current.Total + share * own;
            gains.Add(new IndicatorGain(i.Code, i.Score, own, share * own, total, Engine.ZoneOf(f, total), RankWith(peers, current, total)));
        }
        return gains.OrderByDescending(g => g.TotalGain).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// "Untuk mencapai hijau: +X pada …": the points the total lacks for <paramref name="zone"/> and the fewest
    /// indicators that close the gap (largest gains first; the last one only as far as needed). Null when already there.
    /// </summary>
    public static PathToZone? ToZone(FrameworkSpec f, UnitScore unit, Standing current, Zone zone)
    {
        var threshold = zone switch { Zone.Hijau => f.GreenFrom, Zone.Kuning => f.YellowFrom, _ => 0 };
        var needed = threshold - current.Total;
        if (needed <= 0)
            return null;
        var share = ShareOfOwn(f, current);
        var full = new List<string>();
        var left = needed;
        foreach (var (i, coefficient) in Coefficients(f, unit).OrderByDescending(x => x.Coefficient * (100 - x.Indicator.Score)).ThenBy(x => x.Indicator.Code, StringComparer.Ordinal))
        {
            var gain = share * coefficient * (100 - i.Score);
            if (gain <= 0)
                continue;
            if (gain >= left - 1e-9)
            {
                // Just enough of this one: the score it must reach.
                return new PathToZone(zone, threshold, needed, full, i.Code, Math.Min(100, i.Score + left / (share * coefficient)), true);
            }
            full.Add(i.Code);
            left -= gain;
        }
        return new PathToZone(zone, threshold, needed, full, null, 0, false);
    }

    /// <summary>
    /// The value an indicator needs for a score (inverse of <see cref="Engine.IndicatorScore"/>): linear → score% of
    /// target, lower-is-better → target ÷ score%, yes/no → 1, bands → the lowest band reaching the score. Null if none does.
    /// </summary>
    public static double? ValueFor(IndicatorSpec spec, double score) => spec.Rule switch
    {
        Rule.LinearToTarget => spec.Target <= 0 ? 0 : spec.Target * score / 100,
        Rule.LowerIsBetter => score <= 0 ? double.PositiveInfinity : spec.Target * 100 / score,
        Rule.YesNo => 1,
        Rule.Bands => spec.Bands?.Where(b => b.Score >= score - 1e-9).Select(b => (double?)b.From).FirstOrDefault(),
        _ => null,
    };

    /// <summary>
    /// Every unit's total, zone and rank under <paramref name="proposed"/> weights (bidang and indicators; targets, rules,
    /// roll-up and zones unchanged) next to the current ones, from the indicator scores already computed per unit.
    /// The input scores must come from <see cref="Engine.ScoreUnit"/> or <see cref="Engine.ScoreAnnual"/> of the current framework.
    /// </summary>
    public static List<RankChange> Reweigh(FrameworkSpec current, FrameworkSpec proposed, IReadOnlyList<UnitScore> units)
    {
        if (proposed.Indicators.Count != current.Indicators.Count || proposed.Bidang.Count != current.Bidang.Count)
            throw new ArgumentException("The proposal must weigh the same bidang and indicators.", nameof(proposed));
        var index = new Dictionary<string, int>(current.Indicators.Count, StringComparer.Ordinal);
        for (var i = 0; i < current.Indicators.Count; i++)
            index[current.Indicators[i].Code] = i;
        var before = Engine.Standings(current, units).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var coefficients = new Dictionary<UnitLevel, (double[] Own, double[] First)>();
        var rescored = new List<UnitScore>(units.Count);
        foreach (var u in units)
        {
            if (!coefficients.TryGetValue(u.Level, out var c))
                coefficients[u.Level] = c = Compile(proposed, u, index);
            double own = 0, first = 0;
            if (!u.MissingReport)
            {
                foreach (var r in u.Indicators)
                {
                    var i = index[r.Code];
                    own += c.Own[i] * r.Score;
                    first += c.First[i] * r.Score;
                }
            }
            rescored.Add(new UnitScore(u.Code, u.Name, u.Level, u.ParentCode, u.MissingReport, own, [new BidangResult(1, "", 0, first, 0)], []));
        }
        return Engine.Standings(proposed, rescored)
            .Select(s => before[s.Code] is var b ? new RankChange(s.Code, s.Name, s.Level, b.Total, b.Rank, b.Zone, s.Total, s.Rank, s.Zone) : null!)
            .OrderBy(r => r.Level).ThenBy(r => r.NewRank).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Coefficients of the proposal for the indicators that apply to this unit (its scored indicators).</summary>
    private static (double[] Own, double[] First) Compile(FrameworkSpec f, UnitScore unit, Dictionary<string, int> index)
    {
        var applies = new bool[f.Indicators.Count];
        foreach (var r in unit.Indicators)
            applies[index[r.Code]] = true;
        var sums = new double[f.Bidang.Count];
        for (var i = 0; i < applies.Length; i++)
        {
            if (applies[i])
                sums[f.Indicators[i].Bidang] += f.Indicators[i].Weight;
        }
        var bidangSum = f.Bidang.Where((_, b) => sums[b] > 0).Sum(b => b.Weight);
        var own = new double[applies.Length];
        var first = new double[applies.Length];
        for (var i = 0; i < applies.Length; i++)
        {
            var b = f.Indicators[i].Bidang;
            if (!applies[i] || sums[b] <= 0 || bidangSum <= 0)
                continue;
            var inBidang = f.Indicators[i].Weight / sums[b];
            own[i] = f.Bidang[b].Weight / bidangSum * inBidang;
            if (b == 0)
                first[i] = inBidang;
        }
        return (own, first);
    }

    /// <summary>How much of a change in own score reaches the total: (1 − s) for a kecamatan with kelurahan, else all.</summary>
    private static double ShareOfOwn(FrameworkSpec f, Standing s) => s.KelurahanMean is null ? 1 : 1 - f.RollUpShare;

    /// <summary>Each scored indicator with its share of the own score (bidang weight × weight in bidang, both renormalised).</summary>
    private static IEnumerable<(IndicatorResult Indicator, double Coefficient)> Coefficients(FrameworkSpec f, UnitScore unit)
    {
        var bidangOf = new Dictionary<string, int>(f.Indicators.Count, StringComparer.Ordinal);
        foreach (var spec in f.Indicators)
            bidangOf[spec.Code] = spec.Bidang;
        foreach (var i in unit.Indicators)
            yield return (i, unit.Bidang[bidangOf[i.Code]].Weight / 100 * i.WeightInBidang / 100);
    }

    /// <summary>The rank <paramref name="unit"/> would have with <paramref name="total"/>, the others unchanged (equal rounded totals share it).</summary>
    private static int RankWith(IReadOnlyList<Standing> peers, Standing unit, double total)
    {
        var rounded = Math.Round(total, 2);
        var above = 0;
        foreach (var p in peers)
        {
            if (p.Code != unit.Code && p.Level == unit.Level && Math.Round(p.Total, 2) > rounded)
                above++;
        }
        return above + 1;
    }
}
