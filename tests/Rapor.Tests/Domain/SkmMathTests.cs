using Rapor.Web.Domain;

namespace Rapor.Tests.Domain;

/// <summary>The SKM formulas against worked examples computed by hand (see each test), not taken from the code.</summary>
public sealed class SkmMathTests
{
    private static SkmMath.Totals Of(params string[] respondents) =>
        SkmMath.Totals.Of(respondents.Select(r => r.Select(c => (byte)(c - '0')).ToArray()));

    [Fact]
    public void Four_respondents_give_the_hand_computed_nrr_ikm_and_mutu()
    {
        // U1 14/4 = 3,5; U2 3,5; U3 11/4 = 2,75; U4 3,75; U5 3,5; U6 3,25; U7 3,75; U8 2,75; U9 10/4 = 2,5; Σ = 29,25.
        var t = Of("443343432", "333433423", "432434433", "343443332");
        var exact = SkmMath.Compute(t, SkmWeighting.Exact, 0);
        Assert.Equal([3.5, 3.5, 2.75, 3.75, 3.5, 3.25, 3.75, 2.75, 2.5], exact.Nrr);
        Assert.Equal(3.25, exact.Ikm, 10);            // 29,25 / 9
        Assert.Equal(81.25, exact.IkmConverted, 10);  // × 25
        Assert.Equal('B', exact.Mutu);
        Assert.Equal(9, exact.WeakestUnsur);
        var rounded = SkmMath.Compute(t, SkmWeighting.Rounded, 0);
        Assert.Equal(3.24675, rounded.Ikm, 10);       // 29,25 × 0,111
        Assert.Equal(81.16875, rounded.IkmConverted, 10);
    }

    [Fact]
    public void The_weighting_can_decide_the_mutu_at_the_boundary()
    {
        // 24 fours and 21 threes over 5 respondents: NRR 3,6 (U1–U6) and 3,4 (U7–U9), Σ = 31,8.
        // 1/9: 31,8 / 9 × 25 = 88,333 → A. 0,111: 31,8 × 0,111 × 25 = 88,245 → B.
        var t = Of("444444444", "444444444", "444444333", "333333333", "333333333");
        Assert.Equal('A', SkmMath.Compute(t, SkmWeighting.Exact, 0).Mutu);
        Assert.Equal('B', SkmMath.Compute(t, SkmWeighting.Rounded, 0).Mutu);
        Assert.Equal(88.2450, SkmMath.Compute(t, SkmWeighting.Rounded, 0).IkmConverted, 4);
    }

    [Theory]
    [InlineData(100.00, 'A')]
    [InlineData(88.31, 'A')]
    [InlineData(88.30, 'B')]
    [InlineData(76.61, 'B')]
    [InlineData(76.60, 'C')]
    [InlineData(65.00, 'C')]
    [InlineData(64.99, 'D')]
    [InlineData(25.00, 'D')]
    public void Mutu_follows_the_official_intervals(double converted, char mutu) => Assert.Equal(mutu, SkmMath.Mutu(converted));

    [Theory]
    // The published Krejcie–Morgan table, and values where rounding up would differ (500: 217,47 → 217, not 218).
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(10, 10)]
    [InlineData(50, 44)]
    [InlineData(100, 80)]
    [InlineData(200, 132)]
    [InlineData(500, 217)]
    [InlineData(1000, 278)]
    [InlineData(1_000_000, 384)]
    public void Minimum_sample_is_krejcie_morgan_rounded_to_nearest(int population, int sample) => Assert.Equal(sample, SkmMath.MinimumSample(population));

    [Fact]
    public void Sample_suffices_only_with_enough_respondents()
    {
        var t = Of("443343432", "333433423", "432434433", "343443332");
        Assert.True(SkmMath.Compute(t, SkmWeighting.Exact, 4).SampleSuffices);   // N = 4 → n = 4
        Assert.False(SkmMath.Compute(t, SkmWeighting.Exact, 50).SampleSuffices); // N = 50 → n = 44
    }

    [Theory]
    [InlineData("2026", true, "2026-01-01", "2027-01-01")]
    [InlineData("2026-S2", true, "2026-07-01", "2027-01-01")]
    [InlineData("2026-T4", true, "2026-10-01", "2027-01-01")]
    [InlineData("2026-t1", true, "2026-01-01", "2026-04-01")]
    [InlineData("2026-T5", false, null, null)]
    [InlineData("2026-S3", false, null, null)]
    [InlineData("26", false, null, null)]
    [InlineData("2026-X1", false, null, null)]
    public void Periods_are_years_semesters_and_triwulan(string key, bool valid, string? from, string? to)
    {
        Assert.Equal(valid, SkmPeriod.TryParse(key, out var p));
        if (valid)
            Assert.Equal((DateOnly.Parse(from!, CultureInfo.InvariantCulture), DateOnly.Parse(to!, CultureInfo.InvariantCulture)), (p.From, p.To));
    }

    [Fact]
    public void Working_days_skip_the_weekend()
    {
        Assert.Equal(1, ServiceStandard.WorkingDaysBetween(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 23))); // Friday → Monday
        Assert.Equal(0, ServiceStandard.WorkingDaysBetween(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)));
        Assert.Equal(5, ServiceStandard.WorkingDaysBetween(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)));
    }
}
