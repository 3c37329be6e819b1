using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.Reports;

/// <summary>The Development demo data: 2025 reports for every Kota Bandung unit, flagged as demo.</summary>
[Trait("Category", "Integration")]
public sealed class DemoReportsTests(DemoReportsTests.Factory factory) : IClassFixture<DemoReportsTests.Factory>
{
    public sealed class Factory : RaporFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Seed:DemoReports", "true");
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_Bandung_unit_has_twelve_verified_2025_monthly_reports_and_an_annual_one()
    {
        var counts = await factory.WithDbAsync(db => (from r in db.Reports
                                                      join p in db.Periods on r.PeriodId equals p.Id
                                                      where p.TenantCode == "32.73" && p.Year == 2025
                                                      group r by r.UnitCode into g
                                                      select new { Unit = g.Key, Count = g.Count(), Verified = g.Count(x => x.Status == ReportStatus.Diverifikasi), Demo = g.All(x => x.IsDemo) })
                                                     .ToListAsync(Ct));
        Assert.Equal(181, counts.Count);
        Assert.All(counts, c => Assert.Equal((13, 13, true), (c.Count, c.Verified, c.Demo)));
        // Every value of a verified demo report carries its verified value.
        Assert.False(await factory.WithDbAsync(db => db.ReportValues.AnyAsync(v => v.VerifiedValue == null && db.Reports.Any(r => r.Id == v.ReportId && r.Status == ReportStatus.Diverifikasi), Ct)));
        // Demo seeding does not flood the audit trail.
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "ReportValue", Ct)));
    }

    [Fact]
    public async Task Demo_reports_are_marked_on_screen()
    {
        var camat = await factory.LoginAsync("camat.cinambo");
        var html = await camat.GetStringAsync($"/Reports/Fill/{Scenario.Cinambo}/2025-06", Ct);
        Assert.Contains("DATA DEMO", html, StringComparison.Ordinal);
        Assert.Contains("diverifikasi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_Bandung_unit_has_a_demo_account_that_fills_only_its_own_report()
    {
        var accounts = await factory.WithDbAsync(db => db.Users.CountAsync(u => u.UserName!.StartsWith("lurah.32.73.") || u.UserName!.StartsWith("camat.32.73."), Ct));
        Assert.Equal(181, accounts);
        var lurah = await factory.LoginAsync("lurah.32.73.01.1001");
        Assert.Contains("DATA DEMO", await lurah.GetStringAsync("/Reports/Fill/32.73.01.1001/2025-06", Ct), StringComparison.Ordinal);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await lurah.GetAsync("/Reports/Fill/32.73.01.1002/2025-06", Ct)).StatusCode);
    }
}
