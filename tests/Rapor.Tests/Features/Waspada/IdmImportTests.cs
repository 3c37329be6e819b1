using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using static Rapor.TestSupport.WaspadaScenario;

namespace Rapor.Tests.Features.Waspada;

/// <summary>The yearly IDM sheet: validated against the region list, all rows or none, status recomputed and mismatches flagged.</summary>
[Trait("Category", "Integration")]
public sealed class IdmImportTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int Year = 2024;

    private static byte[] Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var ms = new MemoryStream();
        ms.SaveAs(rows.ToList(), sheetName: "IDM");
        return ms.ToArray();
    }

    private static Dictionary<string, object?> Row(object code, object iks, object ike, object ikl, object idm, string status, string suffix = " 2024") => new()
    {
        ["NO"] = 1, ["KODE DESA"] = code, ["IKS" + suffix] = iks, ["IKE" + suffix] = ike, ["IKL" + suffix] = ikl, ["NILAI IDM" + suffix] = idm, ["STATUS IDM" + suffix] = status,
    };

    private async Task<string> ImportAsync(HttpClient client, byte[] xlsx, int year = Year, string tenant = Kbb)
    {
        var token = await RaporFactory.AntiforgeryTokenAsync(client, $"/Waspada/IdmImport?tenant={tenant}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(tenant), "tenant" },
            { new StringContent(year.ToString(CultureInfo.InvariantCulture)), "year" }, { new ByteArrayContent(xlsx), "file", "idm.xlsx" },
        };
        using var r = await client.PostAsync($"/Waspada/IdmImport?tenant={tenant}", form, Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
    }

    private Task<List<IdmScore>> StoredAsync(int year = Year) => factory.WithDbAsync(db => db.IdmScores.Where(s => s.Year == year && s.TenantCode == Kbb && !s.IsDemo).OrderBy(s => s.DesaCode).ToListAsync(Ct));

    [Fact]
    public async Task A_sheet_as_kemendesa_publishes_it_is_imported_with_the_status_recomputed_and_mismatches_flagged()
    {
        var admin = await factory.LoginAsync("admin.kbb");
        var html = await ImportAsync(admin, Sheet(
        [
            Row(3217092001d, 0.7012, 0.6021, 0.6503, 0.6512, "BERKEMBANG"),          // code as a number cell, without dots
            Row("32.17.09.2002", "0,8200", "0,8000", "0,8300", "0,8167", "Maju"),    // id-ID decimals; 0,8167 is mandiri
            Row("3217092004", 0.5, 0.5, 0.5, 0.6, "Berkembang"),                      // IDM is not the mean of its indices
        ]));
        Assert.Contains("3 desa diimpor untuk IDM 2024.", html, StringComparison.Ordinal);
        var stored = await StoredAsync();
        Assert.Equal(["32.17.09.2001", "32.17.09.2002", "32.17.09.2004"], stored.Select(s => s.DesaCode));
        Assert.Equal((IdmStatus.Berkembang, false), (stored[0].Status, stored[0].StatusMismatch));
        Assert.Equal((IdmStatus.Mandiri, IdmStatus.Maju, true), (stored[1].Status, stored[1].SheetStatus, stored[1].StatusMismatch));
        Assert.Equal(0.82, stored[1].Iks);
        Assert.True(stored[2].IdmMismatch);
        Assert.Contains("2 baris ditandai", html, StringComparison.Ordinal);

        // A corrected sheet for the same year replaces its values.
        await ImportAsync(admin, Sheet([Row("32.17.09.2002", 0.8, 0.8, 0.79, 0.7967, "Maju")]));
        stored = await StoredAsync();
        Assert.Equal((0.7967, IdmStatus.Maju, false), (stored[1].Idm, stored[1].Status, stored[1].StatusMismatch));
        Assert.Equal(3, stored.Count);

        var camat = await factory.LoginAsync("camat.batujajar");
        var list = WebUtility.HtmlDecode(await camat.GetStringAsync($"/Waspada/Idm?unit={Batujajar}&year={Year}&status=Maju", Ct));
        Assert.Contains("Batujajar Barat", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Batujajar Timur", list, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", (await camat.GetAsync($"/Waspada/IdmImport?tenant={Kbb}", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_outside_0_to_1_unknown_codes_duplicates_and_unknown_statuses_are_row_errors_and_nothing_is_saved()
    {
        var admin = await factory.LoginAsync("admin.kbb");
        var html = await ImportAsync(admin, Sheet(
        [
            Row("32.17.09.2005", 0.7, 0.7, 0.7, 0.7, "Berkembang", ""),
            Row("32.17.09.2007", 1.2, 0.7, 0.7, 0.8667, "Mandiri", ""),
            Row("32.17.09.2999", 0.7, 0.7, 0.7, 0.7, "Berkembang", ""),
            Row("32.17.09.2005", 0.7, 0.7, 0.7, 0.7, "Berkembang", ""),
            Row("32.17.09.2008", "tinggi", 0.7, 0.7, 0.7, "Berkembang", ""),
            Row("32.17.09.2010", 0.7, 0.7, 0.7, 0.7, "Swasembada", ""),
            Row("16.71.01.1001", 0.7, 0.7, 0.7, 0.7, "Berkembang", ""),
        ]), year: 2023);
        Assert.Contains("Tidak ada yang disimpan.", html, StringComparison.Ordinal);
        Assert.Contains("Baris 3: IKS 1.2 di luar rentang 0–1.", html, StringComparison.Ordinal);
        Assert.Contains("Baris 4: kode desa 32.17.09.2999 tidak ada dalam daftar wilayah", html, StringComparison.Ordinal);
        Assert.Contains("Baris 5: desa 32.17.09.2005 sudah ada di baris 2.", html, StringComparison.Ordinal);
        Assert.Contains("Baris 6: IKS \"tinggi\" bukan angka.", html, StringComparison.Ordinal);
        Assert.Contains("Baris 7: status \"Swasembada\" tidak dikenal", html, StringComparison.Ordinal);
        Assert.Contains("Baris 8: kode desa 16.71.01.1001 tidak ada dalam daftar wilayah", html, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(2023));
    }

    [Fact]
    public async Task A_kelurahan_a_sheet_of_another_year_missing_columns_and_an_oversized_sheet_are_refused()
    {
        var admin = await factory.LoginAsync("admin");
        var kelurahan = await ImportAsync(admin, Sheet([Row("32.04.06.1001", 0.7, 0.7, 0.7, 0.7, "Berkembang")]), tenant: "32.04");
        Assert.Contains("32.04.06.1001 Padasuka adalah kelurahan; IDM hanya untuk desa.", kelurahan, StringComparison.Ordinal);

        var kbb = await factory.LoginAsync("admin.kbb");
        var otherYear = await ImportAsync(kbb, Sheet([Row("32.17.09.2001", 0.7, 0.7, 0.7, 0.7, "Berkembang", " 2022")]), year: 2021);
        Assert.Contains("menyebut tahun 2022, tetapi yang dipilih tahun 2021", otherYear, StringComparison.Ordinal);
        var noStatus = await ImportAsync(kbb, Sheet([new Dictionary<string, object?> { ["Kode Desa"] = "32.17.09.2001", ["IKS"] = 0.7, ["IKE"] = 0.7, ["IKL"] = 0.7, ["IDM"] = 0.7 }]), year: 2021);
        Assert.Contains("Kolom wajib tidak ditemukan: Status.", noStatus, StringComparison.Ordinal);
        var huge = await ImportAsync(kbb, Sheet(Enumerable.Range(0, 20_001).Select(n => Row("32.17.09.2001", 0.7, 0.7, 0.7, 0.7, "Berkembang", ""))), year: 2021);
        Assert.Contains("Lembar lebih dari 20000 baris", huge, StringComparison.Ordinal);
        var notExcel = await ImportAsync(kbb, "kode,iks\n32.17.09.2001,0.5"u8.ToArray(), year: 2021);
        Assert.Contains("Berkas bukan Excel .xlsx yang dapat dibaca.", notExcel, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(2021));
    }
}
