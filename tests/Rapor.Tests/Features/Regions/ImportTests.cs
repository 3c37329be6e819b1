using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;

namespace Rapor.Tests.Features.Regions;

[Trait("Category", "Integration")]
public sealed class ImportTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "code,name,level,parent_code,type,name_kepmendagri_2022\n";

    private async Task<HttpResponseMessage> ImportAsync(string code, string name, byte[] file, string user = "admin")
    {
        var client = await factory.LoginAsync(user);
        var token = await RaporFactory.AntiforgeryTokenAsync(client, "/Regions/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(code), "Input.TenantCode" },
            { new StringContent(name), "Input.TenantName" },
            { new StringContent("Jawa Barat"), "Input.Province" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Input.File", "wilayah.csv" },
        };
        return await client.PostAsync("/Regions/Import", form, Ct);
    }

    private Task<int> RegionCountAsync() => factory.WithDbAsync(db => db.Regions.CountAsync(Ct));

    [Fact]
    public async Task A_valid_csv_adds_the_kabupaten_kota_with_all_its_units()
    {
        var csv = Header + "32.77.01,Cimahi Selatan,kecamatan,32.77,,\n32.77.01.1001,Melong,kelurahan,32.77.01,kelurahan,\n32.77.01.1002,Cibeureum,kelurahan,32.77.01,kelurahan,\n";
        using var response = await ImportAsync("32.77", "Kota Cimahi", Encoding.UTF8.GetBytes(csv));
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Kota Cimahi diimpor: 1 kecamatan, 2 kelurahan/desa.", html, StringComparison.Ordinal);
        var children = await factory.WithDbAsync(db => db.Regions.Where(r => r.ParentCode == "32.77.01").CountAsync(Ct));
        Assert.Equal(2, children);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Region" && a.EntityKey == "32.77.01.1001" && a.UserName == "admin", Ct)));
    }

    [Fact]
    public async Task A_malformed_csv_lists_row_errors_and_changes_nothing()
    {
        var before = await RegionCountAsync();
        var csv = Header + "32.78.01,Baik,kecamatan,32.78,,\n32.78.01.100,Rusak,kelurahan,32.78.01,kelurahan,\n32.78.01.2001,Salah Jenis,kelurahan,32.78.01,kelurahan,\n";
        using var response = await ImportAsync("32.78", "Kota Tasikmalaya", Encoding.UTF8.GetBytes(csv));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Impor dibatalkan", html, StringComparison.Ordinal);
        Assert.Contains("Baris 3: kode \"32.78.01.100\" tidak sesuai format Kemendagri", html, StringComparison.Ordinal);
        Assert.Contains("Baris 4: type harus \"desa\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await RegionCountAsync());
        Assert.False(await factory.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Code == "32.78", Ct)));
    }

    [Fact]
    public async Task An_existing_code_is_refused()
    {
        var before = await RegionCountAsync();
        using var response = await ImportAsync("32.73", "Kota Bandung", Encoding.UTF8.GetBytes(Header + "32.73.01,Sukasari,kecamatan,32.73,,\n"));
        Assert.Contains("Kode 32.73 sudah terdaftar", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(before, await RegionCountAsync());
    }

    [Fact]
    public async Task A_binary_file_is_refused()
    {
        using var response = await ImportAsync("32.79", "Kota Banjar", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]);
        Assert.Contains("Berkas bukan CSV teks", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_2_MB_gets_a_clear_message()
    {
        var before = await RegionCountAsync();
        var big = Encoding.UTF8.GetBytes(Header + new string('x', 3 * 1024 * 1024));
        using var response = await ImportAsync("32.79", "Kota Banjar", big);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ukuran berkas harus antara 1 byte dan 2 MB", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await RegionCountAsync());
    }

    [Fact]
    public async Task A_request_over_the_server_limit_gets_413_with_a_message_not_a_500()
    {
        var huge = new byte[13 * 1024 * 1024];
        using var response = await ImportAsync("32.79", "Kota Banjar", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("terlalu besar", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_admin_cannot_import()
    {
        var client = await factory.LoginAsync("admin.bandung");
        using var response = await client.GetAsync("/Regions/Import", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
