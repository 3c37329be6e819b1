using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Messaging;

/// <summary>
/// Delivers pending e-mail and WhatsApp messages. Every instance may run one: a batch is claimed with one UPDATE that
/// only takes rows still unclaimed (or whose claim expired), so two instances never send the same row. A failure waits
/// <c>RetrySeconds × 2^(attempt−1)</c> before the next attempt; after <c>MaxAttempts</c> the message is marked failed
/// and shows on the admin's delivery page.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MessagingOptions> options,
    IEnumerable<IMessageChannel> channels, ILogger<OutboxDispatcher> log) : BackgroundService
{
    /// <summary>This process; a claim adds a fresh suffix so a row's owner is one claim, not one process.</summary>
    public string InstanceId { get; } = Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N")[..8];

    private readonly Dictionary<Channel, IMessageChannel> _channels = channels.ToDictionary(c => c.Channel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.Outbox;
        if (!o.Dispatch)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, o.PollSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // Drain: keep going while full batches come back.
                while (await DispatchOnceAsync(stoppingToken) >= o.BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Outbox dispatch failed; next poll retries");
            }
        }
    }

    /// <summary>Claims one batch of due messages and delivers them; returns how many were claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var o = options.Value.Outbox;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RaporDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<MessageRenderer>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = InstanceId + ":" + Guid.NewGuid().ToString("N")[..8];
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0)
            return 0;
        // The claim: the condition is checked again on each row as it is updated (PostgreSQL re-reads a row another
        // transaction just changed; SQLite has one writer), so of two instances racing for a row exactly one gets it.
        var until = now.AddSeconds(o.LeaseSeconds);
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && m.Status == DeliveryStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, claim).SetProperty(m => m.LockedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        var claimed = await db.OutboxMessages.AsNoTracking().Where(m => candidates.Contains(m.Id) && m.LockedBy == claim).ToListAsync(ct);
        if (claimed.Count == 0)
            return 0;
        var userIds = claimed.Select(m => m.UserId).Distinct().ToList();
        var people = await (from u in db.Users
                            where userIds.Contains(u.Id)
                            join r in db.Regions on u.UnitCode equals r.Code into rs
                            from r in rs.DefaultIfEmpty()
                            select new { u.Id, u.DisplayName, Unit = r == null ? "" : r.Name }).AsNoTracking().ToDictionaryAsync(x => x.Id, ct);
        foreach (var m in claimed)
        {
            var person = people.GetValueOrDefault(m.UserId);
            string? error;
            try
            {
                if (!_channels.TryGetValue(m.Channel, out var channel))
                    throw new InvalidOperationException($"No sender for channel {m.Channel}");
                var (subject, body) = renderer.Render(m.Code, m.Parameters, m.Language);
                await channel.SendAsync(new Delivery(m, subject, body, person?.DisplayName ?? "", person?.Unit ?? "", options.Value.LinkFor(m.Link)), ct);
                error = null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                log.LogWarning("Message {Id} via {Channel} failed (attempt {Attempt}): {Error}", m.Id, m.Channel, m.Attempts, error);
            }
            await RecordAsync(db, m, claim, error, ct);
        }
        return claimed.Count;
    }

    private async Task RecordAsync(RaporDbContext db, OutboxMessage m, string claim, string? error, CancellationToken ct)
    {
        var o = options.Value.Outbox;
        var now = clock.GetUtcNow().UtcDateTime;
        // Only the claim that sent it records the outcome: after an expired lease the row may belong to another claim.
        var mine = db.OutboxMessages.Where(x => x.Id == m.Id && x.LockedBy == claim);
        if (error is null)
            await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, DeliveryStatus.Sent).SetProperty(x => x.SentAt, now)
                .SetProperty(x => x.LockedUntil, (DateTime?)null).SetProperty(x => x.LastError, (string?)null), ct);
        else if (m.Attempts >= o.MaxAttempts)
            await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, DeliveryStatus.Failed)
                .SetProperty(x => x.LockedUntil, (DateTime?)null).SetProperty(x => x.LastError, error), ct);
        else
            await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, now + Backoff(o, m.Attempts))
                .SetProperty(x => x.LockedUntil, (DateTime?)null).SetProperty(x => x.LastError, error), ct);
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): RetrySeconds, then doubling, at most a day.</summary>
    public static TimeSpan Backoff(OutboxOptions o, int attempt) =>
        TimeSpan.FromSeconds(Math.Min(86_400, o.RetrySeconds * Math.Pow(2, Math.Max(0, attempt - 1))));
}
