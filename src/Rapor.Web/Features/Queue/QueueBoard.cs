using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Queue;

/// <summary>What a display, kiosk or counter page shows of a unit's queue right now.</summary>
public static class QueueBoard
{
    public sealed record CounterState(int Number, string Name, string Groups, Guid? TicketId, string? Ticket, string? Status, string? Service, DateTime? CalledAt, int CallCount);

    public sealed record CallItem(string Ticket, int Counter, string CounterName, DateTime CalledAt);

    public sealed record GroupState(string Group, int Waiting, string? LastCalled);

    public sealed record Board(string Unit, string UnitName, string RunningText, DateTime Now, List<CounterState> Counters, List<CallItem> LastCalls,
        List<GroupState> Groups, int Waiting);

    public static async Task<Board?> LoadAsync(RaporDbContext db, string unit, DateOnly day, DateTime now, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == unit).Select(r => new { r.Name, r.Type }).FirstOrDefaultAsync(ct);
        if (region is null)
            return null;
        var runningText = await db.ServiceDesks.AsNoTracking().Where(d => d.UnitCode == unit).Select(d => d.RunningText).FirstOrDefaultAsync(ct) ?? "";
        var counters = await db.QueueCounters.AsNoTracking().Where(c => c.UnitCode == unit && c.Active).OrderBy(c => c.Number).ToListAsync(ct);
        var today = await db.QueueTickets.AsNoTracking().Where(t => t.UnitCode == unit && t.Day == day)
            .Select(t => new { t.Id, t.Group, t.Seq, t.Status, t.CounterId, t.CalledAt, t.CallCount, t.ServiceCode }).ToListAsync(ct);
        var services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit).ToDictionaryAsync(s => s.Code, s => s.Name, ct);
        var byCounter = counters.ToDictionary(c => c.Id);
        var states = counters.Select(c =>
        {
            var t = today.FirstOrDefault(x => x.CounterId == c.Id && x.Status is TicketStatus.Dipanggil or TicketStatus.Dilayani);
            return new CounterState(c.Number, c.Name, c.Groups, t?.Id, t is null ? null : QueueTicket.FormatNumber(t.Group, t.Seq), t?.Status.ToString(),
                t is null ? null : services.GetValueOrDefault(t.ServiceCode, t.ServiceCode), t?.CalledAt, t?.CallCount ?? 0);
        }).ToList();
        var last = today.Where(t => t.CalledAt is not null && t.CounterId is { } c && byCounter.ContainsKey(c)).OrderByDescending(t => t.CalledAt).Take(8)
            .Select(t => new CallItem(QueueTicket.FormatNumber(t.Group, t.Seq), byCounter[t.CounterId!.Value].Number, byCounter[t.CounterId!.Value].Name, t.CalledAt!.Value)).ToList();
        var groups = today.GroupBy(t => t.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupState(g.Key, g.Count(t => t.Status == TicketStatus.Menunggu),
                g.Where(t => t.CalledAt is not null).OrderByDescending(t => t.CalledAt).Select(t => QueueTicket.FormatNumber(t.Group, t.Seq)).FirstOrDefault())).ToList();
        return new Board(unit, region.Name, runningText, now, states, last, groups, groups.Sum(g => g.Waiting));
    }
}
