using Rapor.Web.Domain;

namespace Rapor.Web.Infrastructure;

/// <summary>
/// Which kabupaten/kota a request is about. Every account but the platform admin belongs to one: its tenant is the
/// kab/kota part of the account's unit. The platform admin (an admin without a unit) works on the tenant chosen in the
/// switcher (a cookie), or for one request on <c>?tenant=</c>; with neither, there is no tenant and pages ask him to
/// pick one. No code anywhere falls back to a particular kabupaten/kota.
/// </summary>
public static class TenantScope
{
    public const string Cookie = "rapor.tenant";
    public const string QueryKey = "tenant";

    public static string? CurrentTenant(this HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
            return null;
        if (!UnitScope.IsPlatformAdmin(user))
            return user.UnitCode() is { Length: >= 5 } unit ? RegionCode.TenantOf(unit) : null;
        var asked = http.Request.Query[QueryKey].ToString();
        if (IsTenantCode(asked))
            return asked;
        return http.Request.Cookies[Cookie] is { } chosen && IsTenantCode(chosen) ? chosen : null;
    }

    /// <summary>The platform admin's remembered choice (what the output cache must vary by, ADR-007).</summary>
    public static string ChosenCookie(this HttpRequest request) => request.Cookies[Cookie] ?? "";

    public static void Remember(HttpResponse response, string tenantCode) =>
        response.Cookies.Append(Cookie, tenantCode, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = response.HttpContext.Request.IsHttps,
        });

    public static bool IsTenantCode(string? code) => code is { Length: 5 } && RegionCode.LevelOf(code) == RegionLevel.KabupatenKota;
}
