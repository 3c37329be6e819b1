using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Notifications;

/// <summary>
/// Work waiting for the signed-in user, counted for the menu ("work finds its people"): reports waiting for
/// verification, innovation stages waiting for verification, messages that could not be delivered.
/// </summary>
public static class Queues
{
    public const string Verification = "verification";
    public const string InnovationVerification = "innovation-verification";
    public const string FailedMessages = "failed-messages";

    /// <summary>Reports of unfinished periods waiting for the city (kecamatan submitted, kelurahan approved by its camat).</summary>
    public static IQueryable<Report> WaitingVerification(RaporDbContext db, string tenant) =>
        from r in db.Reports
        join p in db.Periods on r.PeriodId equals p.Id
        where p.TenantCode == tenant && p.FinalizedAt == null
              && ((r.Level == RegionLevel.Kecamatan && r.Status == ReportStatus.Diajukan) || (r.Level == RegionLevel.Kelurahan && r.Status == ReportStatus.DisetujuiCamat))
        select r;

    /// <summary>Innovation stages submitted and not yet decided, in the tenants the user may verify.</summary>
    public static IQueryable<InnovationStep> WaitingInnovationStages(RaporDbContext db, ClaimsPrincipal user)
    {
        var tenant = UnitScope.TenantOf(user);
        return db.InnovationSteps.Where(s => s.Status == StageStatus.Diajukan
            && db.Innovations.Any(i => i.Id == s.InnovationId && (tenant == null || i.TenantCode == tenant)));
    }

    /// <summary>Messages that gave up, to recipients in the admin's tenant (all of them for the platform admin).</summary>
    public static IQueryable<OutboxMessage> Deliveries(RaporDbContext db, ClaimsPrincipal user)
    {
        var tenant = UnitScope.TenantOf(user);
        var below = tenant + ".";
        return db.OutboxMessages.Where(m => tenant == null || m.UnitCode == tenant || m.UnitCode.StartsWith(below));
    }

    public static async Task<int> CountAsync(RaporDbContext db, ClaimsPrincipal user, string queue, CancellationToken ct) => queue switch
    {
        Verification when user.IsInRole(Roles.Verifikator) && UnitScope.TenantOf(user) is { } tenant => await WaitingVerification(db, tenant).CountAsync(ct),
        InnovationVerification when user.IsInRole(Roles.Verifikator) => await WaitingInnovationStages(db, user).CountAsync(ct),
        FailedMessages when user.IsInRole(Roles.Admin) => await Deliveries(db, user).CountAsync(m => m.Status == DeliveryStatus.Failed, ct),
        _ => 0,
    };
}

/// <summary>A menu badge with the size of one queue; nothing when it is empty.</summary>
public sealed class QueueCountViewComponent(RaporDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string queue) =>
        View((queue, await Queues.CountAsync(db, UserClaimsPrincipal, queue, HttpContext.RequestAborted)));
}
