using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Notifications;

/// <summary>The bell in the menu: unread notifications plus reports of the user's unit that are due within 7 days or overdue.</summary>
public sealed class NotificationBellViewComponent(RaporDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
        var due = await DueReports.CountAsync(db, UserClaimsPrincipal, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), HttpContext.RequestAborted);
        return View((unread, due));
    }
}

/// <summary>Reports of the user's own unit not yet submitted whose deadline is within 7 days or past (but not locked).</summary>
public static class DueReports
{
    public static async Task<List<Period>> ListAsync(RaporDbContext db, System.Security.Claims.ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var unit = user.UnitCode();
        if (!(user.IsInRole(Roles.Camat) || user.IsInRole(Roles.Lurah) || user.IsInRole(Roles.Staf)) || unit.Length == 0)
            return [];
        var tenant = RegionCode.TenantOf(unit);
        var soon = today.AddDays(7);
        var open = await db.Periods.AsNoTracking()
            .Where(p => p.TenantCode == tenant && p.OpensOn <= today && p.LocksOn >= today && p.Deadline <= soon && p.FinalizedAt == null)
            .ToListAsync(ct);
        var ids = open.Select(p => p.Id).ToList();
        var done = await db.Reports.Where(r => r.UnitCode == unit && ids.Contains(r.PeriodId)
                && r.Status != ReportStatus.Draf && r.Status != ReportStatus.Dikembalikan)
            .Select(r => r.PeriodId).ToListAsync(ct);
        return open.Where(p => !done.Contains(p.Id)).OrderBy(p => p.Deadline).ToList();
    }

    public static async Task<int> CountAsync(RaporDbContext db, System.Security.Claims.ClaimsPrincipal user, DateOnly today, CancellationToken ct) =>
        (await ListAsync(db, user, today, ct)).Count;
}
