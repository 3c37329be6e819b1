using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.TestSupport;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.Reports;

/// <summary>
/// The rules that protect results: lock date, finalization, who approves, extension limits. Each test checks the
/// database, not only a message, so switching a rule off makes it fail (checked by hand for every rule here).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProtectingRulesTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Lurah = "lurah.cisarantenwetan";

    private static string FillUrl(string unit, string period) => $"/Reports/Fill/{unit}/{period}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Guid> SlaAsync(int year) => (await factory.MonthlyIndicatorsAsync(year, RegionLevel.Kelurahan)).First(i => i.Code == "1.01").Id;

    private static async Task<string> SaveOnPageAsync(HttpClient client, string unit, string period, Guid indicator, string value)
    {
        using var response = await RaporFactory.PostFormAsync(client, FillUrl(unit, period) + "?handler=Value",
            new() { ["indicatorId"] = indicator.ToString(), ["value"] = value }, tokenInHeader: true);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<HttpResponseMessage> SaveByApiAsync(HttpClient client, string unit, string period, string code, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/reports/{unit}/{period}/values")
        {
            Content = JsonContent.Create(new[] { new { code, value } }),
        };
        request.Headers.Add("RequestVerificationToken", await RaporFactory.AntiforgeryTokenAsync(client, "/"));
        return await client.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> SubmitByApiAsync(HttpClient client, string unit, string period)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/reports/{unit}/{period}/submit");
        request.Headers.Add("RequestVerificationToken", await RaporFactory.AntiforgeryTokenAsync(client, "/"));
        return await client.SendAsync(request, Ct);
    }

    private Task<int> StoredValuesAsync(string unit, int year, int month) => factory.WithDbAsync(db =>
        db.ReportValues.CountAsync(v => v.UnitCode == unit && db.Reports.Any(r => r.Id == v.ReportId
            && db.Periods.Any(p => p.Id == r.PeriodId && p.TenantCode == Scenario.Tenant && p.Year == year && p.Month == month)), Ct));

    private Task<int> FinalizeAsync(int year, int month) => factory.WithDbAsync(async db =>
    {
        var p = await db.Periods.FirstAsync(x => x.TenantCode == Scenario.Tenant && x.Year == year && x.Month == month, Ct);
        p.FinalizedAt = DateTime.UtcNow;
        p.FinalizedBy = "test";
        return await db.SaveChangesAsync(Ct);
    });

    [Fact]
    public async Task After_the_lock_date_nothing_is_saved_or_submitted_through_the_page_or_the_API()
    {
        var period = await factory.OpenPeriodAsync(2036, 1, opensInDays: -40, deadlineInDays: -20, locksInDays: -1);
        var sla = await SlaAsync(2036);
        var lurah = await factory.LoginAsync(Lurah);

        Assert.Contains("sudah dikunci", await SaveOnPageAsync(lurah, Scenario.CisarantenWetan, period, sla, "90"), StringComparison.Ordinal);
        using var put = await SaveByApiAsync(lurah, Scenario.CisarantenWetan, period, "1.01", "90");
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("sudah dikunci", await put.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var submit = await SubmitByApiAsync(lurah, Scenario.CisarantenWetan, period);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Equal(0, await StoredValuesAsync(Scenario.CisarantenWetan, 2036, 1));
        Assert.False(await factory.WithDbAsync(db => db.Reports.AnyAsync(r => r.UnitCode == Scenario.CisarantenWetan && r.SubmittedAt != null
            && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2036 && p.Month == 1), Ct)));
    }

    [Fact]
    public async Task An_extension_past_the_lock_date_reopens_the_report_for_that_unit_only_until_its_new_deadline()
    {
        var period = await factory.OpenPeriodAsync(2036, 2, opensInDays: -40, deadlineInDays: -20, locksInDays: -1);
        var sla = await SlaAsync(2036);
        var admin = await factory.LoginAsync("admin.bandung");
        using var extended = await RaporFactory.PostFormAsync(admin, $"/Periods/Extend?period={period}&unit={Scenario.CisarantenWetan}",
            new() { ["NewDeadline"] = Date(Scenario.Today.AddDays(5)), ["Reason"] = "Kantor kelurahan terdampak banjir" });
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);

        var lurah = await factory.LoginAsync(Lurah);
        Assert.Contains("Tersimpan", await SaveOnPageAsync(lurah, Scenario.CisarantenWetan, period, sla, "90"), StringComparison.Ordinal);
        Assert.Equal(1, await StoredValuesAsync(Scenario.CisarantenWetan, 2036, 2));

        var neighbour = await factory.LoginAsync("lurah.sukamulya");
        Assert.Contains("sudah dikunci", await SaveOnPageAsync(neighbour, Scenario.Sukamulya, period, sla, "90"), StringComparison.Ordinal);
        Assert.Equal(0, await StoredValuesAsync(Scenario.Sukamulya, 2036, 2));

        // The extension has ended: locked again.
        await factory.WithDbAsync(async db =>
        {
            var e = await db.DeadlineExtensions.FirstAsync(x => x.UnitCode == Scenario.CisarantenWetan && db.Periods.Any(p => p.Id == x.PeriodId && p.Year == 2036 && p.Month == 2), Ct);
            e.NewDeadline = Scenario.Today.AddDays(-1);
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Contains("sudah dikunci", await SaveOnPageAsync(lurah, Scenario.CisarantenWetan, period, sla, "50"), StringComparison.Ordinal);
        Assert.Equal(90, await factory.WithDbAsync(db => db.ReportValues.Where(v => v.UnitCode == Scenario.CisarantenWetan && v.IndicatorId == sla).Select(v => v.Value).SingleAsync(Ct)));
    }

    [Fact]
    public async Task In_a_finalized_period_nothing_is_saved_or_submitted_through_the_page_or_the_API()
    {
        var period = await factory.OpenPeriodAsync(2036, 3);
        var sla = await SlaAsync(2036);
        await FinalizeAsync(2036, 3);
        var lurah = await factory.LoginAsync(Lurah);

        Assert.Contains("sudah difinalisasi", await SaveOnPageAsync(lurah, Scenario.CisarantenWetan, period, sla, "90"), StringComparison.Ordinal);
        using var put = await SaveByApiAsync(lurah, Scenario.CisarantenWetan, period, "1.01", "90");
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("sudah difinalisasi", await put.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var submit = await SubmitByApiAsync(lurah, Scenario.CisarantenWetan, period);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Equal(0, await StoredValuesAsync(Scenario.CisarantenWetan, 2036, 3));
    }

    [Fact]
    public async Task In_a_finalized_period_a_verifier_can_neither_decide_nor_close_nor_return_a_waiting_report()
    {
        var period = await factory.OpenPeriodAsync(2036, 4);
        const string sukasari = "32.73.01";
        await factory.SubmittedReportAsync(sukasari, period, 1.0);
        await FinalizeAsync(2036, 4);
        var sla = (await factory.MonthlyIndicatorsAsync(2036, RegionLevel.Kecamatan)).First(i => i.Code == "1.01").Id;
        var verifikator = await factory.LoginAsync("verifikator");
        var page = $"/Verification/Report/{sukasari}/{period}";
        const string refusal = "Periode sudah difinalisasi; keputusan tidak dapat diubah.";

        using var decide = await RaporFactory.PostFormAsync(verifikator, page + "?handler=Decide",
            new() { ["indicatorId"] = sla.ToString(), ["decision"] = "Koreksi", ["value"] = "10", ["note"] = "rekap tidak cocok" }, tokenInHeader: true);
        Assert.Contains(refusal, WebUtility.HtmlDecode(await decide.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var complete = await RaporFactory.PostFormAsync(verifikator, page + "?handler=Complete", new() { ["acceptRest"] = "true" });
        Assert.Contains(refusal, WebUtility.HtmlDecode(await complete.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var back = await RaporFactory.PostFormAsync(verifikator, page + "?handler=Return", new() { ["note"] = "lengkapi bukti" });
        Assert.Contains(refusal, WebUtility.HtmlDecode(await back.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var (status, decided, notified) = await factory.WithDbAsync(async db =>
        {
            var r = await db.Reports.Include(x => x.Values).FirstAsync(x => x.UnitCode == sukasari && db.Periods.Any(p => p.Id == x.PeriodId && p.Year == 2036 && p.Month == 4), Ct);
            var n = await db.Notifications.CountAsync(x => x.Link != null && x.Link.Contains(period), Ct);
            return (r.Status, r.Values.Count(v => v.Verification != VerificationStatus.Belum || v.VerifiedAt != null), n);
        });
        Assert.Equal((ReportStatus.Diajukan, 0, 0), (status, decided, notified));
    }

    [Fact]
    public async Task Only_the_camat_of_its_own_kecamatan_approves_a_kelurahan_report()
    {
        var period = await factory.OpenPeriodAsync(2036, 5);
        await factory.WithDbAsync(async db =>
        {
            var p = await db.Periods.FirstAsync(x => x.TenantCode == Scenario.Tenant && x.Year == 2036 && x.Month == 5, Ct);
            var fw = await db.Frameworks.FirstAsync(x => x.TenantCode == Scenario.Tenant && x.Year == 2036, Ct);
            var report = new Report { PeriodId = p.Id, UnitCode = Scenario.CisarantenWetan, Level = RegionLevel.Kelurahan, FrameworkId = fw.Id };
            report.Submit(Lurah, DateTime.UtcNow, late: false);
            db.Reports.Add(report);
            return await db.SaveChangesAsync(Ct);
        });
        var review = $"/Reports/Review/{Scenario.CisarantenWetan}/{period}?handler=Approve";
        using (var scope = factory.Services.CreateScope())
            await DatabaseInitializer.EnsureUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), "camat.sukasari.test", "Camat Sukasari", "32.73.01", Roles.Camat, RaporFactory.DemoPassword);

        foreach (var wrong in new[] { "camat.sukasari.test", "camat.batujajar", "verifikator", "admin.bandung", "lurah.sukamulya" })
        {
            using var refused = await RaporFactory.PostFormAsync(await factory.LoginAsync(wrong), review);
            Assert.Contains("AccessDenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
        Assert.Equal(ReportStatus.Diajukan, await StatusAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(await factory.LoginAsync("camat.cinambo"), review)).StatusCode);
        Assert.Equal(ReportStatus.DisetujuiCamat, await StatusAsync());

        Task<ReportStatus> StatusAsync() => factory.WithDbAsync(db => db.Reports
            .Where(r => r.UnitCode == Scenario.CisarantenWetan && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2036 && p.Month == 5)).Select(r => r.Status).SingleAsync(Ct));
    }

    [Fact]
    public async Task An_extension_must_end_after_the_deadline_not_in_the_past_and_never_in_a_finalized_period()
    {
        var period = await factory.OpenPeriodAsync(2036, 6, opensInDays: -30, deadlineInDays: 3, locksInDays: 10);
        var admin = await factory.LoginAsync("admin.bandung");
        var url = $"/Periods/Extend?period={period}&unit={Scenario.CisarantenWetan}";
        Task<int> ExtensionsAsync() => factory.WithDbAsync(db => db.DeadlineExtensions.CountAsync(e => e.UnitCode == Scenario.CisarantenWetan
            && db.Periods.Any(p => p.Id == e.PeriodId && p.Year == 2036 && p.Month == 6), Ct));

        using var beforeDeadline = await RaporFactory.PostFormAsync(admin, url, new() { ["NewDeadline"] = Date(Scenario.Today.AddDays(2)), ["Reason"] = "Listrik padam seminggu" });
        Assert.Contains("Batas baru harus setelah", WebUtility.HtmlDecode(await beforeDeadline.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(0, await ExtensionsAsync());

        await FinalizeAsync(2036, 6);
        using var finalized = await RaporFactory.PostFormAsync(admin, url, new() { ["NewDeadline"] = Date(Scenario.Today.AddDays(20)), ["Reason"] = "Listrik padam seminggu" });
        Assert.Contains("Periode sudah difinalisasi", WebUtility.HtmlDecode(await finalized.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(0, await ExtensionsAsync());

        // Another tenant's admin may not extend a Bandung unit.
        using var foreign = await RaporFactory.PostFormAsync(await factory.LoginAsync("admin.kbb"), url, new() { ["NewDeadline"] = Date(Scenario.Today.AddDays(20)), ["Reason"] = "Listrik padam seminggu" });
        Assert.Contains("AccessDenied", foreign.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await ExtensionsAsync());
    }
}
