using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Maps;

/// <summary>
/// The boundary files shipped in <c>Data/Shapes</c> (cahyadsn/wilayah_boundaries, MIT; see Data/Regions/PROVENANCE.md),
/// indexed once by unit code. When two files hold the same code the finer one wins — the file with more bytes per
/// feature (Bandung's dissolved kecamatan beat the province-wide coarse ones) — so no file or tenant is named in code.
/// </summary>
public sealed class ShippedShapes
{
    public sealed record Feature(string Code, string Geometry, ShapeGeometry Shape, string Source);

    private readonly Lazy<Dictionary<string, Feature>> _index;

    public ShippedShapes() : this(Path.Combine(AppContext.BaseDirectory, "Data", "Shapes"))
    {
    }

    public ShippedShapes(string folder) => _index = new(() => Load(folder));

    /// <summary>Every shipped shape of a kab/kota: its own outline, its kecamatan, its kelurahan/desa where shipped.</summary>
    public IEnumerable<Feature> Within(string tenantCode) => _index.Value.Values.Where(f => RegionCode.IsWithin(f.Code, tenantCode));

    public Feature? Find(string code) => _index.Value.GetValueOrDefault(code);

    private static Dictionary<string, Feature> Load(string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.geojson") : [];
        var parsed = files.Select(f =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(f));
            var features = doc.RootElement.GetProperty("features").EnumerateArray()
                .Select(x => (Code: x.GetProperty("properties").GetProperty("kode").GetString() ?? "", Geometry: x.GetProperty("geometry").GetRawText()))
                .Where(x => RegionCode.IsValid(x.Code)).ToList();
            return (Name: Path.GetFileName(f), Density: features.Count == 0 ? 0 : new FileInfo(f).Length / features.Count, features);
        }).OrderByDescending(f => f.Density).ThenBy(f => f.Name, StringComparer.Ordinal);
        var index = new Dictionary<string, Feature>(StringComparer.Ordinal);
        foreach (var (name, _, features) in parsed)
        {
            foreach (var (code, geometry) in features)
            {
                if (index.ContainsKey(code))
                    continue;
                using var g = JsonDocument.Parse(geometry);
                var (shape, error) = ShapeGeometry.Parse(g.RootElement);
                if (shape is null)
                    throw new InvalidOperationException($"Shipped shape {code} in {name} is invalid: {error}");
                index[code] = new Feature(code, geometry, shape, name);
            }
        }
        return index;
    }
}

/// <summary>Reading and writing the <see cref="RegionShape"/> table.</summary>
public static class RegionShapes
{
    /// <summary>
    /// Adds the shipped shape of every unit in <paramref name="codes"/> that has none yet (an uploaded shape is never
    /// replaced by a shipped one). Part of the caller's unit of work: nothing is saved here.
    /// </summary>
    public static async Task<int> AddShippedAsync(RaporDbContext db, ShippedShapes shipped, string tenantCode, IReadOnlyCollection<string> codes, DateTime now, CancellationToken ct)
    {
        var candidates = shipped.Within(tenantCode).Where(f => codes.Contains(f.Code)).ToList();
        if (candidates.Count == 0)
            return 0;
        var have = await db.RegionShapes.Where(s => s.TenantCode == tenantCode).Select(s => s.Code).ToHashSetAsync(ct);
        var added = 0;
        foreach (var f in candidates.Where(f => !have.Contains(f.Code)))
        {
            db.RegionShapes.Add(New(f.Code, f.Geometry, f.Shape, f.Source, now));
            added++;
        }
        return added;
    }

    public static RegionShape New(string code, string geometry, ShapeGeometry shape, string source, DateTime now) => new()
    {
        Code = code,
        TenantCode = RegionCode.TenantOf(code),
        Level = RegionCode.LevelOf(code) ?? RegionLevel.Kelurahan,
        Geometry = geometry,
        MinLng = shape.MinLng, MinLat = shape.MinLat, MaxLng = shape.MaxLng, MaxLat = shape.MaxLat,
        Source = source,
        UpdatedAt = now,
    };

    public static Task<bool> AnyAsync(RaporDbContext db, string tenantCode, RegionLevel level, CancellationToken ct) =>
        db.RegionShapes.AnyAsync(s => s.TenantCode == tenantCode && s.Level == level, ct);

    /// <summary>
    /// A GeoJSON FeatureCollection of the active units at <paramref name="level"/> under <paramref name="parentCode"/>
    /// (a kab/kota, or a kecamatan for its villages) that have a shape; properties <c>kode</c> and <c>nama</c>.
    /// </summary>
    public static async Task<string> FeatureCollectionAsync(RaporDbContext db, string parentCode, RegionLevel level, CancellationToken ct)
    {
        var tenant = RegionCode.TenantOf(parentCode);
        var prefix = parentCode + ".";
        var rows = await (from s in db.RegionShapes
                          join r in db.Regions on s.Code equals r.Code
                          where s.TenantCode == tenant && s.Level == level && r.IsActive && (s.Code == parentCode || s.Code.StartsWith(prefix))
                          orderby s.Code
                          select new { s.Code, r.Name, s.Geometry }).AsNoTracking().ToListAsync(ct);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var row in rows)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("kode", row.Code);
                w.WriteString("nama", row.Name);
                w.WriteEndObject();
                w.WritePropertyName("geometry");
                w.WriteRawValue(row.Geometry, skipInputValidation: true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The units of a tenant at <paramref name="level"/> that have no shape, in code order.</summary>
    public static Task<List<Region>> WithoutShapeAsync(RaporDbContext db, string tenantCode, RegionLevel level, CancellationToken ct) =>
        db.Regions.AsNoTracking()
            .Where(r => r.TenantCode == tenantCode && r.Level == level && r.IsActive && !db.RegionShapes.Any(s => s.Code == r.Code))
            .OrderBy(r => r.Code).ToListAsync(ct);
}
