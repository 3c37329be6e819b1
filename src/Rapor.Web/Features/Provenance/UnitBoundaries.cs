using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Rapor.Web.Features.Provenance;

/// <summary>The boundary of a unit (kecamatan, kelurahan/desa) in WGS84 longitude/latitude, or null when none is known.</summary>
public interface IUnitBoundaries
{
    Geometry? Find(string unitCode);
}

/// <summary>
/// Boundaries from the GeoJSON files shipped under wwwroot/geo (every <c>*.geojson</c> whose features carry a
/// <c>kode</c> property). One small interface so the lead can point the place check at the per-tenant shapes in the
/// database once they land (issue 12) without touching the check.
/// </summary>
public sealed class GeoJsonUnitBoundaries(IWebHostEnvironment env) : IUnitBoundaries
{
    private readonly Lazy<Dictionary<string, Geometry>> _shapes = new(() => Load(Path.Combine(env.WebRootPath, "geo")));

    public Geometry? Find(string unitCode) => _shapes.Value.GetValueOrDefault(unitCode);

    private static Dictionary<string, Geometry> Load(string folder)
    {
        var shapes = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(folder))
            return shapes;
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.geojson"))
        {
            using var stream = File.OpenRead(file);
            var features = JsonSerializer.Deserialize<FeatureCollection>(stream, options);
            foreach (var f in features ?? [])
            {
                if (f.Attributes?.GetOptionalValue("kode") is string code && f.Geometry is { IsEmpty: false } g)
                    shapes[code] = g;
            }
        }
        return shapes;
    }
}

/// <summary>Distance in metres from a point to a boundary (0 inside), on a local flat projection — exact enough at kelurahan scale.</summary>
public static class Boundary
{
    private const double MetresPerDegreeLat = 110_574;
    private const double MetresPerDegreeLonAtEquator = 111_320;

    public static double DistanceMetres(Geometry shape, double latitude, double longitude)
    {
        var factory = shape.Factory;
        var point = factory.CreatePoint(new Coordinate(longitude, latitude));
        if (shape.Covers(point))
            return 0;
        // Project around the photo's point: x = Δlon·cos(lat), y = Δlat, in metres; distortion is negligible over a few km.
        var kx = MetresPerDegreeLonAtEquator * Math.Cos(latitude * Math.PI / 180);
        var projected = shape.Copy();
        projected.Apply(new Project(longitude, latitude, kx));
        projected.GeometryChanged();
        return projected.Distance(factory.CreatePoint(new Coordinate(0, 0)));
    }

    private sealed class Project(double lon0, double lat0, double kx) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, (seq.GetX(i) - lon0) * kx);
            seq.SetY(i, (seq.GetY(i) - lat0) * MetresPerDegreeLat);
        }
    }
}
