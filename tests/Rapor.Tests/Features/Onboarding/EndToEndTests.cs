using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.Onboarding;

/// <summary>
/// A kabupaten/kota from nothing to a public ranking, only through the app: Kota Palembang (not pre-seeded here) from
/// the national list, Bandung's framework copied, its first admin invited, one kelurahan's month from the form to the
/// public page — and it never mixes with Bandung, which has a kelurahan of the same name (Sukamulya). Then a kabupaten
/// of desa (Pangandaran) that must speak of desa and kepala desa.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EndToEndTests(EndToEndTests.Factory factory) : IClassFixture<EndToEndTests.Factory>
{
    public sealed class Factory : RaporFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Seed:DemoTenants:0", "32.73");
            builder.UseSetting("Seed:DemoTenants:1", "32.17");
            builder.UseSetting("Seed:DemoTenants:2", "32.04");
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "Palembang-Emas-2026";
    private const string Palembang = "16.71";
    private const string SukamulyaPalembang = "16.71.16.1002";
    private const string SukamulyaBandung = "32.73.29.1003";

    private static string ThisMonth => $"{Onboard.Year}-{DateTime.Now.Month:00}";

    [Fact]
    public async Task Palembang_goes_from_the_national_list_to_its_public_ranking_without_touching_Bandung()
    {
        Assert.False(await factory.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Code == Palembang, Ct)));
        var platform = await factory.LoginAsync("admin");

        // 1. Regions from the national list.
        await factory.FromListAsync(platform, Palembang);
        Assert.Equal(125, await factory.WithDbAsync(db => db.Regions.CountAsync(r => r.TenantCode == Palembang && r.Level != RegionLevel.KabupatenKota, Ct)));
        // 2. Bandung's framework, copied to this year.
        var bandung = await factory.WithDbAsync(db => db.Frameworks.Where(f => f.TenantCode == "32.73" && f.Year == 2025)
            .Select(f => new { f.Id, Count = f.Bidang.SelectMany(b => b.Indicators).Count() }).SingleAsync(Ct));
        await factory.FrameworkAsync(platform, Palembang, bandung.Id.ToString());
        Assert.Equal(bandung.Count, await factory.WithDbAsync(db => db.Frameworks.Where(f => f.TenantCode == Palembang && f.Year == Onboard.Year)
            .Select(f => f.Bidang.SelectMany(b => b.Indicators).Count()).SingleAsync(Ct)));
        // 3. Periods. 4. Its admin, by a one-time link.
        await factory.PeriodsAsync(platform, Palembang);
        var link = await factory.InviteAsync(platform, Palembang, "admin.palembang");
        Assert.Contains("Kata sandi tersimpan", await factory.AcceptAsync(link, Password), StringComparison.Ordinal);
        var admin = await factory.LoginAsync("admin.palembang", Password);

        // The tenant's own admin creates the people of one kelurahan's month.
        await factory.CreateUserAsync(admin, "lurah.sukamulya.plg", Roles.Lurah, SukamulyaPalembang, Password);
        await factory.CreateUserAsync(admin, "camat.sukarami", Roles.Camat, "16.71.16", Password);
        await factory.CreateUserAsync(admin, "verifikator.plg", Roles.Verifikator, Palembang, Password);

        var lurah = await factory.LoginAsync("lurah.sukamulya.plg", Password);
        Assert.Contains("Kelurahan Sukamulya", await lurah.GetStringAsync("/", Ct), StringComparison.Ordinal);
        await factory.FillAndSubmitAsync(lurah, SukamulyaPalembang, ThisMonth);
        var camat = await factory.LoginAsync("camat.sukarami", Password);
        Assert.Contains("Laporan Kelurahan Sukamulya", await camat.GetStringAsync("/Notifications", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(camat, $"/Reports/Review/{SukamulyaPalembang}/{ThisMonth}?handler=Approve")).StatusCode);
        var verifikator = await factory.LoginAsync("verifikator.plg", Password);
        Assert.Contains("Sukamulya", await verifikator.GetStringAsync($"/Verification?period={ThisMonth}", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(verifikator, $"/Verification/Report/{SukamulyaPalembang}/{ThisMonth}?handler=Complete",
            new() { ["acceptRest"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(admin, $"/Rapor/Ranking?handler=Finalize&period={ThisMonth}")).StatusCode);

        // The public page and API of Palembang show its Sukamulya first among its kelurahan, and nothing of Bandung.
        var anonymous = factory.Anonymous();
        var page = await anonymous.GetStringAsync($"/Publik/{Palembang}?period={ThisMonth}&level=kelurahan", Ct);
        Assert.Contains($"/Publik/Rapor/{SukamulyaPalembang}/{ThisMonth}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("32.73.", page, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/public/{Palembang}/rankings/{ThisMonth}?level=kelurahan", Ct));
        var rows = json.RootElement.EnumerateArray().Select(r => (Code: r.GetProperty("code").GetString(), Rank: r.GetProperty("rank").GetInt32(), Total: r.GetProperty("score").GetDouble())).ToList();
        Assert.Equal(107, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("16.71.", r.Code, StringComparison.Ordinal));
        var top = rows.Single(r => r.Code == SukamulyaPalembang);
        Assert.Equal(1, top.Rank);
        Assert.True(top.Total > 50);
        // Bandung's Sukamulya is untouched: no score in Palembang's period, and its own rapor is not Palembang's to see.
        Assert.False(await factory.WithDbAsync(db => db.Scores.AnyAsync(s => s.UnitCode == SukamulyaBandung && db.Periods.Any(p => p.Id == s.PeriodId && p.TenantCode == Palembang), Ct)));
        using var foreign = await admin.GetAsync($"/Rapor/{SukamulyaBandung}/{ThisMonth}", Ct);
        Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
        using var foreignApi = await admin.GetAsync($"/api/reports/{SukamulyaBandung}/{ThisMonth}", Ct);
        Assert.True(foreignApi.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, foreignApi.StatusCode.ToString());
        // Palembang's ranking export holds only Palembang's units.
        var xlsx = await admin.GetByteArrayAsync($"/Rapor/Ranking?handler=Excel&period={ThisMonth}&level=kelurahan", Ct);
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(107, sheet.Count);
        Assert.All(sheet, r => Assert.StartsWith("16.71.", (string)r["Kode"], StringComparison.Ordinal));
        // Bandung's admin sees Bandung's ranking, cached or not, never Palembang's.
        var bandungAdmin = await factory.LoginAsync("admin.bandung");
        for (var i = 0; i < 2; i++)
            Assert.DoesNotContain("16.71.", await bandungAdmin.GetStringAsync($"/Rapor/Ranking?period={ThisMonth}&level=kelurahan", Ct), StringComparison.Ordinal);
        // The setup checklist of Palembang has every required step done.
        Assert.Contains("data-testid=\"ready\"", await admin.GetStringAsync($"/Onboarding/Checklist/{Palembang}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kabupaten_of_desa_speaks_of_desa_and_kepala_desa()
    {
        const string pangandaran = "32.18";
        var platform = await factory.LoginAsync("admin");
        await factory.FromListAsync(platform, pangandaran);
        await factory.FrameworkAsync(platform, pangandaran, "contoh");
        await factory.PeriodsAsync(platform, pangandaran);
        var (kecamatan, desa, desaName) = await factory.WithDbAsync(db => db.Regions.Where(r => r.TenantCode == pangandaran && r.Level == RegionLevel.Kelurahan)
            .OrderBy(r => r.Code).Select(r => new { r.ParentCode, r.Code, r.Name }).FirstAsync(Ct))
            is var d ? (d.ParentCode!, d.Code, d.Name) : default;
        await factory.CreateUserAsync(platform, "kades.uji", Roles.Lurah, desa, Password);
        await factory.CreateUserAsync(platform, "camat.uji.pgd", Roles.Camat, kecamatan, Password);

        // The kab/kota shape and every kecamatan shape came with it (Jawa Barat files): the map has nothing missing.
        var map = await platform.GetStringAsync($"/Regions/Map?tenant={pangandaran}", Ct);
        Assert.Contains("data-geojson=\"/api/regions/32.18/shapes?level=kecamatan\"", map, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"missing-shapes\"", map, StringComparison.Ordinal);

        var kades = await factory.LoginAsync("kades.uji", Password);
        Assert.Contains($"Desa {desaName}", await kades.GetStringAsync("/", Ct), StringComparison.Ordinal);
        Assert.Contains($"— Desa {desaName}", WebUtility.HtmlDecode(await kades.GetStringAsync($"/Reports/Fill/{desa}/{ThisMonth}", Ct)), StringComparison.Ordinal);
        await factory.FillAndSubmitAsync(kades, desa, ThisMonth);
        var camat = await factory.LoginAsync("camat.uji.pgd", Password);
        Assert.Contains($"Laporan Desa {desaName}", WebUtility.HtmlDecode(await camat.GetStringAsync("/Notifications", Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(camat, $"/Reports/Review/{desa}/{ThisMonth}?handler=Approve")).StatusCode);
        Assert.Contains("verifikasi kabupaten", WebUtility.HtmlDecode(await kades.GetStringAsync("/Notifications", Ct)), StringComparison.Ordinal);

        // Tenant-wide pages say "Desa", not "Kelurahan".
        using var chosen = await RaporFactory.PostFormAsync(platform, "/Tenants", new() { ["code"] = pangandaran });
        var ranking = WebUtility.HtmlDecode(await platform.GetStringAsync($"/Rapor/Ranking?period={ThisMonth}", Ct));
        Assert.Contains("<option value=\"kelurahan\">Desa</option>", ranking, StringComparison.Ordinal);
        Assert.DoesNotContain(">Kelurahan</option>", ranking, StringComparison.Ordinal);
        var terms = TenantTerms.For("kabupaten", hasKelurahan: false, hasDesa: true);
        Assert.Equal(("Kabupaten", "Bupati", "Desa", "Kepala Desa"), (terms.Kind.Id, terms.Head.Id, terms.Village.Id, terms.VillageHead.Id));
        Assert.Equal("Regent", terms.Head.In(System.Globalization.CultureInfo.GetCultureInfo("en-US")));
    }
}
