using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Account;
using Rapor.Web.Features.Frameworks;
using Rapor.Web.Features.Innovations;
using Rapor.Web.Features.Onboarding;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Features.Messaging;
using Rapor.Web.Features.Queue;
using Rapor.Web.Infrastructure.ApiTokens;
using Rapor.Web.Features.Public;
using Rapor.Web.Features.Regions;
using Rapor.Web.Features.Reports;
using Rapor.Web.Features.Verification;
using Rapor.Web.Features.FieldCapture;
using Rapor.Web.Features.Waspada;
using Scalar.AspNetCore;

namespace Rapor.Web.Infrastructure;

public static class RaporApp
{
    public const long MaxRequestBytes = 12 * 1024 * 1024;
    private static readonly string[] AnonymousAccountPages = ["/Account/Login", "/Account/LoginWith2fa", "/Account/Logout", "/Account/AccessDenied", "/Account/Invitation"];
    public static readonly CultureInfo[] Cultures = [new("id-ID"), new("en-US")];

    public static void AddRapor(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBytes;
            k.AddServerHeader = false;
        });

        services.AddSingleton(TimeProvider.System);
        // Render Indonesian text (and "—") as characters, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentUser, HttpCurrentUser>();
        services.AddRaporDatabase(config, builder.Environment.ContentRootPath);
        services.AddRaporPageCache();
        services.AddSingleton(config.GetSection("Seed").Get<SeedOptions>() ?? new SeedOptions());
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton(config.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions());
        services.AddSingleton<FileStorage>();
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddScoped<Features.Reports.ReportWorkflow>();
        services.AddScoped<Features.Rapor.ScoringService>();
        services.AddScoped<Features.Verification.VerificationService>();
        services.AddOnboarding();
        services.AddProvenance(config);
        services.AddRaporMessaging(config, config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions());
        services.AddWaspada();
        services.AddScoped<Features.Verification.FieldVisitWork>();
        services.AddFieldCapture(config);

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Password rules: RaporSecurity. Identity's lockout now guards only the second factor; the password
                // step is throttled per client and account instead (ADR-041).
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<RaporDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<RaporClaimsFactory>()
            .AddErrorDescriber<IndonesianIdentityErrors>();
        services.AddApiTokens();
        services.AddServiceDesk(config);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "rapor.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // API callers get status codes, not a redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        // Keys in the database: several instances behind a proxy read each other's cookies and antiforgery tokens.
        services.AddDataProtection().SetApplicationName("Rapor").PersistKeysToDbContext<RaporDbContext>();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireAssertion(c => UnitScope.IsPlatformAdmin(c.User)));
        services.AddSingleton<IAuthorizationHandler, UnitAuthorizationHandler>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, SharedLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // Bahasa Indonesia unless the user picks English: the browser's language is deliberately ignored.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                foreach (var page in AnonymousAccountPages)
                    o.Conventions.AllowAnonymousToPage(page);
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToFolder("/Public");
                o.Conventions.AuthorizeFolder("/Audit", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Users", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Frameworks", Policies.Admin);
                o.Conventions.AuthorizePage("/Regions/Import", Policies.PlatformAdmin);
                // Onboarding steps check the tenant themselves (its admin or the platform admin); the national list is the platform's.
                o.Conventions.AuthorizeFolder("/Onboarding", Policies.Admin);
                o.Conventions.AuthorizePage("/Onboarding/Index", Policies.PlatformAdmin);
                o.Conventions.AuthorizeFolder("/Tenants", Policies.PlatformAdmin);
            })
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new FlexibleDoubleBinderProvider()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        builder.AddRaporSecurity();
        services.AddTransient<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, IndonesianValidation>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (ctx.Exception is InputTooLongException or DomainException)
            {
                ctx.ProblemDetails.Title = "Permintaan tidak valid";
                ctx.ProblemDetails.Detail = ctx.Exception.Message;
            }
        });
        services.AddRaporOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Behind the proxy named in README (Proxy__KnownNetwork); by default only loopback is trusted.
            if (config["Proxy:KnownNetwork"] is { Length: > 0 } network)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (IsApi(ctx.Request))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>Exceptions that are the client's fault (oversized, malformed or too long input, a broken rule): 4xx, never 500.</summary>
    private static int ClientErrorStatus(Exception e) => e switch
    {
        BadHttpRequestException b => b.StatusCode,
        InputTooLongException or DomainException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    public static void MapRapor(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseWhen(c => IsApi(c.Request), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = ClientErrorStatus,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request), ui =>
        {
            ui.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                // An oversized or malformed request is the client's fault: 413/400, not 500.
                StatusCodeSelector = ClientErrorStatus,
            });
            ui.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        // Refuse a declared oversized body before anything reads it; Kestrel's limit catches chunked ones.
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.ContentLength > MaxRequestBytes && ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await next();
        });
        app.UseRaporSecurityHeaders();
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json";
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = types });
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseRouting();
        app.UseAuthentication();
        app.UseApiTokenAccess();
        app.UseAuthorization();
        app.UseRaporRequestChecks();
        app.UseOutputCache();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        // The trivial endpoint web benchmarks compare real pages against (bench/web.sh).
        app.MapGet("/api/ping", () => "pong").AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Rapor API").WithNonce().DisableDefaultFonts()).AllowAnonymous();
        app.MapRegionsApi();
        app.MapOnboarding();
        app.MapEvidenceEndpoint();
        app.MapProvenance();
        app.MapFrameworksApi();
        app.MapReportsApi();
        app.MapPublicApi();
        app.MapInnovationsApi();
        app.MapFieldCapture();
        app.MapWaspadaApi();
        Features.Activities.ActivitiesApi.MapActivitiesApi(app);
        app.MapVerificationApi();
        app.MapCultureEndpoint();
        app.MapServiceDesk();
        app.MapRazorPages();
    }
}

/// <summary>Puts the unit and display name into the cookie so authorization never needs a database round trip.</summary>
public sealed class RaporClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, SecurityOptions security)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(RaporClaims.Unit, user.UnitCode));
        identity.AddClaim(new Claim(RaporClaims.Name, user.DisplayName));
        if (user.OfficialId is { } official)
            identity.AddClaim(new Claim(RaporClaims.Official, official.ToString()));
        if (security.RequireTwoFactor && !user.TwoFactorEnabled && security.TwoFactorRoles.Any(r => identity.HasClaim(Options.ClaimsIdentity.RoleClaimType, r)))
            identity.AddClaim(new Claim(RaporSecurity.EnrolTwoFactorClaim, "1"));
        return identity;
    }
}

public sealed class DatabaseHealthCheck(RaporDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var tenants = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Tenants, cancellationToken);
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy($"{tenants} tenants");
        }
        catch (Exception e)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
