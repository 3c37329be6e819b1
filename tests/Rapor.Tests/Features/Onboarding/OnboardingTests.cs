using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using Rapor.Web.Features.Onboarding;

namespace Rapor.Tests.Features.Onboarding;

/// <summary>The national list in the app: picking a kabupaten/kota creates it whole, or nothing at all.</summary>
[Trait("Category", "Integration")]
public sealed class OnboardingTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_catalog_finds_a_kabupaten_kota_by_name_or_code_with_its_real_counts()
    {
        var catalog = new RegionCatalog();
        Assert.Equal(514, catalog.All.Count);
        Assert.Equal("16.71", Assert.Single(catalog.Search("palembang")).Code);
        var aceh = Assert.Single(catalog.Search("11.08"));
        Assert.Equal(("Kabupaten Aceh Utara", "Aceh", 0, 852), (aceh.Name, aceh.Province, aceh.Kelurahan, aceh.Desa));
        Assert.All(catalog.Search("32."), k => Assert.StartsWith("32.", k.Code, StringComparison.Ordinal));
        Assert.Equal(27, catalog.Search("32.", max: 100).Count);
        Assert.Empty(catalog.Search("tidak ada nama seperti ini"));
        var units = catalog.ReadUnits(new HashSet<string> { "16.71" })["16.71"];
        Assert.Equal((18, 107), (units.Count(u => u.Level == RegionLevel.Kecamatan), units.Count(u => u.Type == "kelurahan")));
    }

    [Fact]
    public async Task The_platform_admin_onboards_a_kota_from_the_list_with_its_units_and_shipped_shapes()
    {
        var admin = await factory.LoginAsync("admin");
        var search = await admin.GetStringAsync("/Onboarding?handler=Search&q=cimahi", Ct);
        Assert.Contains("Kota Cimahi", search, StringComparison.Ordinal);
        Assert.Contains("3 kecamatan, 15 kelurahan", search, StringComparison.Ordinal);

        using var response = await RaporFactory.PostFormAsync(admin, "/Onboarding", new() { ["code"] = "32.77" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Onboarding/Framework/32.77", response.Headers.Location!.OriginalString);
        var counts = await factory.WithDbAsync(db => db.Regions.Where(r => r.TenantCode == "32.77").GroupBy(r => r.Type).ToDictionaryAsync(g => g.Key, g => g.Count(), Ct));
        Assert.Equal(new Dictionary<string, int> { ["kota"] = 1, ["kecamatan"] = 3, ["kelurahan"] = 15 }, counts);
        var tenant = await factory.WithDbAsync(db => db.Tenants.SingleAsync(t => t.Code == "32.77", Ct));
        Assert.Equal(("Kota Cimahi", "Jawa Barat", "admin"), (tenant.Name, tenant.Province, tenant.OnboardedBy));
        Assert.StartsWith("Kepmendagri", tenant.RegionSource, StringComparison.Ordinal);

        // Its kab/kota outline and kecamatan come from the shipped Jawa Barat files; the map endpoint serves them.
        var geo = JsonDocument.Parse(await admin.GetStringAsync("/api/regions/32.77/shapes?level=kecamatan", Ct));
        Assert.Equal(3, geo.RootElement.GetProperty("features").GetArrayLength());
        Assert.True(await factory.WithDbAsync(db => db.RegionShapes.AnyAsync(s => s.Code == "32.77" && s.Level == RegionLevel.KabupatenKota, Ct)));

        // Twice is refused, nothing changes.
        using var again = await RaporFactory.PostFormAsync(admin, "/Onboarding", new() { ["code"] = "32.77" });
        Assert.Contains("Kode 32.77 sudah terdaftar", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(19, await factory.WithDbAsync(db => db.Regions.CountAsync(r => r.TenantCode == "32.77", Ct)));
    }

    [Fact]
    public async Task A_tenant_admin_cannot_onboard()
    {
        var client = await factory.LoginAsync("admin.bandung");
        using var response = await RaporFactory.PostFormAsync(client, "/Onboarding", new() { ["code"] = "32.78" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Code == "32.78", Ct)));
    }

    /// <summary>Every kab/kota of Aceh in one call: flushed in several chunks, then a failure after the first one.</summary>
    [Fact]
    public async Task A_failure_half_way_leaves_no_tenant_no_unit_no_shape_and_no_audit_row()
    {
        var aceh = new RegionCatalog().Search("11.", max: 100).Select(k => k.Code).ToList();
        Assert.True(aceh.Count > 20);
        var audits = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        using (var scope = factory.Services.CreateScope())
        {
            var onboarding = scope.ServiceProvider.GetRequiredService<TenantOnboarding>();
            var flushed = 0;
            onboarding.AfterChunk = chunk =>
            {
                flushed = chunk;
                return chunk == 1 ? throw new IOException("disk penuh (uji)") : Task.CompletedTask;
            };
            await Assert.ThrowsAsync<IOException>(() => onboarding.FromNationalListAsync(aceh, Ct));
            Assert.Equal(1, flushed);
        }
        await AssertNothingOfAcehAsync(audits);
    }

    [Fact]
    public async Task A_row_the_database_rejects_half_way_rolls_everything_back_with_a_message()
    {
        var aceh = new RegionCatalog().Search("11.", max: 100).Select(k => k.Code).ToList();
        var last = aceh[^1];
        // A stray row holding the code of the last kab/kota's first kecamatan under another tenant: the insert fails late.
        var firstKecamatan = new RegionCatalog().ReadUnits(new HashSet<string> { last })[last].First(u => u.Level == RegionLevel.Kecamatan).Code;
        await factory.WithDbAsync(async db =>
        {
            db.Regions.Add(new Region { Code = firstKecamatan, Name = "Sisa data lama (uji)", Level = RegionLevel.Kecamatan, Type = "kecamatan", ParentCode = last, TenantCode = "99.99" });
            return await db.SaveChangesAsync(Ct);
        });
        var audits = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        using (var scope = factory.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<TenantOnboarding>().FromNationalListAsync(aceh, Ct);
            Assert.False(outcome.Ok);
            Assert.Contains("tidak ada yang disimpan", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        }
        await AssertNothingOfAcehAsync(audits);
        await factory.WithDbAsync(async db => await db.Regions.Where(r => r.Code == firstKecamatan).ExecuteDeleteAsync(Ct));
    }

    [Fact]
    public async Task The_platform_admin_switches_tenant_and_never_gets_the_other_tenants_cached_page()
    {
        var admin = await factory.LoginAsync("admin");
        Assert.Contains("Pilih dulu kabupaten/kota", await admin.GetStringAsync("/Rapor/Ranking", Ct), StringComparison.Ordinal);
        foreach (var (code, name, other) in new[] { ("32.73", "Kota Bandung", "Kota Palembang"), ("16.71", "Kota Palembang", "Kota Bandung"), ("32.73", "Kota Bandung", "Kota Palembang") })
        {
            using var chosen = await RaporFactory.PostFormAsync(admin, "/Tenants", new() { ["code"] = code, ["returnUrl"] = "/Rapor/Ranking" });
            Assert.Equal("/Rapor/Ranking", chosen.Headers.Location!.OriginalString);
            // Twice: the second answer may come from the output cache and must still be this tenant's.
            for (var i = 0; i < 2; i++)
            {
                var html = await admin.GetStringAsync("/Rapor/Ranking", Ct);
                Assert.Contains($"Peringkat — {name}", html, StringComparison.Ordinal);
                Assert.DoesNotContain(other, html, StringComparison.Ordinal);
            }
        }
        // An unknown code is refused, the choice stays.
        using var bad = await RaporFactory.PostFormAsync(admin, "/Tenants", new() { ["code"] = "99.99" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Peringkat — Kota Bandung", await admin.GetStringAsync("/Rapor/Ranking", Ct), StringComparison.Ordinal);
    }

    private async Task AssertNothingOfAcehAsync(int auditsBefore)
    {
        Assert.False(await factory.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Code.StartsWith("11."), Ct)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Regions.CountAsync(r => r.TenantCode.StartsWith("11."), Ct)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.RegionShapes.CountAsync(r => r.TenantCode.StartsWith("11."), Ct)));
        Assert.Equal(auditsBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
    }
}
