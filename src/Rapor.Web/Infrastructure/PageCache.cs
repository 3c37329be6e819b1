using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Rapor.Web.Infrastructure;

/// <summary>
/// Output cache for the read-heavy pages (ranking, rapor, public API): a response is kept per user, antiforgery cookie,
/// culture, chosen tenant and query, and every committed database change evicts them all — here at once, on the other instances
/// through PostgreSQL NOTIFY. The expiry only bounds what a missed signal could leave (ADR-007).
/// </summary>
public static class PageCache
{
    public const string Policy = "rapor-pages";
    internal const string Tag = "rapor";
    internal const string Channel = "rapor_pages";
    internal static readonly TimeSpan Expiry = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddRaporPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(Policy, new PerUserPolicy()));
        services.AddSingleton<PageCacheState>();
        services.AddSingleton<PageCacheInterceptor>();
        services.AddHostedService<PageCacheListener>();
        return services;
    }

    private sealed class PerUserPolicy : IOutputCachePolicy
    {
        private const string GenerationKey = "rapor.cache.generation";

        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var cacheable = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Expiry;
            context.Tags.Add(Tag);
            var vary = context.CacheVaryByRules;
            vary.QueryKeys = "*";
            // The page carries the user's name, menu and antiforgery request token, which is bound to this cookie.
            vary.VaryByValues["user"] = http.User.Identity?.Name ?? "";
            var af = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name ?? "";
            vary.VaryByValues["af"] = http.Request.Cookies[af] ?? "";
            vary.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            // The platform admin's page depends on the tenant chosen in the switcher (a cookie), not only on who he is.
            vary.VaryByValues["tenant"] = http.Request.ChosenCookie();
            http.Items[GenerationKey] = http.RequestServices.GetRequiredService<PageCacheState>().Generation;
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            // Only a plain 200 for this very user: no new cookie (a fresh antiforgery or renewed sign-in cookie), and
            // nothing committed while it was rendered.
            if (http.Response.StatusCode != StatusCodes.Status200OK || http.Response.Headers.SetCookie.Count > 0
                || http.Items[GenerationKey] is not long started || started != http.RequestServices.GetRequiredService<PageCacheState>().Generation)
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>This instance's cached pages: evicting them all, and a generation that every eviction bumps.</summary>
public sealed class PageCacheState(IOutputCacheStore store)
{
    private long _generation;

    /// <summary>A response rendered across an eviction is not stored (it may hold the old data).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public async Task EvictAsync()
    {
        Interlocked.Increment(ref _generation);
        await store.EvictByTagAsync(PageCache.Tag, default);
    }
}

/// <summary>
/// Evicts cached pages after a change commits: after SaveChanges, or — inside an explicit transaction — after the
/// transaction commits. On PostgreSQL it also sends NOTIFY, which PostgreSQL delivers only on commit.
/// </summary>
public sealed class PageCacheInterceptor(PageCacheState pages) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && eventData.Context is { } db)
            await ChangedAsync(db, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && eventData.Context is { } db)
            ChangedAsync(db, default).AsTask().GetAwaiter().GetResult();
        return result;
    }

    private async ValueTask ChangedAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"NOTIFY {PageCache.Channel}", ct);
        if (db.Database.CurrentTransaction is null)
            await pages.EvictAsync();
        else
            _pending.AddOrUpdate(db, this);
    }

    public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.Remove(db))
            await pages.EvictAsync();
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
            _pending.Remove(db);
    }
}

/// <summary>On PostgreSQL, listens for the other instances' changes and evicts this instance's cached pages.</summary>
public sealed class PageCacheListener(DatabaseOptions options, PageCacheState pages, ILogger<PageCacheListener> log) : BackgroundService
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
                conn.Notification += (_, _) => _ = pages.EvictAsync();
                await conn.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PageCache.Channel}", conn))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Anything committed while we were not listening is unknown: start clean.
                await pages.EvictAsync();
                while (!stoppingToken.IsCancellationRequested)
                    await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                log.LogWarning(e, "Page cache listener lost its connection; retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
