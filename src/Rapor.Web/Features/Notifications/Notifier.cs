using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Notifications;

/// <summary>Queues in-app notifications in the same unit of work as the change that causes them.</summary>
public sealed class Notifier(RaporDbContext db, TimeProvider clock)
{
    /// <summary>Notifies every account of a unit (optionally only some roles); saved by the caller's SaveChanges.</summary>
    public async Task NotifyUnitAsync(string unitCode, IReadOnlyList<string>? roles, string text, string? link, CancellationToken ct)
    {
        var users = db.Users.Where(u => u.UnitCode == unitCode);
        if (roles is not null)
        {
            var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in await users.Select(u => u.Id).ToListAsync(ct))
            db.Notifications.Add(new Notification { UserId = id, Text = text, Link = link, CreatedAt = now });
    }
}
