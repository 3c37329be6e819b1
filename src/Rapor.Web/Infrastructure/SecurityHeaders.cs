namespace Rapor.Web.Infrastructure;

/// <summary>
/// The response headers every page and endpoint gets; the one place the Content-Security-Policy is written
/// (ADR-042, README "Keamanan"). Pages follow it by keeping script in files under wwwroot/js (no inline
/// <c>&lt;script&gt;</c>, no <c>on…=</c> attributes, no <c>javascript:</c> links): a page that breaks the rule
/// simply loses that script in the browser, and <c>SecurityHeadersTests</c> fails on it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from this origin; styles may be inline (Bootstrap utilities in <c>style=""</c> attributes and htmx's
    /// indicator style) — a style cannot run code. Images may be <c>data:</c> (the 2FA QR code, Leaflet markers).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>GPS and camera for field activities and visits on this origin only; everything else off.</summary>
    public const string PermissionsPolicy =
        "geolocation=(self), camera=(self), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()";

    public static Task ApplyAsync(HttpContext ctx, RequestDelegate next)
    {
        var h = ctx.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = PermissionsPolicy;
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        ctx.Response.OnStarting(() =>
        {
            // An endpoint may set a stricter policy of its own (evidence files: sandbox).
            if (!h.ContainsKey("Content-Security-Policy"))
                h.ContentSecurityPolicy = ctx.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] is string nonce
                    // The API reference page (Scalar) configures itself in an inline module script carrying a per-request nonce.
                    ? ContentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                    : ContentSecurityPolicy;
            // Whatever a signed-in user receives (pages, JSON, PDF, xlsx) stays out of browser and proxy caches.
            if (ctx.User.Identity?.IsAuthenticated == true)
            {
                h.CacheControl = "no-store, max-age=0";
                h.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(ctx);
    }
}
