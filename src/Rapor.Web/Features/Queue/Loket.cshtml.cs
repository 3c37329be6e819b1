using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Queue;

/// <summary>The counter officer's page: call next, recall, start, finish with outcome, no-show, transfer, walk-in tickets.</summary>
public sealed class LoketModel(RaporDbContext db) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public List<QueueCounter> Counters { get; private set; } = [];
    public QueueCounter? Counter { get; private set; }
    public List<ServiceStandard> Services { get; private set; } = [];
    public bool QueueOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unit, int? counter, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        if (!UnitScope.CanServeQueue(User, u.Code))
            return Forbid();
        Unit = u;
        Counters = await db.QueueCounters.AsNoTracking().Where(c => c.UnitCode == unit && c.Active).OrderBy(c => c.Number).ToListAsync(ct);
        Counter = Counters.FirstOrDefault(c => c.Number == counter) ?? (counter is null ? Counters.FirstOrDefault() : null);
        Services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit && s.Active).OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
        QueueOn = await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unit && d.UsesQueue, ct);
        return Page();
    }
}
