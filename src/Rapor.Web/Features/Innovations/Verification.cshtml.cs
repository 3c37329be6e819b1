using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Notifications;

namespace Rapor.Web.Features.Innovations;

/// <summary>The verifikator's queue of innovation stages waiting for a decision, oldest first; each opens its innovation.</summary>
public sealed class VerificationModel(RaporDbContext db) : PageModel
{
    public sealed record Row(Guid InnovationId, string Innovation, string UnitCode, string Unit, InnovationStage Stage, DateOnly Date);

    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Verifikator))
            return Forbid();
        Rows = (await (from s in Queues.WaitingInnovationStages(db, User)
                       join i in db.Innovations on s.InnovationId equals i.Id
                       join u in db.Regions on i.UnitCode equals u.Code
                       select new Row(i.Id, i.Name, i.UnitCode, u.Name, s.Stage, s.Date)).AsNoTracking().ToListAsync(ct))
            .OrderBy(r => r.Date).ThenBy(r => r.Innovation, StringComparer.Ordinal).ToList();
        return Page();
    }
}
