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
        Assert.Contains("Kota Bandung — 30 kecamatan, 151 kelurahan", await admin.GetStringAsync("/", ct), StringComparison.Ordinal);
        // Regions and the example framework are reference data, seeded everywhere; demo reports are not.
        Assert.Equal(0, await factory.WithDbAsync(db => db.Reports.CountAsync(ct)));
    }
}
