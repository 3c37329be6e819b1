using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Periods;

/// <summary>Opening a year: the twelve monthly periods and the annual one on the default calendar (editable later).</summary>
public static class PeriodCalendar
{
    /// <summary>Adds the periods of <paramref name="year"/> that are missing; the message says what happened (Indonesian).</summary>
    public static async Task<(int Added, string Message)> OpenYearAsync(RaporDbContext db, string tenant, int year, CancellationToken ct)
    {
        if (year is < 2020 or > 2100)
            return (0, "Tahun tidak valid.");
        if (!await db.Frameworks.AnyAsync(f => f.TenantCode == tenant && f.Year == year, ct))
            return (0, $"Belum ada kerangka penilaian tahun {year}. Salin atau buat kerangka dulu di menu Kerangka.");
        var existing = await db.Periods.Where(p => p.TenantCode == tenant && p.Year == year).Select(p => p.Month).ToListAsync(ct);
        var added = Enumerable.Range(1, 12).Where(m => !existing.Contains(m)).Select(m => Period.Monthly(tenant, year, m)).ToList();
        if (!existing.Contains(null))
            added.Add(Period.Annual(tenant, year));
        db.Periods.AddRange(added);
        await db.SaveChangesAsync(ct);
        return (added.Count, added.Count == 0 ? $"Periode tahun {year} sudah ada." : $"{added.Count} periode tahun {year} dibuka.");
    }
}
