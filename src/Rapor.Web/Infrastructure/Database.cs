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
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<RaporDbContext, PostgresRaporDbContext>((sp, o) =>
                    o.UseNpgsql(options.ConnectionString, n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
                break;
            default:
                var connectionString = SqliteInContentRoot(options.ConnectionString, contentRoot);
                services.AddDbContext<RaporDbContext, SqliteRaporDbContext>((sp, o) =>
                    o.UseSqlite(connectionString, q => q.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
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
