namespace Rapor.Web.Features.Provenance;

public static class ProvenanceSetup
{
    public static void AddProvenance(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Provenance").Get<ProvenanceOptions>() ?? new ProvenanceOptions());
        services.AddSingleton<PhotoIndex>();
        services.AddScoped<IUnitBoundaries, DatabaseUnitBoundaries>();
        services.AddScoped<EvidenceIntake>();
    }

    public static void MapProvenance(this IEndpointRouteBuilder app) => app.MapPublicPhoto();
}
