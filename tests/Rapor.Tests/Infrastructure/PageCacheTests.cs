using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Features.Rapor;

namespace Rapor.Tests.Infrastructure;

/// <summary>
/// The output cache of the ranking, rapor and public pages: a page is kept per user, and any committed change shows at
/// once — on this instance, and on PostgreSQL on the other instances too.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PageCacheTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Changes a stored total behind the app's back: raw SQL, no SaveChanges, so nothing is evicted.</summary>
    private static Task<int> SetTotalBehindTheAppAsync(RaporFactory app, int year, int month, double total) => app.WithDbAsync(db =>
        db.Database.ExecuteSqlAsync($"""UPDATE "Scores" SET "Total" = {total} WHERE "UnitCode" = {Scenario.Cinambo} AND "PeriodId" = (SELECT "Id" FROM "Periods" WHERE "TenantCode" = '32.73' AND "Year" = {year} AND "Month" = {month})""", Ct));

    /// <summary>Any change saved through the app (here: a period's note).</summary>
    private static Task<int> SaveAChangeAsync(RaporFactory app, int year, int month) => app.WithDbAsync(async db =>
    {
        var p = await db.Periods.FirstAsync(x => x.TenantCode == "32.73" && x.Year == year && x.Month == month, Ct);
        p.ReopenReason = "catatan " + Guid.NewGuid().ToString("N")[..6];
        return await db.SaveChangesAsync(Ct);
    });

    /// <summary>
    /// Whether the page is served from the cache: it is viewed, the total changed behind the app's back, and viewed
    /// again without the change. A commit elsewhere in the app while it renders keeps it out of the cache, so a few
    /// tries are allowed.
    /// </summary>
    private static async Task<bool> CachedAsync(RaporFactory app, HttpClient client, string period, int year, int month, double total)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await RankingAsync(client, period);
            await SetTotalBehindTheAppAsync(app, year, month, total);
            if (!(await RankingAsync(client, period)).Contains(RaporView.F(total), StringComparison.Ordinal))
                return true;
            // Rendered afresh after all: put the total back, evict, and try again.
            await SetTotalBehindTheAppAsync(app, year, month, 1);
            await SaveAChangeAsync(app, year, month);
        }
        return false;
    }

    private static async Task<string> RankingAsync(HttpClient client, string period) =>
        WebUtility.HtmlDecode(await client.GetStringAsync($"/Rapor/Ranking?period={period}", Ct));

    [Fact]
    public async Task A_cached_ranking_is_per_user_and_a_saved_change_shows_at_once()
    {
        var period = await factory.OpenPeriodAsync(2036, 1);
        await factory.SubmittedReportAsync(Scenario.Cinambo, period, 0.8);
        var pimpinan = await factory.LoginAsync("pimpinan");
        await RankingAsync(pimpinan, period); // computes and stores the standings (a write: not cached)
        Assert.True(await CachedAsync(factory, pimpinan, period, 2036, 1, 12.34), "the ranking page was never served from the cache");
        await SaveAChangeAsync(factory, 2036, 1);
        Assert.Contains("12,34", await RankingAsync(pimpinan, period), StringComparison.Ordinal);

        // Another user never gets the pimpinan's copy (it carries her name and her antiforgery token).
        var verifikator = await factory.LoginAsync("verifikator");
        var theirs = await RankingAsync(verifikator, period);
        Assert.Contains("Verifikator Bagian Pemerintahan (demo)", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Asisten Pemerintahan (demo)", theirs, StringComparison.Ordinal);
        // Signed out, the page is refused before the cache is consulted.
        var anonymous = factory.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/Rapor/Ranking?period={period}", Ct)).StatusCode);
        // A form on a cached page still posts: its token belongs to this user and cookie.
        Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(pimpinan, "/Account/Logout")).StatusCode);
    }

    [Fact]
    public async Task A_change_saved_on_another_instance_reaches_this_one_through_postgresql()
    {
        if (RaporFactory.Provider != "Postgres")
            Assert.Skip("SQLite runs one instance; the NOTIFY signal is PostgreSQL's.");
        var period = await factory.OpenPeriodAsync(2036, 2);
        await factory.SubmittedReportAsync(Scenario.Cinambo, period, 0.8);
        var pimpinan = await factory.LoginAsync("pimpinan");
        await RankingAsync(pimpinan, period);
        Assert.True(await CachedAsync(factory, pimpinan, period, 2036, 2, 23.45), "the ranking page was never served from the cache");

        await using var other = factory.SecondInstance();
        await SaveAChangeAsync(other, 2036, 2);
        // NOTIFY is asynchronous: give this instance's listener a moment.
        var seen = false;
        for (var i = 0; i < 50 && !seen; i++)
        {
            seen = (await RankingAsync(pimpinan, period)).Contains("23,45", StringComparison.Ordinal);
            if (!seen)
                await Task.Delay(100, Ct);
        }
        Assert.True(seen, "the other instance's change did not evict this instance's cached page");
    }

    [Fact]
    public async Task Concurrent_autosaves_of_one_report_all_land()
    {
        var period = await factory.OpenPeriodAsync(2036, 3);
        var indicators = (await factory.MonthlyIndicatorsAsync(2036, Rapor.Web.Domain.RegionLevel.Kelurahan)).Where(i => i.IsTyped).Take(12).ToList();
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        var token = await RaporFactory.AntiforgeryTokenAsync(lurah, "/");
        var saves = indicators.Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/Reports/Fill/{Scenario.CisarantenWetan}/{period}?handler=Value")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["indicatorId"] = i.Id.ToString(), ["value"] = "1" }),
            };
            request.Headers.Add("RequestVerificationToken", token);
            using var response = await lurah.SendAsync(request, Ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        });
        var results = await Task.WhenAll(saves);
        // The first saves race to create the report; the losers save into the winner's report.
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(results, r => Assert.Contains("Tersimpan", r.Body, StringComparison.Ordinal));
        var stored = await factory.WithDbAsync(db => db.ReportValues.CountAsync(v => db.Reports.Any(r => r.Id == v.ReportId
            && r.UnitCode == Scenario.CisarantenWetan && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2036 && p.Month == 3)), Ct));
        Assert.Equal(indicators.Count, stored);
    }
}
