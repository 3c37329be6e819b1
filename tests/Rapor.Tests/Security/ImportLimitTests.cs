using System.IO.Compression;
using System.Net;
using System.Text;
using MiniExcelLibs;
using Rapor.TestSupport;

namespace Rapor.Tests.Security;

/// <summary>
/// Issue 18 finding 2: imports are streamed and capped. Runs alone (no parallel tests) so the allocation figures are
/// this request's own.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(ImportLimitTests))]
[CollectionDefinition(nameof(ImportLimitTests), DisableParallelization = true)]
public sealed class ImportLimitTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A workbook whose sheet "Laporan" has a header and then <paramref name="emptyRows"/> empty rows, written straight
    /// into the zip: millions of rows in a file of a few hundred kilobytes.
    /// </summary>
    public static byte[] EmptyRowsWorkbook(int emptyRows, string sheet = "Laporan", string[]? header = null)
    {
        header ??= ["Kode", "Indikator", "Satuan", "Target", "Nilai", "Catatan"];
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">""");
            for (var c = 0; c < header.Length; c++)
                w.Write($"""<c r="{(char)('A' + c)}1" t="inlineStr"><is><t>{header[c]}</t></is></c>""");
            w.Write("</row>");
            // Rows without their (optional) number compress about a thousandfold, as in the probe's 89 KB file.
            for (var r = 0; r < emptyRows; r++)
                w.Write("<row/>");
            w.Write("</sheetData></worksheet>");
        }
        return ms.ToArray();
    }

    private async Task<(string Html, long Allocated, TimeSpan Time)> UploadReportAsync(byte[] xlsx)
    {
        var period = await factory.OpenPeriodAsync(2036, 3);
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        var url = $"/Reports/Excel/{Scenario.CisarantenWetan}/{period}";
        var token = await RaporFactory.AntiforgeryTokenAsync(lurah, url);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(xlsx), "file", "bom.xlsx" } };
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var r = await lurah.PostAsync(url, form, Ct);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Current.SendDiagnosticMessage($"upload {xlsx.Length / 1024} KB: {allocated / (1024 * 1024)} MB allocated, {watch.ElapsedMilliseconds} ms, page {html.Length / 1024} KB");
        return (html, allocated, watch.Elapsed);
    }

    [Fact]
    public async Task A_small_xlsx_with_millions_of_empty_rows_is_refused_before_any_row_is_read()
    {
        var bomb = EmptyRowsWorkbook(5_000_000); // 30 MB of sheet XML
        Assert.True(bomb.Length < 200 * 1024, $"the test file should be small on disk: {bomb.Length} bytes");
        var (html, allocated, _) = await UploadReportAsync(bomb);
        Assert.Contains("terlalu besar setelah dibuka", html, StringComparison.Ordinal);
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated for a refused upload");
    }

    [Fact]
    public async Task Three_million_empty_rows_under_the_package_limit_stop_at_the_row_cap_not_at_the_end_of_the_sheet()
    {
        var sheet = EmptyRowsWorkbook(3_000_000); // 18 MB of sheet XML: under the package limit
        Assert.True(sheet.Length < 200 * 1024, $"the test file should be small on disk: {sheet.Length} bytes");
        var (html, allocated, _) = await UploadReportAsync(sheet);
        Assert.Contains("memuat lebih dari 100.000 baris", html, StringComparison.Ordinal);
        Assert.True(allocated < 400L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
    }

    [Fact]
    public async Task Thousands_of_bad_rows_list_fifty_errors_not_a_huge_page()
    {
        var rows = Enumerable.Range(0, 450).Select(i => new Dictionary<string, object?>
        {
            ["Kode"] = "X" + i, ["Indikator"] = "", ["Satuan"] = "", ["Target"] = 1, ["Nilai"] = 1, ["Catatan"] = new string('c', 100),
        }).ToList();
        using var s = new MemoryStream();
        s.SaveAs(new Dictionary<string, object> { ["Laporan"] = rows });
        var (html, _, _) = await UploadReportAsync(s.ToArray());
        Assert.Contains("Pemeriksaan dihentikan setelah 50 kesalahan", html, StringComparison.Ordinal);
        Assert.True(html.Length < 100_000, $"error page of {html.Length} characters");
    }

    [Fact]
    public async Task Too_many_columns_and_huge_cells_are_refused_with_a_message()
    {
        var wide = EmptyRowsWorkbook(3, header: Enumerable.Range(0, 26).Select(i => "K" + i).ToArray());
        var (html, _, _) = await UploadReportAsync(wide);
        Assert.Contains("kolom; paling banyak", html, StringComparison.Ordinal);

        using var s = new MemoryStream();
        s.SaveAs(new Dictionary<string, object> { ["Laporan"] = new[] { new Dictionary<string, object?> { ["Kode"] = "1.01", ["Indikator"] = "", ["Satuan"] = "", ["Target"] = 1, ["Nilai"] = 1, ["Catatan"] = new string('x', 5000) } } });
        (html, _, _) = await UploadReportAsync(s.ToArray());
        Assert.Contains("isi sel lebih dari", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_framework_and_ASN_imports_refuse_the_same_bomb()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/Frameworks");
        using (var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("2037"), "year" }, { new ByteArrayContent(EmptyRowsWorkbook(5_000_000, "Indikator")), "file", "k.xlsx" } })
        {
            using var r = await admin.PostAsync("/Frameworks?handler=Import", form, Ct);
            Assert.Contains("terlalu besar setelah dibuka", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        token = await RaporFactory.AntiforgeryTokenAsync(admin, $"/People/Import?unit={Scenario.Cinambo}");
        using (var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(EmptyRowsWorkbook(3_000_000, "ASN", ["Nama", "NIP", "Jabatan", "Mulai", "Selesai"])), "file", "asn.xlsx" } })
        {
            using var r = await admin.PostAsync($"/People/Import?unit={Scenario.Cinambo}", form, Ct);
            Assert.Contains("memuat lebih dari 100.000 baris", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_region_csv_with_thousands_of_bad_lines_lists_fifty_errors()
    {
        var admin = await factory.LoginAsync("admin");
        var csv = new StringBuilder("code,name,level,parent_code,type,name_kepmendagri_2022\n");
        for (var i = 0; i < 15_000; i++)
            csv.Append("99.99.01,Salah,kecamatan,99.99,,\n");
        var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/Regions/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("32.77"), "Input.TenantCode" },
            { new StringContent("Kota Cimahi"), "Input.TenantName" }, { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "Input.File", "w.csv" },
        };
        using var r = await admin.PostAsync("/Regions/Import", form, Ct);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Pemeriksaan dihentikan setelah 50 kesalahan", html, StringComparison.Ordinal);
        Assert.True(html.Length < 100_000, $"error page of {html.Length} characters");
    }
}
