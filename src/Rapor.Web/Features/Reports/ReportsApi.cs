using Microsoft.AspNetCore.Http.HttpResults;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Reports;

/// <summary>
/// Authenticated report endpoints (same cookie as the web UI): read a unit's report, save values (all or none), submit.
/// JSON bodies cannot be sent cross-site without a CORS preflight, which this app never grants.
/// </summary>
public static class ReportsApi
{
    public sealed record ValueDto(string Code, string Name, string Unit, double Target, double Weight, bool EvidenceRequired, bool Typed,
        double? Value, string? Note, double? VerifiedValue, int EvidenceCount, int Version);

    public sealed record ReportDto(string UnitCode, string UnitName, string Period, string Status, string Deadline, bool Editable, List<ValueDto> Values);

    public sealed record ValueInput(string Code, string? Value, string? Note, int? Version);

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization();
        api.MapGet("/{unitCode}/{period}", Get).WithSummary("Laporan satu unit untuk satu periode (2025-06 atau 2025)");
        api.MapPut("/{unitCode}/{period}/values", PutValues).WithSummary("Simpan nilai indikator sebagai draf; semua atau tidak sama sekali");
        api.MapPost("/{unitCode}/{period}/submit", Submit).WithSummary("Ajukan laporan; 400 berisi daftar kekurangan");
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Get(string unitCode, string period, HttpContext http, ReportWorkflow wf, CancellationToken ct)
    {
        var c = await wf.LoadAsync(unitCode, period, ct);
        if (c is null)
            return NotFound(unitCode, period);
        if (!UnitScope.CanView(http.User, unitCode))
            return Forbidden();
        return TypedResults.Ok(ToDto(c, wf));
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> PutValues(string unitCode, string period, List<ValueInput> values,
        HttpContext http, ReportWorkflow wf, CancellationToken ct)
    {
        var c = await wf.LoadAsync(unitCode, period, ct);
        if (c is null)
            return NotFound(unitCode, period);
        if (!UnitScope.CanFillReport(http.User, unitCode))
            return Forbidden();
        var errors = await wf.SaveManyAsync(c, values.Select((v, n) => new ReportWorkflow.Entry(v.Code ?? "", v.Value, v.Note, v.Version, $"Butir {n + 1}")).ToList(), ct);
        if (errors.Count > 0)
            return Invalid("Nilai tidak disimpan", errors, errors.Any(e => e.Contains(ReportWorkflow.ConflictMessage, StringComparison.Ordinal)) ? 409 : 400);
        return TypedResults.Ok(ToDto(c, wf));
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Submit(string unitCode, string period, HttpContext http, ReportWorkflow wf, CancellationToken ct)
    {
        var c = await wf.LoadAsync(unitCode, period, ct);
        if (c is null)
            return NotFound(unitCode, period);
        if (!UnitScope.CanFillReport(http.User, unitCode))
            return Forbidden();
        var problems = await wf.SubmitAsync(c, ct);
        return problems.Count > 0 ? Invalid("Laporan belum dapat diajukan", problems, 400) : TypedResults.Ok(ToDto(c, wf));
    }

    private static ReportDto ToDto(ReportWorkflow.Context c, ReportWorkflow wf) => new(
        c.Unit.Code, c.Unit.Name, c.Period.Key, StatusBadge.Text(c.Status), c.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        wf.EditBlockReason(c) is null,
        c.Indicators.Select(i => new ValueDto(i.Code, i.Name, i.Unit, i.Target, i.Weight, i.EvidenceRequired, c.IsTyped(i),
            c.ValueOf(i.Id)?.Value, c.ValueOf(i.Id)?.Note, c.ValueOf(i.Id)?.VerifiedValue, c.EvidenceOf(i.Id).Count, c.ValueOf(i.Id)?.Version ?? 0)).ToList());

    private static ProblemHttpResult NotFound(string unit, string period) =>
        TypedResults.Problem(statusCode: 404, title: "Laporan tidak ditemukan", detail: $"Tidak ada unit {unit} atau periode {period} (format 2025-06 atau 2025).");

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: 403, title: "Akses ditolak", detail: "Akun ini tidak berwenang atas laporan unit tersebut.");

    private static ProblemHttpResult Invalid(string title, List<string> errors, int status) =>
        TypedResults.Problem(statusCode: status, title: title, detail: string.Join(" ", errors),
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
