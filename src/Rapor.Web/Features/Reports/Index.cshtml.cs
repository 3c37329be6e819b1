using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Reports;

/// <summary>"Laporan saya": the periods of the user's unit with their status, and for a camat the kelurahan reports waiting for him.</summary>
public sealed class IndexModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    public sealed record PeriodRow(Period Period, ReportStatus? Status, bool SubmittedLate, DateOnly Deadline);

    public sealed record Waiting(string UnitCode, string UnitName, Period Period, DateTime? SubmittedAt);

    public Region Unit { get; private set; } = null!;
    public List<PeriodRow> Periods { get; private set; } = [];
    public List<Waiting> ToApprove { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var code = User.UnitCode();
        if (RegionCode.LevelOf(code) is not (RegionLevel.Kecamatan or RegionLevel.Kelurahan))
            return RedirectToPage("/Periods/Index");
        Unit = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == code, ct);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.TenantCode == Unit.TenantCode && p.Year >= Today.Year - 1 && p.OpensOn <= Today)
            .ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.UnitCode == code)
            .Select(r => new { r.PeriodId, r.Status, r.SubmittedLate }).ToDictionaryAsync(r => r.PeriodId, ct);
        var extensions = await db.DeadlineExtensions.AsNoTracking().Where(e => e.UnitCode == code).ToDictionaryAsync(e => e.PeriodId, ct);
        Periods = periods
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month ?? 13)
            .Select(p => new PeriodRow(p, reports.GetValueOrDefault(p.Id)?.Status, reports.GetValueOrDefault(p.Id)?.SubmittedLate ?? false,
                p.DeadlineFor(extensions.GetValueOrDefault(p.Id))))
            .ToList();
        if (User.IsInRole(Roles.Camat) && Unit.Level == RegionLevel.Kecamatan)
        {
            ToApprove = (await (from r in db.Reports
                                join p in db.Periods on r.PeriodId equals p.Id
                                join u in db.Regions on r.UnitCode equals u.Code
                                where u.ParentCode == code && r.Status == ReportStatus.Diajukan
                                select new { u.Code, u.Name, Period = p, r.SubmittedAt }).AsNoTracking().ToListAsync(ct))
                .OrderBy(x => x.SubmittedAt).Select(x => new Waiting(x.Code, x.Name, x.Period, x.SubmittedAt)).ToList();
        }
        return Page();
    }
}
