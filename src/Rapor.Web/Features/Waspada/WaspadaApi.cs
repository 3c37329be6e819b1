using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Domain;
using Rapor.Web.Features.FieldCapture;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// WASPADA endpoints (same cookie as the web UI; changes need the antiforgery header): a visit's state, the offline
/// sync of a visit and its photos, findings of a unit, follow-up and review, a tenant's IDM.
/// </summary>
public static class WaspadaApi
{
    public sealed record FindingDto(Guid Id, string DesaCode, string DesaName, string ItemCode, string ItemText, string Section, string Severity,
        string Recommendation, string DueOn, string Status, bool Overdue, string? FollowUp, int Version);

    public sealed record ReviewRequest(string Decision, string? Note, string? NewDue, int? Version);

    public sealed record IdmDto(string DesaCode, string DesaName, int Year, double Iks, double Ike, double Ikl, double Idm, string Status, string SheetStatus, bool StatusMismatch, bool IdmMismatch);

    public static void AddWaspada(this IServiceCollection services)
    {
        services.AddScoped<SupervisionService>();
        services.AddScoped<FindingService>();
    }

    public static void MapWaspadaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/waspada").WithTags("WASPADA").RequireAuthorization().RequireAntiforgeryToken();
        api.MapGet("/visits/{id:guid}", GetVisit).WithSummary("Keadaan kunjungan pengawasan (nama isian seperti di formulir)");
        api.MapPost("/visits/{id:guid}/sync", SyncVisit)
            .WithSummary("Kirim isian kunjungan dari perangkat (luring); 409 berisi keadaan server bila kunjungan berubah sejak dibuka");
        api.MapPost("/visits/{id:guid}/photos", VisitPhoto).DisableAntiforgery()
            .WithSummary("Unggah satu foto kunjungan dengan id dari perangkat (JPG/PNG, dikecilkan di perangkat); kiriman ulang tidak menggandakan");
        api.MapGet("/findings", Findings).WithSummary("Temuan satu unit: kabupaten, kecamatan atau desa");
        api.MapPost("/findings/{id:guid}/follow-up", FollowUp).DisableAntiforgery().WithSummary("Tindak lanjut desa (multipart: text, version, files)");
        api.MapPost("/findings/{id:guid}/review", Review).WithSummary("Pemeriksaan kecamatan: decision accept atau return");
        api.MapGet("/idm/{tenant}/{year:int}", Idm).WithSummary("IDM desa satu kabupaten untuk satu tahun; status=Maju dst. menyaring");
    }

    private static async Task<Results<Ok<SyncState>, ProblemHttpResult>> GetVisit(Guid id, HttpContext http, SupervisionService svc, CancellationToken ct)
    {
        var visit = await svc.LoadVisitAsync(id, ct);
        if (visit is null)
            return FieldCaptureEndpoints.Problem("Kunjungan tidak ditemukan.", 404);
        if (!UnitScope.CanViewSupervision(http.User, visit.DesaCode))
            return FieldCaptureEndpoints.Problem("Akun ini tidak berwenang atas desa tersebut.", 403);
        return TypedResults.Ok(SupervisionService.StateOf(visit));
    }

    private static async Task<Results<Ok<SyncState>, ProblemHttpResult>> SyncVisit(Guid id, SyncRequest request, HttpContext http, SupervisionService svc,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var visit = await svc.LoadVisitAsync(id, ct);
        if (visit is null)
            return FieldCaptureEndpoints.Problem(t["Kunjungan tidak ditemukan."], 404);
        if (!UnitScope.CanSupervise(http.User, visit.DesaCode))
            return FieldCaptureEndpoints.Problem(t["Akun ini tidak berwenang mengawasi desa tersebut."], 403);
        var outcome = await svc.SubmitAsync(visit, await svc.TemplateAsync(visit.TemplateId, ct), request.SubmissionId, request.BaseVersion, request.Complete,
            FormFields.From(request.Fields), ct);
        if (outcome.Conflict)
            return FieldCaptureEndpoints.Problem(outcome.Errors[0], 409, t["Kunjungan berubah di server"], current: outcome.State);
        if (outcome.Errors.Count > 0)
            return FieldCaptureEndpoints.Problem(string.Join(" ", outcome.Errors), 400, t["Isian kunjungan belum dapat disimpan"], outcome.Errors);
        return TypedResults.Ok(outcome.State!);
    }

    private static async Task<Results<Ok<PhotoResult>, ProblemHttpResult>> VisitPhoto(Guid id, [FromForm] Guid photoId, [FromForm] string? field, IFormFile? file,
        HttpContext http, RaporDbContext db, FileStorage storage, FieldCaptureOptions options, EvidenceIntake intake, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var visit = await db.SupervisionVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return FieldCaptureEndpoints.Problem(t["Kunjungan tidak ditemukan."], 404);
        if (!UnitScope.CanSupervise(http.User, visit.DesaCode))
            return FieldCaptureEndpoints.Problem(t["Akun ini tidak berwenang mengawasi desa tersebut."], 403);
        Guid? itemId = Guid.TryParse(field, out var item) ? item : null;
        if (itemId is { } i && !await db.ChecklistItems.AnyAsync(x => x.Id == i && x.TemplateId == visit.TemplateId, ct))
            return FieldCaptureEndpoints.Problem(t["Foto untuk butir yang tidak ada di daftar periksa kunjungan ini."]);
        // A photo already stored (a retry) is fine after completion; a new one only while the visit is open.
        var known = await db.Evidence.AnyAsync(e => e.Id == photoId, ct);
        if (!known && !visit.IsOpen)
            return FieldCaptureEndpoints.Problem(t["Kunjungan ini sudah selesai atau dibatalkan di server."], 409);
        var user = http.User.Identity!.Name!;
        // Taken on the visit (its day, else the planned one), whenever the phone got signal to send it.
        var day = visit.VisitedOn ?? visit.ScheduledOn;
        var context = new EvidenceContext(visit.DesaCode, EvidenceSource.Visit, EvidenceContext.MonthKey(day), day, day);
        return await FieldCaptureEndpoints.StorePhotoAsync(db, storage, options, t, intake, context, file, photoId,
            e => e.SupervisionVisitId == id,
            (stored, name) => new Evidence
            {
                Id = photoId, UnitCode = visit.DesaCode, SupervisionVisitId = id, ChecklistItemId = itemId, FileName = name,
                ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, UploadedBy = user, UploadedAt = clock.GetUtcNow().UtcDateTime,
            }, ct);
    }

    private static async Task<Results<Ok<List<FindingDto>>, ProblemHttpResult>> Findings(string unit, string? status, HttpContext http, RaporDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!RegionCode.IsValid(unit) || !UnitScope.CanViewSupervision(http.User, unit))
            return FieldCaptureEndpoints.Problem("Akun ini tidak berwenang atas unit tersebut.", 403);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var q = WaspadaQueries.FindingsOf(db, unit);
        if (Enum.TryParse<TemuanStatus>(status, true, out var s))
            q = q.Where(f => f.Status == s);
        var rows = await q.OrderBy(f => f.DueOn).Take(2000).ToListAsync(ct);
        var names = await WaspadaQueries.NamesAsync(db, rows.Select(r => r.DesaCode), ct);
        return TypedResults.Ok(rows.Select(f => new FindingDto(f.Id, f.DesaCode, names.GetValueOrDefault(f.DesaCode, f.DesaCode), f.ItemCode, f.ItemText, f.Section,
            f.Severity.ToString(), f.Recommendation, f.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.Status.ToString(), f.IsOverdue(today), f.FollowUp, f.Version)).ToList());
    }

    private static async Task<Results<Ok<FindingDto>, ProblemHttpResult>> FollowUp(Guid id, [FromForm] string? text, [FromForm] int? version, IFormFileCollection? files,
        HttpContext http, FindingService svc, RaporDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var f = await svc.LoadAsync(id, ct);
        if (f is null)
            return FieldCaptureEndpoints.Problem(t["Temuan tidak ditemukan."], 404);
        if (!UnitScope.CanAnswerFindings(http.User, f.DesaCode))
            return FieldCaptureEndpoints.Problem(t["Hanya akun desa ini yang dapat menindaklanjuti temuannya."], 403);
        var errors = await svc.FollowUpAsync(f, text, files?.ToList() ?? [], version, ct);
        return errors.Count > 0 ? Failed(errors, t) : TypedResults.Ok(await DtoAsync(db, f, clock, ct));
    }

    private static async Task<Results<Ok<FindingDto>, ProblemHttpResult>> Review(Guid id, ReviewRequest request, HttpContext http, FindingService svc, RaporDbContext db,
        TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var f = await svc.LoadAsync(id, ct);
        if (f is null)
            return FieldCaptureEndpoints.Problem(t["Temuan tidak ditemukan."], 404);
        if (!UnitScope.CanSupervise(http.User, f.DesaCode))
            return FieldCaptureEndpoints.Problem(t["Hanya kecamatan desa ini yang dapat memeriksa tindak lanjutnya."], 403);
        var errors = request.Decision?.ToLowerInvariant() switch
        {
            "accept" => await svc.AcceptAsync(f, request.Note, request.Version, ct),
            "return" => await svc.ReturnAsync(f, request.Note, SupervisionService.ParseDate(request.NewDue), request.Version, ct),
            _ => [t["Keputusan harus accept atau return."]],
        };
        return errors.Count > 0 ? Failed(errors, t) : TypedResults.Ok(await DtoAsync(db, f, clock, ct));
    }

    private static async Task<Results<Ok<List<IdmDto>>, ProblemHttpResult>> Idm(string tenant, int year, string? status, HttpContext http, RaporDbContext db, CancellationToken ct)
    {
        if (!UnitScope.CanView(http.User, tenant))
            return FieldCaptureEndpoints.Problem("Akun ini tidak berwenang atas kabupaten tersebut.", 403);
        var q = db.IdmScores.AsNoTracking().Where(s => s.TenantCode == tenant && s.Year == year);
        if (Enum.TryParse<IdmStatus>(status, true, out var st))
            q = q.Where(s => s.Status == st);
        var rows = await q.OrderBy(s => s.DesaCode).ToListAsync(ct);
        var names = await WaspadaQueries.NamesAsync(db, rows.Select(r => r.DesaCode), ct);
        return TypedResults.Ok(rows.Select(s => new IdmDto(s.DesaCode, names.GetValueOrDefault(s.DesaCode, s.DesaCode), s.Year, s.Iks, s.Ike, s.Ikl, s.Idm,
            s.Status.ToString(), s.SheetStatus.ToString(), s.StatusMismatch, s.IdmMismatch)).ToList());
    }

    private static ProblemHttpResult Failed(List<string> errors, IStringLocalizer<SharedResource> t) =>
        FieldCaptureEndpoints.Problem(string.Join(" ", errors), errors.Contains(t[FindingService.ConflictMessage].Value) ? 409 : 400, errors: errors);

    private static async Task<FindingDto> DtoAsync(RaporDbContext db, Temuan f, TimeProvider clock, CancellationToken ct)
    {
        var name = await db.Regions.Where(r => r.Code == f.DesaCode).Select(r => r.Name).FirstAsync(ct);
        return new FindingDto(f.Id, f.DesaCode, name, f.ItemCode, f.ItemText, f.Section, f.Severity.ToString(), f.Recommendation,
            f.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.Status.ToString(), f.IsOverdue(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)), f.FollowUp, f.Version);
    }
}
