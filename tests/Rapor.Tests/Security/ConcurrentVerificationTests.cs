using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Security;

/// <summary>Issue 18 finding 3: two verifiers deciding the same indicator get one result and one clear conflict.</summary>
[Trait("Category", "Integration")]
public sealed class ConcurrentVerificationTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Unit = "32.73.02";

    private async Task<(string Period, Guid IndicatorId, string Code, int Version)> SubmittedAsync(int month)
    {
        var period = await factory.OpenPeriodAsync(2038, month);
        await factory.SubmittedReportAsync(Unit, period, 0.9);
        var (id, code, version) = await factory.WithDbAsync(async db =>
        {
            var v = await db.ReportValues.Where(x => x.UnitCode == Unit && db.Reports.Any(r => r.Id == x.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2038 && p.Month == month)))
                .Join(db.Indicators, x => x.IndicatorId, i => i.Id, (x, i) => new { x.IndicatorId, i.Code, x.Version, i.Type }).FirstAsync(x => x.Type == IndicatorType.Number || x.Type == IndicatorType.Percentage, Ct);
            return (v.IndicatorId, v.Code, v.Version);
        });
        return (period, id, code, version);
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, string period, Guid indicator, string decision, int version, string? value = null, string? note = null) =>
        RaporFactory.PostFormAsync(client, $"/Verification/Report/{Unit}/{period}?handler=Decide", new()
        {
            ["indicatorId"] = indicator.ToString(), ["decision"] = decision, ["version"] = version.ToString(CultureInfo.InvariantCulture),
            ["value"] = value ?? "", ["note"] = note ?? "",
        }, tokenInHeader: true);

    [Fact]
    public async Task A_decision_made_on_an_older_page_does_not_overwrite_the_newer_one_and_shows_it()
    {
        var (period, indicator, _, version) = await SubmittedAsync(1);
        var first = await factory.LoginAsync("verifikator");
        var second = await factory.LoginAsync("verifikator");
        using (var r = await DecideAsync(first, period, indicator, "Koreksi", version, "5", "dikoreksi setelah cek lapangan"))
            Assert.Contains("Keputusan tersimpan", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The second verifier still has the page from before: version is stale.
        using var stale = await DecideAsync(second, period, indicator, "Terima", version);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(Ct));
        Assert.Contains("baru saja diputuskan oleh verifikator", html, StringComparison.Ordinal);
        Assert.Contains("dikoreksi setelah cek lapangan", html, StringComparison.Ordinal); // the current decision is shown
        var stored = await factory.WithDbAsync(db => db.ReportValues.AsNoTracking().FirstAsync(v => v.IndicatorId == indicator && v.UnitCode == Unit
            && db.Reports.Any(r => r.Id == v.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2038 && p.Month == 1)), Ct));
        Assert.Equal((VerificationStatus.Dikoreksi, 5.0, "dikoreksi setelah cek lapangan"), (stored.Verification, stored.VerifiedValue!.Value, stored.VerificationNote!));
    }

    [Fact]
    public async Task Two_decisions_at_the_same_moment_give_one_result_and_one_conflict_never_a_500()
    {
        for (var round = 0; round < 3; round++)
        {
            var (period, indicator, _, version) = await SubmittedAsync(2 + round);
            var a = await factory.LoginAsync("verifikator");
            var b = await factory.LoginAsync("verifikator");
            var responses = await Task.WhenAll(DecideAsync(a, period, indicator, "Terima", version), DecideAsync(b, period, indicator, "Tolak", version, note: "bukti tidak sesuai"));
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(1, bodies.Count(b => b.Contains("Keputusan tersimpan", StringComparison.Ordinal)));
            Assert.Equal(1, bodies.Count(b => b.Contains("baru saja diputuskan", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task The_API_answers_a_stale_decision_with_409_and_the_current_decision()
    {
        var (period, _, code, version) = await SubmittedAsync(6);
        var verifikator = await factory.LoginAsync("verifikator");
        var token = await RaporFactory.AntiforgeryTokenAsync(verifikator, "/");
        async Task<HttpResponseMessage> PostAsync(object body)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, $"/api/verification/{Unit}/{period}/decisions") { Content = JsonContent.Create(body) };
            req.Headers.Add("RequestVerificationToken", token);
            return await verifikator.SendAsync(req, Ct);
        }
        using (var ok = await PostAsync(new { indicator = code, decision = "Tolak", note = "tidak ada bukti", version }))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var conflict = await PostAsync(new { indicator = code, decision = "Terima", version });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Ditolak", problem.GetProperty("current").GetProperty("verification").GetString());
        Assert.Equal("tidak ada bukti", problem.GetProperty("current").GetProperty("note").GetString());
        using var bad = await PostAsync(new { indicator = code, decision = "99", version = version + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
