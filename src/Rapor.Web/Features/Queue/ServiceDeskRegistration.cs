using Rapor.Web.Features.ApiTokens;
using Rapor.Web.Features.Services;
using Rapor.Web.Features.Skm;

namespace Rapor.Web.Features.Queue;

/// <summary>The PATEN service desk: catalogue, queue, SKM, their APIs and the live event fan-out.</summary>
public static class ServiceDeskRegistration
{
    public static IServiceCollection AddServiceDesk(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<QueueBroadcaster>();
        services.AddSingleton<QueueSignal>();
        services.AddHostedService<QueueListener>();
        services.AddScoped<QueueService>();
        services.AddScoped<SkmService>();
        services.AddSingleton(config.GetSection("Skm").Get<SkmOptions>() ?? new SkmOptions());
        return services;
    }

    public static void MapServiceDesk(this IEndpointRouteBuilder app)
    {
        app.MapServicesApi();
        app.MapQueueApi();
        app.MapSkmApi();
        app.MapApiTokensApi();
    }
}
