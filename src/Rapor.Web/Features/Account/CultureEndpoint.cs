using Microsoft.AspNetCore.Localization;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Account;

public static class CultureEndpoint
{
    /// <summary>GET /culture?c=en|id&amp;returnUrl=… stores the language choice in a cookie (a preference, not state worth a POST).</summary>
    public static void MapCultureEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            var culture = c == "en" ? "en-US" : "id-ID";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
}
