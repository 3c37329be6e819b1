using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.FieldCapture;

/// <summary>Field capture settings (section "FieldCapture"): how the phone downscales photos and what the server accepts.</summary>
public sealed class FieldCaptureOptions
{
    /// <summary>Longest side of a photo after the phone downscales it.</summary>
    public int PhotoMaxSide { get; set; } = 1600;

    /// <summary>Largest photo the phone aims for and the server accepts from an offline form.</summary>
    public int PhotoMaxBytes { get; set; } = 500 * 1024;
}

/// <summary>
/// What every offline form sends when the network is back (wwwroot/js/offline.js): the form's fields by name, the
/// version of the record the officer started from, and an id of this submission so a retry is recognised.
/// </summary>
public sealed record SyncRequest(Guid SubmissionId, int? BaseVersion, bool Complete, Dictionary<string, string?>? Fields);

/// <summary>The record as the server now holds it, in the form's own field names, so the phone can show both versions.</summary>
public sealed record SyncState(int Version, Dictionary<string, string?> Fields, string? UpdatedBy, DateTime? UpdatedAt, string? Status, string? Url);

public sealed record PhotoResult(Guid Id, string FileName, long Size);

/// <summary>Form fields read the same way from a posted form and from an offline submission.</summary>
public sealed class FormFields(IReadOnlyDictionary<string, string?> values)
{
    public static FormFields From(IFormCollection form) =>
        new(form.Keys.ToDictionary(k => k, k => (string?)form[k].ToString(), StringComparer.Ordinal));

    public static FormFields From(Dictionary<string, string?>? fields) => new(fields ?? []);

    public string? this[string name] => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public bool Has(string name) => this[name] is not null;
}

public static class FieldCaptureEndpoints
{
    public static void AddFieldCapture(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton(config.GetSection("FieldCapture").Get<FieldCaptureOptions>() ?? new FieldCaptureOptions());

    /// <summary>
    /// A fresh antiforgery token: a page kept on the phone carries the token of the day it was opened, which no longer
    /// matches after the browser was closed; the queue asks for a new one before it sends.
    /// </summary>
    public static void MapFieldCapture(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/field-capture/token", (HttpContext http, IAntiforgery antiforgery) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(new { token = antiforgery.GetAndStoreTokens(http).RequestToken });
            })
            .RequireAuthorization().WithTags("Field capture").WithSummary("Token antiforgery baru untuk antrean kirim luring");

    /// <summary>
    /// Stores one photo of an offline form under the id the phone gave it (a retry stores nothing new), after checking
    /// it is a JPG/PNG by content and within the size limit; <paramref name="create"/> attaches it to its record.
    /// </summary>
    public static async Task<Results<Ok<PhotoResult>, ProblemHttpResult>> StorePhotoAsync(
        RaporDbContext db, FileStorage storage, FieldCaptureOptions options, IStringLocalizer<SharedResource> t, EvidenceIntake intake, EvidenceContext context,
        IFormFile? file, Guid id, Func<Evidence, bool> belongsHere, Func<FileStorage.Stored, string, Evidence> create, CancellationToken ct)
    {
        if (id == Guid.Empty)
            return Problem(t["Foto tanpa id dari perangkat."]);
        if (await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } existing)
            return belongsHere(existing) ? TypedResults.Ok(new PhotoResult(existing.Id, existing.FileName, existing.Size)) : Problem(t["Id foto sudah dipakai berkas lain."]);
        var name = FileStorage.SafeDisplayName(file?.FileName, "");
        if (file is null || file.Length == 0)
            return Problem(t["{0}: berkas foto kosong.", name]);
        if (file.Length > options.PhotoMaxBytes)
            return Problem(t["{0}: foto {1} KB melebihi batas {2} KB. Perkecil foto lalu kirim lagi.", name, (file.Length + 1023) / 1024, options.PhotoMaxBytes / 1024]);
        using var buffer = new MemoryStream();
        await using (var s = file.OpenReadStream())
            await s.CopyToAsync(buffer, ct);
        if (EvidenceFormat.Detect(buffer.GetBuffer().AsSpan(0, (int)Math.Min(16, buffer.Length))) is not { ContentType: "image/jpeg" or "image/png" })
            return Problem(t["{0}: bukan foto. Hanya foto JPG atau PNG yang diterima; jenis diperiksa dari isi berkas.", name]);
        buffer.Position = 0;
        var (stored, error) = await storage.SaveAsync(id, buffer, ct);
        if (stored is null)
            return Problem(t[error!]);
        var evidence = create(stored, FileStorage.SafeDisplayName(file.FileName, stored.Extension));
        // The same provenance checks as a photo uploaded online (time, place, reuse): sent later is not checked less.
        await intake.PrepareAsync(evidence, context, ct);
        db.Evidence.Add(evidence);
        try
        {
            await db.SaveChangesAsync(ct);
            await intake.CheckReuseAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same photo arriving twice at once: the other request stored it (same id, same bytes).
            db.Entry(evidence).State = EntityState.Detached;
            if (!await db.Evidence.AnyAsync(e => e.Id == id, ct))
                throw;
        }
        return TypedResults.Ok(new PhotoResult(evidence.Id, evidence.FileName, evidence.Size));
    }

    /// <summary>
    /// State-changing API calls must carry the antiforgery token (header RequestVerificationToken), JSON and multipart
    /// alike: the cookie alone never authorizes a change.
    /// </summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                try
                {
                    await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
                }
                catch (AntiforgeryValidationException)
                {
                    var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    return Problem(t["Token keamanan tidak valid atau kedaluwarsa. Muat ulang halaman lalu kirim lagi."]);
                }
            }
            return await next(context);
        });

    public static ProblemHttpResult Problem(string detail, int status = 400, string? title = null, IReadOnlyList<string>? errors = null, SyncState? current = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (errors is not null)
            extensions["errors"] = errors;
        if (current is not null)
            extensions["current"] = current;
        return TypedResults.Problem(statusCode: status, title: title ?? detail, detail: detail, extensions: extensions);
    }
}
