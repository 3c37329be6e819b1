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

    [Fact]
    public async Task Demo_values_of_counted_indicators_have_their_activity_rows_behind_them_and_nothing_is_submitted_in_the_future()
    {
        var (activityValues, activities, innovationValues, future) = await factory.WithDbAsync(async db =>
        {
            var values = await (from v in db.ReportValues
                                join r in db.Reports on v.ReportId equals r.Id
                                join p in db.Periods on r.PeriodId equals p.Id
                                join i in db.Indicators on v.IndicatorId equals i.Id
                                where r.IsDemo && i.Source != ValueSource.Manual
                                select new { v.UnitCode, p.Year, p.Month, i.Source, i.ActivityKind, v.Value }).ToListAsync(Ct);
            var rows = (await db.FieldActivities.Select(a => new { a.UnitCode, a.Kind, a.Date }).ToListAsync(Ct))
                .GroupBy(a => (a.UnitCode, a.Kind, a.Date.Year, a.Date.Month)).ToDictionary(g => g.Key, g => g.Count());
            var inFuture = await db.Reports.CountAsync(r => r.IsDemo && r.SubmittedAt > DateTime.UtcNow, Ct);
            return (values.Where(v => v.Source == ValueSource.FieldActivities).Select(v => (v.Value, Rows: rows.GetValueOrDefault((v.UnitCode, v.ActivityKind!, v.Year, v.Month!.Value)))).ToList(),
                rows.Values.Sum(), values.Where(v => v.Source == ValueSource.Innovations).Select(v => v.Value).ToList(), inFuture);
        });
        Assert.NotEmpty(activityValues);
        Assert.All(activityValues, v => Assert.Equal(v.Value, v.Rows));
        Assert.Equal(activityValues.Sum(v => v.Rows), activities);
        // No Bandung innovation is in the registry, so the counted innovation indicator is 0 — never a typed number.
        Assert.All(innovationValues, v => Assert.Equal(0, v));
        Assert.Equal(0, future);
    }
}
