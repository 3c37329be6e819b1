using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Rapor.TestSupport;

/// <summary>
/// One name per page or endpoint of the route table: "PAGE /Reports/Fill" for a Razor page (all its handlers), or
/// "PUT /api/reports/{unitCode}/{period}/values" for a minimal-API endpoint.
/// </summary>
public static class EndpointKeys
{
    public const string Header = "X-Rapor-Endpoint";

    public static string? Of(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            return "PAGE " + page.ViewEnginePath;
        if (endpoint is not RouteEndpoint route)
            return null;
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? string.Join(",", m.Order(StringComparer.Ordinal)) : "ANY";
        return $"{methods} /{route.RoutePattern.RawText?.TrimStart('/')}";
    }

    /// <summary>Every page and endpoint the app maps (its route table).</summary>
    public static SortedSet<string> All(IServiceProvider services) =>
        new(services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).Select(Of).OfType<string>(), StringComparer.Ordinal);
}
