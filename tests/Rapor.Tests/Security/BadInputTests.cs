using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Security;

/// <summary>Issue 18 finding 6: each input that gave a 500 now gets a clear message (page) or a 400 (API); nothing saved.</summary>
[Trait("Category", "Integration")]
public sealed class BadInputTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> ApiAsync(HttpClient client, HttpMethod method, string url, string json)
    {
        var token = await RaporFactory.AntiforgeryTokenAsync(client, "/");
        using var req = new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        req.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(req, Ct);
    }

    [Fact]
    public async Task A_null_item_in_the_values_API_is_a_400()
    {
        var period = await factory.OpenPeriodAsync(2039, 1);
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        using var r = await ApiAsync(lurah, HttpMethod.Put, $"/api/reports/{Scenario.CisarantenWetan}/{period}/values", "[null]");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("Butir 1 kosong", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Activities?month=9999-12")]
    [InlineData("/Activities?month=0001-01")]
    [InlineData("/Audit?to=9999-12-31")]
    [InlineData("/Audit?from=0001-01-01&to=9999-12-31")]
    [InlineData("/Innovations/Compliance?year=0")]
    [InlineData("/Innovations/Compliance?year=-1")]
    [InlineData("/Innovations/Compliance?year=10000")]
    [InlineData("/Innovations/Compliance?year=2147483647")]
    [InlineData("/Innovations/Compliance?year=99999999999")]
    public async Task Out_of_range_dates_and_years_show_a_message_not_a_500(string url)
    {
        var admin = await factory.LoginAsync(url.StartsWith("/Activities", StringComparison.Ordinal) ? "camat.cinambo" : "admin.bandung");
        using var r = await admin.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("data-testid=\"error\"", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Admin, Guid Id, Dictionary<string, string> Form)> FrameworkFormAsync()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var source = await db.Frameworks.Include(f => f.Bidang).ThenInclude(b => b.Indicators).AsNoTracking().FirstAsync(f => f.TenantCode == "32.73" && f.Year == 2025, Ct);
            if (await db.Frameworks.FirstOrDefaultAsync(f => f.TenantCode == "32.73" && f.Year == 2090, Ct) is { } existing)
                return existing.Id;
            var copy = Rapor.Web.Features.Frameworks.FrameworkCopy.Copy(source, "32.73", 2090);
            db.Frameworks.Add(copy);
            await db.SaveChangesAsync(Ct);
            return copy.Id;
        });
        var admin = await factory.LoginAsync("admin.bandung");
        var html = await admin.GetStringAsync($"/Frameworks/Edit/{id}", Ct);
        var form = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input[^>]*>"))
        {
            var name = System.Text.RegularExpressions.Regex.Match(m.Value, "name=\"(Input\\.[^\"]+)\"");
            if (name.Success && !m.Value.Contains("type=\"checkbox\"", StringComparison.Ordinal))
                form[name.Groups[1].Value] = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value);
        }
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<select[^>]*name=\"(Input\\.[^\"]+)\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var selected = System.Text.RegularExpressions.Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            form[m.Groups[1].Value] = selected.Success ? selected.Groups[1].Value : "";
        }
        return (admin, id, form);
    }

    [Theory]
    [InlineData("Input.Name", "", "Nama kerangka wajib diisi")]
    [InlineData("Input.Bidang[0].Name", "", "nama wajib diisi")]
    [InlineData("Input.Name", "201", "nama paling panjang 200 karakter")]
    [InlineData("Input.Bidang[0].Indicators[0].Name", "100000", "nama paling panjang 300 karakter")]
    [InlineData("Input.Bidang[0].Indicators[0].Description", "2001", "deskripsi paling panjang 2000 karakter")]
    [InlineData("Input.Bidang[0].Indicators[0].Unit", "41", "satuan paling panjang 40 karakter")]
    [InlineData("Input.Bidang[0].Indicators[0].Code", "17", "kode paling panjang 16 karakter")]
    [InlineData("Input.Bidang[0].Indicators[0].Type", "99", "tidak valid")]
    public async Task The_framework_editor_names_what_is_wrong_and_saves_nothing(string field, string value, string message)
    {
        var (admin, id, form) = await FrameworkFormAsync();
        form[field] = int.TryParse(value, out var n) ? new string('x', n) : value;
        form["__RequestVerificationToken"] = await RaporFactory.AntiforgeryTokenAsync(admin, $"/Frameworks/Edit/{id}");
        using var r = await admin.PostAsync($"/Frameworks/Edit/{id}", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
        var errors = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"errors\".*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.True(errors.Contains(message, StringComparison.Ordinal), errors.Length > 0 ? errors : html[..Math.Min(3000, html.Length)]);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Frameworks.Where(f => f.Id == id).Select(f => f.Version).FirstAsync(Ct)));
    }

    [Fact]
    public async Task A_reopen_reason_longer_than_its_column_is_refused_with_a_message()
    {
        var period = await factory.OpenPeriodAsync(2039, 2);
        await factory.WithDbAsync(async db =>
        {
            (await db.Periods.FirstAsync(p => p.TenantCode == "32.73" && p.Year == 2039 && p.Month == 2, Ct)).FinalizedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync(Ct);
        });
        var admin = await factory.LoginAsync("admin.bandung");
        using var r = await RaporFactory.PostFormAsync(admin, "/Rapor/Ranking?handler=Reopen", new() { ["period"] = period, ["reason"] = new string('a', 501) });
        Assert.Contains("paling panjang 500 karakter", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.NotNull(await factory.WithDbAsync(db => db.Periods.Where(p => p.TenantCode == "32.73" && p.Year == 2039 && p.Month == 2).Select(p => p.FinalizedAt).FirstAsync(Ct)));
    }

    [Fact]
    public async Task An_unknown_decision_is_not_saved_as_an_acceptance()
    {
        var period = await factory.OpenPeriodAsync(2039, 3);
        await factory.SubmittedReportAsync("32.73.03", period, 1.0);
        var value = await factory.WithDbAsync(db => db.ReportValues.FirstAsync(v => v.UnitCode == "32.73.03" && db.Reports.Any(r => r.Id == v.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2039 && p.Month == 3)), Ct));
        var verifikator = await factory.LoginAsync("verifikator");
        foreach (var (decision, version) in new[] { ("99", value.Version.ToString(CultureInfo.InvariantCulture)), ("Terima", "99999999999") })
        {
            using var r = await RaporFactory.PostFormAsync(verifikator, $"/Verification/Report/32.73.03/{period}?handler=Decide",
                new() { ["indicatorId"] = value.IndicatorId.ToString(), ["decision"] = decision, ["version"] = version }, tokenInHeader: true);
            var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
            Assert.DoesNotContain("Keputusan tersimpan", html, StringComparison.Ordinal);
            Assert.Contains("tidak valid", html, StringComparison.Ordinal);
        }
        Assert.Equal(VerificationStatus.Belum, await factory.WithDbAsync(db => db.ReportValues.Where(v => v.Id == value.Id).Select(v => v.Verification).FirstAsync(Ct)));
    }

    [Fact]
    public async Task A_version_too_large_for_an_int_is_refused_not_saved_without_its_conflict_check()
    {
        var period = await factory.OpenPeriodAsync(2039, 4);
        var indicator = (await factory.MonthlyIndicatorsAsync(2039, RegionLevel.Kelurahan)).First(i => i.IsTyped && i.Type == IndicatorType.Number);
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        using var r = await RaporFactory.PostFormAsync(lurah, $"/Reports/Fill/{Scenario.CisarantenWetan}/{period}?handler=Value",
            new() { ["indicatorId"] = indicator.Id.ToString(), ["value"] = "7", ["version"] = "99999999999" }, tokenInHeader: true);
        Assert.Contains("tidak valid", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ReportValues.AnyAsync(v => v.IndicatorId == indicator.Id && v.UnitCode == Scenario.CisarantenWetan && v.Value == 7, Ct)));
    }

    [Fact]
    public async Task Validation_messages_are_in_Bahasa_Indonesia_also_where_a_form_wrote_none()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/Users/Create");
        using var r = await admin.PostAsync("/Users/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "lurah.panjang", ["Input.DisplayName"] = new string('n', 151), ["Input.Role"] = "lurah",
            ["Input.UnitCode"] = Scenario.Sukamulya, ["Input.Password"] = "kalimat-sandi-yang-panjang", ["__RequestVerificationToken"] = token,
        }), Ct);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Nama lengkap paling panjang 150 karakter.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The field", html, StringComparison.Ordinal);
    }

    /// <summary>Every validation attribute of the app states its message, so DataAnnotations localization has a key to translate.</summary>
    [Fact]
    public void Every_validation_attribute_has_an_Indonesian_message()
    {
        var missing = typeof(Rapor.Web.Infrastructure.RaporApp).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
            .SelectMany(p => p.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.ValidationAttribute), true).Cast<System.ComponentModel.DataAnnotations.ValidationAttribute>()
                .Where(a => a is not System.ComponentModel.DataAnnotations.DataTypeAttribute && string.IsNullOrEmpty(a.ErrorMessage))
                .Select(a => $"{p.DeclaringType!.FullName}.{p.Name} [{a.GetType().Name}]"))
            .ToList();
        Assert.True(missing.Count == 0, "Add ErrorMessage (Bahasa Indonesia) to: " + string.Join(", ", missing));
    }
}
