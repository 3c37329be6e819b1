using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;

namespace Rapor.Tests.Features.Account;

/// <summary>Outside Development no demo account or default password exists; the first admin comes from configuration.</summary>
[Trait("Category", "Integration")]
public sealed class ProductionSeedTests(ProductionSeedTests.Factory factory) : IClassFixture<ProductionSeedTests.Factory>
{
    public sealed class Factory : RaporFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Seed:DemoData", "false");
            builder.UseSetting("Seed:AdminUser", "kabag.pemerintahan");
            builder.UseSetting("Seed:AdminPassword", "rahasia-awal-2026");
        }
    }

    [Fact]
    public async Task Only_the_configured_admin_exists_and_demo_passwords_do_not_work()
    {
        var ct = TestContext.Current.CancellationToken;
        var users = await factory.WithDbAsync(db => db.Users.Select(u => u.UserName).ToListAsync(ct));
        Assert.Equal(["kabag.pemerintahan"], users);
        using var demo = await RaporFactory.LoginResponseAsync(factory.Anonymous(), "admin", RaporFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode); // back on the login form
        var admin = await factory.LoginAsync("kabag.pemerintahan", "rahasia-awal-2026");
        // A production installation starts without any kabupaten/kota: the platform admin onboards them from the national list.
        Assert.Contains("Belum ada kabupaten/kota yang terdaftar", await admin.GetStringAsync("/", ct), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Tenants.CountAsync(ct)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Regions.CountAsync(ct)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Frameworks.CountAsync(ct)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Reports.CountAsync(ct)));
        // Pages that need a tenant say what to do instead of showing someone else's.
        Assert.Contains("Pilih dulu kabupaten/kota", await admin.GetStringAsync("/Rapor/Ranking", ct), StringComparison.Ordinal);
    }
}
