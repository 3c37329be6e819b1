using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rapor.Web.Data;
using Rapor.Web.Features.Onboarding;
using Rapor.Web.Infrastructure;

// Onboarding from the national list on the product's own path (issue 12; used at national scale by issue 17):
//   dotnet run -c Release --project bench/Rapor.Bench.Onboarding -- [--runs 3] [--sqlite] [--skip-national]
// Each measurement runs on a freshly migrated database of its own. RAPOR_BENCH_PG overrides the PostgreSQL server.
var inv = CultureInfo.InvariantCulture;
var runs = Arg("--runs", 3);
var providers = args.Contains("--sqlite") ? new[] { "Postgres", "Sqlite" } : ["Postgres"];
var national = !args.Contains("--skip-national");
var pgServer = Environment.GetEnvironmentVariable("RAPOR_BENCH_PG") ?? "Host=127.0.0.1;Port=5432;Username=rapor_test;Password=rapor_test";
const string AcehUtara = "11.08";

var catalog = new RegionCatalog();
var sw = Stopwatch.StartNew();
var all = catalog.All.Select(k => k.Code).Order(StringComparer.Ordinal).ToList();
Console.WriteLine($"Catalog index: {all.Count} kab/kota in {sw.ElapsedMilliseconds} ms (one pass over the shipped file)");
sw.Restart();
var rows = catalog.ReadUnits(all.ToHashSet(StringComparer.Ordinal)).Sum(u => u.Value.Count);
var read = sw.Elapsed;
Console.WriteLine($"Reading every unit: {rows:N0} rows in {read.TotalMilliseconds:0} ms");

foreach (var provider in providers)
{
    Console.WriteLine($"\n== {provider}");
    var cold = new List<double>();
    var warm = new List<double>();
    var copyBaseline = new List<double>();
    for (var r = 0; r < runs; r++)
    {
        // Cold: the first onboarding of a fresh process (EF model, queries, catalog and shapes built on first use).
        await using (var app = await FreshAppAsync(provider, $"rapor_bench_onb_{r}"))
        {
            copyBaseline.Add(await RawInsertAsync(app, provider, [AcehUtara]));
            cold.Add(await OnboardAsync(app, [AcehUtara]));
        }
        // Warm: the same process has onboarded another kab/kota before (Kota Sabang, 11.72).
        await using (var app = await FreshAppAsync(provider, $"rapor_bench_onb_w{r}"))
        {
            await OnboardAsync(app, ["11.72"]);
            warm.Add(await OnboardAsync(app, [AcehUtara]));
        }
    }
    string List(List<double> xs) => string.Join(", ", xs.Select(x => x.ToString("0.000", inv)));
    Console.WriteLine($"Kab. Aceh Utara (852 desa, 880 rows + their audit rows), {runs} runs each:");
    Console.WriteLine($"  cold process: median {Median(cold):0.000} s [{List(cold)}]; warm process: median {Median(warm):0.000} s [{List(warm)}]");
    Console.WriteLine($"  raw insert of the same rows (baseline): median {Median(copyBaseline):0.000} s [{List(copyBaseline)}]; ratio warm/baseline {Median(warm) / Median(copyBaseline):0.0}×");
    if (!national)
        continue;
    await using (var app = await FreshAppAsync(provider, "rapor_bench_onb_national"))
    {
        var baseline = await RawInsertAsync(app, provider, all);
        var before = GC.GetTotalAllocatedBytes();
        var peak = 0L;
        using var sampler = new Timer(_ => peak = Math.Max(peak, Environment.WorkingSet), null, 0, 200);
        var seconds = await OnboardAsync(app, all);
        peak = Math.Max(peak, Environment.WorkingSet);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaporDbContext>();
        var (tenants, regions, audits, shapes) = (await db.Tenants.CountAsync(), await db.Regions.CountAsync(), await db.AuditEntries.CountAsync(), await db.RegionShapes.CountAsync());
        Console.WriteLine($"All {all.Count} kab/kota in one call: {seconds:0.00} s ({regions / seconds:N0} regions/s); raw insert of the same rows (baseline): {baseline:0.00} s; ratio {seconds / baseline:0.0}×");
        Console.WriteLine($"  written: {tenants} tenants, {regions:N0} regions, {audits:N0} audit rows, {shapes} shapes; allocated {(GC.GetTotalAllocatedBytes() - before) / 1e9:0.0} GB, peak working set {peak / 1e6:0} MB");
    }
}

async Task<double> OnboardAsync(WebApplication app, List<string> codes)
{
    await using var scope = app.Services.CreateAsyncScope();
    var onboarding = scope.ServiceProvider.GetRequiredService<TenantOnboarding>();
    var watch = Stopwatch.StartNew();
    var outcome = await onboarding.FromNationalListAsync(codes, default);
    watch.Stop();
    if (!outcome.Ok)
        throw new InvalidOperationException(string.Join("; ", outcome.Errors));
    return watch.Elapsed.TotalSeconds;
}

// The floor: the same region rows inserted by plain batched INSERTs in one transaction into a scratch table, no EF,
// no audit — what the database itself needs for the data.
async Task<double> RawInsertAsync(WebApplication app, string provider, List<string> codes)
{
    var units = catalog.ReadUnits(codes.ToHashSet(StringComparer.Ordinal)).SelectMany(u => u.Value).ToList();
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<RaporDbContext>();
    await db.Database.ExecuteSqlRawAsync("CREATE TABLE scratch_regions (code varchar(13) primary key, name varchar(120), level varchar(16), type varchar(16), parent varchar(13), tenant varchar(5))");
    var conn = db.Database.GetDbConnection();
    await conn.OpenAsync();
    var watch = Stopwatch.StartNew();
    await using (var tx = await conn.BeginTransactionAsync())
    {
        foreach (var batch in units.Chunk(500))
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            var values = new List<string>();
            var i = 0;
            foreach (var u in batch)
            {
                var names = new[] { u.Code, u.Name, u.Level.ToString(), u.Type, u.ParentCode, u.TenantCode };
                var ps = new List<string>();
                foreach (var v in names)
                {
                    var p = cmd.CreateParameter();
                    p.ParameterName = "@p" + (i++).ToString(inv);
                    p.Value = v;
                    cmd.Parameters.Add(p);
                    ps.Add(p.ParameterName);
                }
                values.Add("(" + string.Join(",", ps) + ")");
            }
            cmd.CommandText = "INSERT INTO scratch_regions VALUES " + string.Join(",", values);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
    watch.Stop();
    await db.Database.ExecuteSqlRawAsync("DROP TABLE scratch_regions");
    return watch.Elapsed.TotalSeconds;
}

async Task<WebApplication> FreshAppAsync(string provider, string name)
{
    string connection;
    if (provider == "Postgres")
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(pgServer + ";Database=postgres");
        await admin.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin))
            await drop.ExecuteNonQueryAsync();
        connection = $"{pgServer};Database={name}";
    }
    else
    {
        var file = Path.Combine(Path.GetTempPath(), name + ".db");
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), name + ".db*"))
            File.Delete(f);
        connection = $"Data Source={file}";
    }
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
    builder.Configuration["Database:Provider"] = provider;
    builder.Configuration["Database:ConnectionString"] = connection;
    builder.Configuration["Seed:DemoData"] = "false";
    builder.Configuration["Logging:LogLevel:Default"] = "Warning";
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.AddRapor();
    var app = builder.Build();
    await app.InitializeDatabaseAsync(); // migrations and roles, as the app starts
    return app;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], inv) : fallback;
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
}
