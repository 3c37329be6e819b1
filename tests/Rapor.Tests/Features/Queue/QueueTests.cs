using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.Queue;

/// <summary>The queue rules through the API, on whichever database the run uses, with two app instances where it matters.</summary>
[Trait("Category", "Integration")]
public sealed class QueueTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Ticket(Guid Id, string Number, string Status, string Priority, int? Counter, int Ahead);

    private sealed record Issued(Ticket Ticket, string QrSvg);

    /// <summary>A kecamatan of its own per test, with a kiosk token and an officer's personal token.</summary>
    private async Task<(string Unit, HttpClient Kiosk, HttpClient Officer)> DeskAsync(string unit, int counters = 2)
    {
        await factory.DeskAsync(unit, counters);
        var officer = await factory.UserAsync("loket." + unit, unit, Roles.Loket);
        _ = officer;
        return (unit, factory.WithToken(await factory.TokenAsync(unit, ApiTokenPurpose.Kiosk, ApiTokenAccess.Write)),
            factory.WithToken(await factory.TokenAsync(unit, ApiTokenPurpose.Api, ApiTokenAccess.Write, "loket." + unit)));
    }

    private static async Task<Ticket> TakeAsync(HttpClient kiosk, string unit, string service = "SKTM", string? priority = null)
    {
        using var r = await kiosk.PostAsJsonAsync($"/api/queue/{unit}/tickets", new { service, priority }, Ct);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var issued = (await r.Content.ReadFromJsonAsync<Issued>(Ct))!;
        Assert.Contains("<svg", issued.QrSvg, StringComparison.Ordinal);
        return issued.Ticket;
    }

    private static async Task<(HttpStatusCode Status, Ticket? Ticket)> CallAsync(HttpClient officer, string unit, int counter)
    {
        using var r = await officer.PostAsync($"/api/queue/{unit}/counters/{counter}/call-next", null, Ct);
        return (r.StatusCode, r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadFromJsonAsync<Ticket>(Ct) : null);
    }

    [Fact]
    public async Task Numbers_stay_unique_per_group_and_day_when_two_instances_issue_at_once()
    {
        var (unit, kiosk, _) = await DeskAsync("32.73.01");
        await using var second = factory.SecondInstance();
        var kiosk2 = second.WithToken(await factory.TokenAsync(unit, ApiTokenPurpose.Kiosk, ApiTokenAccess.Write));
        var tickets = await Task.WhenAll(Enumerable.Range(0, 60).Select(n => TakeAsync(n % 2 == 0 ? kiosk : kiosk2, unit, n % 3 == 0 ? "IUMK" : "SKTM")));
        var a = tickets.Where(t => t.Number.StartsWith('A')).Select(t => t.Number).Order(StringComparer.Ordinal).ToList();
        var b = tickets.Where(t => t.Number.StartsWith('B')).Select(t => t.Number).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"A-{n:000}"), a);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"B-{n:000}"), b);
    }

    [Fact]
    public async Task Sixty_counters_calling_at_once_on_two_instances_never_get_the_same_ticket()
    {
        var (unit, kiosk, officer) = await DeskAsync("32.73.02", counters: 60);
        await using var second = factory.SecondInstance();
        var officer2 = second.WithToken(await factory.TokenAsync(unit, ApiTokenPurpose.Api, ApiTokenAccess.Write, "loket." + unit));
        for (var n = 0; n < 55; n++)
            await TakeAsync(kiosk, unit);
        var calls = await Task.WhenAll(Enumerable.Range(1, 60).Select(c => CallAsync(c % 2 == 0 ? officer : officer2, unit, c)));
        var called = calls.Where(c => c.Status == HttpStatusCode.OK).Select(c => c.Ticket!.Id).ToList();
        Assert.Equal(55, called.Count);
        Assert.Equal(55, called.Distinct().Count());
        Assert.Equal(5, calls.Count(c => c.Status == HttpStatusCode.NoContent));
        var rows = await factory.WithDbAsync(db => db.QueueTickets.Where(t => t.UnitCode == unit).ToListAsync(Ct));
        Assert.All(rows, t => Assert.Equal(TicketStatus.Dipanggil, t.Status));
        Assert.Equal(55, rows.Select(t => t.CounterId).Distinct().Count());
    }

    [Fact]
    public async Task Priority_goes_first_and_a_transferred_ticket_goes_first_at_its_new_counter()
    {
        var (unit, kiosk, officer) = await DeskAsync("32.73.03");
        var first = await TakeAsync(kiosk, unit);
        var second = await TakeAsync(kiosk, unit);
        var lansia = await TakeAsync(kiosk, unit, priority: "Lansia");
        Assert.Equal(0, lansia.Ahead);
        var (_, called) = await CallAsync(officer, unit, 1);
        Assert.Equal(lansia.Id, called!.Id);
        // Counter 1 still holds the lansia ticket: it cannot call another.
        var (busy, _) = await CallAsync(officer, unit, 1);
        Assert.Equal(HttpStatusCode.Conflict, busy);
        using (var t = await officer.PostAsJsonAsync($"/api/queue/tickets/{lansia.Id}/transfer", new { counter = 2 }, Ct))
            Assert.Equal(HttpStatusCode.OK, t.StatusCode);
        var (_, atTwo) = await CallAsync(officer, unit, 2);
        Assert.Equal(lansia.Id, atTwo!.Id);
        var (_, next) = await CallAsync(officer, unit, 1);
        Assert.Equal(first.Id, next!.Id);
        Assert.NotEqual(second.Id, next.Id);
    }

    [Fact]
    public async Task Two_officers_finishing_one_ticket_get_one_result_and_one_conflict()
    {
        var (unit, kiosk, officer) = await DeskAsync("32.73.04");
        await TakeAsync(kiosk, unit);
        var (_, t) = await CallAsync(officer, unit, 1);
        using (var s = await officer.PostAsync($"/api/queue/tickets/{t!.Id}/start", null, Ct))
            Assert.Equal(HttpStatusCode.OK, s.StatusCode);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => officer.PostAsJsonAsync($"/api/queue/tickets/{t.Id}/finish", new { outcome = "Selesai" }, Ct)));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var problem = await results.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("sudah selesai", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var row = await factory.WithDbAsync(db => db.QueueTickets.FirstAsync(x => x.Id == t.Id, Ct));
        Assert.Equal(TicketStatus.Selesai, row.Status);
        Assert.Equal(TicketOutcome.Selesai, row.Outcome);
        Assert.NotNull(row.StartedAt);
    }

    [Fact]
    public async Task Recall_and_no_show_follow_the_states_and_bad_input_is_a_problem_400()
    {
        var (unit, kiosk, officer) = await DeskAsync("32.73.05");
        using (var r = await kiosk.PostAsJsonAsync($"/api/queue/{unit}/tickets", new { service = "TIDAKADA" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Contains("TIDAKADA", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var r = await kiosk.PostAsJsonAsync($"/api/queue/{unit}/tickets", new { service = "SKTM", priority = "VIP" }, Ct))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var t = await TakeAsync(kiosk, unit);
        using (var r = await officer.PostAsync($"/api/queue/tickets/{t.Id}/recall", null, Ct))
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode); // not called yet
        await CallAsync(officer, unit, 1);
        using (var r = await officer.PostAsync($"/api/queue/tickets/{t.Id}/recall", null, Ct))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await officer.PostAsJsonAsync($"/api/queue/tickets/{t.Id}/finish", new { outcome = "Hilang" }, Ct))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await officer.PostAsync($"/api/queue/tickets/{t.Id}/no-show", null, Ct))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var row = await factory.WithDbAsync(db => db.QueueTickets.FirstAsync(x => x.Id == t.Id, Ct));
        Assert.Equal((TicketStatus.TidakHadir, 2), (row.Status, row.CallCount));
        // The counter is free again.
        var (free, _) = await CallAsync(officer, unit, 1);
        Assert.Equal(HttpStatusCode.NoContent, free);
    }

    [Fact]
    public async Task A_kiosk_cannot_call_and_an_officer_of_another_unit_cannot_touch_the_queue()
    {
        var (unit, kiosk, _) = await DeskAsync("32.73.06");
        var (_, _, otherOfficer) = await DeskAsync("32.73.07");
        var t = await TakeAsync(kiosk, unit);
        var (kioskCall, _) = await CallAsync(kiosk, unit, 1);
        Assert.Equal(HttpStatusCode.Forbidden, kioskCall);
        var (foreign, _) = await CallAsync(otherOfficer, unit, 1);
        Assert.Equal(HttpStatusCode.Forbidden, foreign);
        using var issue = await kiosk.PostAsJsonAsync("/api/queue/32.73.07/tickets", new { service = "SKTM" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, issue.StatusCode);
        using var follow = await factory.Anonymous().GetAsync($"/api/public/queue/tickets/{t.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, follow.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_officer_issues_a_walk_in_ticket_with_the_antiforgery_header_only()
    {
        await factory.DeskAsync("32.73.08", 1);
        await factory.UserAsync("loket.walkin", "32.73.08", Roles.Loket);
        var officer = await factory.LoginAsync("loket.walkin");
        using (var noHeader = await officer.PostAsJsonAsync("/api/queue/32.73.08/tickets", new { service = "SKD" }, Ct))
            Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
        var token = await RaporFactory.AntiforgeryTokenAsync(officer, "/");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/queue/32.73.08/tickets") { Content = JsonContent.Create(new { service = "SKD" }) };
        request.Headers.Add("RequestVerificationToken", token);
        using var r = await officer.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var row = await factory.WithDbAsync(db => db.QueueTickets.FirstAsync(t => t.UnitCode == "32.73.08", Ct));
        Assert.Equal((TicketChannel.Petugas, "loket.walkin"), (row.Channel, row.IssuedBy));
    }
}
