using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

/// <summary>Field verification visits of one unit for one period: schedule, list, open.</summary>
public sealed class VisitsModel(RaporDbContext db, ReportWorkflow workflow, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public ReportWorkflow.Context C { get; private set; } = null!;
    public List<FieldVisit> Visits { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unit, string period, CancellationToken ct) => await LoadAsync(unit, period, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string unit, string period, DateOnly? scheduledOn, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } denied)
            return denied;
        if (scheduledOn is null)
            Error = "Tanggal kunjungan wajib diisi.";
        else if (C.Period.FinalizedAt is not null)
            Error = "Periode sudah difinalisasi.";
        else if (scheduledOn < DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(-60))
            Error = "Tanggal kunjungan terlalu jauh di masa lalu.";
        if (Error is not null)
            return Page();
        var visit = new FieldVisit { UnitCode = unit, PeriodId = C.Period.Id, ScheduledOn = scheduledOn!.Value, Verifier = User.Identity!.Name! };
        db.FieldVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Verification/Visit", new { id = visit.Id });
    }

    private async Task<IActionResult?> LoadAsync(string unit, string period, CancellationToken ct)
    {
        var c = await workflow.LoadAsync(unit, period, ct);
        if (c is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.VerifyReport)).Succeeded)
            return Forbid();
        C = c;
        Visits = await db.FieldVisits.AsNoTracking().Where(v => v.UnitCode == unit && v.PeriodId == c.Period.Id).OrderByDescending(v => v.ScheduledOn).ToListAsync(ct);
        return null;
    }
}
