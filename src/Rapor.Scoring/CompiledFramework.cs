namespace Rapor.Scoring;

/// <summary>
/// A framework reduced to one coefficient per indicator and level — bidang share × weight in bidang, already
/// renormalised over what applies — so an own score is a single pass over a unit's values with no allocation.
/// Same rules and result as <see cref="Engine.ScoreUnit"/> (a test holds them equal); used for bulk rescoring,
/// while <see cref="Engine.ScoreUnit"/> keeps producing the explanation a rapor shows.
/// </summary>
public sealed class CompiledFramework
{
    private readonly IndicatorSpec[] _specs;
    private readonly double[][] _own = new double[2][];
    private readonly double[][] _bidang1 = new double[2][];

    public FrameworkSpec Spec { get; }

    public CompiledFramework(FrameworkSpec spec, bool monthly)
    {
        Spec = spec;
        _specs = [.. spec.Indicators];
        foreach (var level in new[] { UnitLevel.Kecamatan, UnitLevel.Kelurahan })
        {
            var applies = _specs.Select(s => s.AppliesTo(level) && s.Monthly == monthly).ToArray();
            var sums = new double[spec.Bidang.Count];
            for (var i = 0; i < _specs.Length; i++)
            {
                if (applies[i])
                    sums[_specs[i].Bidang] += _specs[i].Weight;
            }
            var bidangSum = spec.Bidang.Where((_, b) => sums[b] > 0).Sum(b => b.Weight);
            var own = new double[_specs.Length];
            var first = new double[_specs.Length];
            for (var i = 0; i < _specs.Length; i++)
            {
                var b = _specs[i].Bidang;
                if (!applies[i] || sums[b] <= 0 || bidangSum <= 0)
                    continue;
                var inBidang = _specs[i].Weight / sums[b];
                own[i] = spec.Bidang[b].Weight / bidangSum * inBidang;
                if (b == 0)
                    first[i] = inBidang;
            }
            _own[(int)level] = own;
            _bidang1[(int)level] = first;
        }
    }

    /// <summary>Indicator i's share of a unit's own score at this level (0 when it does not apply).</summary>
    public double Coefficient(UnitLevel level, int i) => _own[(int)level][i];

    /// <summary>Indicator i's weight within bidang (1) at this level (0 outside bidang 1).</summary>
    public double Bidang1Coefficient(UnitLevel level, int i) => _bidang1[(int)level][i];

    /// <summary>Own score and bidang (1) score (the tie-breaker) of one unit.</summary>
    public (double Own, double Bidang1) Score(ReadOnlySpan<double> values, UnitLevel level, bool hasReport)
    {
        if (!hasReport)
            return (0, 0);
        var own = _own[(int)level];
        var first = _bidang1[(int)level];
        double total = 0, b1 = 0;
        for (var i = 0; i < _specs.Length; i++)
        {
            if (own[i] == 0)
                continue;
            var score = Engine.IndicatorScore(_specs[i], values[i]);
            total += own[i] * score;
            b1 += first[i] * score;
        }
        return (total, b1);
    }

    /// <summary>A score carrying only what standings need (no explanation), as stored scores are read back.</summary>
    public UnitScore Light(UnitInput u)
    {
        var (own, b1) = Score(u.Values, u.Level, u.HasReport);
        return new UnitScore(u.Code, u.Name, u.Level, u.ParentCode, !u.HasReport, own, [new BidangResult(1, "", 0, b1, 0)], []);
    }
}
