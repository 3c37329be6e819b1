using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.Audit;

[Trait("Category", "Integration")]
public sealed class AuditTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenant_admin_sees_only_his_tenants_changes_and_can_filter()
    {
        await factory.WithDbAsync(async db =>
        {
            var bandung = await db.Regions.SingleAsync(r => r.Code == "32.73.29.1002", Ct);
            bandung.Name = "Pakemitan (ubah uji)";
            var palembang = await db.Regions.SingleAsync(r => r.Code == "16.71.01", Ct);
            palembang.Name = "Ilir Barat Dua (ubah uji)";
            return await db.SaveChangesAsync(Ct);
        });
        var admin = await factory.LoginAsync("admin.bandung");
        var html = await admin.GetStringAsync("/Audit?entity=Region&key=32.73.29.1002", Ct);
        Assert.Contains("Pakemitan (ubah uji)", html, StringComparison.Ordinal);
        var all = await admin.GetStringAsync("/Audit?entity=Region", Ct);
        Assert.DoesNotContain("Ilir Barat Dua (ubah uji)", all, StringComparison.Ordinal);

        var platform = await factory.LoginAsync("admin");
        Assert.Contains("Ilir Barat Dua (ubah uji)", await platform.GetStringAsync("/Audit?entity=Region&key=16.71.01", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_official_records_the_old_values()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var o = new Official { Name = "Untuk Dihapus", Position = "staf", UnitCode = "32.73.29", StartDate = new(2025, 1, 1) };
            db.Officials.Add(o);
            await db.SaveChangesAsync(Ct);
            db.Officials.Remove(o);
            await db.SaveChangesAsync(Ct);
            return o.Id.ToString();
        });
        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityKey == id).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal(["Insert", "Delete"], entries.Select(e => e.Action));
        Assert.Contains("\"old\":\"Untuk Dihapus\"", entries[1].Changes, StringComparison.Ordinal);
        Assert.Equal("system", entries[1].UserName);
    }
}
