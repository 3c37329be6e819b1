using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.FieldCapture;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

/// <summary>The verifier's field visit sent from a phone that was offline: the visit's fields, then its photos one by one.</summary>
public static class VerificationApi
{
    public static void MapVerificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/verification/visits").WithTags("Verification").RequireAuthorization().RequireAntiforgeryToken();
        api.MapPost("/{id:guid}/sync", Sync).WithSummary("Kirim isian kunjungan verifikasi lapangan dari perangkat; 409 berisi keadaan server bila berubah sejak dibuka");
        api.MapPost("/{id:guid}/photos", Photo).DisableAntiforgery().WithSummary("Unggah satu foto kunjungan dengan id dari perangkat; kiriman ulang tidak menggandakan");
    }

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
        RaporDbContext db, FileStorage storage, FieldCaptureOptions options, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var visit = await db.FieldVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return FieldCaptureEndpoints.Problem(t["Kunjungan tidak ditemukan."], 404);
        if (!UnitScope.CanVerifyReport(http.User, visit.UnitCode))
            return FieldCaptureEndpoints.Problem(t["Akun ini tidak berwenang memverifikasi unit tersebut."], 403);
        if (visit.Status == VisitStatus.Selesai && !await db.Evidence.AnyAsync(e => e.Id == photoId, ct))
            return FieldCaptureEndpoints.Problem(t["Kunjungan ini sudah selesai di server."], 409);
        var user = http.User.Identity!.Name!;
        return await FieldCaptureEndpoints.StorePhotoAsync(db, storage, options, t, file, photoId, e => e.FieldVisitId == id,
            (stored, name) => new Evidence
            {
                Id = photoId, UnitCode = visit.UnitCode, FieldVisitId = id, FileName = name, ContentType = stored.ContentType, Size = stored.Size,
                Sha256 = stored.Sha256, UploadedBy = user, UploadedAt = clock.GetUtcNow().UtcDateTime,
            }, ct);
    }
}
