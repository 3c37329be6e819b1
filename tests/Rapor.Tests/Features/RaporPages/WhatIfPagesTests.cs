using System.Net;
using Rapor.TestSupport;

namespace Rapor.Tests.Features.RaporPages;

/// <summary>
/// The what-if on a rapor and the pimpinan's weight simulator through HTTP: numbers from the engine, marked provisional
/// for an unfinished period, bad weights refused with a message, nothing saved.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WhatIfPagesTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Sukasari = "32.73.01";
    private const string Sukajadi = "32.73.07";

    private async Task<string> TwoVerifiedKecamatanAsync(int month)
    {
        var period = await factory.OpenPeriodAsync(2031, month);
        await factory.SubmittedReportAsync(Sukasari, period, 1.0);
        await factory.SubmittedReportAsync(Sukajadi, period, 0.5);
        var verifikator = await factory.LoginAsync("verifikator");
        foreach (var unit in new[] { Sukasari, Sukajadi })
            Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(verifikator, $"/Verification/Report/{unit}/{period}?handler=Complete", new() { ["acceptRest"] = "true" })).StatusCode);
        return period;
    }

    [Fact]
    public async Task A_rapor_shows_which_indicators_lift_the_score_and_the_rank_they_would_reach()
    {
        var period = await TwoVerifiedKecamatanAsync(5);
        var camat = await factory.LoginAsync("pimpinan");
        var html = WebUtility.HtmlDecode(await camat.GetStringAsync($"/Rapor/{Sukajadi}/{period}", Ct));
        Assert.Contains("data-testid=\"whatif\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"whatif-provisional\"", html, StringComparison.Ordinal); // the month is not finalized
        Assert.Matches("Untuk mencapai (kuning|hijau) \\(≥ [0-9]+\\): \\+[0-9]+,[0-9]{2} poin", html);
        Assert.Matches("data-testid=\"gain-[^\"]+\"", html);
        // Sukasari meets every target: nothing to gain.
        var top = WebUtility.HtmlDecode(await camat.GetStringAsync($"/Rapor/{Sukasari}/{period}", Ct));
        Assert.DoesNotMatch("data-testid=\"gain-", top);
    }

    [Fact]
    public async Task The_simulator_ranks_every_unit_under_proposed_weights_and_saves_nothing()
    {
        var period = await TwoVerifiedKecamatanAsync(6);
        var pimpinan = await factory.LoginAsync("pimpinan");
        var page = await pimpinan.GetStringAsync($"/Rapor/Simulator?period={period}", Ct);
        Assert.Contains("data-testid=\"provisional\"", page, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(page, "name=\"([bi][0-9]+)\" value=\"([^\"]*)\""))
            fields[m.Groups[1].Value] = m.Groups[2].Value;
        Assert.True(fields.Count > 10);
        var before = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, Ct));

        var result = await RaporFactory.PostFormAsync(pimpinan, $"/Rapor/Simulator?period={period}", new(fields));
        var html = WebUtility.HtmlDecode(await result.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains($"data-testid=\"row-{Sukasari}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"result-Kelurahan\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, Ct)));

        fields["b0"] = "-5";
        var bad = await RaporFactory.PostFormAsync(pimpinan, $"/Rapor/Simulator?period={period}", new(fields));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("tidak valid", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var lurah = await factory.LoginAsync("lurah.sukamulya");
        var denied = await lurah.GetAsync("/Rapor/Simulator", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("AccessDenied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_keeps_a_valid_whatsapp_number_and_refuses_another_with_a_message()
    {
        var lurah = await factory.LoginAsync("lurah.sukamulya");
        var bad = await RaporFactory.PostFormAsync(lurah, "/Profile", new() { ["Input.Email"] = "lurah@example.go.id", ["Input.Phone"] = "12345", ["Input.Language"] = "id" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Nomor WhatsApp tidak valid", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var ok = await RaporFactory.PostFormAsync(lurah, "/Profile", new() { ["Input.Email"] = "lurah@example.go.id", ["Input.Phone"] = "0812-3456-7890", ["Input.Language"] = "en", ["Input.Send"] = "DeadlineReminder:WhatsApp" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (phone, language, optOuts) = await factory.WithDbAsync(async db =>
        {
            var u = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Users, x => x.UserName == "lurah.sukamulya", Ct);
            var o = db.MessageOptOuts.Where(x => x.UserId == u.Id).Select(x => x.Kind + ":" + x.Channel).ToList();
            return (u.PhoneNumber, u.Language, o);
        });
        Assert.Equal(("6281234567890", "en"), (phone, language));
        Assert.Contains("DeadlineReminder:Email", optOuts);
        Assert.DoesNotContain("DeadlineReminder:WhatsApp", optOuts);
    }
}
