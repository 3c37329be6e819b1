using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using Rapor.Web.Features.Frameworks;

namespace Rapor.Tests.Features.Frameworks;

[Trait("Category", "Integration")]
public sealed class FrameworkTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Framework> FrameworkAsync(string tenant, int year) => factory.WithDbAsync(db =>
        db.Frameworks.Include(f => f.Bidang).ThenInclude(b => b.Indicators).AsNoTracking().SingleAsync(f => f.TenantCode == tenant && f.Year == year, Ct));

    /// <summary>The edit form as the browser would post it, with one change applied.</summary>
    private static Dictionary<string, string> FormOf(Framework f, Action<Dictionary<string, string>>? change = null)
    {
        static string N(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var d = new Dictionary<string, string>
        {
            ["Input.Name"] = f.Name, ["Input.RollUpShare"] = N(f.RollUpShare), ["Input.GreenFrom"] = N(f.GreenFrom),
            ["Input.YellowFrom"] = N(f.YellowFrom), ["Input.Version"] = f.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var bidang = f.Bidang.OrderBy(b => b.Number).ToList();
        for (var b = 0; b < bidang.Count; b++)
        {
            var bp = $"Input.Bidang[{b}]";
            d[$"{bp}.Id"] = bidang[b].Id.ToString();
            d[$"{bp}.Name"] = bidang[b].Name;
            d[$"{bp}.Weight"] = N(bidang[b].Weight);
            var inds = bidang[b].Indicators.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
            for (var n = 0; n < inds.Count; n++)
            {
                var i = inds[n];
                var p = $"{bp}.Indicators[{n}]";
                d[$"{p}.Id"] = i.Id.ToString(); d[$"{p}.Code"] = i.Code; d[$"{p}.Name"] = i.Name; d[$"{p}.Unit"] = i.Unit;
                d[$"{p}.Type"] = i.Type.ToString(); d[$"{p}.Direction"] = i.Direction.ToString(); d[$"{p}.Target"] = N(i.Target);
                d[$"{p}.Weight"] = N(i.Weight); d[$"{p}.Frequency"] = i.Frequency.ToString(); d[$"{p}.Level"] = i.Level.ToString();
                d[$"{p}.Rule"] = i.Rule.ToString(); d[$"{p}.Source"] = i.Source.ToString(); d[$"{p}.ActivityKind"] = i.ActivityKind ?? "";
                if (i.EvidenceRequired)
                    d[$"{p}.EvidenceRequired"] = "true";
            }
        }
        change?.Invoke(d);
        return d;
    }

    private async Task<HttpResponseMessage> PostEditAsync(HttpClient admin, Framework f, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await RaporFactory.AntiforgeryTokenAsync(admin, "/Frameworks");
        return await admin.PostAsync($"/Frameworks/Edit/{f.Id}", new FormUrlEncodedContent(form), Ct);
    }

    private async Task<Framework> CopyAsync(HttpClient admin, Framework source, string toTenant, int toYear)
    {
        var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/Frameworks");
        using var r = await admin.PostAsync("/Frameworks?handler=Copy", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = source.Id.ToString(), ["toTenant"] = toTenant, ["toYear"] = toYear.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return await FrameworkAsync(toTenant, toYear);
    }

    [Fact]
    public async Task Weights_not_summing_to_100_are_refused_with_a_message_and_nothing_is_saved()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var f = await CopyAsync(admin, await FrameworkAsync("32.73", 2025), "32.73", 2040);
        using var response = await PostEditAsync(admin, f, FormOf(f, d =>
        {
            d["Input.Bidang[0].Weight"] = "40";
            d["Input.Name"] = "Nama baru yang tidak boleh tersimpan";
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Bobot bidang berjumlah 110 %, harus 100 %.", html, StringComparison.Ordinal);
        var after = await FrameworkAsync("32.73", 2040);
        Assert.Equal(30, after.Bidang.Single(b => b.Number == 1).Weight);
        Assert.Equal(f.Name, after.Name);
    }

    [Fact]
    public async Task A_valid_edit_is_saved_and_audited_and_a_new_indicator_can_be_added()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var f = await CopyAsync(admin, await FrameworkAsync("32.73", 2025), "32.73", 2041);
        using var response = await PostEditAsync(admin, f, FormOf(f, d =>
        {
            // Move 5 % from 1.06 to a new kecamatan+kelurahan indicator in bidang 1.
            var six = d.First(kv => kv.Value == "1.06").Key.Replace(".Code", "", StringComparison.Ordinal);
            d[six + ".Weight"] = "5";
            d["Input.Bidang[0].Indicators[8].Code"] = "1.09";
            d["Input.Bidang[0].Indicators[8].Name"] = "Posyandu aktif";
            d["Input.Bidang[0].Indicators[8].Unit"] = "%";
            d["Input.Bidang[0].Indicators[8].Type"] = "Percentage";
            d["Input.Bidang[0].Indicators[8].Direction"] = "HigherIsBetter";
            d["Input.Bidang[0].Indicators[8].Target"] = "90";
            d["Input.Bidang[0].Indicators[8].Weight"] = "5";
            d["Input.Bidang[0].Indicators[8].Frequency"] = "Monthly";
            d["Input.Bidang[0].Indicators[8].Level"] = "Both";
            d["Input.Bidang[0].Indicators[8].Rule"] = "LinearToTarget";
            d["Input.Bidang[0].Indicators[8].Source"] = "Manual";
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await FrameworkAsync("32.73", 2041);
        Assert.Contains(after.Indicators, i => i.Code == "1.09" && i.Weight == 5);
        Assert.Equal(5, after.Indicators.Single(i => i.Code == "1.06").Weight);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Indicator" && a.Action == "Insert" && a.UserName == "admin.bandung" && a.Changes.Contains("Posyandu aktif"), Ct)));
    }

    [Fact]
    public async Task A_framework_freezes_once_a_period_of_its_year_opens()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var f = await CopyAsync(admin, await FrameworkAsync("32.73", 2025), "32.73", 2042);
        await factory.OpenPeriodAsync(2042, 1, opensInDays: -1);
        using var response = await PostEditAsync(admin, f, FormOf(f, d => d["Input.Name"] = "Diubah setelah dibuka"));
        Assert.Contains("sudah dibekukan", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.NotEqual("Diubah setelah dibuka", (await FrameworkAsync("32.73", 2042)).Name);
    }

    [Fact]
    public async Task Palembang_copies_Bandungs_framework_then_edits_its_own_copy()
    {
        var platform = await factory.LoginAsync("admin");
        var bandung = await FrameworkAsync("32.73", 2025);
        var palembang = await CopyAsync(platform, bandung, "16.71", 2026);
        Assert.Equal(bandung.Indicators.Count(), palembang.Indicators.Count());
        Assert.Equal(bandung.Id, palembang.CopiedFromId);
        Assert.All(palembang.Indicators, i => Assert.Equal("16.71", i.TenantCode));
        Assert.Empty(palembang.Indicators.Select(i => i.Id).Intersect(bandung.Indicators.Select(i => i.Id)));

        // A Bandung admin cannot copy into another tenant.
        var tenantAdmin = await factory.LoginAsync("admin.bandung");
        var token = await RaporFactory.AntiforgeryTokenAsync(tenantAdmin, "/Frameworks");
        using var denied = await tenantAdmin.PostAsync("/Frameworks?handler=Copy", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["id"] = bandung.Id.ToString(), ["toTenant"] = "32.17", ["toYear"] = "2026", ["__RequestVerificationToken"] = token }), Ct);
        Assert.Contains("AccessDenied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excel_export_imports_back_to_the_same_framework_and_a_broken_sheet_changes_nothing()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var source = await FrameworkAsync("32.73", 2025);
        var xlsx = await admin.GetByteArrayAsync($"/Frameworks?handler=Export&id={source.Id}", Ct);
        Assert.Equal((byte)'P', xlsx[0]);

        var (roundTrip, errors) = FrameworkExcel.Import(new MemoryStream(xlsx), "32.73", 2043);
        Assert.Empty(errors);
        Assert.Equal(source.Indicators.Select(i => (i.Code, i.Weight, i.Target, i.Level, i.Type)).OrderBy(x => x.Code),
            roundTrip!.Indicators.Select(i => (i.Code, i.Weight, i.Target, i.Level, i.Type)).OrderBy(x => x.Code));

        async Task<string> ImportAsync(byte[] file)
        {
            var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/Frameworks");
            using var form = new MultipartFormDataContent
            {
                { new StringContent("2044"), "year" },
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(file), "file", "kerangka.xlsx" },
            };
            using var r = await admin.PostAsync("/Frameworks?handler=Import", form, Ct);
            return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
        }

        Assert.Contains("Berkas bukan Excel", await ImportAsync("bukan excel"u8.ToArray()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Frameworks.AnyAsync(f => f.Year == 2044, Ct)));
        Assert.Contains("Kerangka 2044 diimpor: 31 indikator.", await ImportAsync(xlsx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_returns_the_framework_with_weights_and_404_problem_otherwise()
    {
        var client = factory.Anonymous();
        var json = await client.GetFromJsonAsync<FrameworksApi.FrameworkDto>("/api/frameworks/32.73/2025", Ct);
        Assert.Equal(4, json!.Bidang.Count);
        Assert.Equal(100, json.Bidang.Sum(b => b.Weight));
        Assert.Equal(31, json.Bidang.Sum(b => b.Indicators.Count));
        using var missing = await client.GetAsync("/api/frameworks/32.73/1999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
