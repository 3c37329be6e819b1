using System.Security.Claims;

namespace Rapor.Web.Infrastructure;

public interface ICurrentUser
{
    /// <summary>User name for the audit trail; "system" outside a request (seeding, background work).</summary>
    string Name { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string Name => accessor.HttpContext?.User.Identity?.Name is { Length: > 0 } name ? name : "system";
}

public static class RaporClaims
{
    public const string Unit = "rapor:unit";
    public const string Name = "rapor:name";
    public const string Official = "rapor:official";

    public static string UnitCode(this ClaimsPrincipal user) => user.FindFirstValue(Unit) ?? "";

    public static Guid? OfficialId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(Official), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(Name) ?? user.Identity?.Name ?? "";
}
