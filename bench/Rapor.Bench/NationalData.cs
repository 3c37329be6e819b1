using Rapor.Scoring;

namespace Rapor.Bench;

/// <summary>
/// A deterministic synthetic country with the real unit counts (Kepmendagri 2025: 514 kab/kota, 7,285 kecamatan,
/// 83,762 kelurahan/desa), a 40-indicator framework and one month of verified values. Names are synthetic.
/// </summary>
public sealed class NationalData
{
    public const int Tenants = 514;
    public const int Kecamatan = 7_285;
    public const int Villages = 83_762;

    public required FrameworkSpec Framework { get; init; }
    public required List<List<UnitInput>> ByTenant { get; init; }

    public int UnitCount => ByTenant.Sum(t => t.Count);
    public long ValueCount => (long)UnitCount * Framework.Indicators.Count;

    public static FrameworkSpec Framework40()
    {
        var bidang = new[] { new BidangSpec(1, "Pelayanan publik", 30), new BidangSpec(2, "Pemerintahan umum", 25), new BidangSpec(3, "K3 dan lingkungan", 25), new BidangSpec(4, "Inovasi", 20) };
        var indicators = new List<IndicatorSpec>();
        for (var b = 0; b < 4; b++)
        {
            for (var j = 0; j < 10; j++)
            {
                var rule = (Rule)((b * 10 + j) % 4);
                indicators.Add(new IndicatorSpec($"{b + 1}.{j + 1:00}", b, rule, rule == Rule.YesNo ? 1 : 10 + j * 7, 10,
                    ForKecamatan: j != 9, ForKelurahan: j != 8, Monthly: true,
                    Bands: rule == Rule.Bands ? [(0, 0), (20, 50), (40, 75), (60, 100)] : null));
            }
        }
        return new FrameworkSpec(bidang, indicators, 0.3, 80, 65);
    }

    public static NationalData Generate(double scale, int seed)
    {
        var rng = new Random(seed);
        var f = Framework40();
        var tenants = Math.Max(1, (int)Math.Round(Tenants * scale));
        var kecamatan = Math.Max(tenants, (int)Math.Round(Kecamatan * scale));
        var villages = (int)Math.Round(Villages * scale);
        var byTenant = new List<List<UnitInput>>(tenants);
        var kecIndex = 0;
        for (var t = 0; t < tenants; t++)
        {
            var units = new List<UnitInput>();
            var kecHere = kecamatan / tenants + (t < kecamatan % tenants ? 1 : 0);
            for (var k = 0; k < kecHere; k++, kecIndex++)
            {
                var kec = $"{t:000}.{k:00}";
                units.Add(Unit(rng, f, kec, UnitLevel.Kecamatan, $"{t:000}"));
                var villHere = villages / kecamatan + (kecIndex < villages % kecamatan ? 1 : 0);
                for (var v = 0; v < villHere; v++)
                    units.Add(Unit(rng, f, $"{kec}.{v:0000}", UnitLevel.Kelurahan, kec));
            }
            byTenant.Add(units);
        }
        return new NationalData { Framework = f, ByTenant = byTenant };
    }

    private static UnitInput Unit(Random rng, FrameworkSpec f, string code, UnitLevel level, string parent)
    {
        var quality = 0.6 + rng.NextDouble() * 0.5;
        var values = new double[f.Indicators.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var spec = f.Indicators[i];
            values[i] = rng.NextDouble() < 0.03 ? double.NaN
                : spec.Rule == Rule.YesNo ? (rng.NextDouble() < quality ? 1 : 0)
                : Math.Round(spec.Target * quality * (0.8 + rng.NextDouble() * 0.4), 1);
        }
        return new UnitInput(code, "Unit " + code, level, parent, rng.NextDouble() > 0.02, values);
    }
}
