using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Queue;

/// <summary>Where the ticket's QR leads: the turn on a phone ("3 orang sebelum Anda"), then the survey once served.</summary>
[AllowAnonymous]
public sealed class TicketModel(RaporDbContext db, QueueService queue) : PageModel
{
    public QueueApi.TicketDto Ticket { get; private set; } = null!;
    public bool Rated { get; private set; }
    public bool SurveyOpen { get; private set; }
    public string UnitCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var t = await db.QueueTickets.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
            return NotFound();
        UnitCode = t.UnitCode;
        Ticket = await QueueApi.ToDtoAsync(t, HttpContext, db, queue, ct);
        Rated = await db.SkmResponses.AnyAsync(r => r.TicketId == id, ct);
        SurveyOpen = await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == t.UnitCode && d.UsesSkm, ct);
        return Page();
    }
}
