using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Skm;

/// <summary>A published "Laporan Hasil SKM" on the unit's public page, with the figures as they were published.</summary>
[AllowAnonymous]
public sealed class LaporanModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public SkmPeriod Period { get; private set; }
    public SkmReport Report { get; private set; } = null!;
    public SkmMath.Result Result { get; private set; } = null!;
    public List<SkmFollowUp> FollowUps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string unit, string period, CancellationToken ct) => await LoadAsync(unit, period, ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } r)
            return r;
        var fromQueue = await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unit && d.UsesQueue, ct);
        return File(SkmPdf.Render(Unit, Period, Result, Report, FollowUps, fromQueue, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)), "application/pdf",
            $"laporan-skm-{unit}-{Period.Key}.pdf");
    }

    private async Task<IActionResult?> LoadAsync(string unit, string period, CancellationToken ct)
    {
        if (!SkmPeriod.TryParse(period, out var p))
            return NotFound();
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit, ct);
        var key = p.Key;
        var report = await db.SkmReports.AsNoTracking().FirstOrDefaultAsync(r => r.UnitCode == unit && r.Period == key && r.PublishedAt != null, ct);
        if (u is null || report is null || SkmService.Deserialize(report.PublishedFigures) is not { } result)
            return NotFound();
        Unit = u;
        Period = p;
        Report = report;
        Result = result;
        FollowUps = await db.SkmFollowUps.AsNoTracking().Where(f => f.ReportId == report.Id).OrderBy(f => f.Unsur).ToListAsync(ct);
        return null;
    }
}
