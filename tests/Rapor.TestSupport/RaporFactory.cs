using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
        // Many sign-ins per class from one (test) client; LoginThrottleTests lowers it again.
        builder.UseSetting("Security:LoginPostsPerMinute", "100000");
        // Scheduled reminders would fire into other tests at 07:00; the tests of the jobs switch it on themselves.
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, EndpointHeader>());
    }

    /// <summary>Names the endpoint that answered in a response header, so the route-table suite knows what each URL reached.</summary>
    private sealed class EndpointHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nxt) =>
            {
                ctx.Response.OnStarting(() =>
                {
                    // The endpoint routing chose for the request itself, not the error page a 404 or 500 re-executed.
                    var endpoint = ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.Endpoint
                        ?? ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? ctx.GetEndpoint();
                    if (endpoint is { } e && EndpointKeys.Of(e) is { } key)
                        ctx.Response.Headers[EndpointKeys.Header] = Uri.EscapeDataString(key);
                    return Task.CompletedTask;
                });
                return nxt(ctx);
            });
            next(app);
        };
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

    /// <summary>
    /// An HTTP client that does not follow redirects, so tests see 302/403 as they are. Over https by default: outside
    /// Development the sign-in cookie is Secure and is never sent over plain http.
    /// </summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientBaseAddress });

    protected virtual Uri ClientBaseAddress => new("https://localhost");

    /// <summary>
    /// Signs in through the real login form (antiforgery included) and returns the client holding the cookie. Accounts
    /// that must use two-factor sign-in (admin, verifikator) enrol an authenticator on first use and answer the code
    /// step afterwards, with codes computed from the key stored for them (<see cref="Totp"/>).
    /// </summary>
    public async Task<HttpClient> LoginAsync(string userName, string password = DemoPassword)
    {
        var client = Anonymous();
        var response = await LoginResponseAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {userName} failed: {response.StatusCode}");
        if (response.Headers.Location?.OriginalString.Contains("/Account/LoginWith2fa", StringComparison.Ordinal) == true)
        {
            var token = await AntiforgeryTokenAsync(client, response.Headers.Location.OriginalString);
            using var second = await client.PostAsync(response.Headers.Location, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = Totp.Code((await AuthenticatorKeyAsync(userName))!),
                ["__RequestVerificationToken"] = token,
            }));
            if (second.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Second factor for {userName} failed: {second.StatusCode}");
        }
        using var home = await client.GetAsync("/");
        if (home.Headers.Location?.OriginalString.StartsWith("/Account/Security", StringComparison.Ordinal) == true)
            await EnrolTwoFactorAsync(client, userName);
        return client;
    }

    /// <summary>
    /// A signed-in client for the JSON API: every request carries the antiforgery header, as the app's own pages send
    /// it (cookie-authenticated changes without it are refused).
    /// </summary>
    public async Task<HttpClient> ApiLoginAsync(string userName)
    {
        var client = await LoginAsync(userName);
        client.DefaultRequestHeaders.Add("RequestVerificationToken", await AntiforgeryTokenAsync(client, "/"));
        return client;
    }

    /// <summary>Enrols an authenticator for the signed-in <paramref name="userName"/> through the account page.</summary>
    public async Task EnrolTwoFactorAsync(HttpClient client, string userName)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Security"); // the page creates the key
        using var enable = await client.PostAsync("/Account/Security?handler=Enable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Totp.Code((await AuthenticatorKeyAsync(userName))!),
            ["__RequestVerificationToken"] = token,
        }));
        var html = await enable.Content.ReadAsStringAsync();
        if (!html.Contains("recovery-codes", StringComparison.Ordinal))
            throw new InvalidOperationException($"Enrolling two-factor sign-in for {userName} failed: {enable.StatusCode}");
    }

    /// <summary>The authenticator key stored for an account (what its phone app holds).</summary>
    public async Task<string?> AuthenticatorKeyAsync(string userName)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Rapor.Web.Domain.AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}");
        return await users.GetAuthenticatorKeyAsync(user);
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
            // "localhost": a browser treats it as a secure context, so it keeps the Secure sign-in cookie over plain http.
            return addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        }
    }
}
