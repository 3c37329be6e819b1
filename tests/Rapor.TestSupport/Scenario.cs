using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;
using Rapor.Web.Features.Frameworks;

namespace Rapor.TestSupport;

/// <summary>Arranges reporting data straight in the database, so each test states only what it is about.</summary>
public static class Scenario
{
    public const string Tenant = "32.73";
    public const string Cinambo = "32.73.29";
    public const string CisarantenWetan = "32.73.29.1001";
    public const string Sukamulya = "32.73.29.1003";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A Bandung period with the given dates; its year gets a copy of the seeded 2025 framework if it has none.</summary>
    /// <param name="today">The day the offsets count from (a test with its own clock); the machine's date by default.</param>
    public static async Task<string> OpenPeriodAsync(this RaporFactory f, int year, int? month, int opensInDays = -10, int deadlineInDays = 10, int locksInDays = 20, DateOnly? today = null)
    {
        var from = today ?? Today;
        await f.WithDbAsync(async db =>
        {
            if (!await db.Frameworks.AnyAsync(x => x.TenantCode == Tenant && x.Year == year))
            {
                var source = await db.Frameworks.Include(x => x.Bidang).ThenInclude(b => b.Indicators).FirstAsync(x => x.TenantCode == Tenant && x.Year == 2025);
                db.Frameworks.Add(FrameworkCopy.Copy(source, Tenant, year));
            }
            var p = await db.Periods.FirstOrDefaultAsync(x => x.TenantCode == Tenant && x.Year == year && x.Month == month);
            if (p is null)
            {
                p = month is { } m ? Period.Monthly(Tenant, year, m) : Period.Annual(Tenant, year);
                db.Periods.Add(p);
            }
            p.OpensOn = from.AddDays(opensInDays);
            p.Deadline = from.AddDays(deadlineInDays);
            p.LocksOn = from.AddDays(locksInDays);
            return await db.SaveChangesAsync();
        });
        return month is { } mm ? $"{year}-{mm:00}" : $"{year}";
    }

    /// <summary>The indicators a unit at <paramref name="level"/> fills in a monthly report of <paramref name="year"/>.</summary>
    public static Task<List<Indicator>> MonthlyIndicatorsAsync(this RaporFactory f, int year, RegionLevel level) =>
        f.WithDbAsync(async db =>
        {
            var fw = await db.Frameworks.Include(x => x.Bidang).ThenInclude(b => b.Indicators).FirstAsync(x => x.TenantCode == Tenant && x.Year == year);
            return fw.Indicators.Where(i => i.Frequency == Frequency.Monthly && i.AppliesTo(level)).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        });

    /// <summary>
    /// A submitted report of <paramref name="unit"/> with every applicable monthly indicator claimed at
    /// <paramref name="fractionOfTarget"/> of its target (yes/no: ya), waiting for the city.
    /// </summary>
    public static Task SubmittedReportAsync(this RaporFactory f, string unit, string period, double fractionOfTarget) =>
        f.WithDbAsync(async db =>
        {
            if (!Period.TryParseKey(period, out var y, out var m))
                throw new ArgumentException(period, nameof(period));
            var p = await db.Periods.FirstAsync(x => x.TenantCode == Tenant && x.Year == y && x.Month == m);
            var fw = await db.Frameworks.Include(x => x.Bidang).ThenInclude(b => b.Indicators).FirstAsync(x => x.TenantCode == Tenant && x.Year == y);
            var region = await db.Regions.FirstAsync(r => r.Code == unit);
            var report = new Report { PeriodId = p.Id, UnitCode = unit, Level = region.Level, FrameworkId = fw.Id };
            foreach (var i in fw.Indicators.Where(i => i.Frequency == Frequency.Monthly && i.AppliesTo(region.Level)))
                report.Values.Add(new ReportValue
                {
                    ReportId = report.Id, IndicatorId = i.Id, UnitCode = unit,
                    Value = i.Type is IndicatorType.YesNo or IndicatorType.Document ? 1 : i.Direction == Direction.LowerIsBetter ? i.Target / fractionOfTarget : i.Target * fractionOfTarget,
                });
            report.Submit("test", DateTime.UtcNow, late: false);
            if (report.NeedsCamatApproval)
                report.ApproveByCamat("test", DateTime.UtcNow, null);
            db.Reports.Add(report);
            return await db.SaveChangesAsync();
        });

    /// <summary>A file that is a PNG by content (signature and a minimal header).</summary>
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
}
