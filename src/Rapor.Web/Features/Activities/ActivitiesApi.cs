using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Domain;
using Rapor.Web.Features.FieldCapture;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Activities;

/// <summary>
/// A Kegiatan recorded on a phone that may have been offline: created under the id the phone gave it (sent twice, stored
/// once), then its photos one by one. Same rules as the form (<see cref="CreateModel"/>).
/// </summary>
public static class ActivitiesApi
{
    public static void MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/activities").WithTags("Activities").RequireAuthorization().RequireAntiforgeryToken();
        api.MapPost("/{id:guid}", Record).WithSummary("Catat kegiatan lapangan dengan id dari perangkat (isian: Input.Kind, Input.Date, Input.Place, …); kiriman ulang tidak menggandakan");
        api.MapPost("/{id:guid}/photos", Photo).DisableAntiforgery().WithSummary("Unggah satu foto kegiatan (JPG/PNG) dengan id dari perangkat");
    }

    private static async Task<Results<Ok<SyncState>, ProblemHttpResult>> Record(Guid id, SyncRequest request, HttpContext http, RaporDbContext db, TimeProvider clock,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var unit = http.User.UnitCode();
        var user = http.User.Identity!.Name!;
        if (!UnitScope.CanFillReport(http.User, unit))
            return FieldCaptureEndpoints.Problem(t["Hanya akun unit sendiri yang mencatat kegiatannya."], 403);
        if (id == Guid.Empty)
            return FieldCaptureEndpoints.Problem(t["Kegiatan tanpa id dari perangkat."]);
        if (await db.FieldActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } existing)
            return existing.CreatedBy == user ? TypedResults.Ok(StateOf(existing)) : FieldCaptureEndpoints.Problem(t["Id kegiatan sudah dipakai."]);
        var f = FormFields.From(request.Fields);
        var errors = new List<string>();
        var input = new CreateModel.Command
        {
            Kind = f["Input.Kind"] ?? "",
            Place = f["Input.Place"] ?? "",
            Description = f["Input.Description"],
        };
        if (f["Input.Date"] is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                input.Date = d;
            else
                errors.Add(t["Tanggal tidak valid."]);
        }
        input.Latitude = Number(f["Input.Latitude"], "Lintang", errors, t);
        input.Longitude = Number(f["Input.Longitude"], "Bujur", errors, t);
        if (f["Input.Participants"] is { } p)
        {
            if (int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                input.Participants = n;
            else
                errors.Add(t["Jumlah peserta bukan bilangan bulat."]);
        }
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        errors.AddRange(results.Select(r => t[r.ErrorMessage ?? ""].Value));
        var kinds = await IndexModel.KindsAsync(db, RegionCode.TenantOf(unit), ct);
        CreateModel.CheckRules(input, kinds, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), (_, message) => errors.Add(t[message]));
        if (errors.Count > 0)
            return FieldCaptureEndpoints.Problem(string.Join(" ", errors), 400, t["Kegiatan belum dapat disimpan"], errors);
        var activity = CreateModel.NewActivity(input, id, unit, user, clock.GetUtcNow().UtcDateTime);
        db.FieldActivities.Add(activity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same kegiatan sent twice at once: the other request stored it.
            db.ChangeTracker.Clear();
            if (await db.FieldActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.CreatedBy == user, ct) is { } stored)
                return TypedResults.Ok(StateOf(stored));
            throw;
        }
        return TypedResults.Ok(StateOf(activity));
    }

    private static async Task<Results<Ok<PhotoResult>, ProblemHttpResult>> Photo(Guid id, [FromForm] Guid photoId, IFormFile? file, HttpContext http,
        RaporDbContext db, FileStorage storage, FieldCaptureOptions options, EvidenceIntake intake, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var user = http.User.Identity!.Name!;
        var activity = await db.FieldActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
            return FieldCaptureEndpoints.Problem(t["Kegiatan tidak ditemukan."], 404);
        if (activity.CreatedBy != user || !UnitScope.CanFillReport(http.User, activity.UnitCode))
            return FieldCaptureEndpoints.Problem(t["Hanya pencatat kegiatan ini yang dapat menambah fotonya."], 403);
        if (!await db.Evidence.AnyAsync(e => e.Id == photoId, ct) && await db.Evidence.CountAsync(e => e.FieldActivityId == id, ct) >= CreateModel.MaxPhotos)
            return FieldCaptureEndpoints.Problem(t["Paling banyak {0} foto per kegiatan.", CreateModel.MaxPhotos]);
        return await FieldCaptureEndpoints.StorePhotoAsync(db, storage, options, t, intake, EvidenceContext.ForActivity(activity.UnitCode, activity.Date), file, photoId, e => e.FieldActivityId == id,
            (stored, name) => new Evidence
            {
                Id = photoId, UnitCode = activity.UnitCode, FieldActivityId = id, FileName = name, ContentType = stored.ContentType, Size = stored.Size,
                Sha256 = stored.Sha256, UploadedBy = user, UploadedAt = clock.GetUtcNow().UtcDateTime,
            }, ct);
    }

    private static double? Number(string? raw, string label, List<string> errors, IStringLocalizer<SharedResource> t)
    {
        if (raw is null)
            return null;
        if (FlexibleNumber.TryParse(raw, out var v))
            return v;
        errors.Add(t["{0} bukan angka.", t[label]]);
        return null;
    }

    private static SyncState StateOf(FieldActivity a) => new(0, new Dictionary<string, string?>
        {
            ["Input.Kind"] = a.Kind, ["Input.Date"] = a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Place"] = a.Place,
        }, a.CreatedBy, a.CreatedAt, "Tersimpan", $"/Activities?month={a.Date:yyyy-MM}");
}
