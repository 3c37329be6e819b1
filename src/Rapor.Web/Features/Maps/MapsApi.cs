using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Maps;

/// <summary>Unit boundaries as GeoJSON for the map pages; public like the rest of the region reference data.</summary>
public static class MapsApi
{
    public static void MapMapsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/regions").WithTags("Regions").AllowAnonymous()
            .MapGet("/{code}/shapes", GetShapes)
            .WithSummary("Batas wilayah (GeoJSON FeatureCollection) kecamatan atau kelurahan/desa di bawah satu kabupaten/kota atau kecamatan")
            .CacheOutput(PageCache.Policy);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetShapes(string code, string? level, RaporDbContext db, CancellationToken ct)
    {
        var parentLevel = RegionCode.LevelOf(code);
        RegionLevel? wanted = level switch
        {
            null or "" => parentLevel == RegionLevel.KabupatenKota ? RegionLevel.Kecamatan : RegionLevel.Kelurahan,
            "kecamatan" => RegionLevel.Kecamatan,
            "kelurahan" or "desa" => RegionLevel.Kelurahan,
            _ => null,
        };
        if (parentLevel is null or RegionLevel.Kelurahan || wanted is null || (parentLevel == RegionLevel.Kecamatan && wanted != RegionLevel.Kelurahan))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Permintaan tidak valid",
                detail: "Kode harus kabupaten/kota (NN.NN) atau kecamatan (NN.NN.NN); level: kecamatan atau kelurahan.");
        if (!await db.Regions.AnyAsync(r => r.Code == code, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Wilayah tidak ditemukan", detail: $"Tidak ada wilayah dengan kode {code}.");
        return TypedResults.Text(await RegionShapes.FeatureCollectionAsync(db, code, wanted.Value, ct), "application/geo+json");
    }
}
