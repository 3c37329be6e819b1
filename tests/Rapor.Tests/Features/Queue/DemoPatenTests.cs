using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Queue;

namespace Rapor.Tests.Features.Queue;

[Trait("Category", "Integration")]
public sealed class DemoPatenTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_desks_and_officers_exist_and_the_unit_is_found_by_name()
    {
        var desks = await factory.WithDbAsync(db => db.ServiceDesks.Where(d => d.UsesQueue).Select(d => d.UnitCode).ToListAsync(Ct));
        Assert.Contains(Scenario.Cinambo, desks);
        var batujajar = await factory.WithDbAsync(db => db.Regions.SingleAsync(r => r.Type == "kecamatan" && r.Name == "Batujajar", Ct));
        Assert.Contains(batujajar.Code, desks);
        Assert.Equal(batujajar.Code, await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "loket.batujajar").Select(u => u.UnitCode).SingleAsync(Ct)));
        await factory.LoginAsync("loket.batujajar");
    }

    [Fact]
    public async Task Three_months_of_history_look_like_an_office_and_are_flagged_demo()
    {
        const string unit = "32.73.20";
        await factory.DeskAsync(unit, 2);
        var now = new DateTime(2026, 6, 15, 10, 0, 0);
        await factory.WithDbAsync(async db =>
        {
            var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == unit, Ct);
            var counters = await db.QueueCounters.Where(c => c.UnitCode == unit).OrderBy(c => c.Number).ToArrayAsync(Ct);
            counters[0].Groups = "A";
            await db.SaveChangesAsync(Ct);
            await DemoPaten.HistoryAsync(db, region, counters, 0.8, now, TimeZoneInfo.Utc, Ct);
            return 0;
        });
        var tickets = await factory.WithDbAsync(db => db.QueueTickets.AsNoTracking().Where(t => t.UnitCode == unit).ToListAsync(Ct));
        var days = tickets.Select(t => t.Day).Distinct().ToList();
        Assert.InRange(days.Count, 60, 68); // working days of three months
        Assert.All(days, d => Assert.False(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.True(days.Max() < DateOnly.FromDateTime(now));
        Assert.All(tickets, t => Assert.True(t.IsDemo));
        Assert.Equal(tickets.Count, tickets.Select(t => (t.Day, t.Group, t.Seq)).Distinct().Count());
        // Arrivals peak in the morning and dip at midday.
        var byHour = tickets.GroupBy(t => t.TakenAt.Hour).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byHour[9] > byHour[12] * 2);
        Assert.All(tickets, t => Assert.InRange(t.TakenAt.Hour, 8, 15));
        // Nobody is called before taking a number, served before being called, or called twice at one counter at once.
        Assert.All(tickets, t => Assert.True(t.FirstCalledAt >= t.TakenAt && (t.StartedAt is null || t.StartedAt >= t.FirstCalledAt)));
        var responses = await factory.WithDbAsync(db => db.SkmResponses.AsNoTracking().Where(r => r.UnitCode == unit).ToListAsync(Ct));
        Assert.NotEmpty(responses);
        Assert.All(responses, r => Assert.True(r.IsDemo));
        var finished = tickets.Where(t => t.Outcome == TicketOutcome.Selesai).Select(t => t.Id).ToHashSet();
        Assert.All(responses.Where(r => r.TicketId is not null), r => Assert.Contains(r.TicketId!.Value, finished));
        var services = await factory.WithDbAsync(db => db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit).ToDictionaryAsync(s => s.Id, Ct));
        var rows = tickets.Select(t => new QueueStats.Row(t.ServiceId, t.ServiceCode, t.CounterId, t.Day, t.Status, t.Outcome, t.TakenAt, t.FirstCalledAt, t.StartedAt, t.FinishedAt)).ToList();
        var f = QueueStats.Compute(unit, rows, services, TimeZoneInfo.Utc);
        Assert.InRange(f.SlaPercent!.Value, 40, 100);
        Assert.InRange(f.AvgWaitMinutes!.Value, 0.5, 90);
    }
}
