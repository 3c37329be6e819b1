using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;
using Rapor.Web.Features.Frameworks;
using Rapor.Web.Features.Periods;

namespace Rapor.Web.Data;

/// <summary>
/// Kota Palembang adopting Bandung's system (the seeds' story), for the Development demo: onboarded from the national
/// list (<see cref="DemoTenants"/>), Bandung's 2025 framework copied with the wizard's own code
/// (<see cref="FrameworkCopy"/>, <see cref="PeriodCalendar"/>), and December 2025 reported, verified and finalized for
/// every unit with generated values flagged DATA DEMO — so <c>/Publik/16.71</c> answers. Not real figures.
/// </summary>
public static class DemoPalembang
{
    public const int Year = 2025;
    public const int Month = 12;

    public static async Task SeedAsync(RaporDbContext db, Features.Rapor.ScoringService scoring, TimeProvider clock, CancellationToken ct)
    {
        const string tenant = DemoTenants.Palembang;
        if (!await db.Tenants.AnyAsync(t => t.Code == tenant, ct) || await db.Frameworks.AnyAsync(f => f.TenantCode == tenant, ct))
            return;
        var source = await db.Frameworks.Include(f => f.Bidang).ThenInclude(b => b.Indicators).AsSplitQuery()
            .FirstOrDefaultAsync(f => f.TenantCode == DemoTenants.Bandung && f.Year == Year, ct);
        if (source is null)
            return;
        var framework = FrameworkCopy.Copy(source, tenant, Year);
        framework.FrozenAt = clock.GetUtcNow().UtcDateTime;
        db.Frameworks.Add(framework);
        await db.SaveChangesAsync(ct);
        await PeriodCalendar.OpenYearAsync(db, tenant, Year, ct);

        var period = await db.Periods.SingleAsync(p => p.TenantCode == tenant && p.Year == Year && p.Month == Month, ct);
        var units = await db.Regions.Where(r => r.TenantCode == tenant && r.Level != RegionLevel.KabupatenKota && r.IsActive).OrderBy(r => r.Code).ToListAsync(ct);
        db.SuppressAudit = true;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var unit in units)
                DemoReports.AddReport(db, framework, period, unit, ReportStatus.Diverifikasi, innovations: [], now);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            period = await db.Periods.SingleAsync(p => p.Id == period.Id, ct);
            await scoring.RecomputeAsync(period, ct);
            period.FinalizedAt = clock.GetUtcNow().UtcDateTime;
            period.FinalizedBy = "demo";
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressAudit = false;
        }
    }
}
