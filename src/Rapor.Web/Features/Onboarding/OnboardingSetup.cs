using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapor.Web.Data;
using Rapor.Web.Features.Maps;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Onboarding;

/// <summary>Registrations of the multi-tenant pieces: tenant switcher, onboarding wizard, region catalog, shapes.</summary>
public static class OnboardingSetup
{
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddSingleton<ShippedShapes>();
        services.AddSingleton<RegionCatalog>();
        services.AddScoped<TenantOnboarding>();
        services.AddScoped<Invitations>();
        services.TryAddSingleton<IInvitationMailer, NoInvitationMailer>();
        services.Configure<InvitationTokenOptions>(_ => { });
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<IdentityOptions>(o => o.Tokens.ProviderMap[Invitations.Provider] = new TokenProviderDescriptor(typeof(InvitationTokenProvider)));
        return services;
    }

    public static void MapOnboarding(this IEndpointRouteBuilder app)
    {
        app.MapMapsApi();
        app.MapGet("/api/tenants/{code}/logo", GetLogo).AllowAnonymous().WithTags("Regions").WithSummary("Logo kabupaten/kota (PNG/JPEG)");
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> GetLogo(string code, RaporDbContext db, FileStorage files, CancellationToken ct)
    {
        var logo = await db.Tenants.Where(t => t.Code == code && t.LogoId != null).Select(t => new { t.LogoId, t.LogoContentType }).FirstOrDefaultAsync(ct);
        if (logo is null || files.TryOpenRead(logo.LogoId!.Value) is not { } stream)
            return TypedResults.NotFound();
        return TypedResults.Stream(stream, logo.LogoContentType ?? "application/octet-stream");
    }
}
