using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Services;

/// <summary>Open data: a unit's Standar Pelayanan.</summary>
public static class ServicesApi
{
    public sealed record ServiceDto(string Code, string Name, string Kind, string QueueGroup, List<string> Requirements, List<string> Procedure,
        int SlaValue, string SlaUnit, decimal Fee, string Product, string Responsible, string LegalBasis);

    public sealed record CatalogueDto(string Unit, string UnitName, List<ServiceDto> Services);

    public static void MapServicesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/public/{tenant}/services/{unit}", Catalogue).WithTags("Public").AllowAnonymous().CacheOutput(PageCache.Policy)
            .WithSummary("Standar pelayanan (katalog layanan PATEN) satu unit");

    private static async Task<Results<Ok<CatalogueDto>, ProblemHttpResult>> Catalogue(string tenant, string unit, RaporDbContext db, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.TenantCode == tenant, ct);
        if (region is null)
            return TypedResults.Problem(statusCode: 404, title: "Unit tidak ditemukan", detail: $"Tidak ada unit {unit} di {tenant}.");
        var services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit && s.Active).OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
        return TypedResults.Ok(new CatalogueDto(unit, region.Name, services.Select(s => new ServiceDto(s.Code, s.Name, s.Kind.ToString(), s.QueueGroup,
            Lines(s.Requirements), Lines(s.Procedure), s.SlaValue, s.SlaUnit.ToString(), s.Fee, s.Product, s.Responsible, s.LegalBasis)).ToList()));
    }

    internal static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
