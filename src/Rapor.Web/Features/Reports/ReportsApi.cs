using Microsoft.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Reports;

/// <summary>
/// Authenticated report endpoints (same cookie as the web UI): read a unit's report, save values (all or none), submit.
/// Every change made with the cookie carries the antiforgery header RequestVerificationToken (ApiAntiforgery).
/// </summary>
public static class ReportsApi
{
    public sealed record ValueDto(string Code, string Name, string Unit, double Target, double Weight, bool EvidenceRequired, bool Typed,
        double? Value, string? Note, double? VerifiedValue, int EvidenceCount, int Version, List<EvidenceDto> Evidence);

    /// <param name="CapturedAt">The camera's local time (EXIF), when the photo carries one. Coordinates stay internal.</param>
    public sealed record EvidenceDto(Guid Id, string FileName, string ContentType, long Size, string UploadedBy, DateTime UploadedAt,
        string? CapturedAt, bool Checked, List<FlagDto> Flags);

    /// <summary>A provenance flag: <c>kind</c> is duplicate, outside-area, date-mismatch, no-metadata or no-boundary.</summary>
    /// <param name="Unit">duplicate: the other evidence's unit code.</param>
    /// <param name="Period">duplicate: the other evidence's period ("2025-06").</param>
    /// <param name="Source">duplicate: report, activity, visit or innovation.</param>
    /// <param name="Reference">duplicate: indicator code, activity kind or innovation name.</param>
    /// <param name="HashDistance">duplicate: differing bits of the 64-bit perceptual hashes; null when the very same file (not a decodable photo) was found.</param>
    /// <param name="Meters">outside-area: distance from the unit's boundary.</param>
    /// <param name="Days">date-mismatch: days outside the period or activity date.</param>
    /// <param name="Missing">no-metadata: "time" and/or "location".</param>
    public sealed record FlagDto(string Kind, string Message, string? Unit, string? UnitName, string? Period, string? Source, string? Reference,
        string? UploadedBy, Guid? Evidence, int? HashDistance, int? Meters, string? CapturedOn, int? Days, List<string>? Missing);

    public sealed record ReportDto(string UnitCode, string UnitName, string Period, string Status, string Deadline, bool Editable, List<ValueDto> Values);

    public sealed record ValueInput(string Code, string? Value, string? Note, int? Version);

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization();
        api.MapGet("/{unitCode}/{period}", Get).WithName("getReport").WithSummary("Laporan satu unit untuk satu periode (2025-06 atau 2025)");
        api.MapPut("/{unitCode}/{period}/values", PutValues).WithName("saveReportValues").WithSummary("Simpan nilai indikator sebagai draf; semua atau tidak sama sekali")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{unitCode}/{period}/submit", Submit).WithName("submitReport").WithSummary("Ajukan laporan; 400 berisi daftar kekurangan");
        api.MapPost("/{unitCode}/{period}/evidence", PostEvidence).WithName("uploadReportEvidence").DisableAntiforgery()
            .WithSummary("Unggah bukti (multipart: indicator = kode indikator, file) dengan pemeriksaan foto yang sama seperti formulir")
            .WithDescription("Header RequestVerificationToken wajib (token antiforgery dari halaman mana pun). Jawaban: laporan dengan setiap bukti dan tandanya (flags).")
            // Documented here rather than with Accepts<T>(), whose content-type match would answer 415 before the unit check.
            .AddOpenApiOperationTransformer((op, _, _) =>
            {
                op.RequestBody = EvidenceUploadBody();
                return Task.CompletedTask;
            })
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Get(string unitCode, string period, HttpContext http, ReportWorkflow wf,
        RaporDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var c = await wf.LoadAsync(unitCode, period, ct);
        if (c is null)
            return NotFound(unitCode, period);
        if (!UnitScope.CanView(http.User, unitCode))
            return Forbidden();
        return TypedResults.Ok(await ToDtoAsync(c, wf, db, t, ct));
    }

    /// <summary>The multipart body of an evidence upload: indicator (its code) and file.</summary>
    private static OpenApiRequestBody EvidenceUploadBody() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string>(StringComparer.Ordinal) { "indicator", "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["indicator"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Kode indikator, mis. 1.01" },
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Berkas bukti (foto, PDF)" },
                    },
                },
            },
        },
    };

    private static async Task<Results<Created<ReportDto>, ProblemHttpResult>> PostEvidence(string unitCode, string period, HttpContext http,
        ReportWorkflow wf, RaporDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        // Cross-site posts are refused before this runs: ApiAntiforgery checks every cookie-authenticated API change.
        var c = await wf.LoadAsync(unitCode, period, ct);
        if (c is null)
            return NotFound(unitCode, period);
        if (!UnitScope.CanFillReport(http.User, unitCode))
            return Forbidden();
        // The body is read only after the caller proved it may fill this report: nobody else makes us parse an upload.
        if (!http.Request.HasFormContentType)
            return Invalid("Bukti tidak disimpan", ["Kirim berkas sebagai multipart/form-data dengan bagian \"indicator\" dan \"file\"."], 400);
        var form = await http.Request.ReadFormAsync(ct);
        var indicator = form["indicator"].ToString();
        var file = form.Files.GetFile("file");
        var target = c.Indicators.FirstOrDefault(i => i.Code == indicator.Trim());
        if (target is null)
            return Invalid("Bukti tidak disimpan", [$"Kode indikator \"{indicator}\" tidak ada dalam laporan ini."], 400);
        if (file is null)
            return Invalid("Bukti tidak disimpan", ["Bagian \"file\" wajib berisi berkas bukti."], 400);
        await using var stream = file.OpenReadStream();
        var (evidence, error) = await wf.AddEvidenceAsync(c, target, stream, file.FileName, file.Length, ct);
        if (evidence is null)
            return Invalid("Bukti tidak disimpan", [error!], 400);
        return TypedResults.Created($"/files/evidence/{evidence.Id}", await ToDtoAsync(c, wf, db, t, ct));
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> PutValues(string unitCode, string period, List<ValueInput?> values,
        HttpContext http, ReportWorkflow wf, RaporDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (values.Select((v, n) => (v, n)).Where(x => x.v is null).Select(x => $"Butir {x.n + 1} kosong (null).").ToList() is { Count: > 0 } empty)
            return Invalid("Nilai tidak disimpan", empty, 400);
        if (values.Count > ExcelModel.Limits.MaxRows)
            return Invalid("Nilai tidak disimpan", [$"Paling banyak {ExcelModel.Limits.MaxRows} butir sekaligus."], 400);
        var c = await wf.LoadAsync(unitCode, period, ct);
        if (c is null)
            return NotFound(unitCode, period);
        if (!UnitScope.CanFillReport(http.User, unitCode))
            return Forbidden();
        var errors = await wf.SaveManyAsync(c, values.Select((v, n) => new ReportWorkflow.Entry(v!.Code ?? "", v.Value, v.Note, v.Version, $"Butir {n + 1}")).ToList(), ct);
        if (errors.Count > 0)
            return Invalid("Nilai tidak disimpan", errors, errors.Any(e => e.Contains(ReportWorkflow.ConflictMessage, StringComparison.Ordinal)) ? 409 : 400);
        return TypedResults.Ok(await ToDtoAsync(c, wf, db, t, ct));
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Submit(string unitCode, string period, HttpContext http, ReportWorkflow wf,
        RaporDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var c = await wf.LoadAsync(unitCode, period, ct);
        if (c is null)
            return NotFound(unitCode, period);
        if (!UnitScope.CanFillReport(http.User, unitCode))
            return Forbidden();
        var problems = await wf.SubmitAsync(c, ct);
        return problems.Count > 0 ? Invalid("Laporan belum dapat diajukan", problems, 400) : TypedResults.Ok(await ToDtoAsync(c, wf, db, t, ct));
    }

    private static async Task<ReportDto> ToDtoAsync(ReportWorkflow.Context c, ReportWorkflow wf, RaporDbContext db, IStringLocalizer t, CancellationToken ct) =>
        ToDto(c, wf, await EvidenceFlags.LoadAsync(db, c.Evidence.Values.SelectMany(l => l).Select(e => e.Id), ct), t);

    private static ReportDto ToDto(ReportWorkflow.Context c, ReportWorkflow wf, EvidenceFlags flags, IStringLocalizer t) => new(
        c.Unit.Code, c.Unit.Name, c.Period.Key, StatusBadge.Text(c.Status), c.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        wf.EditBlockReason(c) is null,
        c.Indicators.Select(i => new ValueDto(i.Code, i.Name, i.Unit, i.Target, i.Weight, i.EvidenceRequired, c.IsTyped(i),
            c.ValueOf(i.Id)?.Value, c.ValueOf(i.Id)?.Note, c.ValueOf(i.Id)?.VerifiedValue, c.EvidenceOf(i.Id).Count, c.ValueOf(i.Id)?.Version ?? 0,
            c.EvidenceOf(i.Id).Select(e => ToDto(e, flags, t)).ToList())).ToList());

    private static EvidenceDto ToDto(Domain.Evidence e, EvidenceFlags flags, IStringLocalizer t) => new(
        e.Id, e.FileName, e.ContentType, e.Size, e.UploadedBy, e.UploadedAt,
        e.CapturedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), e.Checked,
        flags.Of(e.Id).Select(f => new FlagDto(f.KindCode, flags.Describe(f, t),
            f.OtherUnitCode, f.OtherUnitCode is null ? null : flags.UnitLabel(f.OtherUnitCode), f.OtherPeriod,
            f.OtherSource?.ToString().ToLowerInvariant(), f.OtherRef, f.OtherUploadedBy, f.OtherEvidenceId, f.HashDistance, f.Meters,
            f.CapturedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.Days, f.Missing?.Split(',').ToList())).ToList());

    private static ProblemHttpResult NotFound(string unit, string period) =>
        TypedResults.Problem(statusCode: 404, title: "Laporan tidak ditemukan", detail: $"Tidak ada unit {unit} atau periode {period} (format 2025-06 atau 2025).");

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: 403, title: "Akses ditolak", detail: "Akun ini tidak berwenang atas laporan unit tersebut.");

    private static ProblemHttpResult Invalid(string title, List<string> errors, int status) =>
        TypedResults.Problem(statusCode: status, title: title, detail: string.Join(" ", errors),
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
