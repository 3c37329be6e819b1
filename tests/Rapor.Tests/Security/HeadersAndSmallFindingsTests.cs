using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Rapor.TestSupport;
using Rapor.Web.Infrastructure;

namespace Rapor.Tests.Security;

/// <summary>Issue 18 findings 8 and 9: headers, caching, cookies; audit of accounts, file names, spreadsheet formulas, plain text.</summary>
[Trait("Category", "Integration")]
public sealed partial class HeadersAndSmallFindingsTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_gets_a_CSP_without_inline_script_and_a_permissions_policy()
    {
        var client = await factory.LoginAsync("camat.cinambo");
        using var r = await client.GetAsync("/", Ct);
        var csp = r.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' ; script", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("geolocation=(self)", r.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>The pages themselves: no inline script and no on…= handler in any view, so the CSP blocks nothing the app needs.</summary>
    [Fact]
    public void No_view_has_inline_script_or_event_handler_attributes()
    {
        var root = Path.Combine(RepoRoot(), "src", "Rapor.Web", "Features");
        var offenders = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((line, n) => (f, n, line)))
            .Where(x => InlineScript().IsMatch(x.line) || EventHandler().IsMatch(x.line) || x.line.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.n + 1}")
            .ToList();
        Assert.True(offenders.Count == 0, "Move script to wwwroot/js (see Infrastructure/SecurityHeaders.cs): " + string.Join(", ", offenders));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\s(on[a-z]+|hx-on[:-][a-z:-]+)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    public static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Rapor.sln")))
            d = d.Parent;
        return d!.FullName;
    }

    [Fact]
    public async Task HSTS_is_sent_over_https_only_and_the_sign_in_cookie_is_secure()
    {
        var https = factory.Anonymous();
        using (var r = await https.GetAsync("/Account/Login", Ct))
            Assert.True(r.Headers.Contains("Strict-Transport-Security"));
        var http = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        using (var r = await http.GetAsync("/Account/Login", Ct))
            Assert.False(r.Headers.Contains("Strict-Transport-Security"));
        using var login = await RaporFactory.LoginResponseAsync(factory.Anonymous(), "pimpinan", RaporFactory.DemoPassword);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rapor.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/reports/32.73.29.1001/2025-01", "application/json")]
    [InlineData("/Rapor/32.73.29/2025-01?handler=Pdf", "application/pdf")]
    [InlineData("/Rapor/32.73.29/2025-01?handler=Excel", "spreadsheetml")]
    [InlineData("/Rapor/Ranking?handler=Excel&period=2025-01", "spreadsheetml")]
    public async Task Signed_in_JSON_PDF_and_xlsx_are_never_stored_by_browsers_or_proxies(string url, string type)
    {
        await factory.OpenPeriodAsync(2025, 1);
        var client = await factory.LoginAsync("pimpinan");
        using var r = await client.GetAsync(url, Ct);
        Assert.True(r.IsSuccessStatusCode, $"{url}: {(int)r.StatusCode}");
        Assert.Contains(type, r.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.True(r.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {r.Headers.CacheControl}");
    }

    [Fact]
    public async Task Creating_a_user_and_resetting_two_factor_are_in_the_audit_trail_without_secrets()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/Users/Create");
        using (var r = await admin.PostAsync("/Users/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "staf.audit", ["Input.DisplayName"] = "Staf Audit", ["Input.Role"] = "staf",
            ["Input.UnitCode"] = Scenario.Cinambo, ["Input.Password"] = "kalimat-sandi-rahasia-99", ["__RequestVerificationToken"] = token,
        }), Ct))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == "admin.bandung" && (a.Entity == "AppUser" || a.Entity == "UserRole")).ToListAsync(Ct));
        Assert.Contains(entries, a => a.Entity == "AppUser" && a.Action == "Insert" && a.Changes.Contains("staf.audit", StringComparison.Ordinal) && a.Scope == Scenario.Cinambo);
        Assert.Contains(entries, a => a.Entity == "UserRole" && a.Changes.Contains("staf", StringComparison.Ordinal));
        Assert.All(entries, a => Assert.DoesNotContain("AQAAAA", a.Changes, StringComparison.Ordinal)); // no password hash
        using var audit = await admin.GetAsync("/Audit?entity=AppUser", Ct);
        Assert.Contains("staf.audit", await audit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foto\u202Egnp.exe", ".png", "fotognp.png")]
    [InlineData("surat\u202Efdp.exe.pdf", ".pdf", "suratfdp.exe.pdf")]
    [InlineData("laporan\u2066\u2067\u2068\u2069\u200F.pdf", ".pdf", "laporan.pdf")]
    [InlineData("\u202Bbukti\u202C", ".jpg", "bukti.jpg")]
    public void Right_to_left_and_other_invisible_characters_are_removed_from_file_names(string uploaded, string extension, string shown) =>
        Assert.Equal(shown, FileStorage.SafeDisplayName(uploaded, extension));

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var f = await db.Frameworks.Include(x => x.Bidang).ThenInclude(b => b.Indicators).FirstAsync(x => x.TenantCode == "32.73" && x.Year == 2025, Ct);
            var copy = Rapor.Web.Features.Frameworks.FrameworkCopy.Copy(f, "32.73", 2091);
            copy.Name = "=HYPERLINK(\"http://contoh.invalid\",\"klik\")";
            copy.Bidang[0].Indicators[0].Unit = "+1-2";
            copy.Bidang[0].Indicators[0].Description = "@SUM(A1)";
            db.Frameworks.Add(copy);
            await db.SaveChangesAsync(Ct);
            return copy.Id;
        });
        var admin = await factory.LoginAsync("admin.bandung");
        var xlsx = await admin.GetByteArrayAsync($"/Frameworks?handler=Export&id={id}", Ct);
        var settings = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Pengaturan").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("'=HYPERLINK(\"http://contoh.invalid\",\"klik\")", settings[0]["Nilai"]);
        var indicators = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Indikator").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(indicators, r => (string?)r["Satuan"] == "'+1-2");
        Assert.Contains(indicators, r => (string?)r["Deskripsi"] == "'@SUM(A1)");
        // The neutralized text reads back as typed when the workbook is imported again.
        Assert.Equal("=1+1", ExcelImport.Text("'=1+1"));
        // Every export goes through the one helper.
        var direct = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "Rapor.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("Spreadsheets.cs", StringComparison.Ordinal) && File.ReadAllText(f).Contains(".SaveAs(", StringComparison.Ordinal)).ToList();
        Assert.True(direct.Count == 0, "Use ExcelExport.Save instead of MiniExcel SaveAs in: " + string.Join(", ", direct));
    }

    [Fact]
    public async Task The_public_innovations_JSON_is_plain_text()
    {
        await factory.WithDbAsync(async db =>
        {
            var i = await db.Innovations.FirstAsync(x => x.Steps.Any(s => s.Status == Rapor.Web.Domain.StageStatus.Diverifikasi), Ct);
            i.Problem = "<b>Banjir</b> di <script>alert(1)</script>&lt;i&gt;RW 05&lt;/i&gt;";
            return await db.SaveChangesAsync(Ct);
        });
        var json = await factory.Anonymous().GetStringAsync("/api/public/innovations", Ct);
        Assert.DoesNotContain("<b>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003Cb\\u003E", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Banjir di alert(1)RW 05", json, StringComparison.Ordinal);
        Assert.Equal("Banjir di alert(1)RW 05", PlainText.From("<b>Banjir</b> di <script>alert(1)</script>&lt;i&gt;RW 05&lt;/i&gt;"));
    }
}
