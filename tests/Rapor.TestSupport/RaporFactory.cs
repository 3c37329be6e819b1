using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Rapor.Web.Data;
using Xunit;

namespace Rapor.TestSupport;

/// <summary>
/// The app on a fresh database of its own: SQLite (default) or PostgreSQL when RAPOR_TEST_DB=Postgres.
/// The same test classes run against both; build.sh runs the integration suite once per provider.
/// </summary>
public partial class RaporFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static string Provider => Environment.GetEnvironmentVariable("RAPOR_TEST_DB") is { Length: > 0 } p ? p : "Sqlite";

    /// <summary>Server part of the PostgreSQL connection string; build.sh creates this role.</summary>
    public static string PostgresServer => Environment.GetEnvironmentVariable("RAPOR_TEST_PG")
        ?? "Host=127.0.0.1;Port=5432;Username=rapor_test;Password=rapor_test";

    public const string DemoPassword = "Bandung-Juara-2026";

    private readonly string _name = "rapor_t_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rapor-tests");
    private readonly bool _ownsDatabase = true;

    public RaporFactory()
    {
    }

    /// <summary>A second app instance on <paramref name="first"/>'s database, as production scales out; it leaves the database alone on disposal.</summary>
    protected RaporFactory(RaporFactory first)
    {
        _name = first._name;
        _ownsDatabase = false;
    }

    public RaporFactory SecondInstance() => new SecondInstanceFactory(this);

    private sealed class SecondInstanceFactory(RaporFactory first) : RaporFactory(first);

    public string ConnectionString => Provider == "Postgres"
        ? $"{PostgresServer};Database={_name}"
        : $"Data Source={Path.Combine(_dir, _name + ".db")}";

    public string StorageRoot => Path.Combine(_dir, _name + "-files");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dir);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }

    public virtual ValueTask InitializeAsync()
    {
        StartServer(); // starts the host, which migrates and seeds
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    private async Task DropDatabaseAsync()
    {
        if (Provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection($"{PostgresServer};Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(_dir, _name + "*"))
                File.Delete(f);
        }
        if (Directory.Exists(StorageRoot))
            Directory.Delete(StorageRoot, recursive: true);
    }

    /// <summary>Runs <paramref name="work"/> with a scoped DbContext (arrange and assert straight on the database).</summary>
    public async Task<T> WithDbAsync<T>(Func<RaporDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<RaporDbContext>());
    }

    /// <summary>An HTTP client that does not follow redirects, so tests see 302/403 as they are.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientBaseAddress });

    protected virtual Uri ClientBaseAddress => new("http://localhost");

    /// <summary>Signs in through the real login form (antiforgery included) and returns the client holding the cookie.</summary>
    public async Task<HttpClient> LoginAsync(string userName, string password = DemoPassword)
    {
        var client = Anonymous();
        var response = await LoginResponseAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {userName} failed: {response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> LoginResponseAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Posts form fields with a fresh antiforgery token, as a form field or (htmx) as the request header.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string>? fields = null, bool tokenInHeader = false)
    {
        fields ??= [];
        var token = await AntiforgeryTokenAsync(client, "/");
        if (!tokenInHeader)
            fields["__RequestVerificationToken"] = token;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        if (tokenInHeader)
            request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    /// <summary>Reads the antiforgery token from a page's form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var m = TokenPattern().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>The app on real Kestrel (random port) for browser tests.</summary>
public sealed class KestrelRaporFactory : RaporFactory
{
    private readonly bool _demoReports;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Extra configuration, e.g. "FieldCapture:PhotoMaxSide" for the field sync benchmark.</param>
    public KestrelRaporFactory(bool demoReports = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        _demoReports = demoReports;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_demoReports)
            builder.UseSetting("Seed:DemoReports", "true");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    /// <summary>HttpClients of this factory talk to the real server (its random port), not to localhost:80.</summary>
    protected override Uri ClientBaseAddress => new(BaseUrl);

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        }
    }
}
