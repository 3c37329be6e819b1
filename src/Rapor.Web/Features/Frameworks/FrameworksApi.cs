using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;

namespace Rapor.Web.Features.Frameworks;

/// <summary>Public, read-only frameworks: how a tenant scores its units in a year.</summary>
public static class FrameworksApi
{
    public sealed record IndicatorDto(string Code, string Name, string? Description, string Unit, string Type, string Direction, double Target,
        double Weight, string Frequency, string Level, bool EvidenceRequired, string Rule, string? Bands, string Source, string? ActivityKind);

    public sealed record BidangDto(int Number, string Name, double Weight, List<IndicatorDto> Indicators);

    public sealed record FrameworkDto(string TenantCode, int Year, string Name, double RollUpShare, double GreenFrom, double YellowFrom,
        bool Frozen, List<BidangDto> Bidang);

    public static void MapFrameworksApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/frameworks").WithTags("Frameworks").AllowAnonymous()
            .MapGet("/{tenantCode}/{year:int}", GetFramework)
            .WithSummary("Kerangka penilaian satu kabupaten/kota untuk satu tahun: bidang dan indikator dengan bobotnya");

    private static async Task<Results<Ok<FrameworkDto>, ProblemHttpResult>> GetFramework(string tenantCode, int year, RaporDbContext db, CancellationToken ct)
    {
        var f = await db.Frameworks.AsNoTracking().Include(x => x.Bidang).ThenInclude(b => b.Indicators).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.TenantCode == tenantCode && x.Year == year, ct);
        if (f is null)
            return TypedResults.Problem(statusCode: 404, title: "Kerangka tidak ditemukan", detail: $"Tidak ada kerangka penilaian {tenantCode} tahun {year}.");
        return TypedResults.Ok(new FrameworkDto(f.TenantCode, f.Year, f.Name, f.RollUpShare, f.GreenFrom, f.YellowFrom, f.FrozenAt is not null,
            f.Bidang.OrderBy(b => b.Number).Select(b => new BidangDto(b.Number, b.Name, b.Weight,
                b.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new IndicatorDto(i.Code, i.Name, i.Description, i.Unit,
                    i.Type.ToString(), i.Direction.ToString(), i.Target, i.Weight, i.Frequency.ToString(), i.Level.ToString(), i.EvidenceRequired,
                    i.Rule.ToString(), i.Bands, i.Source.ToString(), i.ActivityKind)).ToList())).ToList()));
    }
}
