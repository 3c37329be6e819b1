using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;

namespace Rapor.Tests.Features.Regions;

[Trait("Category", "Integration")]
public sealed partial class ImportTests(RaporFactory factory) : IClassFixture<RaporFactory>
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

    /// <summary>Step 2: posts the preview's own confirm form back (file text and fingerprint as the page rendered them).</summary>
    private async Task<string> ApplyAsync(string previewHtml, string user = "admin")
    {
        var client = await factory.LoginAsync(user);
        var fields = Hidden().Matches(previewHtml).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Contains("Fingerprint", fields.Keys);
        using var response = await RaporFactory.PostFormAsync(client, "/Regions/Import?handler=Apply", fields);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [System.Text.RegularExpressions.GeneratedRegex("<input type=\"hidden\"[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex Hidden();

    private Task<int> RegionCountAsync() => factory.WithDbAsync(db => db.Regions.CountAsync(Ct));

    [Fact]
    public async Task A_valid_csv_of_a_new_kabupaten_kota_is_previewed_then_added_with_all_its_units()
    {
        var csv = Header + "32.77.01,Cimahi Selatan,kecamatan,32.77,,\n32.77.01.1001,Melong,kelurahan,32.77.01,kelurahan,\n32.77.01.1002,Cibeureum,kelurahan,32.77.01,kelurahan,\n";
        using var response = await ImportAsync("32.77", "Kota Cimahi", Encoding.UTF8.GetBytes(csv));
        var preview = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("3 ditambah", WebUtility.HtmlDecode(preview), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Code == "32.77", Ct)), "a preview changes nothing");
        var html = await ApplyAsync(preview);
        Assert.Contains("Kota Cimahi diimpor: 1 kecamatan, 2 kelurahan/desa.", html, StringComparison.Ordinal);
        var children = await factory.WithDbAsync(db => db.Regions.Where(r => r.ParentCode == "32.77.01").CountAsync(Ct));
        Assert.Equal(2, children);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Region" && a.EntityKey == "32.77.01.1001" && a.UserName == "admin", Ct)));
        Assert.Equal("CSV", await factory.WithDbAsync(db => db.Tenants.Where(t => t.Code == "32.77").Select(t => t.RegionSource).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_code_list_update_previews_added_renamed_and_removed_units_and_keeps_a_unit_with_data_inactive()
    {
        // Kota Palembang as onboarded from the national list, then a list that renames one kelurahan, adds one,
        // and drops two: one without data (deleted) and one with an account (kept, inactive).
        const string tenant = "16.71";
        var stored = await factory.WithDbAsync(db => db.Regions.AsNoTracking().Where(r => r.TenantCode == tenant && r.Level != Rapor.Web.Domain.RegionLevel.KabupatenKota)
            .OrderBy(r => r.Code).ToListAsync(Ct));
        var villages = stored.Where(r => r.Code.Length == 13).ToList();
        var (renamed, empty, holding) = (villages[0], villages[1], villages[2]);
        await factory.WithDbAsync(async db =>
        {
            db.Users.Add(new Rapor.Web.Domain.AppUser { UserName = "lurah.uji.pembaruan", DisplayName = "Lurah uji", UnitCode = holding.Code });
            return await db.SaveChangesAsync(Ct);
        });
        var lines = stored.Where(r => r.Code != empty.Code && r.Code != holding.Code).Select(r =>
            $"{r.Code},{(r.Code == renamed.Code ? "Nama Baru Uji" : r.Name)},{(r.Code.Length == 8 ? "kecamatan" : "kelurahan")},{r.ParentCode},{(r.Code.Length == 8 ? "" : r.Type)},");
        var added = $"{renamed.ParentCode}.1099,Kelurahan Tambahan Uji,kelurahan,{renamed.ParentCode},kelurahan,";
        var csv = Header + string.Join("\n", lines.Append(added)) + "\n";

        using var response = await ImportAsync(tenant, "", Encoding.UTF8.GetBytes(csv));
        var raw = await response.Content.ReadAsStringAsync(Ct);
        var preview = WebUtility.HtmlDecode(raw);
        Assert.Contains("1 ditambah", preview, StringComparison.Ordinal);
        Assert.Contains("1 berganti nama", preview, StringComparison.Ordinal);
        Assert.Contains("1 dihapus", preview, StringComparison.Ordinal);
        Assert.Contains("1 dinonaktifkan (menyimpan data)", preview, StringComparison.Ordinal);
        Assert.Contains(renamed.Name, preview, StringComparison.Ordinal);

        var html = await ApplyAsync(raw);
        Assert.Contains("diperbarui: 1 ditambah, 1 berganti nama, 1 dihapus, 1 dinonaktifkan", html, StringComparison.Ordinal);
        var after = await factory.WithDbAsync(db => db.Regions.AsNoTracking().Where(r => r.TenantCode == tenant).ToDictionaryAsync(r => r.Code, Ct));
        Assert.Equal("Nama Baru Uji", after[renamed.Code].Name);
        Assert.False(after.ContainsKey(empty.Code));
        Assert.False(after[holding.Code].IsActive);
        Assert.NotNull(after[holding.Code].InactiveSince);
        Assert.True(after.ContainsKey($"{renamed.ParentCode}.1099"));
        // Lists leave the inactive unit out; its page still opens and says so.
        var admin = await factory.LoginAsync("admin");
        var children = await admin.GetStringAsync($"/api/regions/{holding.ParentCode}/children", Ct);
        Assert.DoesNotContain(holding.Code, children, StringComparison.Ordinal);
        Assert.Contains("tidak aktif sejak", await admin.GetStringAsync($"/Regions/Unit/{holding.Code}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_a_preview_after_the_data_moved_shows_the_new_preview_instead()
    {
        const string tenant = "32.04";
        var stored = await factory.WithDbAsync(db => db.Regions.AsNoTracking().Where(r => r.TenantCode == tenant && r.Level != Rapor.Web.Domain.RegionLevel.KabupatenKota)
            .OrderBy(r => r.Code).ToListAsync(Ct));
        var first = stored.First(r => r.Code.Length == 13);
        var csv = Header + string.Join("\n", stored.Select(r =>
            $"{r.Code},{(r.Code == first.Code ? "Ganti Nama Uji" : r.Name)},{(r.Code.Length == 8 ? "kecamatan" : "kelurahan")},{r.ParentCode},{(r.Code.Length == 8 ? "" : r.Type)},")) + "\n";
        using var response = await ImportAsync(tenant, "", Encoding.UTF8.GetBytes(csv));
        var preview = await response.Content.ReadAsStringAsync(Ct);
        // Someone renames the same unit meanwhile.
        await factory.WithDbAsync(async db =>
        {
            (await db.Regions.SingleAsync(r => r.Code == first.Code, Ct)).Name = "Diubah Orang Lain";
            return await db.SaveChangesAsync(Ct);
        });
        var html = await ApplyAsync(preview);
        Assert.Contains("Data wilayah berubah sejak pratinjau dibuat", html, StringComparison.Ordinal);
        Assert.Equal("Diubah Orang Lain", await factory.WithDbAsync(db => db.Regions.Where(r => r.Code == first.Code).Select(r => r.Name).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_malformed_csv_lists_row_errors_and_changes_nothing()
    {
        var before = await RegionCountAsync();
        var csv = Header + "32.78.01,Baik,kecamatan,32.78,,\n32.78.01.100,Rusak,kelurahan,32.78.01,kelurahan,\n32.78.01.2001,Salah Jenis,kelurahan,32.78.01,kelurahan,\n";
        using var response = await ImportAsync("32.78", "Kota Tasikmalaya", Encoding.UTF8.GetBytes(csv));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Tidak ada data yang diubah", html, StringComparison.Ordinal);
        Assert.Contains("Baris 3: kode \"32.78.01.100\" tidak sesuai format Kemendagri", html, StringComparison.Ordinal);
        Assert.Contains("Baris 4: type harus \"desa\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await RegionCountAsync());
        Assert.False(await factory.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Code == "32.78", Ct)));
    }

    [Fact]
    public async Task A_partial_list_for_a_registered_tenant_is_only_a_preview_until_applied()
    {
        var before = await RegionCountAsync();
        using var response = await ImportAsync("32.73", "Kota Bandung", Encoding.UTF8.GetBytes(Header + "32.73.01,Sukasari,kecamatan,32.73,,\n"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-testid=\"preview\"", html, StringComparison.Ordinal);
        Assert.Contains("dinonaktifkan (menyimpan data)", html, StringComparison.Ordinal);
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
