using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.TestSupport;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.Regions;

[Trait("Category", "Integration")]
public sealed class SeededRegionsTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bandung_codes_and_names_match_the_shipped_list_exactly()
    {
        // Read the CSV independently of the app's parser: code and name columns as they stand in the file.
        var shipped = File.ReadAllLines(DatabaseInitializer.RegionFile("bandung_wilayah.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[1]);
        var stored = await factory.WithDbAsync(db => db.Regions.Where(r => r.TenantCode == "32.73" && r.Level != RegionLevel.KabupatenKota)
            .ToDictionaryAsync(r => r.Code, r => r.Name, Ct));
        Assert.Equal(181, shipped.Count);
        Assert.Equal(shipped.OrderBy(x => x.Key), stored.OrderBy(x => x.Key));
        Assert.Equal(30, stored.Keys.Count(k => k.Length == 8));
        Assert.Equal(151, stored.Keys.Count(k => k.Length == 13));
    }

    [Theory]
    [InlineData("32.73", 30, 151, 0)]
    [InlineData("16.71", 18, 107, 0)]
    [InlineData("32.17", 16, 0, 165)]
    [InlineData("32.04", 31, 10, 270)]
    public async Task Every_shipped_tenant_is_seeded_with_its_real_counts(string tenant, int kecamatan, int kelurahan, int desa)
    {
        var counts = await factory.WithDbAsync(db => db.Regions.Where(r => r.TenantCode == tenant)
            .GroupBy(r => r.Type).ToDictionaryAsync(g => g.Key, g => g.Count(), Ct));
        Assert.Equal(kecamatan, counts.GetValueOrDefault("kecamatan"));
        Assert.Equal(kelurahan, counts.GetValueOrDefault("kelurahan"));
        Assert.Equal(desa, counts.GetValueOrDefault("desa"));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var before = await factory.WithDbAsync(db => db.Regions.CountAsync(Ct));
        var audits = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Regions.CountAsync(Ct)));
        Assert.Equal(audits, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Admin_home_says_Kota_Bandung_has_30_kecamatan_and_151_kelurahan()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var html = await admin.GetStringAsync("/", Ct);
        Assert.Contains("Kota Bandung — 30 kecamatan, 151 kelurahan", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kota Palembang", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Camat_home_lists_his_four_kelurahan()
    {
        var camat = await factory.LoginAsync("camat.cinambo");
        var html = await camat.GetStringAsync("/", Ct);
        foreach (var name in new[] { "Cisaranten Wetan", "Pakemitan", "Sukamulya", "Babakan Penghulu" })
            Assert.Contains(name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_returns_a_region_and_its_children()
    {
        var client = factory.Anonymous();
        var cinambo = await client.GetFromJsonAsync<RegionJson>("/api/regions/32.73.29", Ct);
        Assert.Equal(new RegionJson("32.73.29", "Cinambo", "kecamatan", "kecamatan"), cinambo);
        var bandung = await client.GetFromJsonAsync<RegionJson>("/api/regions/32.73", Ct);
        Assert.Equal(new RegionJson("32.73", "Kota Bandung", "kabupaten_kota", "kota"), bandung);
        var children = await client.GetFromJsonAsync<List<RegionJson>>("/api/regions/32.73.29/children", Ct);
        Assert.Equal(["Cisaranten Wetan", "Pakemitan", "Sukamulya", "Babakan Penghulu"], children!.Select(c => c.Name));
        Assert.All(children!, c => Assert.Equal("kelurahan", c.Level));
        var desa = await client.GetFromJsonAsync<RegionJson>("/api/regions/32.17.01.2001", Ct);
        Assert.Equal("desa", desa!.Type);
    }

    [Theory]
    [InlineData("/api/regions/99.99", HttpStatusCode.NotFound)]
    [InlineData("/api/regions/99.99/children", HttpStatusCode.NotFound)]
    [InlineData("/api/regions/abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/regions/32.73.2/children", HttpStatusCode.BadRequest)]
    public async Task Api_errors_are_problem_details(string path, HttpStatusCode status)
    {
        using var response = await factory.Anonymous().GetAsync(path, Ct);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemJson>(Ct);
        Assert.Equal((int)status, problem!.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
    }

    [Fact]
    public async Task Health_check_reports_the_database()
    {
        var body = await factory.Anonymous().GetStringAsync("/healthz", Ct);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_region_endpoints()
    {
        var json = await factory.Anonymous().GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/regions/{code}/children", json, StringComparison.Ordinal);
        using var docs = await factory.CreateClient().GetAsync("/api/docs", Ct);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    private sealed record RegionJson(string Code, string Name, string Level, string Type);

    private sealed record ProblemJson(int Status, string Title, string? Detail);
}
