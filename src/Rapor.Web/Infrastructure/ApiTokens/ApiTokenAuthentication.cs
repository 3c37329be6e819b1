using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Infrastructure.ApiTokens;

public static class ApiTokenDefaults
{
    /// <summary>The bearer-token scheme (<c>Authorization: Bearer rpr_…</c>).</summary>
    public const string Scheme = "ApiToken";

    /// <summary>The default scheme: a bearer token when one is sent, else the sign-in cookie.</summary>
    public const string Selector = "RaporAuth";
}

public static class ApiTokenClaims
{
    public const string TokenId = "rapor:token";
    public const string Access = "rapor:token-access";
    public const string Purpose = "rapor:device";

    public static bool ByToken(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == TokenId);

    /// <summary>A paired kiosk or display of exactly this unit.</summary>
    public static bool IsDevice(this ClaimsPrincipal user, ApiTokenPurpose purpose, string unitCode) =>
        user.FindFirstValue(Purpose) == purpose.ToString() && user.UnitCode() == unitCode;

    public static bool IsReadOnlyToken(this ClaimsPrincipal user) => user.FindFirstValue(Access) == nameof(ApiTokenAccess.Read);
}

public static class ApiTokenRegistration
{
    /// <summary>
    /// Registers the ApiToken scheme and makes the default scheme pick it when a request carries <c>Bearer rpr_…</c>
    /// (call after AddIdentity, whose cookie stays the scheme for everything else).
    /// </summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = ApiTokenDefaults.Selector;
                o.DefaultChallengeScheme = ApiTokenDefaults.Selector;
                o.DefaultForbidScheme = ApiTokenDefaults.Selector;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenDefaults.Scheme, null)
            .AddPolicyScheme(ApiTokenDefaults.Selector, null, o => o.ForwardDefaultSelector = ctx =>
                HasBearer(ctx.Request) ? ApiTokenDefaults.Scheme : IdentityConstants.ApplicationScheme);
        services.ConfigureAll<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[ApiTokenDefaults.Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "rpr_…",
                Description = "Token API pribadi atau perangkat (kios/layar), dibuat di halaman Token API: satu unit, baca atau tulis, dapat dicabut. "
                    + "Tanpa token, endpoint memakai cookie masuk (perubahan lewat cookie memerlukan header RequestVerificationToken).",
            };
            doc.Security ??= [];
            doc.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiTokenDefaults.Scheme, doc)] = [] });
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>A read-only token may only read: any other method is refused before it reaches an endpoint.</summary>
    public static IApplicationBuilder UseApiTokenAccess(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.IsReadOnlyToken() && !(HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method) || HttpMethods.IsOptions(ctx.Request.Method)))
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            await ctx.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 403, Title = "Token hanya-baca", Detail = "Token ini hanya boleh membaca; buat token tulis untuk mengubah data.",
            }, options: null, contentType: "application/problem+json");
            return;
        }
        await next();
    });

    internal static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer " + ApiToken.Prefix, StringComparison.Ordinal);
}

/// <summary>
/// Authenticates <c>Authorization: Bearer rpr_…</c>: the token is looked up by its SHA-256, must be active, and yields a
/// principal scoped to the token's unit — a personal token acts as its user (with the user's roles), a device token as
/// itself (no role; the kiosk and display endpoints check its purpose).
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiTokenRegistration.HasBearer(Request))
            return AuthenticateResult.NoResult();
        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (secret.Length > 100)
            return AuthenticateResult.Fail("Token tidak valid.");
        var db = Context.RequestServices.GetRequiredService<RaporDbContext>();
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || !token.IsActive(now))
            return AuthenticateResult.Fail("Token tidak dikenal, kedaluwarsa atau sudah dicabut.");

        var claims = new List<Claim>
        {
            new(ApiTokenClaims.TokenId, token.Id.ToString()),
            new(ApiTokenClaims.Access, token.Access.ToString()),
            new(RaporClaims.Unit, token.UnitCode),
        };
        if (token.Kind == ApiTokenKind.Device)
        {
            claims.Add(new(ClaimTypes.Name, $"perangkat:{token.Name}"));
            claims.Add(new(RaporClaims.Name, token.Name));
            claims.Add(new(ApiTokenClaims.Purpose, token.Purpose.ToString()));
        }
        else
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == token.UserId)
                .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd }).FirstOrDefaultAsync(Context.RequestAborted);
            if (user is null || user.LockoutEnd > DateTimeOffset.UtcNow)
                return AuthenticateResult.Fail("Pemilik token tidak aktif.");
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync(Context.RequestAborted);
            claims.Add(new(ClaimTypes.NameIdentifier, user.Id));
            claims.Add(new(ClaimTypes.Name, user.UserName ?? ""));
            claims.Add(new(RaporClaims.Name, user.DisplayName));
            claims.AddRange(roles.Where(r => r is not null).Select(r => new Claim(ClaimTypes.Role, r!)));
        }
        // Usage is recorded coarsely: one write per token every few minutes, not one per request.
        if (token.LastUsedAt is null || token.LastUsedAt < now - UsageResolution)
        {
            var before = now - UsageResolution;
            await db.ApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < before))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(claims, ApiTokenDefaults.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiTokenDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = 401, Title = "Token tidak valid", Detail = "Token tidak dikenal, kedaluwarsa atau sudah dicabut.",
        }, options: null, contentType: "application/problem+json");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = 403, Title = "Akses ditolak", Detail = "Token ini tidak berwenang atas unit atau tindakan tersebut.",
        }, options: null, contentType: "application/problem+json");
    }
}
