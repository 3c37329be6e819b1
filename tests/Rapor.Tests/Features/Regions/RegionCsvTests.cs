using Rapor.Web.Features.Regions;

namespace Rapor.Tests.Features.Regions;

public sealed class RegionCsvTests
{
    private const string Header = "code,name,level,parent_code,type,name_kepmendagri_2022\n";

    private static RegionCsv.Result Parse(string body, string tenant = "32.77") => RegionCsv.Parse(new StringReader(Header + body), tenant);

    [Fact]
    public void A_well_formed_list_is_read_whole()
    {
        var r = Parse("32.77.01,Cimahi Selatan,kecamatan,32.77,,\n32.77.01.1001,Melong,kelurahan,32.77.01,kelurahan,Melong\n\"32.77.01.2002\",\"Desa, dengan koma\",kelurahan,32.77.01,desa,\n");
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(1, r.KecamatanCount);
        Assert.Equal(2, r.VillageCount);
        Assert.Equal("Desa, dengan koma", r.Regions[2].Name);
    }

    [Theory]
    [InlineData("32.77.1,X,kecamatan,32.77,,", "format Kemendagri")]
    [InlineData("32.73.01,X,kecamatan,32.73,,", "bukan bagian dari 32.77")]
    [InlineData("32.77.01,,kecamatan,32.77,,", "nama wajib")]
    [InlineData("32.77.01,X,kelurahan,32.77,,", "level harus \"kecamatan\"")]
    [InlineData("32.77.01,X,kecamatan,32.78,,", "parent_code harus 32.77")]
    [InlineData("32.77.01,X,kecamatan,32.77,,\n32.77.01.1001,Y,kelurahan,32.77.01,desa,", "type harus \"kelurahan\"")]
    [InlineData("32.77.01,X,kecamatan,32.77,,\n32.77.01,X,kecamatan,32.77,,", "ganda")]
    [InlineData("32.77.02.1001,Y,kelurahan,32.77.02,kelurahan,", "induk 32.77.02 tidak ada")]
    [InlineData("32.77.01,X", "minimal 5 kolom")]
    public void Each_bad_row_is_reported_with_its_line_and_nothing_is_returned(string body, string message)
    {
        var r = Parse(body);
        Assert.False(r.Ok);
        Assert.Empty(r.Regions);
        Assert.Contains(r.Errors, e => e.Contains(message, StringComparison.Ordinal) && e.StartsWith("Baris ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_header_is_refused()
    {
        var r = RegionCsv.Parse(new StringReader("kode;nama\n32.77.01;X\n"), "32.77");
        Assert.False(r.Ok);
        Assert.Contains("judul kolom", r.Errors.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bandung_wilayah.csv", "32.73", 30, 151)]
    [InlineData("palembang_wilayah.csv", "16.71", 18, 107)]
    [InlineData("bandung_barat_wilayah.csv", "32.17", 16, 165)]
    [InlineData("kab_bandung_wilayah.csv", "32.04", 31, 280)]
    public void Every_shipped_list_is_valid(string file, string tenant, int kecamatan, int villages)
    {
        using var reader = new StreamReader(Rapor.Web.Data.DatabaseInitializer.RegionFile(file));
        var r = RegionCsv.Parse(reader, tenant);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(kecamatan, r.KecamatanCount);
        Assert.Equal(villages, r.VillageCount);
    }
}
