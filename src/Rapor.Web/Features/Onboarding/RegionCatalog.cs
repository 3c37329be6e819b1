using System.IO.Compression;
using Rapor.Web.Domain;
using Rapor.Web.Features.Regions;

namespace Rapor.Web.Features.Onboarding;

/// <summary>
/// The national Kemendagri list shipped with the app (<c>Data/Regions/indonesia_wilayah.csv.gz</c>: 38 provinsi,
/// 514 kab/kota, 7,285 kecamatan, 83,762 kelurahan/desa; provenance in Data/Regions/PROVENANCE.md). Only the kab/kota
/// index (with counts) stays in memory; the units of the kab/kota being onboarded are read by one streaming pass over
/// the file, so onboarding all 514 at once reads it once.
/// </summary>
public sealed class RegionCatalog
{
    public const string Version = "Kepmendagri 300.2.2-2138/2025";
    public const string Header = "code,name,level,parent_code,type";

    public sealed record KabKota(string Code, string Name, string Type, string ProvinceCode, string Province, int Kecamatan, int Kelurahan, int Desa)
    {
        public string Counts => RegionSummary.CountsText(Kecamatan, Kelurahan, Desa);
    }

    private readonly string _path;
    private readonly Lazy<Dictionary<string, KabKota>> _index;

    public RegionCatalog() : this(Path.Combine(AppContext.BaseDirectory, "Data", "Regions", "indonesia_wilayah.csv.gz"))
    {
    }

    public RegionCatalog(string path)
    {
        _path = path;
        _index = new(BuildIndex);
    }

    public IReadOnlyCollection<KabKota> All => _index.Value.Values;

    public KabKota? Find(string code) => _index.Value.GetValueOrDefault(code);

    /// <summary>By code prefix ("16.7", "32") or by a word of the name or province ("palem", "aceh utara").</summary>
    public List<KabKota> Search(string? query, int max = 30)
    {
        var q = (query ?? "").Trim();
        if (q.Length == 0)
            return [];
        IEnumerable<KabKota> hits = char.IsDigit(q[0])
            ? _index.Value.Values.Where(k => k.Code.StartsWith(q, StringComparison.Ordinal))
            : _index.Value.Values.Where(k => k.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || k.Province.Contains(q, StringComparison.OrdinalIgnoreCase));
        return hits.OrderBy(k => k.Code, StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>
    /// The kecamatan and kelurahan/desa of the given kab/kota as new <see cref="Region"/> rows (root excluded), in
    /// code order; one pass over the file. Desa adat (3xxx) are desa, as <see cref="RegionCode.VillageTypeOf"/> says.
    /// </summary>
    public Dictionary<string, List<Region>> ReadUnits(IReadOnlySet<string> kabKota)
    {
        var result = kabKota.ToDictionary(k => k, _ => new List<Region>(), StringComparer.Ordinal);
        foreach (var row in Rows())
        {
            if (row.Level is not ("kecamatan" or "kelurahan") || !result.TryGetValue(RegionCode.TenantOf(row.Code), out var list))
                continue;
            var kecamatan = row.Level == "kecamatan";
            list.Add(new Region
            {
                Code = row.Code,
                Name = row.Name,
                Level = kecamatan ? RegionLevel.Kecamatan : RegionLevel.Kelurahan,
                Type = kecamatan ? "kecamatan" : RegionCode.VillageTypeOf(row.Code),
                ParentCode = row.Parent,
                TenantCode = RegionCode.TenantOf(row.Code),
            });
        }
        return result;
    }

    private readonly record struct Row(string Code, string Name, string Level, string Parent);

    private IEnumerable<Row> Rows()
    {
        using var gz = new GZipStream(File.OpenRead(_path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, System.Text.Encoding.UTF8);
        if (reader.ReadLine() is not Header)
            throw new InvalidDataException($"{_path}: header is not \"{Header}\"");
        while (reader.ReadLine() is { } line)
        {
            // A handful of names hold commas ("Lubuk Pakam I,II") and are quoted.
            var f = line.Contains('"', StringComparison.Ordinal) ? Csv.Split(line) : [.. line.Split(',')];
            if (f.Count >= 4)
                yield return new Row(f[0], f[1], f[2], f[3]);
        }
    }

    private Dictionary<string, KabKota> BuildIndex()
    {
        var provinces = new Dictionary<string, string>(StringComparer.Ordinal);
        var kabKota = new List<(string Code, string Name)>();
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var row in Rows())
        {
            switch (row.Level)
            {
                case "provinsi":
                    provinces[row.Code] = row.Name;
                    break;
                case "kabupaten_kota":
                    kabKota.Add((row.Code, row.Name));
                    counts[row.Code] = new int[3];
                    break;
                case "kecamatan":
                    counts[RegionCode.TenantOf(row.Code)][0]++;
                    break;
                case "kelurahan":
                    counts[RegionCode.TenantOf(row.Code)][RegionCode.VillageTypeOf(row.Code) == "kelurahan" ? 1 : 2]++;
                    break;
            }
        }
        return kabKota.ToDictionary(k => k.Code, k =>
        {
            var c = counts[k.Code];
            var province = k.Code[..2];
            return new KabKota(k.Code, k.Name, RegionCode.TenantTypeOf(k.Code), province, provinces.GetValueOrDefault(province, province), c[0], c[1], c[2]);
        }, StringComparer.Ordinal);
    }
}
