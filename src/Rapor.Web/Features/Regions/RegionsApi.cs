using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Regions;

/// <summary>Public, read-only region reference data (Kemendagri codes).</summary>
public static class RegionsApi
{
    /// <param name="Active">False for a unit removed from the code list while it held data (kept, no longer in use).</param>
    public sealed record RegionDto(string Code, string Name, string Level, string Type, bool Active = true);

    public static void MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").WithTags("Regions").AllowAnonymous();
        api.MapGet("/", GetTenants).WithSummary("Kabupaten/kota yang terdaftar");
        api.MapGet("/{code}", GetRegion).WithSummary("Satu wilayah menurut kode Kemendagri");
        api.MapGet("/{code}/children", GetChildren).WithSummary("Wilayah langsung di bawahnya (kecamatan atau kelurahan/desa)");
    }

    public static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.KabupatenKota => "kabupaten_kota",
        RegionLevel.Kecamatan => "kecamatan",
        _ => "kelurahan",
    };

    private static async Task<Ok<List<RegionDto>>> GetTenants(RaporDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Regions.Where(r => r.Level == RegionLevel.KabupatenKota).OrderBy(r => r.Code)
            .Select(r => new RegionDto(r.Code, r.Name, "kabupaten_kota", r.Type)).ToListAsync(ct));

    private static async Task<Results<Ok<RegionDto>, ProblemHttpResult>> GetRegion(
        string code, RaporDbContext db, CancellationToken ct)
    {
        if (!RegionCode.IsValid(code))
            return BadCode(code);
        var r = await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        return r is null ? NotFound(code) : TypedResults.Ok(new RegionDto(r.Code, r.Name, LevelName(r.Level), r.Type, r.IsActive));
    }

    private static async Task<Results<Ok<List<RegionDto>>, ProblemHttpResult>> GetChildren(
        string code, RaporDbContext db, CancellationToken ct)
    {
        if (!RegionCode.IsValid(code))
            return BadCode(code);
        if (!await db.Regions.AnyAsync(x => x.Code == code, ct))
            return NotFound(code);
        var children = await db.Regions.AsNoTracking().Where(x => x.ParentCode == code && x.IsActive).OrderBy(x => x.Code)
            .Select(x => new { x.Code, x.Name, x.Level, x.Type }).ToListAsync(ct);
        return TypedResults.Ok(children.Select(x => new RegionDto(x.Code, x.Name, LevelName(x.Level), x.Type)).ToList());
    }

    private static ProblemHttpResult BadCode(string code) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Kode wilayah tidak valid",
        detail: $"\"{code}\" bukan kode Kemendagri (NN.NN, NN.NN.NN atau NN.NN.NN.NNNN).");

    private static ProblemHttpResult NotFound(string code) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Wilayah tidak ditemukan",
        detail: $"Tidak ada wilayah dengan kode {code}.");
}
