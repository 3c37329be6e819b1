// Offline field sync benchmark (docs/performance.md, "WASPADA offline sync"): a supervision visit of 40 items and 10
// camera photos, filled on a 390-px phone without signal, then sent when the network returns — once unthrottled (the
// baseline) and once on a link throttled to 1 Mbit/s by Chromium's network emulation (CDP), in the same run, on the
// product's own path (the page, offline.js, the sync API, the database). Prints the times and the photo sizes.
// Usage: dotnet run -c Release --project bench/Rapor.FieldBench -- [runs] [photoMaxSide]
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Rapor.BrowserTests;
using Rapor.TestSupport;

// WebApplicationFactory finds the app's content root by this variable outside a test host.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Rapor.sln")))
    root = root.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RAPOR_WEB", Path.Combine(root!.FullName, "src", "Rapor.Web"));
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var maxSide = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1600;
await using var app = new KestrelRaporFactory(settings: new Dictionary<string, string> { ["FieldCapture:PhotoMaxSide"] = maxSide.ToString(CultureInfo.InvariantCulture) });
await app.InitializeAsync();
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
string[] desa = ["32.17.09.2001", "32.17.09.2002", "32.17.09.2004", "32.17.09.2005", "32.17.09.2007", "32.17.09.2008", "32.17.09.2010"];
byte[][]? photos = null;
var results = new List<(string Mode, double Seconds, long Bytes, List<long> Sizes)>();
var n = 0;
for (var r = 0; r < runs; r++)
{
    foreach (var (mode, throughput) in new[] { ("unthrottled", -1.0), ("1 Mbit/s", 125_000.0) })
    {
        var visit = await app.PlannedVisitAsync(desa[n++ % desa.Length], DateOnly.FromDateTime(DateTime.Now).AddDays(-n % 30));
        var items = await app.ItemsOfAsync(visit);
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, Locale = "id-ID" });
        var page = await context.NewPageAsync();
        page.Dialog += (_, d) => d.AcceptAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Nama pengguna").FillAsync("kasi.pemerintahan.batujajar");
        await page.GetByLabel("Kata sandi").FillAsync(RaporFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync($"/Waspada/Visit/{visit}");
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.offlineReady === '1'", null, new() { Timeout = 60_000 });
        photos ??= await CameraPhotosAsync(page, 10);

        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await Network(cdp, offline: true, -1);
        foreach (var item in items)
            await page.Locator($"label[for='a-{item.Id}-{(item.Code is "B.5" or "E.3" ? "TidakSesuai" : "Sesuai")}']").ClickAsync();
        foreach (var code in new[] { "B.5", "E.3" })
            await page.GetByTestId($"item-{code}").Locator("input[name^='note.']").FillAsync("Tidak sesuai saat diperiksa");
        for (var p = 0; p < photos.Length; p++)
            await page.GetByTestId($"photo-{items[p * 4].Code}").SetInputFilesAsync(new FilePayload { Name = $"foto-{p + 1}.jpg", MimeType = "image/jpeg", Buffer = photos[p] });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=offline-photo]').length === 10", null, new() { Timeout = 120_000 });
        await page.GetByTestId("complete-visit").ClickAsync();
        await page.GetByTestId("offline-summary").Filter(new() { HasText = "1 kunjungan menunggu dikirim" }).WaitForAsync();
        var sizes = JsonSerializer.Deserialize<List<long>>(await page.EvaluateAsync<string>(
            $"async () => JSON.stringify((await window.RaporOffline.photos('waspada:{visit}')).map(p => p.size))"))!;

        await Network(cdp, offline: false, throughput);
        var watch = Stopwatch.StartNew();
        await page.EvaluateAsync("() => window.RaporOffline.syncAll()");
        watch.Stop();
        var (status, stored) = await app.WithDbAsync(async db =>
        (
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.SupervisionVisits, v => v.Id == visit),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Evidence, e => e.SupervisionVisitId == visit)
        ));
        if (status.Status != Rapor.Web.Domain.SupervisionVisitStatus.Selesai || stored != 10)
            throw new InvalidOperationException($"visit not stored: {status.Status}, {stored} photos");
        results.Add((mode, watch.Elapsed.TotalSeconds, sizes.Sum(), sizes));
        Console.WriteLine(FormattableString.Invariant($"run {r + 1} {mode,-12} {watch.Elapsed.TotalSeconds,6:0.00} s  photos {sizes.Sum() / 1024.0,7:0} KB (largest {sizes.Max() / 1024.0:0} KB)"));
        await context.CloseAsync();
    }
}
foreach (var g in results.GroupBy(x => x.Mode))
{
    var times = g.Select(x => x.Seconds).Order().ToList();
    Console.WriteLine(FormattableString.Invariant($"{g.Key,-12} median {times[times.Count / 2]:0.00} s over {times.Count} runs"));
}
var all = results.SelectMany(x => x.Sizes).Order().ToList();
Console.WriteLine(FormattableString.Invariant($"photo max side {maxSide} px: {all.Count} photos, min {all[0] / 1024.0:0} KB, median {all[all.Count / 2] / 1024.0:0} KB, max {all[^1] / 1024.0:0} KB; originals {photos!.Average(p => p.Length) / 1024.0:0} KB on average"));
var ratio = results.Where(x => x.Mode != "unthrottled").Select(x => x.Seconds).Order().ElementAt(runs / 2)
    / results.Where(x => x.Mode == "unthrottled").Select(x => x.Seconds).Order().ElementAt(runs / 2);
Console.WriteLine(FormattableString.Invariant($"1 Mbit/s / unthrottled: {ratio:0.0}×"));

static Task Network(ICDPSession cdp, bool offline, double throughput) =>
    cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = offline, ["latency"] = throughput > 0 ? 40 : 0, ["downloadThroughput"] = throughput, ["uploadThroughput"] = throughput,
    });

// Ten different 4000 × 3000 photos as a phone camera takes them (drawn by the browser; see tests/Rapor.BrowserTests).
static async Task<byte[][]> CameraPhotosAsync(IPage page, int count)
{
    var list = new byte[count][];
    for (var i = 0; i < count; i++)
        list[i] = await CameraPhoto.JpegAsync(page, 4000, 3000, i + 1);
    return list;
}
