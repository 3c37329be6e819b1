using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rapor.Web.Data;

namespace Rapor.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=App_Data/rapor.db";
}

public static class DatabaseRegistration
{
    /// <summary>Registers <see cref="RaporDbContext"/> backed by the provider named in configuration (Database:Provider).</summary>
    public static IServiceCollection AddRaporDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<TextLimits.Guard>();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<RaporDbContext, PostgresRaporDbContext>((sp, o) =>
                    o.UseNpgsql(options.ConnectionString, n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).AddInterceptors(sp.GetRequiredService<TextLimits.Guard>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<PageCacheInterceptor>()));
                break;
            default:
                var connectionString = SqliteInContentRoot(options.ConnectionString, contentRoot);
                services.AddDbContextPool<RaporDbContext, SqliteRaporDbContext>((sp, o) =>
                    o.UseSqlite(connectionString, q => q.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                        .AddInterceptors(sp.GetRequiredService<TextLimits.Guard>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<PageCacheInterceptor>(), SqliteConnectionSetup.Instance));
                break;
        }
        return services;
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder.</summary>
    private static string SqliteInContentRoot(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !string.IsNullOrEmpty(builder.DataSource))
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        // A busy timeout keeps two requests writing at once from failing with "database is locked".
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}

/// <summary>
/// Per-connection SQLite settings: with write-ahead logging (set once by <see cref="Data.DatabaseInitializer"/>),
/// synchronous=NORMAL syncs at checkpoints instead of every commit — a crash of the app loses nothing, a power cut may
/// lose the last commits. Production runs on PostgreSQL (ADR-007).
/// </summary>
public sealed class SqliteConnectionSetup : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    // Pooled connections keep their native handle, and a pragma stays set on it: run it once per handle.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _done = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        if (!IsNew(connection))
            return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection))
            return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool IsNew(System.Data.Common.DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || _done.TryAdd(handle, this);
}

/// <summary>Design-time factories so `dotnet ef migrations add` works per provider without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRaporDbContext>
{
    public SqliteRaporDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRaporDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRaporDbContext>
{
    public PostgresRaporDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRaporDbContext>().UseNpgsql("Host=localhost;Database=rapor_design").Options);
}
