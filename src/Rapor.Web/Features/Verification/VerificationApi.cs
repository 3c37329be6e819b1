using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Domain;
using Rapor.Web.Features.FieldCapture;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

/// <summary>
/// Verification through the API: desk decisions with the same rules and conflict check as the verification page, and
/// the verifier's field visit sent from a phone that was offline (the visit's fields, then its photos one by one).
/// </summary>
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
        var visits = api.MapGroup("/visits").RequireAntiforgeryToken();
        visits.MapPost("/{id:guid}/sync", Sync).WithName("syncFieldVisit")
            .WithSummary("Kirim isian kunjungan verifikasi lapangan dari perangkat; 409 berisi keadaan server bila berubah sejak dibuka");
        visits.MapPost("/{id:guid}/photos", Photo).WithName("uploadFieldVisitPhoto").DisableAntiforgery()
            .WithSummary("Unggah satu foto kunjungan dengan id dari perangkat; kiriman ulang tidak menggandakan");
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

    private static async Task<Results<Ok<SyncState>, ProblemHttpResult>> Sync(Guid id, SyncRequest request, HttpContext http, RaporDbContext db, ReportWorkflow workflow,
        FieldVisitWork work, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var visit = await db.FieldVisits.Include(v => v.Findings).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return FieldCaptureEndpoints.Problem(t["Kunjungan tidak ditemukan."], 404);
        if (!UnitScope.CanVerifyReport(http.User, visit.UnitCode))
            return FieldCaptureEndpoints.Problem(t["Akun ini tidak berwenang memverifikasi unit tersebut."], 403);
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == visit.PeriodId, ct);
        var c = (await workflow.LoadAsync(visit.UnitCode, period.Key, ct))!;
        var outcome = await work.SaveAsync(visit, c, FormFields.From(request.Fields), request.Complete, request.SubmissionId, request.BaseVersion, ct);
        if (outcome.Conflict)
            return FieldCaptureEndpoints.Problem(t[outcome.Error!], 409, t["Kunjungan berubah di server"], current: outcome.State);
        if (outcome.Error is not null)
            return FieldCaptureEndpoints.Problem(t[outcome.Error], 400, t["Isian kunjungan belum dapat disimpan"], [t[outcome.Error]]);
        return TypedResults.Ok(outcome.State!);
    }

    private static async Task<Results<Ok<PhotoResult>, ProblemHttpResult>> Photo(Guid id, [FromForm] Guid photoId, IFormFile? file, HttpContext http,
        RaporDbContext db, FileStorage storage, FieldCaptureOptions options, EvidenceIntake intake, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var visit = await db.FieldVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return FieldCaptureEndpoints.Problem(t["Kunjungan tidak ditemukan."], 404);
        if (!UnitScope.CanVerifyReport(http.User, visit.UnitCode))
            return FieldCaptureEndpoints.Problem(t["Akun ini tidak berwenang memverifikasi unit tersebut."], 403);
        if (visit.Status == VisitStatus.Selesai && !await db.Evidence.AnyAsync(e => e.Id == photoId, ct))
            return FieldCaptureEndpoints.Problem(t["Kunjungan ini sudah selesai di server."], 409);
        var user = http.User.Identity!.Name!;
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == visit.PeriodId, ct);
        var context = EvidenceContext.ForVisit(visit.UnitCode, period.Key, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        return await FieldCaptureEndpoints.StorePhotoAsync(db, storage, options, t, intake, context, file, photoId, e => e.FieldVisitId == id,
            (stored, name) => new Evidence
            {
                Id = photoId, UnitCode = visit.UnitCode, FieldVisitId = id, FileName = name, ContentType = stored.ContentType, Size = stored.Size,
                Sha256 = stored.Sha256, UploadedBy = user, UploadedAt = clock.GetUtcNow().UtcDateTime,
            }, ct);
    }
}
