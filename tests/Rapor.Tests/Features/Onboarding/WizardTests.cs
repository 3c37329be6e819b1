using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;

namespace Rapor.Tests.Features.Onboarding;

/// <summary>The wizard's steps on a fresh tenant (Kota Banjar, 32.79): each resumable, each checked, each scoped.</summary>
[Trait("Category", "Integration")]
public sealed class WizardTests(WizardTests.Fixture fixture) : IClassFixture<WizardTests.Fixture>
{
    public const string Banjar = "32.79";

    public sealed class Fixture : RaporFactory
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.FromListAsync(await LoginAsync("admin"), Banjar);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_step_shows_what_is_done_and_the_checklist_says_what_is_missing()
    {
        var admin = await fixture.LoginAsync("admin");
        var checklist = await admin.GetStringAsync($"/Onboarding/Checklist/{Banjar}", Ct);
        Assert.Contains("data-testid=\"not-ready\"", checklist, StringComparison.Ordinal);
        Assert.Contains("data-item=\"Regions\" data-done=\"true\"", checklist, StringComparison.Ordinal);
        Assert.Contains("data-item=\"Framework\" data-done=\"false\"", checklist, StringComparison.Ordinal);
        // Periods before a framework: a clear refusal, nothing created.
        using var early = await RaporFactory.PostFormAsync(admin, $"/Onboarding/Periods/{Banjar}");
        Assert.Contains("Belum ada kerangka penilaian", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Periods.CountAsync(p => p.TenantCode == Banjar, Ct)));

        await fixture.FrameworkAsync(admin, Banjar, "contoh");
        Assert.Contains("data-testid=\"framework-ready\"", await admin.GetStringAsync($"/Onboarding/Framework/{Banjar}", Ct), StringComparison.Ordinal);
        using var twice = await RaporFactory.PostFormAsync(admin, $"/Onboarding/Framework/{Banjar}", new() { ["source"] = "contoh", ["year"] = Onboard.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(1, await fixture.WithDbAsync(db => db.Frameworks.CountAsync(f => f.TenantCode == Banjar, Ct)));

        await fixture.PeriodsAsync(admin, Banjar);
        Assert.Equal(13, await fixture.WithDbAsync(db => db.Periods.CountAsync(p => p.TenantCode == Banjar && p.Year == Onboard.Year, Ct)));
        checklist = await admin.GetStringAsync($"/Onboarding/Checklist/{Banjar}", Ct);
        Assert.Contains("data-item=\"Periods\" data-done=\"true\"", checklist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_link_sets_the_password_once_and_a_new_link_kills_the_old_one()
    {
        var admin = await fixture.LoginAsync("admin");
        var first = await fixture.InviteAsync(admin, Banjar, "admin.banjar", "admin.banjar@example.invalid");
        var page = WebUtility.HtmlDecode(await (await admin.GetAsync($"/Onboarding/Admin/{Banjar}", Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Contains("undangan belum diterima", page, StringComparison.Ordinal);
        Assert.DoesNotContain("invitation-link", page, StringComparison.Ordinal); // shown once, in the response that made it
        var user = await fixture.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "admin.banjar", Ct));
        Assert.Null(user.PasswordHash);
        Assert.Equal(Banjar, user.UnitCode);

        // A new link for the same account: the first one no longer works.
        using var relink = await RaporFactory.PostFormAsync(admin, $"/Onboarding/Admin/{Banjar}?handler=Relink&id={Uri.EscapeDataString(user.Id)}");
        var second = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(await relink.Content.ReadAsStringAsync(Ct), "value=\"([^\"]+)\" data-testid=\"invitation-link\"").Groups[1].Value);
        Assert.NotEqual(first, second);
        Assert.Contains("tidak berlaku lagi", await fixture.Anonymous().GetStringAsync(new Uri(first).PathAndQuery, Ct), StringComparison.Ordinal);

        // A weak password is refused with the reason, the link stays usable; then a good one works, once.
        Assert.Contains("minimal 12 karakter", await fixture.AcceptAsync(second, "pendek1"), StringComparison.Ordinal);
        Assert.Contains("Kata sandi tersimpan", await fixture.AcceptAsync(second, "Banjar-Patroman-2026"), StringComparison.Ordinal);
        Assert.Contains("tidak berlaku lagi", await fixture.AcceptAsync(second, "Lain-Lagi-2026x"), StringComparison.Ordinal);
        var banjar = await fixture.LoginAsync("admin.banjar", "Banjar-Patroman-2026");
        Assert.Contains("Peringkat — Kota Banjar", await banjar.GetStringAsync("/Rapor/Ranking", Ct), StringComparison.Ordinal);
        // The tenant's admin continues its own setup but not another tenant's, and cannot pick from the national list.
        Assert.Equal(HttpStatusCode.OK, (await banjar.GetAsync($"/Onboarding/Branding/{Banjar}", Ct)).StatusCode);
        Assert.Contains("AccessDenied", (await banjar.GetAsync("/Onboarding/Branding/32.73", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Contains("AccessDenied", (await banjar.GetAsync("/Onboarding", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_using_the_same_link_at_once_get_one_account_password()
    {
        var admin = await fixture.LoginAsync("admin");
        var link = await fixture.InviteAsync(admin, Banjar, "verif.banjar.race");
        var results = await Task.WhenAll(fixture.AcceptAsync(link, "Balapan-Satu-2026"), fixture.AcceptAsync(link, "Balapan-Dua-2026x"));
        Assert.Equal(1, results.Count(r => r.Contains("Kata sandi tersimpan", StringComparison.Ordinal)));
        var winner = results[0].Contains("Kata sandi tersimpan", StringComparison.Ordinal) ? "Balapan-Satu-2026" : "Balapan-Dua-2026x";
        await fixture.LoginAsync("verif.banjar.race", winner);
    }

    [Fact]
    public async Task Branding_checks_the_logo_by_content_and_the_NIP_and_the_pdf_signatory_follows()
    {
        var admin = await fixture.LoginAsync("admin");
        async Task<string> PostAsync(string nip, byte[]? logo, string fileName)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("Pemerintah Kota Banjar"), "Input.OfficialName" },
                { new StringContent("Kepala Bagian Pemerintahan Setda"), "Input.SignatoryTitle" },
                { new StringContent("Hj. Uji Coba (uji)"), "Input.SignatoryName" },
                { new StringContent(nip), "Input.SignatoryNip" },
                { new StringContent(await RaporFactory.AntiforgeryTokenAsync(admin, $"/Onboarding/Branding/{Banjar}")), "__RequestVerificationToken" },
            };
            if (logo is not null)
                form.Add(new ByteArrayContent(logo), "Input.Logo", fileName);
            using var response = await admin.PostAsync($"/Onboarding/Branding/{Banjar}", form, Ct);
            return response.StatusCode == HttpStatusCode.Redirect ? "saved" : WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }
        Assert.Contains("NIP harus terdiri dari 18 angka", await PostAsync("12345", null, ""), StringComparison.Ordinal);
        Assert.Contains("Logo harus gambar PNG atau JPEG", await PostAsync("", "%PDF-1.4 bukan gambar"u8.ToArray(), "logo.png"), StringComparison.Ordinal);
        Assert.Contains("Jenis berkas tidak diizinkan", await PostAsync("", Encoding.UTF8.GetBytes("<svg onload=alert(1)>"), "logo.png"), StringComparison.Ordinal);
        Assert.Null(await fixture.WithDbAsync(db => db.Tenants.Where(t => t.Code == Banjar).Select(t => t.SignatoryName).SingleAsync(Ct)));
        Assert.Equal("saved", await PostAsync("197501012000031001", Scenario.Png, "logo.png"));
        var t = await fixture.WithDbAsync(db => db.Tenants.SingleAsync(x => x.Code == Banjar, Ct));
        Assert.Equal(("Hj. Uji Coba (uji)", "197501012000031001", "image/png"), (t.SignatoryName, t.SignatoryNip, t.LogoContentType));
        using var logo = await fixture.Anonymous().GetAsync($"/api/tenants/{Banjar}/logo", Ct);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Scenario.Png, await logo.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Anonymous().GetAsync("/api/tenants/32.17/logo", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_kecamatan_geojson_upload_is_checked_against_the_tenants_codes_and_saved_whole_or_not_at_all()
    {
        var admin = await fixture.LoginAsync("admin");
        var kecamatan = await fixture.WithDbAsync(db => db.Regions.Where(r => r.TenantCode == Banjar && r.Code.Length == 8).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(Ct));
        static string Square(string code, double x)
        {
            string X(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return "{\"type\":\"Feature\",\"properties\":{\"kode\":\"" + code + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[["
                + X(x) + ",-7.4],[" + X(x + 0.01) + ",-7.4],[" + X(x + 0.01) + ",-7.39],[" + X(x) + ",-7.4]]]}}";
        }
        async Task<string> UploadAsync(string json)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("kecamatan"), "level" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "banjar.geojson" },
                { new StringContent(await RaporFactory.AntiforgeryTokenAsync(admin, $"/Maps/Upload?tenant={Banjar}")), "__RequestVerificationToken" },
            };
            using var response = await admin.PostAsync($"/Maps/Upload?tenant={Banjar}", form, Ct);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }
        var before = await fixture.WithDbAsync(db => db.RegionShapes.Where(s => s.Code == kecamatan[0]).Select(s => s.Source).SingleAsync(Ct));
        var bad = await UploadAsync($$"""{"type":"FeatureCollection","features":[{{Square(kecamatan[0], 108.5)}},{{Square("32.73.01", 108.6)}},{{Square(kecamatan[1], 200)}}]}""");
        Assert.Contains("kode 32.73.01 bukan bagian dari Kota Banjar", bad, StringComparison.Ordinal);
        Assert.Contains("di luar rentang bujur/lintang", bad, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.WithDbAsync(db => db.RegionShapes.Where(s => s.Code == kecamatan[0]).Select(s => s.Source).SingleAsync(Ct)));
        Assert.Contains("bukan GeoJSON", await UploadAsync("{ini bukan json"), StringComparison.Ordinal);

        var ok = await UploadAsync($$"""{"type":"FeatureCollection","features":[{{Square(kecamatan[0], 108.5)}}]}""");
        Assert.Contains("1 batas wilayah disimpan (1 diganti, 0 baru)", ok, StringComparison.Ordinal);
        var shape = await fixture.WithDbAsync(db => db.RegionShapes.SingleAsync(s => s.Code == kecamatan[0], Ct));
        Assert.StartsWith("unggahan admin", shape.Source, StringComparison.Ordinal);
        Assert.Equal((108.5, -7.4, 108.51, -7.39), (shape.MinLng, shape.MinLat, Math.Round(shape.MaxLng, 6), shape.MaxLat));
        // Another tenant's admin may not upload here.
        var bandung = await fixture.LoginAsync("admin.bandung");
        Assert.Contains("AccessDenied", (await bandung.GetAsync($"/Maps/Upload?tenant={Banjar}", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
