using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Tests.Domain;

public sealed class FrameworkRulesTests
{
    [Fact]
    public void The_seeded_Bandung_framework_is_valid_and_has_30_to_40_indicators()
    {
        var f = BandungFramework.Create("32.73", 2025);
        Assert.Empty(FrameworkRules.Validate(f));
        Assert.InRange(f.Indicators.Count(), 30, 40);
        Assert.Equal(4, f.Bidang.Count);
    }

    [Fact]
    public void Bidang_weights_not_summing_to_100_are_rejected()
    {
        var f = BandungFramework.Create("32.73", 2025);
        f.Bidang[0].Weight = 35;
        Assert.Contains(FrameworkRules.Validate(f), e => e.Contains("Bobot bidang berjumlah 105 %, harus 100 %.", StringComparison.Ordinal));
    }

    [Fact]
    public void Indicator_weights_are_checked_per_bidang_and_per_level()
    {
        var f = BandungFramework.Create("32.73", 2025);
        f.Bidang[0].Indicators.Single(i => i.Code == "1.03").Weight = 20; // a kecamatan-only indicator
        var errors = FrameworkRules.Validate(f);
        Assert.Contains(errors, e => e.Contains("Bidang 1", StringComparison.Ordinal) && e.Contains("untuk kecamatan berjumlah 105 %", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("untuk kelurahan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0:0;50:60;90:100", true)]
    [InlineData("0:0;50:60;40:100", false)]
    [InlineData("0:0;50:160", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    public void Band_tables_must_be_ascending_with_scores_0_to_100(string bands, bool valid) =>
        Assert.Equal(valid, FrameworkRules.ParseBands(bands) is not null);

    [Fact]
    public void Linear_rule_with_target_zero_and_duplicate_codes_are_rejected()
    {
        var f = BandungFramework.Create("32.73", 2025);
        f.Bidang[1].Indicators[0].Target = 0;
        f.Bidang[1].Indicators[1].Code = f.Bidang[1].Indicators[2].Code;
        var errors = FrameworkRules.Validate(f);
        Assert.Contains(errors, e => e.Contains("target 0 tidak bisa dipakai", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("dipakai lebih dari sekali", StringComparison.Ordinal));
    }
}
