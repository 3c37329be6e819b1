namespace Rapor.Web.Features.Provenance;

public static class ProvenanceSetup
{
    public static void AddProvenance(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Provenance").Get<ProvenanceOptions>() ?? new ProvenanceOptions());
        services.AddSingleton<PhotoIndex>();
        services.AddSingleton<IUnitBoundaries, GeoJsonUnitBoundaries>();
        services.AddScoped<EvidenceIntake>();
    }

    public static void MapProvenance(this IEndpointRouteBuilder app) => app.MapPublicPhoto();
}
