using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Rapor.Web.Features.Provenance;

/// <summary>The boundary of a unit (kecamatan, kelurahan/desa) in WGS84 longitude/latitude, or null when none is known.</summary>
public interface IUnitBoundaries
{
    Task<Geometry?> FindAsync(string unitCode, CancellationToken ct);
}

/// <summary>
/// Boundaries from the tenant's own <see cref="RegionShape"/> rows — the shipped shapes copied at onboarding and any
/// the tenant uploaded since (issue 12) — so the place check uses exactly the map the users see. One indexed read
/// per photo with a location; no in-process cache, so an uploaded boundary counts at once on every instance.
/// </summary>
public sealed class DatabaseUnitBoundaries(RaporDbContext db) : IUnitBoundaries
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    public async Task<Geometry?> FindAsync(string unitCode, CancellationToken ct)
    {
        var geometry = await db.RegionShapes.AsNoTracking().Where(s => s.Code == unitCode).Select(s => s.Geometry).FirstOrDefaultAsync(ct);
        return geometry is null ? null : JsonSerializer.Deserialize<Geometry>(geometry, Json) is { IsEmpty: false } g ? g : null;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
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
