using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Infrastructure;

/// <summary>Security settings (section "Security"); defaults are the production ones.</summary>
public sealed class SecurityOptions
{
    /// <summary>Roles that must sign in with an authenticator app (TOTP); enrolment is forced at their next sign-in.</summary>
    public string[] TwoFactorRoles { get; set; } = [Roles.Admin, Roles.Verifikator];

    /// <summary>Off only in Development, so the demo accounts sign in with the demo password alone (README).</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Login and second-factor posts one client (IP address) may make per minute, per app instance.</summary>
    public int LoginPostsPerMinute { get; set; } = 20;
}

/// <summary>
/// Authentication hardening in one place (ADR-040, ADR-041): cookies revoked server-side, antiforgery on every
/// cookie-authenticated API change, login rate limit, forced two-factor enrolment, security headers.
/// </summary>
public static class RaporSecurity
{
    /// <summary>Claim present while an account that must use two-factor sign-in has not enrolled yet.</summary>
    public const string EnrolTwoFactorClaim = "rapor:enrol-2fa";

    public const string LoginRateLimit = "login";

    public static void AddRaporSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(options);
        services.AddScoped<Features.Account.LoginThrottle>();
        services.AddSingleton<IPasswordValidator<AppUser>, Features.Account.CommonPasswordValidator>();
        services.Configure<IdentityOptions>(o =>
        {
            // ASVS 2.1: length and a breached/common-password check instead of composition rules.
            o.Password.RequiredLength = Features.Account.CommonPasswordValidator.MinLength;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 1;
        });
        services.ConfigureApplicationCookie(o =>
        {
            // Secure outside Development: the cookie never travels over plain HTTP in production.
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Events.OnValidatePrincipal = SessionRevocation.ValidateAsync;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            // Active outside Development only, where "localhost" is a real deployment name too.
            o.ExcludedHosts.Clear();
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client and per instance (in memory); the per-account throttle in the database is shared by all
            // instances (ADR-041).
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsLoginPost(ctx.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(ctx), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.LoginPostsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static bool IsLoginPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/Account/Login", StringComparison.OrdinalIgnoreCase);

    /// <summary>The client's address (after X-Forwarded-For from a trusted proxy).</summary>
    public static string ClientKey(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Early in the pipeline: headers on every response, rate limit before anything reads a login body.</summary>
    public static void UseRaporSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseRateLimiter();
    }

    /// <summary>After authorization: checks that need to know who the request is from.</summary>
    public static void UseRaporRequestChecks(this WebApplication app)
    {
        app.Use(ForceTwoFactorEnrolmentAsync);
        app.Use(ApiAntiforgery.ValidateAsync);
    }

    /// <summary>An admin or verifikator who has not enrolled an authenticator may do nothing but enrol (or sign out).</summary>
    private static Task ForceTwoFactorEnrolmentAsync(HttpContext ctx, RequestDelegate next)
    {
        if (ctx.User.HasClaim(c => c.Type == EnrolTwoFactorClaim) && !ctx.Request.Path.StartsWithSegments("/Account")
            && !ctx.Request.Path.StartsWithSegments("/culture"))
        {
            if (RaporApp.IsApi(ctx.Request))
                return Results.Problem(statusCode: 403, title: "Verifikasi dua langkah wajib",
                    detail: "Akun ini wajib memakai verifikasi dua langkah. Aktifkan dulu di /Account/Security.").ExecuteAsync(ctx);
            ctx.Response.Redirect("/Account/Security?enrol=1");
            return Task.CompletedTask;
        }
        return next(ctx);
    }
}

/// <summary>
/// Sign-out revokes the cookie on every instance: the cookie carries the account's security stamp and every request
/// compares it with the database (one indexed read); sign-out, a password change or a 2FA change renews the stamp.
/// Unlike Identity's <c>SecurityStampValidator</c>, the cookie is not re-issued on each check (that would defeat the
/// page cache and cost a principal rebuild per request).
/// </summary>
public static class SessionRevocation
{
    private static readonly Func<RaporDbContext, string, Task<string?>> StampOf =
        EF.CompileAsyncQuery((RaporDbContext db, string id) => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var principal = ctx.Principal;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampType = ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampType);
        if (id is not null && stamp is not null)
        {
            var db = ctx.HttpContext.RequestServices.GetRequiredService<RaporDbContext>();
            if (await StampOf(db, id) == stamp)
                return;
        }
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>
/// Every state-changing /api request authenticated by the sign-in cookie must carry the antiforgery token
/// (header <c>RequestVerificationToken</c>): a cross-site form or <c>text/plain</c> POST carries the cookie but never
/// the token. Requests authenticated by another scheme (API tokens, which a browser never sends by itself) are exempt.
/// Enforced here, globally, so a new endpoint is covered without anyone remembering to.
/// </summary>
public static class ApiAntiforgery
{
    public const string Title = "Token antiforgery tidak valid";

    public static async Task ValidateAsync(HttpContext ctx, RequestDelegate next)
    {
        if (RaporApp.IsApi(ctx.Request) && IsStateChanging(ctx.Request.Method) && IsCookieAuthenticated(ctx.User))
        {
            try
            {
                await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx);
            }
            catch (AntiforgeryValidationException)
            {
                await Results.Problem(statusCode: 400, title: Title,
                    detail: "Permintaan yang mengubah data harus membawa header RequestVerificationToken dari halaman aplikasi (atau memakai token API).")
                    .ExecuteAsync(ctx);
                return;
            }
        }
        await next(ctx);
    }

    public static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    public static bool IsCookieAuthenticated(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);
}
