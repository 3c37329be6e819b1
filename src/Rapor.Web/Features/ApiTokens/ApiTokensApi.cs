using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;
using Rapor.Web.Infrastructure.ApiTokens;

namespace Rapor.Web.Features.ApiTokens;

public static class ApiTokensApi
{
    public sealed record WhoAmI(string Name, string Unit, string UnitName, string? Device, string Access, bool ByToken);

    public static void MapApiTokensApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/tokens/me", Me).WithTags("Token").RequireAuthorization()
            .WithSummary("Siapa pemanggil ini: nama, unit, jenis perangkat (kios/layar) dan akses token");

    private static async Task<Ok<WhoAmI>> Me(HttpContext http, RaporDbContext db, CancellationToken ct)
    {
        var user = http.User;
        var unit = user.UnitCode();
        var unitName = await db.Regions.AsNoTracking().Where(r => r.Code == unit).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        return TypedResults.Ok(new WhoAmI(user.DisplayName(), unit, unitName, user.FindFirstValue(ApiTokenClaims.Purpose),
            user.FindFirstValue(ApiTokenClaims.Access) ?? "Write", user.ByToken()));
    }
}
