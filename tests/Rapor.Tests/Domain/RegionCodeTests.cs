using Rapor.Web.Domain;

namespace Rapor.Tests.Domain;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("32.73", RegionLevel.KabupatenKota)]
    [InlineData("32.73.29", RegionLevel.Kecamatan)]
    [InlineData("32.73.29.1001", RegionLevel.Kelurahan)]
    public void Level_follows_the_number_of_segments(string code, RegionLevel level) => Assert.Equal(level, RegionCode.LevelOf(code));

    [Theory]
    [InlineData("32")]
    [InlineData("32.7")]
    [InlineData("32.73.29.100")]
    [InlineData("32.73.29.10011")]
    [InlineData("32-73")]
    [InlineData("../etc")]
    public void Malformed_codes_are_invalid(string code)
    {
        Assert.False(RegionCode.IsValid(code));
        Assert.Null(RegionCode.LevelOf(code));
    }

    [Theory]
    [InlineData("32.73.29.1001", "32.73.29", true)]
    [InlineData("32.73.29", "32.73.29", true)]
    [InlineData("32.73.29", "32.73", true)]
    [InlineData("32.73.2", "32.73.29", false)]
    [InlineData("32.73.291", "32.73.29", false)]
    [InlineData("32.73.30.1001", "32.73.29", false)]
    [InlineData("32.04.05", "32.73", false)]
    public void IsWithin_respects_segment_boundaries(string code, string scope, bool expected) =>
        Assert.Equal(expected, RegionCode.IsWithin(code, scope));

    [Theory]
    [InlineData("32.73.29.1001", "kelurahan")]
    [InlineData("32.17.01.2001", "desa")]
    public void Village_type_follows_the_fourth_segment(string code, string type) => Assert.Equal(type, RegionCode.VillageTypeOf(code));
}
