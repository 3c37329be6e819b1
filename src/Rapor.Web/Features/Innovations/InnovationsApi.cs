using Microsoft.AspNetCore.Http.HttpResults;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Innovations;

/// <summary>Open data: verified innovations of every tenant.</summary>
public static class InnovationsApi
{
    public sealed record InnovationDto(Guid Id, string Name, string TenantCode, string UnitCode, string UnitName, string Bentuk, string Jenis,
        string Stage, string? Problem, string? Results, Guid? ReplicatedFrom, int Replications, List<string> Photos);

    public static void MapInnovationsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/public/innovations", Search).WithTags("Public").AllowAnonymous()
            .WithSummary("Inovasi terverifikasi; filter tenant (kode kab/kota), stage (Inisiatif|UjiCoba|Penerapan, minimal), q (teks)");

    private static async Task<Results<Ok<List<InnovationDto>>, ProblemHttpResult>> Search(string? tenant, string? stage, string? q, RaporDbContext db, CancellationToken ct)
    {
        InnovationStage? min = null;
        if (!string.IsNullOrEmpty(stage))
        {
            if (!Enum.TryParse<InnovationStage>(stage, ignoreCase: true, out var s))
                return TypedResults.Problem(statusCode: 400, title: "Tahap tidak valid", detail: "stage harus Inisiatif, UjiCoba atau Penerapan.");
            min = s;
        }
        var items = await GalleryModel.SearchAsync(db, q, tenant, null, null, min, ct);
        return TypedResults.Ok(items.Select(x => new InnovationDto(x.Innovation.Id, x.Innovation.Name, x.Innovation.TenantCode, x.Innovation.UnitCode, x.UnitName,
            InnovationAccess.BentukText(x.Innovation.Bentuk), InnovationAccess.JenisText(x.Innovation.Jenis), InnovationCompliance.StageText(x.Stage),
            x.Innovation.Problem, x.Innovation.Results, x.Innovation.ReplicatedFromId, x.Replications,
            x.Photos.Select(p => $"/files/photo/{p}").ToList())).ToList());
    }
}
