using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Queue;

/// <summary>What displays and counters hear: a ticket issued, called, recalled, started, finished, missed or transferred.</summary>
public sealed record QueueEvent(string Unit, string Kind, Guid TicketId, string Number, string Group, int? Counter, string? CounterName, DateTime At);

/// <summary>
/// Fans queue events out to every open display, kiosk and counter page of a unit, on every app instance: on PostgreSQL
/// the event is sent with <c>pg_notify</c> inside the change's transaction (delivered only if it commits) and each
/// instance's <see cref="QueueListener"/> hands it to its local subscribers; on SQLite (one instance) it is handed over
/// in-process after the commit.
/// </summary>
public sealed class QueueSignal(QueueBroadcaster broadcaster)
{
    internal const string Channel = "rapor_queue";

    /// <summary>Inside the transaction of the change, before its commit.</summary>
    public async Task StageAsync(RaporDbContext db, QueueEvent e, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var payload = JsonSerializer.Serialize(e, QueueBroadcaster.Json);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    /// <summary>After the commit.</summary>
    public void Committed(RaporDbContext db, QueueEvent e)
    {
        if (!db.Database.IsNpgsql())
            broadcaster.Publish(e);
    }

    /// <summary>A change made without an explicit transaction (a single conditional UPDATE).</summary>
    public async Task SendAsync(RaporDbContext db, QueueEvent e, CancellationToken ct)
    {
        await StageAsync(db, e, ct);
        Committed(db, e);
    }
}

/// <summary>This instance's open event streams, per unit.</summary>
public sealed class QueueBroadcaster
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<string>, byte>> _units = new(StringComparer.Ordinal);

    public int Subscribers => _units.Values.Sum(u => u.Count);

    public Subscription Subscribe(string unit)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        var set = _units.GetOrAdd(unit, _ => new());
        set.TryAdd(channel, 0);
        return new Subscription(channel.Reader, () => set.TryRemove(channel, out _));
    }

    public void Publish(QueueEvent e) => Publish(e.Unit, JsonSerializer.Serialize(e, Json));

    internal void Publish(string unit, string json)
    {
        if (_units.TryGetValue(unit, out var set))
        {
            foreach (var c in set.Keys)
                c.Writer.TryWrite(json);
        }
    }

    /// <summary>After a lost database connection nobody knows what was missed: every client reloads its state.</summary>
    internal void ResyncAll()
    {
        foreach (var (unit, set) in _units)
        {
            var json = JsonSerializer.Serialize(new { unit, kind = "resync" }, Json);
            foreach (var c in set.Keys)
                c.Writer.TryWrite(json);
        }
    }

    public sealed class Subscription(ChannelReader<string> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<string> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}

/// <summary>On PostgreSQL: LISTEN for every instance's queue events and hand them to this instance's streams.</summary>
public sealed class QueueListener(DatabaseOptions options, QueueBroadcaster broadcaster, ILogger<QueueListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Provider != DatabaseProvider.Postgres)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(options.ConnectionString);
                conn.Notification += (_, e) =>
                {
                    var unit = JsonDocument.Parse(e.Payload).RootElement.GetProperty("unit").GetString();
                    if (unit is not null)
                        broadcaster.Publish(unit, e.Payload);
                };
                await conn.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {QueueSignal.Channel}", conn))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                broadcaster.ResyncAll();
                while (!stoppingToken.IsCancellationRequested)
                    await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                log.LogWarning(e, "Queue listener lost its connection; retrying in 2 s");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
