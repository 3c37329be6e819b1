using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Rapor.Web.Domain;

namespace Rapor.Web.Infrastructure;

/// <summary>A unit (region code) that a page or endpoint is about to show or change.</summary>
public sealed record UnitResource(string Code);

public static class UnitOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    public static readonly OperationAuthorizationRequirement ManagePeople = new() { Name = nameof(ManagePeople) };
    public static readonly OperationAuthorizationRequirement FillReport = new() { Name = nameof(FillReport) };
    public static readonly OperationAuthorizationRequirement ApproveReport = new() { Name = nameof(ApproveReport) };
    public static readonly OperationAuthorizationRequirement VerifyReport = new() { Name = nameof(VerifyReport) };
    public static readonly OperationAuthorizationRequirement Administer = new() { Name = nameof(Administer) };
    public static readonly OperationAuthorizationRequirement ServeQueue = new() { Name = nameof(ServeQueue) };
    public static readonly OperationAuthorizationRequirement ManageServiceDesk = new() { Name = nameof(ManageServiceDesk) };
    public static readonly OperationAuthorizationRequirement ViewSupervision = new() { Name = nameof(ViewSupervision) };
    public static readonly OperationAuthorizationRequirement Supervise = new() { Name = nameof(Supervise) };
    public static readonly OperationAuthorizationRequirement AnswerFindings = new() { Name = nameof(AnswerFindings) };
}

public static class Policies
{
    public const string Admin = "admin";
    public const string PlatformAdmin = "platform-admin";
}

/// <summary>
/// The one place that decides who may see or change a unit:
/// tenant-wide roles (admin, verifikator, pimpinan) see their kab/kota, a camat his kecamatan and its
/// kelurahan, a lurah or staf only their own unit; an admin without a unit is the platform admin.
/// </summary>
public static class UnitScope
{
    public static bool CanView(ClaimsPrincipal user, string unitCode)
    {
        if (user.Identity?.IsAuthenticated != true)
            return false;
        if (IsPlatformAdmin(user))
            return true;
        var scope = user.UnitCode();
        if (scope.Length == 0)
            return false;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Verifikator) || user.IsInRole(Roles.Pimpinan) || user.IsInRole(Roles.Camat))
            return RegionCode.IsWithin(unitCode, scope);
        if (user.IsInRole(Roles.Lurah) || user.IsInRole(Roles.Staf) || user.IsInRole(Roles.Loket))
            return unitCode == scope;
        return false;
    }

    public static bool CanManagePeople(ClaimsPrincipal user, string unitCode) =>
        (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Camat)) && CanView(user, unitCode);

    /// <summary>Only the unit's own people fill its report: its camat/lurah and its staf.</summary>
    public static bool CanFillReport(ClaimsPrincipal user, string unitCode) =>
        user.UnitCode() == unitCode && (user.IsInRole(Roles.Camat) || user.IsInRole(Roles.Lurah) || user.IsInRole(Roles.Staf));

    /// <summary>A kelurahan report is approved by the camat of its kecamatan.</summary>
    public static bool CanApproveReport(ClaimsPrincipal user, string unitCode) =>
        user.IsInRole(Roles.Camat) && RegionCode.LevelOf(unitCode) == RegionLevel.Kelurahan && RegionCode.ParentOf(unitCode) == user.UnitCode();

    public static bool CanVerifyReport(ClaimsPrincipal user, string unitCode) =>
        user.IsInRole(Roles.Verifikator) && CanView(user, unitCode);

    /// <summary>Tenant administration (frameworks, periods, extensions, finalization).</summary>
    public static bool CanAdminister(ClaimsPrincipal user, string code) => user.IsInRole(Roles.Admin) && CanView(user, code);

    /// <summary>Counter work (call, serve, walk-in tickets, paper SKM): the unit's own loket, staf and head.</summary>
    public static bool CanServeQueue(ClaimsPrincipal user, string unitCode) =>
        user.UnitCode() == unitCode && (user.IsInRole(Roles.Loket) || user.IsInRole(Roles.Staf) || user.IsInRole(Roles.Camat) || user.IsInRole(Roles.Lurah));

    /// <summary>
    /// The service desk's set-up (catalogue, counters, devices, SKM report): the unit's head, the camat over a
    /// kelurahan/desa, or the tenant admin.
    /// </summary>
    public static bool CanManageServiceDesk(ClaimsPrincipal user, string unitCode) =>
        (user.IsInRole(Roles.Admin) && CanView(user, unitCode))
        || ((user.IsInRole(Roles.Camat) || user.IsInRole(Roles.Lurah)) && user.UnitCode() == unitCode)
        || (user.IsInRole(Roles.Camat) && RegionCode.ParentOf(unitCode) == user.UnitCode());
    /// <summary>
    /// WASPADA: the kecamatan's own people — its camat and its staf (Kasi Pemerintahan, Kasi PMD …) — supervise its
    /// desa; for a kecamatan code, they plan its supervision.
    /// </summary>
    public static bool CanSupervise(ClaimsPrincipal user, string unitCode) =>
        (user.IsInRole(Roles.Camat) || user.IsInRole(Roles.Staf)) && user.UnitCode().Length == 8
        && (unitCode == user.UnitCode() || (RegionCode.LevelOf(unitCode) == RegionLevel.Kelurahan && RegionCode.ParentOf(unitCode) == user.UnitCode()));

    /// <summary>Supervision results of a desa: whoever sees the desa, plus the kecamatan staf who supervise it.</summary>
    public static bool CanViewSupervision(ClaimsPrincipal user, string unitCode) => CanView(user, unitCode) || CanSupervise(user, unitCode);

    /// <summary>The desa answers its own findings: its kepala desa (role lurah, see ADR-030) and its staf.</summary>
    public static bool CanAnswerFindings(ClaimsPrincipal user, string desaCode) =>
        user.UnitCode() == desaCode && RegionCode.LevelOf(desaCode) == RegionLevel.Kelurahan && (user.IsInRole(Roles.Lurah) || user.IsInRole(Roles.Staf));

    public static bool IsPlatformAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) && user.UnitCode().Length == 0;

    /// <summary>The tenant codes whose data the user may browse; null means all (platform admin).</summary>
    public static string? TenantOf(ClaimsPrincipal user) => IsPlatformAdmin(user) ? null : RegionCode.TenantOf(user.UnitCode());
}

public sealed class UnitAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, UnitResource>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, UnitResource resource)
    {
        var allowed = requirement.Name switch
        {
            nameof(UnitOperations.View) => UnitScope.CanView(context.User, resource.Code),
            nameof(UnitOperations.ManagePeople) => UnitScope.CanManagePeople(context.User, resource.Code),
            nameof(UnitOperations.FillReport) => UnitScope.CanFillReport(context.User, resource.Code),
            nameof(UnitOperations.ApproveReport) => UnitScope.CanApproveReport(context.User, resource.Code),
            nameof(UnitOperations.VerifyReport) => UnitScope.CanVerifyReport(context.User, resource.Code),
            nameof(UnitOperations.Administer) => UnitScope.CanAdminister(context.User, resource.Code),
            nameof(UnitOperations.ServeQueue) => UnitScope.CanServeQueue(context.User, resource.Code),
            nameof(UnitOperations.ManageServiceDesk) => UnitScope.CanManageServiceDesk(context.User, resource.Code),
            nameof(UnitOperations.ViewSupervision) => UnitScope.CanViewSupervision(context.User, resource.Code),
            nameof(UnitOperations.Supervise) => UnitScope.CanSupervise(context.User, resource.Code),
            nameof(UnitOperations.AnswerFindings) => UnitScope.CanAnswerFindings(context.User, resource.Code),
            _ => false,
        };
        if (allowed)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
