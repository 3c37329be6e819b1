using Microsoft.AspNetCore.Antiforgery;

namespace Rapor.Web.Infrastructure.ApiTokens;

/// <summary>
/// For minimal-API state changes: a request signed in by cookie must carry the antiforgery header
/// (<c>RequestVerificationToken</c>); a bearer-token request cannot be forged cross-site and needs none.
/// </summary>
public sealed class AntiforgeryUnlessToken(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && !http.User.ByToken() && !await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Problem(statusCode: 400, title: "Token formulir tidak valid",
                detail: "Muat ulang halaman lalu coba lagi (header RequestVerificationToken tidak ada atau kedaluwarsa).");
        return await next(context);
    }
}
