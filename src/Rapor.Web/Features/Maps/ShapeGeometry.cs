using System.Text.Json;

namespace Rapor.Web.Features.Maps;

/// <summary>
/// A GeoJSON Polygon or MultiPolygon read into rings of [lng, lat] points: checked (closed rings of at least four
/// points, coordinates on Earth), measured (bounding box) and queried (point in polygon, holes respected). Used for
/// shipped files, uploads and — by other features — to place a GPS point in its kelurahan or kecamatan.
/// </summary>
public sealed class ShapeGeometry
{
    public const int MaxPoints = 200_000;

    /// <summary>Polygons, each an outer ring followed by its holes; a ring is (lng, lat) pairs.</summary>
    public IReadOnlyList<IReadOnlyList<(double Lng, double Lat)[]>> Polygons { get; }
    public double MinLng { get; }
    public double MinLat { get; }
    public double MaxLng { get; }
    public double MaxLat { get; }
    public int PointCount { get; }

    private ShapeGeometry(List<IReadOnlyList<(double, double)[]>> polygons)
    {
        Polygons = polygons;
        var all = polygons.SelectMany(p => p).SelectMany(r => r).ToList();
        MinLng = all.Min(p => p.Item1);
        MaxLng = all.Max(p => p.Item1);
        MinLat = all.Min(p => p.Item2);
        MaxLat = all.Max(p => p.Item2);
        PointCount = all.Count;
    }

    /// <summary>Reads a geometry object; the error is Indonesian text for the uploader.</summary>
    public static (ShapeGeometry? Shape, string? Error) Parse(JsonElement geometry)
    {
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            return (null, "geometri tidak ada atau tanpa \"type\".");
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            return (null, "geometri tanpa \"coordinates\".");
        var polygons = new List<IReadOnlyList<(double, double)[]>>();
        var points = 0;
        string? error = null;
        switch (type.GetString())
        {
            case "Polygon":
                error = ReadPolygon(coordinates, polygons, ref points);
                break;
            case "MultiPolygon":
                foreach (var polygon in coordinates.EnumerateArray())
                {
                    error = ReadPolygon(polygon, polygons, ref points);
                    if (error is not null)
                        break;
                }
                break;
            default:
                return (null, $"jenis geometri \"{type.GetString()}\" tidak didukung; harus Polygon atau MultiPolygon.");
        }
        if (error is null && polygons.Count == 0)
            error = "geometri kosong.";
        return error is null ? (new ShapeGeometry(polygons), null) : (null, error);
    }

    private static string? ReadPolygon(JsonElement polygon, List<IReadOnlyList<(double, double)[]>> into, ref int points)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
            return "poligon tanpa cincin (ring).";
        var rings = new List<(double, double)[]>();
        foreach (var ring in polygon.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
                return "cincin poligon harus berisi minimal 4 titik.";
            var list = new (double, double)[ring.GetArrayLength()];
            var i = 0;
            foreach (var p in ring.EnumerateArray())
            {
                if (++points > MaxPoints)
                    return $"lebih dari {MaxPoints} titik; sederhanakan batas wilayah dulu.";
                if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2 || !p[0].TryGetDouble(out var lng) || !p[1].TryGetDouble(out var lat))
                    return "titik harus berupa [bujur, lintang].";
                if (lng is < -180 or > 180 || lat is < -90 or > 90 || double.IsNaN(lng) || double.IsNaN(lat))
                    return $"titik [{lng.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}] di luar rentang bujur/lintang (WGS84, urutan [bujur, lintang]).";
                list[i++] = (lng, lat);
            }
            if (list[0] != list[^1])
                return "cincin poligon tidak tertutup (titik pertama harus sama dengan titik terakhir).";
            rings.Add(list);
        }
        into.Add(rings);
        return null;
    }

    /// <summary>True when the point lies inside an outer ring and outside that polygon's holes (even-odd rule).</summary>
    public bool Contains(double lng, double lat)
    {
        if (lng < MinLng || lng > MaxLng || lat < MinLat || lat > MaxLat)
            return false;
        foreach (var polygon in Polygons)
        {
            if (!InRing(polygon[0], lng, lat))
                continue;
            var inHole = false;
            for (var h = 1; h < polygon.Count && !inHole; h++)
                inHole = InRing(polygon[h], lng, lat);
            if (!inHole)
                return true;
        }
        return false;
    }

    private static bool InRing((double Lng, double Lat)[] ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
                inside = !inside;
        }
        return inside;
    }
}
