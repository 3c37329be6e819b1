using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.Queue;

/// <summary>Bidang 1 fed by the service desk: values computed at submission with their derivation; typed without a desk.</summary>
[Trait("Category", "Integration")]
public sealed class Bidang1Tests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record ValueItem(string Code, bool Typed, double? Value);

    private sealed record ReportDto(string Status, List<ValueItem> Values);

    /// <summary>
    /// Six tickets of SKTM (SLA 30 minutes) in March 2033, by hand: waits 5, 10, 15, 2, 8, 12 minutes → mean 52/6 = 8,67;
    /// four finished "selesai" after 20, 25, 40 and 29 minutes → 3 of 4 within SLA = 75 %; one rejected, one no-show.
    /// </summary>
    private Task<int> ArrangeTicketsAsync(string unit) => factory.WithDbAsync(async db =>
    {
        var service = await db.ServiceStandards.FirstAsync(s => s.UnitCode == unit && s.Code == "SKTM", Ct);
        var counter = await db.QueueCounters.FirstAsync(c => c.UnitCode == unit, Ct);
        var day = new DateOnly(2033, 3, 8);
        var start = new DateTime(2033, 3, 8, 2, 0, 0, DateTimeKind.Utc);
        (int Wait, int Total, TicketStatus Status, TicketOutcome? Outcome)[] plan =
        [
            (5, 20, TicketStatus.Selesai, TicketOutcome.Selesai), (10, 25, TicketStatus.Selesai, TicketOutcome.Selesai),
            (15, 40, TicketStatus.Selesai, TicketOutcome.Selesai), (2, 29, TicketStatus.Selesai, TicketOutcome.Selesai),
            (8, 30, TicketStatus.Selesai, TicketOutcome.Ditolak), (12, 14, TicketStatus.TidakHadir, null),
        ];
        var n = 0;
        foreach (var p in plan)
        {
            var taken = start.AddMinutes(n * 3);
            db.QueueTickets.Add(new QueueTicket
            {
                UnitCode = unit, Day = day, Group = "A", Seq = ++n, ServiceId = service.Id, ServiceCode = "SKTM", Status = p.Status, Outcome = p.Outcome,
                TakenAt = taken, FirstCalledAt = taken.AddMinutes(p.Wait), CalledAt = taken.AddMinutes(p.Wait), CallCount = 1, CounterId = counter.Id,
                StartedAt = p.Status == TicketStatus.Selesai ? taken.AddMinutes(p.Wait + 1) : null, FinishedAt = taken.AddMinutes(p.Total),
            });
        }
        return await db.SaveChangesAsync(Ct);
    });

    [Fact]
    public async Task A_kecamatan_with_the_queue_submits_sla_and_waiting_time_computed_with_their_derivation()
    {
        var period = await factory.OpenPeriodAsync(2033, 3, opensInDays: -10, deadlineInDays: 10);
        await ArrangeTicketsAsync(Scenario.Cinambo);
        var camat = factory.WithToken(await factory.TokenAsync(Scenario.Cinambo, ApiTokenPurpose.Api, ApiTokenAccess.Write, "camat.cinambo"));
        var report = (await camat.GetFromJsonAsync<ReportDto>($"/api/reports/{Scenario.Cinambo}/{period}", Ct))!;
        Assert.False(report.Values.Single(v => v.Code == "1.01").Typed);
        Assert.False(report.Values.Single(v => v.Code == "1.03").Typed);

        var indicators = await factory.MonthlyIndicatorsAsync(2033, RegionLevel.Kecamatan);
        var typed = report.Values.Where(v => v.Typed).Select(v => indicators.Single(i => i.Code == v.Code))
            .Select(i => new { code = i.Code, value = i.Type is IndicatorType.YesNo or IndicatorType.Document ? "ya" : i.Target.ToString(CultureInfo.InvariantCulture), note = (string?)null, version = (int?)null });
        (await camat.PutAsJsonAsync($"/api/reports/{Scenario.Cinambo}/{period}/values", typed, Ct)).EnsureSuccessStatusCode();
        // Required evidence of the typed indicators.
        await factory.WithDbAsync(async db =>
        {
            var values = await db.ReportValues.Where(v => v.UnitCode == Scenario.Cinambo && db.Reports.Any(r => r.Id == v.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2033 && p.Month == 3))).ToListAsync(Ct);
            var required = indicators.Where(i => i.EvidenceRequired && !i.IsServiceDeskFed).Select(i => i.Id).ToHashSet();
            foreach (var v in values.Where(v => required.Contains(v.IndicatorId)))
                db.Evidence.Add(new Evidence { ReportValueId = v.Id, UnitCode = v.UnitCode, FileName = "bukti.png", ContentType = "image/png", Size = 10, Sha256 = "x", UploadedBy = "test", UploadedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });
        using var submit = await camat.PostAsync($"/api/reports/{Scenario.Cinambo}/{period}/submit", null, Ct);
        Assert.True(submit.IsSuccessStatusCode, await submit.Content.ReadAsStringAsync(Ct));

        var rows = await factory.WithDbAsync(db => (from v in db.ReportValues join i in db.Indicators on v.IndicatorId equals i.Id
                                                    where v.UnitCode == Scenario.Cinambo && (i.Code == "1.01" || i.Code == "1.03")
                                                          && db.Reports.Any(r => r.Id == v.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2033 && p.Month == 3))
                                                    select new { i.Code, v.Value, v.Derivation }).ToListAsync(Ct));
        var sla = rows.Single(r => r.Code == "1.01");
        Assert.Equal(75, sla.Value);
        Assert.Contains("\"N\":4", sla.Derivation, StringComparison.Ordinal);
        Assert.Contains("\"Within\":3", sla.Derivation, StringComparison.Ordinal);
        Assert.Equal(8.7, rows.Single(r => r.Code == "1.03").Value);

        // The verifier sees the derivation next to the value.
        var verifikator = await factory.LoginAsync("verifikator");
        var html = WebUtility.HtmlDecode(await verifikator.GetStringAsync($"/Verification/Report/{Scenario.Cinambo}/{period}", Ct));
        Assert.Contains("dihitung dari 4 tiket antrean yang selesai dilayani (3 dalam SLA)", html, StringComparison.Ordinal);
        Assert.Contains("rata-rata dari 6 tiket antrean yang dipanggil", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_without_the_queue_types_the_values_and_the_form_says_so()
    {
        var period = await factory.OpenPeriodAsync(2033, 4);
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        var html = WebUtility.HtmlDecode(await lurah.GetStringAsync($"/Reports/Fill/{Scenario.CisarantenWetan}/{period}", Ct));
        Assert.Contains("Unit ini tidak memakai antrean digital Rapor", html, StringComparison.Ordinal);
        var api = await lurah.GetFromJsonAsync<ReportDto>($"/api/reports/{Scenario.CisarantenWetan}/{period}", Ct);
        Assert.True(api!.Values.Single(v => v.Code == "1.01").Typed);
    }
}
