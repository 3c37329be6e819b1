using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using Rapor.Web.Features.Skm;

// PATEN benchmarks (docs/performance.md, "PATEN"): the real app on Kestrel (loopback HTTP), SQLite by default,
// PostgreSQL with RAPOR_TEST_DB=Postgres (same role as the tests). Baseline measured in the same run: GET /api/ping.
//   dotnet run -c Release --project bench/Rapor.PatenBench -- [--rounds 30] [--tickets 3000]
var inv = CultureInfo.InvariantCulture;
var rounds = Arg("--rounds", 30);
var ticketCount = Arg("--tickets", 3000);
const int Units = 30, CountersPerUnit = 2;

await using var app = new KestrelRaporFactory();
await app.InitializeAsync();
var baseUrl = app.BaseUrl;
Console.WriteLine($"PATEN bench on {RaporFactory.Provider}, {Environment.ProcessorCount} cores, {Units} kecamatan × {CountersPerUnit} counters");

// 30 kecamatan of Kota Bandung with a desk, two counters, a kiosk and an officer each.
var units = await app.WithDbAsync(db => db.Regions.Where(r => r.TenantCode == "32.73" && r.Level == RegionLevel.Kecamatan).OrderBy(r => r.Code).Select(r => r.Code).Take(Units).ToListAsync());
var kiosks = new List<HttpClient>();
var officers = new List<HttpClient>();
foreach (var unit in units)
{
    await app.DeskAsync(unit, CountersPerUnit);
    await app.UserAsync("loket.bench." + unit, unit, Roles.Loket);
    kiosks.Add(Client(await app.TokenAsync(unit, ApiTokenPurpose.Kiosk, ApiTokenAccess.Write)));
    officers.Add(Client(await app.TokenAsync(unit, ApiTokenPurpose.Api, ApiTokenAccess.Write, "loket.bench." + unit)));
}
var ping = Client(null);

// Baseline: a trivial endpoint with the same 60-way concurrency.
await Concurrent(60, 20, _ => ping.GetAsync("/api/ping"));
var pingTimes = await Concurrent(60, rounds, _ => ping.GetAsync("/api/ping"));

// Tickets issued: 60 kiosks at once (2 per kecamatan), ticketCount in all.
await Concurrent(60, 2, i => kiosks[i % Units].PostAsJsonAsync($"/api/queue/{units[i % Units]}/tickets", new { service = "SKTM" }));
var sw = Stopwatch.StartNew();
var ticketTimes = await Concurrent(60, ticketCount / 60, i => kiosks[i % Units].PostAsJsonAsync($"/api/queue/{units[i % Units]}/tickets", new { service = "SKTM" }));
var ticketsPerSecond = ticketTimes.Count / sw.Elapsed.TotalSeconds;

// Call-next: every round the 60 counters call at the same instant, then each finishes its ticket.
var callTimes = new List<double>();
var called = new System.Collections.Concurrent.ConcurrentBag<Guid>();
for (var r = 0; r < rounds; r++)
{
    var ids = new Guid?[60];
    var times = await Concurrent(60, 1, async i =>
    {
        var response = await officers[i / CountersPerUnit].PostAsync($"/api/queue/{units[i / CountersPerUnit]}/counters/{i % CountersPerUnit + 1}/call-next", null);
        if (response.StatusCode == System.Net.HttpStatusCode.OK)
        {
            var t = await response.Content.ReadFromJsonAsync<TicketId>();
            ids[i] = t!.Id;
            called.Add(t.Id);
        }
        return response;
    });
    if (r > 0)
        callTimes.AddRange(times); // the first round warms up
    await Task.WhenAll(Enumerable.Range(0, 60).Where(i => ids[i] is not null).Select(i =>
        officers[i / CountersPerUnit].PostAsJsonAsync($"/api/queue/tickets/{ids[i]}/finish", new { outcome = "Selesai" })));
}
if (called.Distinct().Count() != called.Count)
    throw new InvalidOperationException("a ticket was called twice");

// IKM of a unit-year with 10,000 responses: the database adds up the sums; the formula is the same code as the pages.
var ikmUnit = units[0];
await app.WithDbAsync(async db =>
{
    var rng = new Random(42);
    byte A() => (byte)(2 + rng.Next(3));
    for (var batch = 0; batch < 10; batch++)
    {
        db.SkmResponses.AddRange(Enumerable.Range(0, 1000).Select(n => new SkmResponse
        {
            UnitCode = ikmUnit, TenantCode = "32.73", Channel = SkmChannel.Kertas, Date = new DateOnly(2025, 1 + n % 12, 1 + n % 28), SubmittedAt = DateTime.UtcNow,
            U1 = A(), U2 = A(), U3 = A(), U4 = A(), U5 = A(), U6 = A(), U7 = A(), U8 = A(), U9 = A(),
        }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
    return 0;
});
var ikmTimes = new List<double>();
SkmMath.Result? result = null;
for (var n = 0; n < rounds + 5; n++)
{
    using var scope = app.Services.CreateScope();
    var skm = scope.ServiceProvider.GetRequiredService<SkmService>();
    var region = await scope.ServiceProvider.GetRequiredService<Rapor.Web.Data.RaporDbContext>().Regions.AsNoTracking().FirstAsync(r => r.Code == ikmUnit);
    var t = Stopwatch.StartNew();
    result = await skm.ComputeAsync(region, new SkmPeriod(2025, 'Y', 1), null, default);
    if (n >= 5)
        ikmTimes.Add(t.Elapsed.TotalMilliseconds);
}

Console.WriteLine($"baseline GET /api/ping, 60 at once: p50 {P(pingTimes, 50)} ms, p95 {P(pingTimes, 95)} ms");
Console.WriteLine($"tickets: {ticketTimes.Count} issued by 60 kiosks at once in {sw.Elapsed.TotalSeconds.ToString("0.0", inv)} s = {ticketsPerSecond.ToString("0", inv)}/s; p95 {P(ticketTimes, 95)} ms");
Console.WriteLine($"call-next, 60 counters at once ({callTimes.Count} calls): p50 {P(callTimes, 50)} ms, p95 {P(callTimes, 95)} ms ({(P95(callTimes) / P95(pingTimes)).ToString("0.0", inv)}× the ping p95)");
Console.WriteLine($"IKM of {result!.Respondents:N0} responses (unit-year): p50 {P(ikmTimes, 50)} ms, p95 {P(ikmTimes, 95)} ms; IKM {result.IkmConverted.ToString("0.00", inv)}");

HttpClient Client(string? token)
{
    var c = new HttpClient { BaseAddress = new Uri(baseUrl) };
    if (token is not null)
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return c;
}

// Runs `perWorker` requests on each of `workers` workers that start together; returns each request's milliseconds.
static async Task<List<double>> Concurrent(int workers, int perWorker, Func<int, Task<HttpResponseMessage>> call)
{
    var times = new System.Collections.Concurrent.ConcurrentBag<double>();
    using var start = new ManualResetEventSlim();
    var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
    {
        start.Wait();
        for (var n = 0; n < perWorker; n++)
        {
            var t = Stopwatch.StartNew();
            using var r = await call(w);
            times.Add(t.Elapsed.TotalMilliseconds);
            if ((int)r.StatusCode >= 400)
                throw new InvalidOperationException($"{r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }
    })).ToList();
    start.Set();
    await Task.WhenAll(tasks);
    return times.ToList();
}

static double P95(List<double> xs) => Percentile(xs, 95);

static string P(List<double> xs, int p) => Percentile(xs, p).ToString("0.0", CultureInfo.InvariantCulture);

static double Percentile(List<double> xs, int p)
{
    var s = xs.Order().ToList();
    return s[Math.Min(s.Count - 1, (int)Math.Ceiling(p / 100.0 * s.Count) - 1)];
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

internal sealed record TicketId(Guid Id);
