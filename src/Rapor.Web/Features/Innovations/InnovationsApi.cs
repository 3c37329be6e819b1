using Microsoft.AspNetCore.Http.HttpResults;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Innovations;

/// <summary>Open data: verified innovations of every tenant.</summary>
public static class InnovationsApi
{
    public sealed record InnovationDto(Guid Id, string Name, string TenantCode, string UnitCode, string UnitName, string Bentuk, string Jenis,
        string Stage, string? Problem, string? Results, Guid? ReplicatedFrom, int Replications, List<string> Photos);

    public static void MapInnovationsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/public/innovations", Search).WithName("searchInnovations").WithTags("Public").AllowAnonymous()
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
        if (q is { Length: > 200 } || tenant is { Length: > 5 })
            return TypedResults.Problem(statusCode: 400, title: "Filter tidak valid", detail: "q paling panjang 200 karakter; tenant berupa kode kabupaten/kota (NN.NN).");
        var items = await GalleryModel.SearchAsync(db, q, tenant, null, null, min, ct);
        // Plain text only (PlainText): rows stored before markup was stripped on input are cleaned here too.
        return TypedResults.Ok(items.Select(x => new InnovationDto(x.Innovation.Id, PlainText.From(x.Innovation.Name)!, x.Innovation.TenantCode, x.Innovation.UnitCode, x.UnitName,
            InnovationAccess.BentukText(x.Innovation.Bentuk), InnovationAccess.JenisText(x.Innovation.Jenis), InnovationCompliance.StageText(x.Stage),
            PlainText.From(x.Innovation.Problem), PlainText.From(x.Innovation.Results), x.Innovation.ReplicatedFromId, x.Replications,
            x.Photos.Select(p => $"/files/photo/{p}").ToList())).ToList());
    }
}
