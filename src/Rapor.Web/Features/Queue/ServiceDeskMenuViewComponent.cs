using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Queue;

/// <summary>The "Layanan" menu entry: the counter page with today's waiting count for the unit's own people, the catalogue for others.</summary>
public sealed class ServiceDeskMenuViewComponent(RaporDbContext db, QueueService queue) : ViewComponent
{
    public sealed record Model(string Href, int? Waiting);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        var unit = user.UnitCode();
        if (unit.Length > 0 && UnitScope.CanServeQueue(user, unit) && RegionCode.LevelOf(unit) != RegionLevel.KabupatenKota)
        {
            var today = queue.Today;
            var uses = await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unit && d.UsesQueue);
            int? waiting = uses ? await db.QueueTickets.CountAsync(t => t.UnitCode == unit && t.Day == today && t.Status == TicketStatus.Menunggu) : null;
            return View(new Model(user.IsInRole(Roles.Loket) && uses ? $"/Antrean/Loket/{unit}" : $"/Queue?unit={unit}", waiting));
        }
        return View(new Model(unit.Length == 0 ? "/Services" : $"/Services?unit={unit}", null));
    }
}
