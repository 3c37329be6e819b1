using Rapor.Scoring;

namespace Rapor.Tests.Scoring;

/// <summary>
/// The what-if functions against the worked example of <see cref="EngineTests"/> (K 79,15 kuning, L1 60, L2 85) and
/// against the engine itself: a predicted total must be what the engine computes once the change is made.
/// </summary>
public sealed class WhatIfTests
{
    private static readonly FrameworkSpec F = new(
        [new(1, "Pelayanan", 60), new(2, "Inovasi", 40)],
        [
            new("A", 0, Rule.LinearToTarget, 100, 50, true, true, true),
            new("B", 0, Rule.LowerIsBetter, 10, 50, true, true, true),
            new("C", 1, Rule.YesNo, 1, 100, true, true, true),
        ],
        RollUpShare: 0.3, GreenFrom: 80, YellowFrom: 65);

    private static UnitInput U(string code, UnitLevel level, string? parent, params double[] v) =>
        new(code, code, level, parent, v.Length > 0, v.Length > 0 ? v : [double.NaN, double.NaN, double.NaN]);

    private static UnitInput[] Inputs() =>
    [
        U("K", UnitLevel.Kecamatan, "T", 90, 20, 1),
        U("L1", UnitLevel.Kelurahan, "K", 100, 5, 0),
        U("L2", UnitLevel.Kelurahan, "K", 50, 0, 1),
        U("K2", UnitLevel.Kecamatan, "T", 100, 10, 1),
    ];

    private static (List<UnitScore> Scores, Dictionary<string, Standing> Standings) Score(FrameworkSpec f, UnitInput[] inputs)
    {
        var scores = inputs.Select(u => Engine.ScoreUnit(f, u, monthly: true)).ToList();
        return (scores, Engine.Standings(f, scores).ToDictionary(s => s.Code));
    }

    [Fact]
    public void Meeting_a_target_gains_its_share_and_for_a_kecamatan_one_minus_s_of_it()
    {
        var (scores, s) = Score(F, Inputs());
        Assert.Equal(79.15, s["K"].Total, 9);
        Assert.Equal(100, s["K2"].Total, 9);
        var gains = WhatIf.Gains(F, scores[0], s["K"], s.Values.ToList());
        Assert.Equal(["B", "A"], gains.Select(g => g.Code)); // C is already met; the largest gain first
        var b = gains[0];
        Assert.Equal(0.6 * 0.5 * 50, b.OwnGain, 9);            // 15 points of own score
        Assert.Equal(0.7 * 15, b.TotalGain, 9);                // 10,5 after the roll-up
        Assert.Equal((Zone.Hijau, 2), (b.NewZone, b.NewRank)); // 89,65: still behind K2's 100
        var l1 = WhatIf.Gains(F, scores[1], s["L1"], s.Values.ToList()).Single();
        Assert.Equal(("C", 40.0, 1), (l1.Code, l1.TotalGain, l1.NewRank)); // a kelurahan keeps all of it: 100 passes L2's 85
    }

    [Fact]
    public void Every_predicted_total_is_what_the_engine_computes_after_the_change()
    {
        var inputs = Inputs();
        var (scores, s) = Score(F, inputs);
        foreach (var unit in new[] { 0, 1, 2 })
        {
            foreach (var g in WhatIf.Gains(F, scores[unit], s[inputs[unit].Code], s.Values.ToList()))
            {
                var i = F.Indicators.ToList().FindIndex(x => x.Code == g.Code);
                var changed = Inputs();
                changed[unit].Values[i] = WhatIf.ValueFor(F.Indicators[i], 100)!.Value;
                var (_, after) = Score(F, changed);
                Assert.Equal(after[inputs[unit].Code].Total, g.NewTotal, 9);
                Assert.Equal(after[inputs[unit].Code].Rank, g.NewRank);
            }
        }
    }

    [Fact]
    public void The_way_to_green_takes_the_largest_gains_and_only_as_much_of_the_last_as_needed()
    {
        var (scores, s) = Score(F, Inputs());
        var path = WhatIf.ToZone(F, scores[0], s["K"], Zone.Hijau)!;
        Assert.Equal(80 - 79.15, path.PointsNeeded, 9);
        Assert.Empty(path.FullCodes);
        Assert.Equal("B", path.LastCode);
        Assert.Equal(50 + 0.85 / (0.7 * 0.3), path.LastScore, 9);
        // B is lower-is-better with target 10: that score needs at most 10 × 100 / score incidents.
        var value = WhatIf.ValueFor(F.Indicators[1], path.LastScore)!.Value;
        var changed = Inputs();
        changed[0].Values[1] = value;
        Assert.Equal(80, Score(F, changed).Standings["K"].Total, 9);
        Assert.Null(WhatIf.ToZone(F, scores[3], s["K2"], Zone.Hijau)); // already green

        // L1 (60, merah) cannot reach green by C alone? It can: C gives 40.
        var l1 = WhatIf.ToZone(F, scores[1], s["L1"], Zone.Hijau)!;
        Assert.True(l1.Reachable);
        Assert.Equal("C", l1.LastCode);
    }

    [Fact]
    public void Proposed_weights_rank_every_unit_as_the_engine_would_with_that_framework()
    {
        var (scores, _) = Score(F, Inputs());
        var same = WhatIf.Reweigh(F, F, scores);
        Assert.All(same, r => Assert.Equal((r.Total, r.Rank), (r.NewTotal, r.NewRank)));

        // Next year only bidang 1 counts, and B weighs three times A.
        var proposed = F with
        {
            Bidang = [new(1, "Pelayanan", 100), new(2, "Inovasi", 0)],
            Indicators = [F.Indicators[0] with { Weight = 25 }, F.Indicators[1] with { Weight = 75 }, F.Indicators[2]],
        };
        var changes = WhatIf.Reweigh(F, proposed, scores).ToDictionary(r => r.Code);
        var (_, expected) = Score(proposed, Inputs());
        foreach (var (code, e) in expected)
            Assert.Equal((e.Total, e.Rank, e.Zone), (changes[code].NewTotal, changes[code].NewRank, changes[code].NewZone));
        // L1 (all of bidang 1 met) overtakes L2.
        Assert.Equal((2, 1), (changes["L1"].Rank, changes["L1"].NewRank));
    }

    [Theory]
    [InlineData(Rule.LinearToTarget, 80, 50, 40)]
    [InlineData(Rule.LowerIsBetter, 10, 50, 20)]
    [InlineData(Rule.YesNo, 1, 100, 1)]
    public void A_score_is_turned_back_into_the_value_that_earns_it(Rule rule, double target, double score, double value)
    {
        var spec = new IndicatorSpec("X", 0, rule, target, 100, true, true, true);
        Assert.Equal(value, WhatIf.ValueFor(spec, score)!.Value, 9);
        Assert.Equal(score, Engine.IndicatorScore(spec, value), 9);
    }
}
