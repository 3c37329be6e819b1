using Rapor.Scoring;

namespace Rapor.Tests.Scoring;

/// <summary>Incremental rescoring must always equal a full recompute.</summary>
public sealed class ScoreboardPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Incremental_updates_equal_a_full_recompute(int seed)
    {
        var rng = new Random(seed);
        var f = RandomFramework(rng);
        var units = new List<UnitInput>();
        for (var k = 0; k < rng.Next(3, 12); k++)
        {
            var kec = $"K{k:00}";
            units.Add(RandomUnit(rng, f, kec, UnitLevel.Kecamatan, "T"));
            for (var l = 0; l < rng.Next(0, 7); l++)
                units.Add(RandomUnit(rng, f, $"{kec}.L{l}", UnitLevel.Kelurahan, kec));
        }
        var board = new Scoreboard(f, units.Select(u => Engine.ScoreUnit(f, u, true)));

        for (var step = 0; step < 300; step++)
        {
            // A verification decision: one value of one unit changes (or is rejected to missing, or a whole report goes missing).
            var i = rng.Next(units.Count);
            var u = units[i];
            var values = (double[])u.Values.Clone();
            var roll = rng.NextDouble();
            if (roll < 0.05)
                u = u with { HasReport = !u.HasReport };
            else
                values[rng.Next(values.Length)] = roll < 0.15 ? double.NaN : Math.Round(rng.NextDouble() * 120, rng.Next(0, 3));
            units[i] = u with { Values = values };
            board.Update(Engine.ScoreUnit(f, units[i], true));

            var full = Engine.Standings(f, units.Select(x => Engine.ScoreUnit(f, x, true)).ToList()).ToDictionary(s => s.Code);
            foreach (var s in board.Standings)
            {
                var e = full[s.Code];
                Assert.Equal(e.Total, s.Total, 9);
                Assert.Equal((e.Rank, e.Tied, e.Position, e.Zone, e.MissingReport), (s.Rank, s.Tied, s.Position, s.Zone, s.MissingReport));
            }
        }
    }

    private static FrameworkSpec RandomFramework(Random rng)
    {
        var bidang = Enumerable.Range(1, 4).Select(n => new BidangSpec(n, $"B{n}", 25)).ToList();
        var indicators = new List<IndicatorSpec>();
        for (var b = 0; b < 4; b++)
        {
            var n = rng.Next(2, 6);
            for (var j = 0; j < n; j++)
            {
                var rule = (Rule)rng.Next(4);
                indicators.Add(new IndicatorSpec($"{b + 1}.{j}", b, rule, rule == Rule.YesNo ? 1 : rng.Next(0, 100), 100.0 / n,
                    ForKecamatan: rng.NextDouble() < 0.9, ForKelurahan: rng.NextDouble() < 0.9, Monthly: true,
                    Bands: rule == Rule.Bands ? [(0, 0), (30, 50), (60, 80), (90, 100)] : null));
            }
        }
        return new FrameworkSpec(bidang, indicators, RollUpShare: Math.Round(rng.NextDouble(), 2), GreenFrom: 80, YellowFrom: 65);
    }

    private static UnitInput RandomUnit(Random rng, FrameworkSpec f, string code, UnitLevel level, string parent) =>
        new(code, code, level, parent, rng.NextDouble() > 0.05,
            f.Indicators.Select(_ => rng.NextDouble() < 0.1 ? double.NaN : Math.Round(rng.NextDouble() * 120)).ToArray());
}

public sealed class CompiledFrameworkTests
{
    /// <summary>Four bidang and <paramref name="count"/> indicators cycling through the rules, levels and (unless all monthly) frequencies.</summary>
    internal static FrameworkSpec MixedFramework(int count, bool allMonthly) => new(
        [new(1, "B1", 30), new(2, "B2", 25), new(3, "B3", 25), new(4, "B4", 20)],
        Enumerable.Range(0, count).Select(i => new IndicatorSpec($"I{i}", i % 4, (Rule)(i % 4), i % 4 == 2 ? 1 : 5 + i, 1 + i % 3,
            ForKecamatan: i % 7 != 0, ForKelurahan: i % 5 != 0, Monthly: allMonthly || i % 6 != 0, Bands: i % 4 == 3 ? [(0, 0), (10, 50), (20, 100)] : null)).ToList());

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Compiled_scores_equal_the_explained_engine(int seed)
    {
        var rng = new Random(seed);
        var f = MixedFramework(24, allMonthly: false);
        foreach (var monthly in new[] { true, false })
        {
            var compiled = new CompiledFramework(f, monthly);
            for (var n = 0; n < 500; n++)
            {
                var level = n % 2 == 0 ? UnitLevel.Kecamatan : UnitLevel.Kelurahan;
                var u = new UnitInput($"U{n}", "U", level, "P", rng.NextDouble() > 0.05,
                    f.Indicators.Select(_ => rng.NextDouble() < 0.1 ? double.NaN : Math.Round(rng.NextDouble() * 40, 1)).ToArray());
                var explained = Engine.ScoreUnit(f, u, monthly);
                var (own, b1) = compiled.Score(u.Values, u.Level, u.HasReport);
                Assert.Equal(explained.OwnScore, own, 9);
                Assert.Equal(explained.Bidang[0].Score, b1, 9);
            }
        }
    }
}

public sealed class TenantMatrixTests
{
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Columnar_rescore_equals_the_record_engine_before_and_after_changes(int seed)
    {
        var rng = new Random(seed);
        var f = CompiledFrameworkTests.MixedFramework(16, allMonthly: true);
        var compiled = new CompiledFramework(f, monthly: true);
        var units = new List<UnitInput>();
        for (var k = 0; k < 12; k++)
        {
            // Coarse values (integers up to 25) make equal totals, so ties and the tie-breakers are exercised.
            units.Add(new($"K{k:00}", $"Kec {rng.Next(5)}", UnitLevel.Kecamatan, "T", rng.NextDouble() > 0.1, Values(rng, f)));
            for (var l = 0; l < rng.Next(0, 8); l++)
                units.Add(new($"K{k:00}.{l}", $"Kel {rng.Next(30)}", UnitLevel.Kelurahan, $"K{k:00}", rng.NextDouble() > 0.1, Values(rng, f)));
        }
        var matrix = new TenantMatrix(units);
        for (var round = 0; round < 20; round++)
        {
            matrix.Rescore(compiled);
            var expected = Engine.Standings(f, units.Select(compiled.Light).ToList());
            foreach (var e in expected)
            {
                var s = matrix.Standing(matrix.IndexOf(e.Code));
                Assert.Equal(e.Total, s.Total, 9);
                Assert.Equal((e.KelurahanMean ?? -1), (s.KelurahanMean ?? -1), 9);
                Assert.Equal((e.Rank, e.Tied, e.Position, e.Zone, e.MissingReport), (s.Rank, s.Tied, s.Position, s.Zone, s.MissingReport));
            }
            var i = rng.Next(units.Count);
            units[i] = units[i] with { Values = Values(rng, f), HasReport = rng.NextDouble() > 0.1 };
            matrix.SetValues(i, units[i].Values, units[i].HasReport);
        }
    }

    private static double[] Values(Random rng, FrameworkSpec f) =>
        f.Indicators.Select(_ => rng.NextDouble() < 0.1 ? double.NaN : rng.Next(0, 26)).ToArray();
}
