using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using Rapor.Web.Features.Reports;

namespace Rapor.Tests.Features.Reports;

[Trait("Category", "Integration")]
public sealed class ReportExcelAndApiTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Lurah = "lurah.cisarantenwetan";

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var s = new MemoryStream();
        s.SaveAs(new Dictionary<string, object> { ["Laporan"] = rows.ToList() });
        return s.ToArray();
    }

    private async Task<string> UploadAsync(HttpClient client, string period, byte[] xlsx)
    {
        var url = $"/Reports/Excel/{Scenario.CisarantenWetan}/{period}";
        var token = await RaporFactory.AntiforgeryTokenAsync(client, url);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(xlsx), "file", "isi.xlsx" } };
        using var r = await client.PostAsync(url, form, Ct);
        return r.StatusCode == HttpStatusCode.Redirect ? "REDIRECT" : WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
    }

    private Task<List<ReportValue>> ValuesAsync(string period) => factory.WithDbAsync(db =>
    {
        Assert.True(Period.TryParseKey(period, out var y, out var m));
        return db.ReportValues.Where(v => v.UnitCode == Scenario.CisarantenWetan && db.Reports.Any(r => r.Id == v.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == y && p.Month == m))).ToListAsync(Ct);
    });

    [Fact]
    public async Task The_template_lists_the_units_own_typed_indicators_and_fills_back_all_at_once()
    {
        var period = await factory.OpenPeriodAsync(2032, 1);
        var lurah = await factory.LoginAsync(Lurah);
        var xlsx = await lurah.GetByteArrayAsync($"/Reports/Excel/{Scenario.CisarantenWetan}/{period}?handler=Template", Ct);
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Laporan").Cast<IDictionary<string, object?>>().ToList();
        var expected = (await factory.MonthlyIndicatorsAsync(2032, RegionLevel.Kelurahan)).Where(i => i.IsTyped).Select(i => i.Code).ToList();
        Assert.Equal(expected, rows.Select(r => r["Kode"]!.ToString()));
        Assert.DoesNotContain("1.03", expected); // a kecamatan-only indicator is not in a kelurahan's template

        var filled = rows.Select(r => new Dictionary<string, object?>
        {
            ["Kode"] = r["Kode"], ["Indikator"] = r["Indikator"], ["Satuan"] = r["Satuan"], ["Target"] = r["Target"],
            ["Nilai"] = r["Satuan"]?.ToString() == "ya/tidak" ? "ya" : r["Target"], ["Catatan"] = "dari Excel",
        });
        Assert.Equal("REDIRECT", await UploadAsync(lurah, period, Workbook(filled)));
        var values = await ValuesAsync(period);
        Assert.Equal(expected.Count, values.Count);
        Assert.All(values, v => Assert.Equal("dari Excel", v.Note));
    }

    [Fact]
    public async Task A_sheet_with_bad_rows_reports_each_row_and_saves_nothing()
    {
        var period = await factory.OpenPeriodAsync(2032, 2);
        var lurah = await factory.LoginAsync(Lurah);
        var rows = new[]
        {
            new Dictionary<string, object?> { ["Kode"] = "1.01", ["Indikator"] = "", ["Satuan"] = "%", ["Target"] = 95, ["Nilai"] = 90, ["Catatan"] = "" },
            new Dictionary<string, object?> { ["Kode"] = "1.04", ["Indikator"] = "", ["Satuan"] = "%", ["Target"] = 100, ["Nilai"] = 150, ["Catatan"] = "" },
            new Dictionary<string, object?> { ["Kode"] = "9.99", ["Indikator"] = "", ["Satuan"] = "", ["Target"] = 1, ["Nilai"] = 1, ["Catatan"] = "" },
            new Dictionary<string, object?> { ["Kode"] = "2.06", ["Indikator"] = "", ["Satuan"] = "ya/tidak", ["Target"] = 1, ["Nilai"] = "mungkin", ["Catatan"] = "" },
        };
        var html = await UploadAsync(lurah, period, Workbook(rows));
        Assert.Contains("Baris 3 (1.04): Persentase tidak boleh lebih dari 100.", html, StringComparison.Ordinal);
        Assert.Contains("Baris 4: kode indikator \"9.99\" tidak ada dalam laporan ini.", html, StringComparison.Ordinal);
        Assert.Contains("Baris 5 (2.06): Isi \"ya\" atau \"tidak\".", html, StringComparison.Ordinal);
        Assert.Empty(await ValuesAsync(period)); // the valid 1.01 row was not saved either

        Assert.Contains("bukan Excel .xlsx", await UploadAsync(lurah, period, "teks biasa"u8.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_first_api_saves_of_a_new_report_all_land_in_one_report()
    {
        var period = await factory.OpenPeriodAsync(2032, 4);
        var lurah = await factory.ApiLoginAsync(Lurah);
        var url = $"/api/reports/{Scenario.CisarantenWetan}/{period}/values";
        var codes = (await factory.MonthlyIndicatorsAsync(2032, RegionLevel.Kelurahan)).Where(i => i.IsTyped && i.Type == IndicatorType.Number).Select(i => i.Code).Take(8).ToList();
        // Each request finds no report and creates one; one per period and unit can exist, the others save into it.
        var responses = await Task.WhenAll(codes.Select(code => lurah.PutAsJsonAsync(url, new[] { new ReportsApi.ValueInput(code, "1", null, null) }, Ct)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Reports.CountAsync(r => r.UnitCode == Scenario.CisarantenWetan
            && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2032 && p.Month == 4), Ct)));
        Assert.Equal(codes.Count, (await ValuesAsync(period)).Count);
    }

    [Fact]
    public async Task Api_reads_saves_all_or_nothing_and_submits_with_problem_details()
    {
        var period = await factory.OpenPeriodAsync(2032, 3);
        var lurah = await factory.ApiLoginAsync(Lurah);
        var url = $"/api/reports/{Scenario.CisarantenWetan}/{period}";

        var empty = await lurah.GetFromJsonAsync<ReportsApi.ReportDto>(url, Ct);
        Assert.Equal("belum diisi", empty!.Status);
        Assert.True(empty.Editable);

        using var bad = await lurah.PutAsJsonAsync(url + "/values", new[] { new ReportsApi.ValueInput("1.01", "90", null, null), new ReportsApi.ValueInput("1.04", "x", null, null) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Butir 2 (1.04): \"x\" bukan angka.", problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(await ValuesAsync(period));

        using var ok = await lurah.PutAsJsonAsync(url + "/values", new[] { new ReportsApi.ValueInput("1.01", "90", "api", null) }, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var stale = await lurah.PutAsJsonAsync(url + "/values", new[] { new ReportsApi.ValueInput("1.01", "91", null, 0) }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var submit = await lurah.PostAsync(url + "/submit", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains("nilai belum diisi", await submit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Another kelurahan's lurah and anonymous callers are refused.
        var other = await factory.ApiLoginAsync("lurah.sukamulya");
        using var forbidden = await other.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var otherWrite = await other.PutAsJsonAsync(url + "/values", new[] { new ReportsApi.ValueInput("1.01", "1", null, null) }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, otherWrite.StatusCode);
        using var anonymous = await factory.Anonymous().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var unknown = await lurah.GetAsync($"/api/reports/{Scenario.CisarantenWetan}/2032-13", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
