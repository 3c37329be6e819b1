namespace Rapor.Scoring;

/// <summary>
/// The scoring rules of the domain brief (§4), pure and deterministic:
/// indicator score → bidang score (weighted mean) → own total (bidang weights) → kecamatan roll-up → zone → rank.
/// </summary>
public static class Engine
{
    /// <summary>Indicator score 0–100 for an actual value; null (missing) scores 0.</summary>
    public static double IndicatorScore(IndicatorSpec spec, double? actual)
    {
        if (actual is not { } a || double.IsNaN(a))
            return 0;
        var score = spec.Rule switch
        {
            // Target 0 cannot be reached "partly": any non-negative value meets it.
            Rule.LinearToTarget => spec.Target <= 0 ? 100 : 100 * a / spec.Target,
            // Actual 0 is the best possible (e.g. zero incidents); target 0 with incidents scores 0.
            Rule.LowerIsBetter => a <= 0 ? 100 : spec.Target <= 0 ? 0 : 100 * spec.Target / a,
            Rule.YesNo => a >= 0.5 ? 100 : 0,
            Rule.Bands => Band(spec.Bands, a),
            _ => 0,
        };
        return Math.Clamp(score, 0, 100);
    }

    private static double Band(IReadOnlyList<(double From, double Score)>? bands, double a)
    {
        var score = 0.0;
        if (bands is null)
            return 0;
        foreach (var (from, s) in bands)
        {
            if (a >= from)
                score = s;
            else
                break;
        }
        return score;
    }

    /// <summary>Scores one unit for a monthly (or annual-only) period from its values.</summary>
    public static UnitScore ScoreUnit(FrameworkSpec f, UnitInput unit, bool monthly)
    {
        var scores = new double[f.Indicators.Count];
        var applies = new bool[f.Indicators.Count];
        for (var i = 0; i < f.Indicators.Count; i++)
        {
            var spec = f.Indicators[i];
            applies[i] = spec.AppliesTo(unit.Level) && spec.Monthly == monthly;
            if (applies[i] && unit.HasReport)
                scores[i] = IndicatorScore(spec, unit.Values[i]);
        }
        return Aggregate(f, unit, scores, applies);
    }

    /// <summary>
    /// Annual score: a monthly indicator scores the mean of its monthly scores (a missing month counts 0), an annual
    /// indicator scores its annual value; then the usual weighted aggregation over all indicators of the level.
    /// </summary>
    public static UnitScore ScoreAnnual(FrameworkSpec f, UnitInput annual, IReadOnlyList<UnitInput?> months)
    {
        var scores = new double[f.Indicators.Count];
        var applies = new bool[f.Indicators.Count];
        for (var i = 0; i < f.Indicators.Count; i++)
        {
            var spec = f.Indicators[i];
            applies[i] = spec.AppliesTo(annual.Level);
            if (!applies[i])
                continue;
            if (spec.Monthly)
            {
                var sum = 0.0;
                foreach (var m in months)
                {
                    if (m is { HasReport: true })
                        sum += IndicatorScore(spec, m.Values[i]);
                }
                scores[i] = months.Count == 0 ? 0 : sum / months.Count;
            }
            else if (annual.HasReport)
                scores[i] = IndicatorScore(spec, annual.Values[i]);
        }
        var anyReport = annual.HasReport || months.Any(m => m is { HasReport: true });
        return Aggregate(f, annual with { HasReport = anyReport }, scores, applies);
    }

    private static UnitScore Aggregate(FrameworkSpec f, UnitInput unit, double[] scores, bool[] applies)
    {
        // Weights are renormalised over what applies, so a level or period without some indicators is not penalised.
        var bidangWeights = new double[f.Bidang.Count];
        var bidangScores = new double[f.Bidang.Count];
        var indicatorWeightSums = new double[f.Bidang.Count];
        for (var i = 0; i < f.Indicators.Count; i++)
        {
            if (applies[i])
                indicatorWeightSums[f.Indicators[i].Bidang] += f.Indicators[i].Weight;
        }
        var bidangWeightSum = 0.0;
        for (var b = 0; b < f.Bidang.Count; b++)
        {
            if (indicatorWeightSums[b] > 0)
                bidangWeightSum += f.Bidang[b].Weight;
        }
        var results = new IndicatorResult[f.Indicators.Count];
        var own = 0.0;
        for (var i = 0; i < f.Indicators.Count; i++)
        {
            var spec = f.Indicators[i];
            var b = spec.Bidang;
            var inBidang = applies[i] && indicatorWeightSums[b] > 0 ? spec.Weight / indicatorWeightSums[b] : 0;
            var bidangShare = indicatorWeightSums[b] > 0 && bidangWeightSum > 0 ? f.Bidang[b].Weight / bidangWeightSum : 0;
            bidangScores[b] += inBidang * scores[i];
            var contribution = bidangShare * inBidang * scores[i];
            own += contribution;
            var v = unit.HasReport && !double.IsNaN(unit.Values[i]) ? unit.Values[i] : (double?)null;
            results[i] = new IndicatorResult(spec.Code, v, spec.Target, spec.Rule, scores[i], inBidang * 100, contribution, applies[i] && v is null);
            bidangWeights[b] = bidangShare * 100;
        }
        var bidang = f.Bidang.Select((x, b) => new BidangResult(x.Number, x.Name, bidangWeights[b], bidangScores[b], bidangWeights[b] / 100 * bidangScores[b])).ToList();
        return new UnitScore(unit.Code, unit.Name, unit.Level, unit.ParentCode, !unit.HasReport, own,
            bidang, results.Where((_, i) => applies[i]).ToList());
    }

    public static Zone ZoneOf(FrameworkSpec f, double total) =>
        total >= f.GreenFrom ? Zone.Hijau : total >= f.YellowFrom ? Zone.Kuning : Zone.Merah;

    /// <summary>Kecamatan total = (1 − s) × own + s × mean of its kelurahan totals (own alone when it has none).</summary>
    public static double RollUp(double own, double? kelurahanMean, double share) =>
        kelurahanMean is { } m ? (1 - share) * own + share * m : own;

    /// <summary>Totals, zones and ranks for a whole tenant and period.</summary>
    public static List<Standing> Standings(FrameworkSpec f, IReadOnlyList<UnitScore> units)
    {
        // Kelurahan own scores summed per kecamatan in one pass.
        var kids = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            if (u.Level != UnitLevel.Kelurahan || u.ParentCode is null)
                continue;
            var (sum, count) = kids.GetValueOrDefault(u.ParentCode);
            kids[u.ParentCode] = (sum + u.OwnScore, count + 1);
        }
        var list = new List<Standing>(units.Count);
        foreach (var u in units)
        {
            double? mean = u.Level == UnitLevel.Kecamatan && kids.TryGetValue(u.Code, out var k) ? k.Sum / k.Count : null;
            var total = u.Level == UnitLevel.Kecamatan ? RollUp(u.OwnScore, mean, f.RollUpShare) : u.OwnScore;
            list.Add(new Standing(u.Code, u.Name, u.Level, u.ParentCode, u.OwnScore, mean, total, u.Bidang.Count > 0 ? u.Bidang[0].Score : 0,
                Zone.Merah, 0, false, 0, u.MissingReport));
        }
        return Rank(f, list);
    }

    /// <summary>
    /// Orders each level by total, then bidang (1) score, then name (then code). The rank number is shared by totals equal to two
    /// decimals (shown as "=7"), so a tie-break changes the order of the list but never the rank.
    /// </summary>
    public static List<Standing> Rank(FrameworkSpec f, IReadOnlyList<Standing> standings)
    {
        var result = new List<Standing>(standings.Count);
        foreach (var level in new[] { UnitLevel.Kecamatan, UnitLevel.Kelurahan })
        {
            var ordered = new List<(double Rounded, Standing S)>();
            foreach (var s in standings)
            {
                if (s.Level == level)
                    ordered.Add((Math.Round(s.Total, 2), s));
            }
            ordered.Sort(static (a, b) =>
            {
                var c = b.Rounded.CompareTo(a.Rounded);
                if (c == 0)
                    c = b.S.Bidang1.CompareTo(a.S.Bidang1);
                if (c == 0)
                    c = string.CompareOrdinal(a.S.Name, b.S.Name);
                // Villages in different kecamatan can share a name; the code keeps the order deterministic.
                return c != 0 ? c : string.CompareOrdinal(a.S.Code, b.S.Code);
            });
            var rank = 0;
            for (var i = 0; i < ordered.Count; i++)
            {
                var (r, tied) = RankAt(i, ordered[i].Rounded, i > 0 ? ordered[i - 1].Rounded : null, i + 1 < ordered.Count ? ordered[i + 1].Rounded : null, ref rank);
                var s = ordered[i].S;
                result.Add(s with { Rank = r, Tied = tied, Position = i + 1, Zone = ZoneOf(f, s.Total) });
            }
        }
        return result;
    }

    /// <summary>
    /// The rank number at position <paramref name="index"/> (0-based) of a level in ranking order, given its rounded total
    /// and its neighbours': equal totals share the rank of the first of them ("=7"), and the next total skips past them.
    /// <paramref name="rank"/> carries the previous position's rank.
    /// </summary>
    public static (int Rank, bool Tied) RankAt(int index, double rounded, double? previous, double? next, ref int rank)
    {
        if (previous != rounded)
            rank = index + 1;
        return (rank, previous == rounded || next == rounded);
    }
}
