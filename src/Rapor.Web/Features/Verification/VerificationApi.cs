using Microsoft.AspNetCore.Http.HttpResults;
using Rapor.Web.Domain;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

/// <summary>Desk verification through the API: the same rules and conflict check as the verification page.</summary>
public static class VerificationApi
{
    public sealed record DecisionInput(string? Indicator, string? Decision, string? Value, string? Note, int? Version);

    public sealed record DecisionDto(string Indicator, double? Claimed, double? Verified, string Verification, string? Note, string? DecidedBy, int Version);

    public static void MapVerificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/verification").WithTags("Verification").RequireAuthorization();
        api.MapPost("/{unitCode}/{period}/decisions", Decide)
            .WithName("decideIndicator")
            .WithSummary("Putuskan satu indikator: Terima, Koreksi (value + note) atau Tolak (note); version = versi nilai yang dilihat")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> Decide(string unitCode, string period, DecisionInput input,
        HttpContext http, ReportWorkflow wf, VerificationService verification, CancellationToken ct)
    {
        var c = await wf.LoadAsync(unitCode, period, ct);
        if (c is null)
            return TypedResults.Problem(statusCode: 404, title: "Laporan tidak ditemukan", detail: $"Tidak ada unit {unitCode} atau periode {period}.");
        if (!UnitScope.CanVerifyReport(http.User, unitCode))
            return TypedResults.Problem(statusCode: 403, title: "Akses ditolak", detail: "Hanya verifikator kabupaten/kota unit ini yang dapat memutuskan.");
        var indicator = c.Indicators.FirstOrDefault(i => i.Code == input.Indicator?.Trim());
        if (indicator is null)
            return Invalid($"Kode indikator \"{input.Indicator}\" tidak ada dalam laporan ini.");
        if (!Enum.TryParse<Decision>(input.Decision, ignoreCase: true, out var decision) || !Enum.IsDefined(decision) || int.TryParse(input.Decision, out _))
            return Invalid("decision harus Terima, Koreksi atau Tolak.");
        if (input.Version is null)
            return Invalid("version wajib diisi: versi nilai yang Anda lihat (dari GET /api/reports/…).");
        try
        {
            await verification.DecideAsync(c, indicator.Id, decision, input.Value, input.Note, input.Version, ct);
        }
        catch (DecisionConflictException e)
        {
            return TypedResults.Problem(statusCode: 409, title: "Keputusan bertabrakan",
                detail: string.Format(CultureInfo.InvariantCulture, ConflictFormat, e.Args),
                extensions: new Dictionary<string, object?> { ["current"] = ToDto(indicator, e.Current) });
        }
        catch (DomainException e)
        {
            return Invalid(e.Message);
        }
        return TypedResults.Ok(ToDto(indicator, c.ValueOf(indicator.Id)!));
    }

    private static DecisionDto ToDto(Indicator i, ReportValue v) =>
        new(i.Code, v.Value, v.VerifiedValue, v.Verification.ToString(), v.VerificationNote, v.VerifiedBy, v.Version);

    private static readonly System.Text.CompositeFormat ConflictFormat = System.Text.CompositeFormat.Parse(DecisionConflictException.Template);

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(statusCode: 400, title: "Keputusan tidak disimpan", detail: detail);
}
