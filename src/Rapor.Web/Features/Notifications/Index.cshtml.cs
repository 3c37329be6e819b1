using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Notifications;

public sealed class IndexModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    public List<Notification> Items { get; private set; } = [];
    public List<Period> Due { get; private set; } = [];
    public string Unit { get; private set; } = "";
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Unit = User.UnitCode();
        Due = await DueReports.ListAsync(db, User, Today, ct);
        Items = await db.Notifications.Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(100).ToListAsync(ct);
        // Opening the page reads them.
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in Items.Where(n => n.ReadAt is null))
            n.ReadAt = now;
        await db.SaveChangesAsync(ct);
    }
}
