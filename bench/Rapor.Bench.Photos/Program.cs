using System.Diagnostics;
using System.Security.Cryptography;
using Rapor.TestSupport;
using Rapor.Web.Features.Provenance;
using SkiaSharp;

// Photo provenance benchmarks (docs/performance.md, "Photo checks"): hashing a 4000×3000 JPEG and one reuse lookup
// against 1,000,000 stored hashes, each next to a baseline measured in the same run.
//   dotnet run -c Release --project bench/Rapor.Bench.Photos -- [--runs 20] [--hashes 1000000]
var inv = CultureInfo.InvariantCulture;
var runs = (int)Arg("--runs", 20);
var count = (int)Arg("--hashes", 1_000_000);

// A phone-sized photo: the test scene drawn at 4000×3000 with sensor-like noise (so it weighs what a phone photo
// weighs: a flat drawing compresses to almost nothing and decodes unrealistically fast), quality 92, EXIF time and GPS.
byte[] jpeg;
using (var scene = PhotoFixtures.Scene(7, 4000, 3000))
{
    var noise = new Random(7);
    var px = scene.GetPixelSpan();
    for (var i = 0; i < px.Length; i++)
        if (i % 4 != 3)
            px[i] = (byte)Math.Clamp(px[i] + noise.Next(-24, 25), 0, 255);
    jpeg = PhotoFixtures.WithExif(PhotoFixtures.Jpeg(scene, 92), new DateTime(2025, 6, 14, 9, 30, 0), -6.9175, 107.6191);
}
Console.WriteLine($"Photo: 4000×3000 JPEG, {jpeg.Length / 1024.0 / 1024:0.00} MB");

var sha = Measure(runs, () => SHA256.HashData(jpeg)[0]);
var fullDecode = Measure(runs, () =>
{
    using var b = SKBitmap.Decode(jpeg);
    return b.Width;
});
var hash = Measure(runs, () => PerceptualHash.Compute(new MemoryStream(jpeg)) ?? 0);
var inspect = Measure(runs, () => PhotoInspector.Inspect(new MemoryStream(jpeg), "image/jpeg").Hash ?? 0);
var strip = Measure(Math.Max(3, runs / 4), () => PublicPhoto.StripToJpeg(new MemoryStream(jpeg))!.Length);
Report("full-size decode (SKBitmap.Decode), baseline", fullDecode, fullDecode);
Report("SHA-256 of the file (already done at every upload)", sha, fullDecode);
Report("perceptual hash (decoded at 1/8 in libjpeg)", hash, fullDecode);
Report("metadata + perceptual hash (what an upload adds)", inspect, fullDecode);
Report("public copy without EXIF (first view only, then cached)", strip, fullDecode);

// The reuse index: a million random prints in one partition, one lookup at the default threshold.
var random = new Random(42);
var index = new PhotoIndex();
index.Load("bench", Enumerable.Range(0, count).Select(_ => (Guid.CreateVersion7(), (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))));
var probe = (ulong)random.NextInt64();
var prints = Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64()).ToArray();
var sumBaseline = Measure(runs, () =>
{
    ulong s = 0;
    foreach (var p in prints)
        s += p;
    return (double)s;
});
var lookup = Measure(runs, () => index.ScanOnly("bench", probe, 10).Count);
Console.WriteLine($"Index: {count:N0} hashes");
Report("sum of a ulong[] of the same size, baseline", sumBaseline, sumBaseline);
Report("reuse lookup (popcount scan, threshold 10)", lookup, sumBaseline);

double Arg(string name, double fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], inv) : fallback;
}

static List<double> Measure(int runs, Func<double> work)
{
    work(); // warm-up: JIT and caches
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        work();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times;
}

void Report(string what, List<double> times, List<double> baseline)
{
    var median = times[times.Count / 2];
    var b = baseline[baseline.Count / 2];
    Console.WriteLine($"  {what,-58} median {median.ToString("0.00", inv),8} ms  p95 {times[(int)(times.Count * 0.95) - (times.Count >= 20 ? 0 : 1)].ToString("0.00", inv),8} ms  {(median / b).ToString("0.00", inv),7}× baseline");
}
