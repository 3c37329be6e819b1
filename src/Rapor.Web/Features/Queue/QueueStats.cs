using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Queue;

/// <summary>
/// Service figures from queue tickets: waiting time = taken → first called; service time = started → finished; within
/// SLA = finished with outcome "selesai" within the service's SLA counted from taking the ticket (the whole visit,
/// see <see cref="ServiceStandard.WithinSla"/>), as a share of tickets finished "selesai".
/// </summary>
public static class QueueStats
{
    public sealed record Row(Guid ServiceId, string ServiceCode, Guid? CounterId, DateOnly Day, TicketStatus Status, TicketOutcome? Outcome, DateTime TakenAt,
        DateTime? FirstCalledAt, DateTime? StartedAt, DateTime? FinishedAt);

    public sealed record Figures(string Key, int Tickets, int Served, int Rejected, int Forwarded, int NoShow, double? AvgWaitMinutes, double? AvgServiceMinutes,
        int WithinSla, double? SlaPercent);

    public static Task<List<Row>> LoadAsync(RaporDbContext db, string unit, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.QueueTickets.AsNoTracking().Where(t => t.UnitCode == unit && t.Day >= from && t.Day < to)
            .Select(t => new Row(t.ServiceId, t.ServiceCode, t.CounterId, t.Day, t.Status, t.Outcome, t.TakenAt, t.FirstCalledAt, t.StartedAt, t.FinishedAt)).ToListAsync(ct);

    public static Figures Compute(string key, IReadOnlyCollection<Row> rows, IReadOnlyDictionary<Guid, ServiceStandard> services, TimeZoneInfo zone)
    {
        var waits = rows.Where(r => r.FirstCalledAt is not null).Select(r => (r.FirstCalledAt!.Value - r.TakenAt).TotalMinutes).ToList();
        var serviceTimes = rows.Where(r => r.Status == TicketStatus.Selesai && r.StartedAt is not null && r.FinishedAt is not null)
            .Select(r => (r.FinishedAt!.Value - r.StartedAt!.Value).TotalMinutes).ToList();
        var served = rows.Where(r => r.Status == TicketStatus.Selesai && r.Outcome == TicketOutcome.Selesai && r.FinishedAt is not null).ToList();
        var within = served.Count(r => services.TryGetValue(r.ServiceId, out var s) && s.WithinSla(r.TakenAt, r.FinishedAt!.Value, zone));
        return new Figures(key, rows.Count, served.Count,
            rows.Count(r => r.Outcome == TicketOutcome.Ditolak), rows.Count(r => r.Outcome == TicketOutcome.Diteruskan), rows.Count(r => r.Status == TicketStatus.TidakHadir),
            waits.Count == 0 ? null : waits.Average(), serviceTimes.Count == 0 ? null : serviceTimes.Average(), within,
            served.Count == 0 ? null : 100.0 * within / served.Count);
    }

    /// <summary>Tickets taken per weekday (Monday = 0) and local hour.</summary>
    public static int[,] Heatmap(IEnumerable<Row> rows, TimeZoneInfo zone)
    {
        var map = new int[7, 24];
        foreach (var r in rows)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(r.TakenAt, zone);
            map[((int)local.DayOfWeek + 6) % 7, local.Hour]++;
        }
        return map;
    }
}
