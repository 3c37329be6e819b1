using System.Diagnostics;
using System.Globalization;
using Rapor.Scoring;

namespace Rapor.Bench;

/// <summary>
/// Issue 19 §9: the what-if on a rapor and the weight simulator for one city, against the same run's full scoring of
/// that city (what the rapor itself already costs). Run: dotnet run -c Release --project bench/Rapor.Bench -- --whatif
/// </summary>
public static class WhatIfBench
{
    public static void Run(int seed, int runs)
    {
        var data = NationalData.Generate(1.0, seed);
        var f = data.Framework;
        // "A city": the tenant closest to Kota Bandung's 181 units, and the largest tenant as the worst case.
        foreach (var (label, units) in new[]
        {
            ("city of ~181 units", data.ByTenant.OrderBy(t => Math.Abs(t.Count - 181)).First()),
            ("largest tenant", data.ByTenant.OrderByDescending(t => t.Count).First()),
        })
        {
            List<UnitScore> scores = [];
            List<Standing> standings = [];
            var baseline = Time(runs, () =>
            {
                scores = units.Select(u => Engine.ScoreUnit(f, u, monthly: true)).ToList();
                standings = Engine.Standings(f, scores);
            });
            var byCode = standings.ToDictionary(s => s.Code);
            var peers = standings.Where(s => s.Level == UnitLevel.Kelurahan).ToList();
            var kelurahan = scores.First(s => s.Level == UnitLevel.Kelurahan);
            var oneRapor = Time(runs * 20, () =>
            {
                WhatIf.Gains(f, kelurahan, byCode[kelurahan.Code], peers);
                WhatIf.ToZone(f, kelurahan, byCode[kelurahan.Code], Zone.Hijau);
            });
            var everyRapor = Time(runs, () =>
            {
                foreach (var s in scores)
                {
                    var level = s.Level == UnitLevel.Kecamatan ? standings.Where(x => x.Level == UnitLevel.Kecamatan).ToList() : peers;
                    WhatIf.Gains(f, s, byCode[s.Code], level);
                }
            });
            var proposed = f with { Bidang = f.Bidang.Select((b, i) => b with { Weight = i == 0 ? b.Weight + 10 : b.Weight }).ToList() };
            var simulator = Time(runs, () => WhatIf.Reweigh(f, proposed, scores));
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"What-if, {label}: {units.Count} units × {f.Indicators.Count} indicators, median of {runs} runs");
            Console.WriteLine("| computation | median | baseline: score the city (ScoreUnit × n + Standings) | ratio |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine(string.Create(inv, $"| what-if of one rapor (gains + way to hijau) | {oneRapor:0.000} ms | {baseline:0.00} ms | {oneRapor / baseline:0.00}× |"));
            Console.WriteLine(string.Create(inv, $"| what-if of every rapor of the city | {everyRapor:0.00} ms | {baseline:0.00} ms | {everyRapor / baseline:0.00}× |"));
            Console.WriteLine(string.Create(inv, $"| **weight simulator: every unit re-ranked under new weights** | {simulator:0.00} ms | {baseline:0.00} ms | {simulator / baseline:0.00}× |"));
            Console.WriteLine();
        }
    }

    private static double Time(int runs, Action work)
    {
        work(); // warm up (JIT)
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            work();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
