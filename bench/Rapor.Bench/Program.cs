using System.Diagnostics;
using System.Globalization;
using Rapor.Bench;
using Rapor.Scoring;

// Console runner for the scoring benchmarks at national scale (docs/performance.md).
//   dotnet run -c Release --project bench/Rapor.Bench -- [--scale 1] [--seed 42] [--updates 10000] [--runs 5]
var scale = Arg("--scale", 1.0);
var seed = (int)Arg("--seed", 42);
var updates = (int)Arg("--updates", 10_000);
var runs = (int)Arg("--runs", 5);
var withDb = args.Contains("--db");
var months = args.Contains("--annual") ? 12 : 1;
var inv = CultureInfo.InvariantCulture;
if (args.Contains("--whatif"))
{
    WhatIfBench.Run(seed, Math.Max(runs, 21));
    return 0;
}

var sw = Stopwatch.StartNew();
var data = NationalData.Generate(scale, seed);
var generate = sw.Elapsed;
Console.WriteLine($"Synthetic country: scale {scale.ToString(inv)}, {data.ByTenant.Count} tenants, {data.UnitCount:N0} units, {data.ValueCount:N0} values (generated in {generate.TotalSeconds:0.00} s)");

// Baseline in the same run: reading every value once from memory, which no full rescore can beat.
var readTimes = Measure(runs, () =>
{
    var sum = 0.0;
    foreach (var tenant in data.ByTenant)
    {
        foreach (var u in tenant)
        {
            foreach (var v in u.Values)
            {
                if (!double.IsNaN(v))
                    sum += v;
            }
        }
    }
    return sum;
});

// Warm full rescore: every unit scored, kecamatan rolled up, ranks per tenant and nationally (kecamatan level).
List<Standing>[] standings = [];
var warmTimes = Measure(runs, () =>
{
    standings = new List<Standing>[data.ByTenant.Count];
    Parallel.For(0, data.ByTenant.Count, t =>
    {
        var scores = new List<UnitScore>(data.ByTenant[t].Count);
        foreach (var u in data.ByTenant[t])
            scores.Add(Engine.ScoreUnit(data.Framework, u, monthly: true));
        standings[t] = Engine.Standings(data.Framework, scores);
    });
    var national = standings.SelectMany(s => s).Where(s => s.Level == UnitLevel.Kecamatan).OrderByDescending(s => Math.Round(s.Total, 2)).ToList();
    return national.Count;
});

// Warm full rescore with the compiled framework (one coefficient per indicator and level, no explanation objects).
var compiled = new CompiledFramework(data.Framework, monthly: true);
List<Standing>[] fast = [];
var compiledTimes = Measure(runs, () =>
{
    fast = new List<Standing>[data.ByTenant.Count];
    Parallel.For(0, data.ByTenant.Count, t =>
    {
        var units = data.ByTenant[t];
        var scores = new UnitScore[units.Count];
        for (var i = 0; i < units.Count; i++)
            scores[i] = compiled.Light(units[i]);
        fast[t] = Engine.Standings(data.Framework, scores);
    });
    var national = fast.SelectMany(s => s).Where(s => s.Level == UnitLevel.Kecamatan).OrderByDescending(s => Math.Round(s.Total, 2)).ToList();
    return national.Count;
});
// Warm full rescore, columnar: each tenant's month held as arrays (TenantMatrix), scored and ranked in place.
var matrices = data.ByTenant.Select(t => new TenantMatrix(t)).ToArray();
var columnarTimes = Measure(runs, () =>
{
    Parallel.For(0, matrices.Length, t => matrices[t].Rescore(compiled));
    var national = new List<double>(data.UnitCount / 10);
    foreach (var m in matrices)
    {
        for (var i = 0; i < m.Count; i++)
        {
            if (m.Level(i) == UnitLevel.Kecamatan)
                national.Add(Math.Round(m.Total[i], 2));
        }
    }
    national.Sort();
    return national.Count;
});
var columnarMismatches = 0;
for (var t = 0; t < matrices.Length; t++)
{
    foreach (var s in fast[t])
    {
        var c = matrices[t].Standing(matrices[t].IndexOf(s.Code));
        if (Math.Abs(c.Total - s.Total) > 1e-9 || (c.Rank, c.Tied, c.Position, c.Zone) != (s.Rank, s.Tied, s.Position, s.Zone))
            columnarMismatches++;
    }
}
var mismatches = columnarMismatches + standings.Zip(fast).Sum(p => p.First.Zip(p.Second).Count(x => Math.Abs(x.First.Total - x.Second.Total) > 1e-9 || x.First.Rank != x.Second.Rank));

// Incremental: random single-value verifications, each rescoring one unit, its kecamatan and its tenant's ranks.
// Boards hold light scores, as the web app reads them back from stored standings.
var boards = data.ByTenant.Select(t => new Scoreboard(data.Framework, t.Select(compiled.Light))).ToArray();
GC.Collect();
var heldBytes = GC.GetTotalMemory(forceFullCollection: true);
var workingSet = Process.GetCurrentProcess().WorkingSet64;
var rng = new Random(seed + 1);
var latencies = new double[updates];
for (var n = 0; n < updates; n++)
{
    var t = rng.Next(data.ByTenant.Count);
    var units = data.ByTenant[t];
    var i = rng.Next(units.Count);
    var values = (double[])units[i].Values.Clone();
    values[rng.Next(values.Length)] = Math.Round(rng.NextDouble() * 100, 1);
    units[i] = units[i] with { Values = values };
    var start = Stopwatch.GetTimestamp();
    boards[t].Update(compiled.Light(units[i]));
    latencies[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}
Array.Sort(latencies);
double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];

var read = Median(readTimes);
var warm = Median(warmTimes);
var warmCompiled = Median(compiledTimes);
Console.WriteLine();
Console.WriteLine("| measurement | value | baseline (same run) | ratio |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| warm full rescore with explanations, one month ({data.ValueCount:N0} values) | {warm:0.0} ms | read all values: {read:0.0} ms | {warm / read:0.0}× |");
Console.WriteLine($"| warm full rescore, compiled framework | {warmCompiled:0.0} ms | read all values: {read:0.0} ms | {warmCompiled / read:0.0}× |");
Console.WriteLine($"| **warm full rescore, columnar (TenantMatrix)** | {Median(columnarTimes):0.0} ms | read all values: {read:0.0} ms | {Median(columnarTimes) / read:0.0}× |");
Console.WriteLine($"| incremental rescore p50 / p95 / p99 ({updates:N0} updates) | {P(0.5):0.000} / {P(0.95):0.000} / {P(0.99):0.000} ms | | |");
Console.WriteLine($"| managed heap holding the month for incremental scoring | {heldBytes / 1024.0 / 1024:0} MB | | |");
Console.WriteLine($"| working set | {workingSet / 1024.0 / 1024:0} MB | | |");
Console.WriteLine();
if (withDb)
{
    var pg = Environment.GetEnvironmentVariable("RAPOR_BENCH_PG") ?? "Host=127.0.0.1;Port=5432;Username=rapor_test;Password=rapor_test;Database=postgres";
    var bench = new DbBench(NationalData.Generate(scale, seed), seed, months);
    Console.WriteLine();
    Console.WriteLine("| cold full rescore, one month, from the database | load (rows/s) | engine | SQL baseline | engine / SQL | results differing |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    var dbResults = new[] { bench.Postgres(pg), bench.Sqlite(Path.Combine(Path.GetTempPath(), "rapor-bench.db")) };
    foreach (var r in dbResults)
        Console.WriteLine($"| {r.Database} | {r.LoadSeconds:0.0} s ({r.Rows / r.LoadSeconds:N0}/s) | {r.EngineMs:0} ms | {r.SqlMs:0} ms | {r.EngineMs / r.SqlMs:0.00} | {r.Mismatches} |");
    if (months == 12)
    {
        Console.WriteLine();
        Console.WriteLine("| annual rapor (12 months) for the whole country, from the database | engine | SQL baseline | engine / SQL | results differing |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var r in dbResults)
            Console.WriteLine($"| {r.Database} | {r.AnnualEngineMs:0} ms | {r.AnnualSqlMs:0} ms | {r.AnnualEngineMs / r.AnnualSqlMs:0.00} | {r.AnnualMismatches} |");
    }
    var (pgLat, liteLat) = bench.IncrementalBoth(updates);
    static double Q(double[] xs, double q) => xs[Math.Min(xs.Length - 1, (int)(q * xs.Length))];
    Console.WriteLine();
    Console.WriteLine($"| incremental rescore including the database transaction ({updates:N0} decisions) | p50 | p95 | p99 |");
    Console.WriteLine("|---|---:|---:|---:|");
    Console.WriteLine($"| PostgreSQL | {Q(pgLat, 0.5):0.00} ms | {Q(pgLat, 0.95):0.00} ms | {Q(pgLat, 0.99):0.00} ms |");
    Console.WriteLine($"| SQLite | {Q(liteLat, 0.5):0.00} ms | {Q(liteLat, 0.95):0.00} ms | {Q(liteLat, 0.99):0.00} ms |");
    Console.WriteLine($"db results differing: {dbResults.Sum(r => r.Mismatches + r.AnnualMismatches)}");
}
Console.WriteLine($"checks: compiled, columnar and explained standings differing: {mismatches}; {standings.Sum(s => s.Count):N0} standings; top kecamatan total {standings.SelectMany(s => s).Max(s => s.Total).ToString("0.00", inv)}");
return 0;

double Arg(string name, double fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static List<double> Measure(int runs, Func<object> work)
{
    work(); // warm-up: JIT and caches
    var times = new List<double>();
    for (var r = 0; r < runs; r++)
    {
        var sw = Stopwatch.StartNew();
        GC.KeepAlive(work());
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    return times;
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToArray();
    return s[s.Length / 2];
}
