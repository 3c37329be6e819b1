using System.Security.Claims;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Innovations;

/// <summary>Who may register and change innovations: the unit's own people, and a Kasi only the ones he owns.</summary>
public static class InnovationAccess
{
    public static bool CanCreate(ClaimsPrincipal user, string unitCode) => UnitScope.CanFillReport(user, unitCode);

    public static bool CanEdit(ClaimsPrincipal user, Innovation innovation)
    {
        if (user.UnitCode() != innovation.UnitCode)
            return false;
        if (user.IsInRole(Roles.Camat) || user.IsInRole(Roles.Lurah))
            return true;
        return user.IsInRole(Roles.Staf) && user.OfficialId() is { } me && innovation.Owners.Any(o => o.OfficialId == me);
    }

    public static bool CanVerify(ClaimsPrincipal user, Innovation innovation) => UnitScope.CanVerifyReport(user, innovation.UnitCode);

    public static string BentukText(InnovationBentuk b) => b switch
    {
        InnovationBentuk.TataKelola => "tata kelola",
        InnovationBentuk.PelayananPublik => "pelayanan publik",
        _ => "lainnya",
    };

    public static string JenisText(InnovationJenis j) => j == InnovationJenis.Digital ? "digital" : "non-digital";
}
