using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Queue;

/// <summary>
/// The queue rules. Numbers come from a per-unit/day/group counter row incremented by one atomic upsert; a call claims
/// the next ticket with one conditional UPDATE (on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>, so 60 counters calling at
/// once each take a different ticket without waiting on each other); every other step is an UPDATE that only applies
/// from the expected state, so two officers acting on one ticket get one result and one conflict (ADR-020).
/// </summary>
public sealed class QueueService(RaporDbContext db, TimeProvider clock, QueueSignal signal)
{
    public sealed record Outcome(QueueTicket? Ticket, string? Error, int Status = 200);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<QueueTicket> IssueAsync(string unit, ServiceStandard service, TicketPriority priority, TicketChannel channel, string by, CancellationToken ct)
    {
        var day = Today;
        var now = Now;
        var group = service.QueueGroup;
        await using var tx = await db.BeginWriteAsync(ct);
        var seq = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "QueueSequences" ("UnitCode", "Day", "Group", "Last") VALUES ({unit}, {day}, {group}, 1)
            ON CONFLICT ("UnitCode", "Day", "Group") DO UPDATE SET "Last" = "QueueSequences"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct)).Single();
        var ticket = new QueueTicket
        {
            UnitCode = unit, Day = day, Group = group, Seq = seq, ServiceId = service.Id, ServiceCode = service.Code, Priority = priority,
            Channel = channel, Status = TicketStatus.Menunggu, TakenAt = now, IssuedBy = by,
        };
        // Raw insert: a ticket is not audited data and must not evict the page cache on every visitor.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "QueueTickets" ("Id", "UnitCode", "Day", "Group", "Seq", "ServiceId", "ServiceCode", "Priority", "Channel", "Status",
                "TakenAt", "CallCount", "Transfers", "IssuedBy", "IsDemo")
            VALUES ({ticket.Id}, {unit}, {day}, {group}, {seq}, {service.Id}, {service.Code}, {priority.ToString()}, {channel.ToString()}, {nameof(TicketStatus.Menunggu)},
                {now}, 0, 0, {by}, {false})
            """, ct);
        var e = Event(ticket, "ticket", null, now);
        await signal.StageAsync(db, e, ct);
        await tx.CommitAsync(ct);
        signal.Committed(db, e);
        return ticket;
    }

    /// <summary>Calls the next ticket for the counter: transferred to it first, then priority, then first come.</summary>
    public async Task<Outcome> CallNextAsync(QueueCounter counter, string? group, string by, CancellationToken ct)
    {
        var groups = group ?? counter.Groups;
        var now = Now;
        var day = Today;
        var id = counter.Id;
        var unit = counter.UnitCode;
        Guid? claimed;
        await using (var tx = await db.BeginWriteAsync(ct))
        {
            var postgres = db.Database.IsNpgsql();
            if (postgres)
            {
                // Two officers at one counter (a double click) queue here, so the counter never holds two calls.
                await db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "QueueCounters" WHERE "Id" = {id} FOR UPDATE""").ToListAsync(ct);
            }
            var busy = await db.QueueTickets.AsNoTracking().Where(t => t.CounterId == id && (t.Status == TicketStatus.Dipanggil || t.Status == TicketStatus.Dilayani))
                .Select(t => new { t.Group, t.Seq }).FirstOrDefaultAsync(ct);
            if (busy is not null)
                return new(null, $"Loket ini masih memegang tiket {QueueTicket.FormatNumber(busy.Group, busy.Seq)}. Selesaikan atau tandai tidak hadir lebih dulu.", 409);
            var rows = postgres
                ? await db.Database.SqlQuery<Guid>($"""
                    UPDATE "QueueTickets" SET "Status" = 'Dipanggil', "CounterId" = {id}, "CalledAt" = {now}, "FirstCalledAt" = COALESCE("FirstCalledAt", {now}),
                        "CallCount" = 1, "CalledBy" = {by}, "TransferredToCounterId" = NULL
                    WHERE "Id" = (
                        SELECT "Id" FROM "QueueTickets"
                        WHERE "UnitCode" = {unit} AND "Day" = {day} AND "Status" = 'Menunggu'
                          AND ("TransferredToCounterId" = {id} OR ("TransferredToCounterId" IS NULL AND ({groups} = '' OR strpos({groups}, "Group") > 0)))
                        ORDER BY CASE WHEN "TransferredToCounterId" IS NULL THEN 1 ELSE 0 END, CASE WHEN "Priority" = 'Umum' THEN 1 ELSE 0 END, "TakenAt", "Seq"
                        LIMIT 1 FOR UPDATE SKIP LOCKED)
                      AND "Status" = 'Menunggu'
                    RETURNING "Id" AS "Value"
                    """).ToListAsync(ct)
                : await db.Database.SqlQuery<Guid>($"""
                    UPDATE "QueueTickets" SET "Status" = 'Dipanggil', "CounterId" = {id}, "CalledAt" = {now}, "FirstCalledAt" = COALESCE("FirstCalledAt", {now}),
                        "CallCount" = 1, "CalledBy" = {by}, "TransferredToCounterId" = NULL
                    WHERE "Id" = (
                        SELECT "Id" FROM "QueueTickets"
                        WHERE "UnitCode" = {unit} AND "Day" = {day} AND "Status" = 'Menunggu'
                          AND ("TransferredToCounterId" = {id} OR ("TransferredToCounterId" IS NULL AND ({groups} = '' OR instr({groups}, "Group") > 0)))
                        ORDER BY CASE WHEN "TransferredToCounterId" IS NULL THEN 1 ELSE 0 END, CASE WHEN "Priority" = 'Umum' THEN 1 ELSE 0 END, "TakenAt", "Seq"
                        LIMIT 1)
                      AND "Status" = 'Menunggu'
                    RETURNING "Id" AS "Value"
                    """).ToListAsync(ct);
            claimed = rows.Count == 1 ? rows[0] : null;
            if (claimed is null)
                return new(null, null, 204);
            var ticket = await db.QueueTickets.AsNoTracking().FirstAsync(t => t.Id == claimed, ct);
            var e = Event(ticket, "called", counter, now);
            await signal.StageAsync(db, e, ct);
            await tx.CommitAsync(ct);
            signal.Committed(db, e);
            return new(ticket, null);
        }
    }

    public Task<Outcome> RecallAsync(QueueTicket t, QueueCounter counter, string by, CancellationToken ct) =>
        StepAsync(t, counter, "recalled", [TicketStatus.Dipanggil],
            q => q.Where(x => x.CounterId == counter.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CallCount, x => x.CallCount + 1).SetProperty(x => x.CalledAt, Now).SetProperty(x => x.CalledBy, by), ct), ct);

    public Task<Outcome> NoShowAsync(QueueTicket t, QueueCounter counter, string by, CancellationToken ct) =>
        StepAsync(t, counter, "noshow", [TicketStatus.Dipanggil],
            q => q.Where(x => x.CounterId == counter.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, TicketStatus.TidakHadir).SetProperty(x => x.FinishedAt, Now).SetProperty(x => x.ServedBy, by), ct), ct);

    public Task<Outcome> StartAsync(QueueTicket t, QueueCounter counter, string by, CancellationToken ct)
    {
        var now = Now;
        return StepAsync(t, counter, "started", [TicketStatus.Dipanggil],
            q => q.Where(x => x.CounterId == counter.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, TicketStatus.Dilayani).SetProperty(x => x.StartedAt, x => x.StartedAt ?? now).SetProperty(x => x.ServedBy, by), ct), ct);
    }

    /// <summary>Finishes a called or served ticket (a ticket finished straight from the call starts then).</summary>
    public Task<Outcome> FinishAsync(QueueTicket t, QueueCounter counter, TicketOutcome outcome, string? note, string by, CancellationToken ct)
    {
        var now = Now;
        return StepAsync(t, counter, "finished", [TicketStatus.Dipanggil, TicketStatus.Dilayani],
            q => q.Where(x => x.CounterId == counter.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, TicketStatus.Selesai).SetProperty(x => x.Outcome, outcome)
                .SetProperty(x => x.OutcomeNote, note).SetProperty(x => x.StartedAt, x => x.StartedAt ?? now).SetProperty(x => x.FinishedAt, now)
                .SetProperty(x => x.ServedBy, x => x.ServedBy ?? by), ct), ct);
    }

    /// <summary>Sends a called or served ticket to another counter, which calls it before its own queue.</summary>
    public Task<Outcome> TransferAsync(QueueTicket t, QueueCounter from, QueueCounter to, string by, CancellationToken ct)
    {
        if (to.Id == from.Id || to.UnitCode != from.UnitCode || !to.Active)
            return Task.FromResult(new Outcome(null, "Pilih loket tujuan lain yang aktif di unit ini.", 400));
        return StepAsync(t, to, "transferred", [TicketStatus.Dipanggil, TicketStatus.Dilayani],
            q => q.Where(x => x.CounterId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, TicketStatus.Menunggu).SetProperty(x => x.CounterId, (Guid?)null)
                .SetProperty(x => x.TransferredToCounterId, to.Id).SetProperty(x => x.Transfers, x => x.Transfers + 1), ct), ct);
    }

    private async Task<Outcome> StepAsync(QueueTicket t, QueueCounter counter, string kind, TicketStatus[] from,
        Func<IQueryable<QueueTicket>, Task<int>> update, CancellationToken ct)
    {
        var id = t.Id;
        var changed = await update(db.QueueTickets.Where(x => x.Id == id && from.Contains(x.Status)));
        var fresh = await db.QueueTickets.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        if (changed == 0)
            return new(fresh, $"Tiket {fresh.Number} sudah {StatusText(fresh.Status)}{(fresh.CounterId is null || fresh.CounterId == counter.Id ? "" : " di loket lain")}; muat ulang untuk melihat keadaan terbaru.", 409);
        await signal.SendAsync(db, Event(fresh, kind, counter, Now), ct);
        return new(fresh, null);
    }

    public static string StatusText(TicketStatus s) => s switch
    {
        TicketStatus.Menunggu => "menunggu",
        TicketStatus.Dipanggil => "dipanggil",
        TicketStatus.Dilayani => "dilayani",
        TicketStatus.Selesai => "selesai",
        _ => "ditandai tidak hadir",
    };

    public static string OutcomeText(TicketOutcome? o) => o switch
    {
        TicketOutcome.Selesai => "selesai",
        TicketOutcome.Ditolak => "ditolak: berkas tidak lengkap",
        TicketOutcome.Diteruskan => "diteruskan",
        _ => "—",
    };

    private static QueueEvent Event(QueueTicket t, string kind, QueueCounter? counter, DateTime at) =>
        new(t.UnitCode, kind, t.Id, t.Number, t.Group, counter?.Number, counter?.Name, at);

    /// <summary>Tickets that will be called before this one in its group, and today's pace to estimate the wait.</summary>
    public async Task<(int Ahead, int? EstimatedMinutes)> PositionAsync(QueueTicket t, CancellationToken ct)
    {
        if (t.Status != TicketStatus.Menunggu)
            return (0, null);
        var priority = t.Priority != TicketPriority.Umum;
        var waiting = db.QueueTickets.AsNoTracking().Where(x => x.UnitCode == t.UnitCode && x.Day == t.Day && x.Group == t.Group && x.Status == TicketStatus.Menunggu && x.Id != t.Id);
        var ahead = priority
            ? await waiting.CountAsync(x => x.Priority != TicketPriority.Umum && x.TakenAt < t.TakenAt, ct)
            : await waiting.CountAsync(x => x.Priority != TicketPriority.Umum || x.TakenAt < t.TakenAt, ct);
        // Today's pace in this group: calls per minute between the first and the last call.
        var calls = await db.QueueTickets.AsNoTracking().Where(x => x.UnitCode == t.UnitCode && x.Day == t.Day && x.Group == t.Group && x.FirstCalledAt != null)
            .GroupBy(x => 1).Select(g => new { N = g.Count(), First = g.Min(x => x.FirstCalledAt), Last = g.Max(x => x.FirstCalledAt) }).FirstOrDefaultAsync(ct);
        int? minutes = null;
        if (calls is { N: >= 3, First: { } f, Last: { } l } && l > f)
            minutes = (int)Math.Ceiling((ahead + 1) * (l - f).TotalMinutes / (calls.N - 1));
        return (ahead, minutes);
    }
}
