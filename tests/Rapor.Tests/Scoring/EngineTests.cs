using Rapor.Scoring;

namespace Rapor.Tests.Scoring;

public sealed class EngineTests
{
    private static IndicatorSpec Spec(Rule rule, double target, IReadOnlyList<(double, double)>? bands = null) =>
        new("X", 0, rule, target, 100, true, true, true, bands);

    [Theory]
    [InlineData(Rule.LinearToTarget, 95, 90, 94.7368421)]
    [InlineData(Rule.LinearToTarget, 95, 120, 100)]        // capped at 100
    [InlineData(Rule.LinearToTarget, 0, 0, 100)]           // target 0 is met by any value
    [InlineData(Rule.LinearToTarget, 10, -5, 0)]           // never below 0
    [InlineData(Rule.LowerIsBetter, 15, 20, 75)]
    [InlineData(Rule.LowerIsBetter, 15, 10, 100)]
    [InlineData(Rule.LowerIsBetter, 2, 0, 100)]            // actual 0 is the best possible
    [InlineData(Rule.LowerIsBetter, 0, 0, 100)]
    [InlineData(Rule.LowerIsBetter, 0, 3, 0)]              // target 0 with incidents
    [InlineData(Rule.YesNo, 1, 1, 100)]
    [InlineData(Rule.YesNo, 1, 0, 0)]
    public void Indicator_score_follows_its_rule(Rule rule, double target, double actual, double expected) =>
        Assert.Equal(expected, Engine.IndicatorScore(Spec(rule, target), actual), 6);

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(49.9, 0)]
    [InlineData(50, 60)]
    [InlineData(89, 80)]
    [InlineData(90, 100)]
    [InlineData(1000, 100)]
    public void Band_table_takes_the_highest_band_reached(double actual, double expected) =>
        Assert.Equal(expected, Engine.IndicatorScore(Spec(Rule.Bands, 0, [(0, 0), (50, 60), (75, 80), (90, 100)]), actual));

    [Fact]
    public void A_missing_value_scores_zero() => Assert.Equal(0, Engine.IndicatorScore(Spec(Rule.LinearToTarget, 10), null));

    /// <summary>
    /// Worked by hand. Bidang 1 (60 %): A linear target 100 (50 %), B lower-is-better target 10 (50 %).
    /// Bidang 2 (40 %): C yes/no. s = 0.3, hijau ≥ 80, kuning ≥ 65.
    ///   K  : A 90 → 90, B 20 → 50, C ya → 100; bidang 1 = 70, bidang 2 = 100; own = 0.6·70 + 0.4·100 = 82
    ///   L1 : A 100 → 100, B 5 → 100, C tidak → 0; own = 0.6·100 + 0 = 60
    ///   L2 : A 50 → 50, B 0 → 100, C ya → 100; bidang 1 = 75; own = 45 + 40 = 85
    ///   K total = 0.7·82 + 0.3·(60 + 85)/2 = 57.4 + 21.75 = 79.15 (kuning)
    ///   K2 has no report: 0 (merah), rank 2 of 2.
    /// </summary>
    [Fact]
    public void Worked_example_matches_the_hand_calculation()
    {
        var f = new FrameworkSpec(
            [new(1, "Pelayanan", 60), new(2, "Inovasi", 40)],
            [
                new("A", 0, Rule.LinearToTarget, 100, 50, true, true, true),
                new("B", 0, Rule.LowerIsBetter, 10, 50, true, true, true),
                new("C", 1, Rule.YesNo, 1, 100, true, true, true),
            ],
            RollUpShare: 0.3, GreenFrom: 80, YellowFrom: 65);
        UnitInput U(string code, UnitLevel level, string? parent, params double[] v) => new(code, code, level, parent, v.Length > 0, v.Length > 0 ? v : [double.NaN, double.NaN, double.NaN]);
        var units = new[]
        {
            U("K", UnitLevel.Kecamatan, "T", 90, 20, 1),
            U("L1", UnitLevel.Kelurahan, "K", 100, 5, 0),
            U("L2", UnitLevel.Kelurahan, "K", 50, 0, 1),
            U("K2", UnitLevel.Kecamatan, "T"),
        }.Select(u => Engine.ScoreUnit(f, u, monthly: true)).ToList();

        var k = units[0];
        Assert.Equal(70, k.Bidang[0].Score, 9);
        Assert.Equal(100, k.Bidang[1].Score, 9);
        Assert.Equal(82, k.OwnScore, 9);
        Assert.Equal(60, units[1].OwnScore, 9);
        Assert.Equal(85, units[2].OwnScore, 9);
        // Explanations add up: contributions sum to the own score.
        Assert.Equal(82, k.Indicators.Sum(i => i.Contribution), 9);
        Assert.Equal(0.6 * 0.5 * 50, k.Indicators.Single(i => i.Code == "B").Contribution, 9);

        var s = Engine.Standings(f, units).ToDictionary(x => x.Code);
        Assert.Equal(72.5, s["K"].KelurahanMean!.Value, 9);
        Assert.Equal(79.15, s["K"].Total, 9);
        Assert.Equal(Zone.Kuning, s["K"].Zone);
        Assert.Equal((1, 2), (s["K"].Rank, s["K2"].Rank));
        Assert.True(s["K2"].MissingReport);
        Assert.Equal(Zone.Merah, s["K2"].Zone);
        Assert.Equal((Zone.Hijau, 1), (s["L2"].Zone, s["L2"].Rank));
        Assert.Equal((Zone.Merah, 2), (s["L1"].Zone, s["L1"].Rank));
    }

    [Theory]
    [InlineData(0, 82)]
    [InlineData(1, 72.5)]
    [InlineData(0.3, 79.15)]
    public void Roll_up_share_0_keeps_own_score_and_1_takes_the_kelurahan_mean(double share, double expected) =>
        Assert.Equal(expected, Engine.RollUp(82, 72.5, share), 9);

    [Fact]
    public void A_kecamatan_without_kelurahan_keeps_its_own_score() => Assert.Equal(82, Engine.RollUp(82, null, 0.3));

    [Fact]
    public void Indicators_of_another_level_or_frequency_do_not_dilute_the_score()
    {
        var f = new FrameworkSpec(
            [new(1, "B1", 100)],
            [new("A", 0, Rule.LinearToTarget, 10, 50, true, true, true), new("KEC", 0, Rule.LinearToTarget, 10, 50, true, false, true), new("ANN", 0, Rule.YesNo, 1, 50, true, true, false)]);
        var kel = Engine.ScoreUnit(f, new UnitInput("L", "L", UnitLevel.Kelurahan, "K", true, [10, double.NaN, double.NaN]), monthly: true);
        Assert.Equal(100, kel.OwnScore, 9);
        Assert.Single(kel.Indicators);
        var kec = Engine.ScoreUnit(f, new UnitInput("K", "K", UnitLevel.Kecamatan, "T", true, [10, 5, double.NaN]), monthly: true);
        Assert.Equal(75, kec.OwnScore, 9);
        Assert.True(kec.Indicators.All(i => !i.Missing));
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_are_ordered_by_bidang_1_then_name()
    {
        var f = new FrameworkSpec([new(1, "B1", 50), new(2, "B2", 50)],
            [new("A", 0, Rule.LinearToTarget, 100, 100, true, true, true), new("B", 1, Rule.LinearToTarget, 100, 100, true, true, true)]);
        UnitScore Kec(string name, double a, double b) => Engine.ScoreUnit(f, new UnitInput(name, name, UnitLevel.Kecamatan, "T", true, [a, b]), true);
        var s = Engine.Standings(f, [Kec("Coblong", 80, 90), Kec("Antapani", 90, 80), Kec("Batununggal", 90, 80), Kec("Cinambo", 100, 100), Kec("Dago", 10, 10)]);
        Assert.Equal(["Cinambo", "Antapani", "Batununggal", "Coblong", "Dago"], s.OrderBy(x => x.Position).Select(x => x.Name));
        Assert.Equal([1, 2, 2, 2, 5], s.OrderBy(x => x.Position).Select(x => x.Rank));
        Assert.Equal([false, true, true, true, false], s.OrderBy(x => x.Position).Select(x => x.Tied));
    }

    [Fact]
    public void Annual_score_averages_monthly_scores_with_missing_months_as_zero_and_adds_annual_indicators()
    {
        var f = new FrameworkSpec([new(1, "B1", 100)],
            [new("M", 0, Rule.LinearToTarget, 10, 50, true, true, true), new("Y", 0, Rule.YesNo, 1, 50, true, true, false)]);
        var months = Enumerable.Range(1, 12).Select(m => m == 12 ? null
            : new UnitInput("K", "K", UnitLevel.Kecamatan, "T", true, [m <= 6 ? 10 : 5, double.NaN])).ToList();
        var annual = Engine.ScoreAnnual(f, new UnitInput("K", "K", UnitLevel.Kecamatan, "T", true, [double.NaN, 1]), months);
        // M: six months at 100, five at 50, one missing at 0 → 850 / 12
        Assert.Equal(850.0 / 12, annual.Indicators.Single(i => i.Code == "M").Score, 9);
        Assert.Equal(0.5 * 850.0 / 12 + 0.5 * 100, annual.OwnScore, 9);
    }

    [Theory]
    [InlineData(80, Zone.Hijau)]
    [InlineData(79.99, Zone.Kuning)]
    [InlineData(65, Zone.Kuning)]
    [InlineData(64.99, Zone.Merah)]
    public void Zones_follow_the_framework_thresholds(double total, Zone zone) =>
        Assert.Equal(zone, Engine.ZoneOf(new FrameworkSpec([], [], GreenFrom: 80, YellowFrom: 65), total));
}
