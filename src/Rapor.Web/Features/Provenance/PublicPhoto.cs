using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;
using SkiaSharp;

namespace Rapor.Web.Features.Provenance;

/// <summary>
/// Photos shown outside their unit (innovation gallery, public pages) are served from here, never as uploaded: the
/// picture is decoded, turned upright and encoded again, so no EXIF block (GPS, camera, time) survives (ADR-050).
/// </summary>
public static class PublicPhoto
{
    public const int MaxSide = 1600;
    private const string Derived = "public.jpg";

    /// <summary>GET /files/photo/{id}: a verified innovation's photo for anyone; any other photo only for who may see its unit.</summary>
    public static void MapPublicPhoto(this IEndpointRouteBuilder app) =>
        app.MapGet("/files/photo/{id:guid}", async (Guid id, HttpContext http, RaporDbContext db, FileStorage storage, CancellationToken ct) =>
        {
            var e = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null || !e.IsViewableImage)
                return Results.NotFound();
            if (!await IsPublicAsync(db, e, ct) && !UnitScope.CanView(http.User, e.UnitCode))
                return http.User.Identity?.IsAuthenticated == true ? Results.Forbid() : Results.Unauthorized();
            var copy = storage.OpenDerived(e.Id, Derived);
            if (copy is null)
            {
                byte[]? bytes;
                await using (var original = storage.OpenRead(e.Id))
                    bytes = StripToJpeg(original);
                if (bytes is null)
                    return Results.NotFound();
                await storage.SaveDerivedAsync(e.Id, Derived, bytes, ct);
                copy = new MemoryStream(bytes);
            }
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.File(copy, "image/jpeg");
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>Evidence of an innovation stage that has been verified: shown in the shared gallery.</summary>
    public static Task<bool> IsPublicAsync(RaporDbContext db, Evidence e, CancellationToken ct) =>
        e.InnovationStepId is { } step
            ? db.InnovationSteps.AnyAsync(s => s.Id == step && s.Status == StageStatus.Diverifikasi, ct)
            : Task.FromResult(false);

    /// <summary>The picture upright, at most <see cref="MaxSide"/> pixels, as a JPEG without any metadata; null if not an image.</summary>
    public static byte[]? StripToJpeg(Stream image)
    {
        using var codec = SKCodec.Create(image);
        if (codec is null)
            return null;
        var full = codec.Info;
        var dims = codec.GetScaledDimensions(Math.Min(1f, (float)MaxSide / Math.Max(full.Width, full.Height)));
        using var decoded = new SKBitmap(new SKImageInfo(dims.Width, dims.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            return null;
        var k = Math.Min(1f, (float)MaxSide / Math.Max(dims.Width, dims.Height));
        var (w, h) = ((int)Math.Round(dims.Width * k), (int)Math.Round(dims.Height * k));
        var origin = codec.EncodedOrigin;
        var swapped = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        using var surface = SKSurface.Create(new SKImageInfo(swapped ? h : w, swapped ? w : h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(Upright(origin, w, h));
        canvas.DrawBitmap(decoded, new SKRect(0, 0, w, h), new SKSamplingOptions(SKCubicResampler.Mitchell), null);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    /// <summary>Maps the stored picture (w × h) onto the shown one, per EXIF orientation.</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
