using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;
using Rapor.Web.Features.Frameworks;

namespace Rapor.Web.Data;

/// <summary>
/// Demo reports for every Kota Bandung unit (flagged IsDemo): all of 2025 verified, 2026 verified up to two months
/// ago, last month partly in the pipeline, this month mostly not yet submitted. Values are generated
/// deterministically per unit so rankings and zones look plausible; they are not real figures.
/// </summary>
public static class DemoReports
{
    public const string Tenant = "32.73";

    public static async Task SeedAsync(RaporDbContext db, Features.Rapor.ScoringService scoring, TimeProvider clock, DateOnly today, CancellationToken ct)
    {
        if (await db.Reports.AnyAsync(r => r.IsDemo, ct))
            return;
        var f2025 = await db.Frameworks.Include(f => f.Bidang).ThenInclude(b => b.Indicators).FirstAsync(f => f.TenantCode == Tenant && f.Year == 2025, ct);
        var frameworks = new Dictionary<int, Framework> { [2025] = f2025 };
        for (var year = 2026; year <= today.Year; year++)
        {
            var f = await db.Frameworks.Include(x => x.Bidang).ThenInclude(b => b.Indicators).FirstOrDefaultAsync(x => x.TenantCode == Tenant && x.Year == year, ct);
            if (f is null)
            {
                f = FrameworkCopy.Copy(frameworks[year - 1], Tenant, year);
                db.Frameworks.Add(f);
            }
            frameworks[year] = f;
        }

        var periods = await db.Periods.Where(p => p.TenantCode == Tenant).ToListAsync(ct);
        Period EnsurePeriod(int year, int? month)
        {
            var p = periods.FirstOrDefault(x => x.Year == year && x.Month == month);
            if (p is null)
            {
                p = month is { } m ? Period.Monthly(Tenant, year, m) : Period.Annual(Tenant, year);
                periods.Add(p);
                db.Periods.Add(p);
            }
            return p;
        }

        var units = await db.Regions.Where(r => r.TenantCode == Tenant && r.Level != RegionLevel.KabupatenKota).OrderBy(r => r.Code).ToListAsync(ct);
        // Counted indicators are never typed: their values come from the registry (innovations) or from activity rows made here.
        var innovations = (await db.InnovationSteps.Where(s => s.Stage == InnovationStage.Penerapan && s.Status == StageStatus.Diverifikasi && s.VerifiedOn != null)
                .Select(s => new { s.UnitCode, s.VerifiedOn }).ToListAsync(ct))
            .GroupBy(s => (s.UnitCode, s.VerifiedOn!.Value.Year)).ToDictionary(g => g.Key, g => g.Count());
        var now = clock.GetUtcNow().UtcDateTime;
        db.SuppressAudit = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var year = 2025; year <= today.Year; year++)
            {
                var framework = frameworks[year];
                if (framework.FrozenAt is null)
                    framework.FrozenAt = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                for (var month = 1; month <= 12; month++)
                {
                    var period = EnsurePeriod(year, month);
                    if (period.OpensOn > today)
                        continue;
                    foreach (var unit in units)
                        AddReport(db, framework, period, unit, StatusFor(period, unit, today), innovations, now);
                }
                var annual = EnsurePeriod(year, null);
                if (annual.LocksOn < today)
                {
                    foreach (var unit in units)
                        AddReport(db, framework, annual, unit, ReportStatus.Diverifikasi, innovations, now);
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressAudit = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        db.ChangeTracker.Clear();

        // Score every period in the pipeline; finalize the locked ones so the public rankings and the API answer.
        foreach (var period in (await db.Periods.Where(p => p.TenantCode == Tenant && p.OpensOn <= today).ToListAsync(ct))
                     .OrderBy(p => p.Year).ThenBy(p => p.Month ?? 13))
        {
            await scoring.RecomputeAsync(period, ct);
            if (period.LocksOn < today)
                period.FinalizedAt = clock.GetUtcNow().UtcDateTime;
        }
        db.SuppressAudit = true;
        await db.SaveChangesAsync(ct);
        db.SuppressAudit = false;
    }

    /// <summary>Past locked periods are verified; the current open month is left for the units to fill.</summary>
    private static ReportStatus? StatusFor(Period period, Region unit, DateOnly today)
    {
        if (period.LocksOn < today)
            return ReportStatus.Diverifikasi;
        if (period.Deadline < today)
            return unit.Level == RegionLevel.Kelurahan ? ReportStatus.DisetujuiCamat : ReportStatus.Diajukan;
        // Open month: about a third already submitted, Cinambo's kelurahan untouched for the walkthrough.
        if (unit.Code.StartsWith(DemoData.Cinambo, StringComparison.Ordinal))
            return null;
        return Hash(unit.Code + period.Key) % 3 == 0 ? ReportStatus.Diajukan : Hash(unit.Code) % 4 == 0 ? ReportStatus.Draf : null;
    }

    private static void AddReport(RaporDbContext db, Framework framework, Period period, Region unit, ReportStatus? status,
        Dictionary<(string, int), int> innovations, DateTime now)
    {
        if (status is not { } s)
            return;
        var report = new Report { PeriodId = period.Id, UnitCode = unit.Code, Level = unit.Level, FrameworkId = framework.Id, IsDemo = true };
        var submitted = period.Deadline.AddDays(-(int)(Hash(unit.Code) % 8)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        // The open month's early submitters sent theirs in the last days, never in the future.
        if (submitted > now)
            submitted = Max(now.AddHours(-1 - Hash(unit.Code) % 72), period.OpensOn.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc));
        if (s != ReportStatus.Draf)
            report.SetStatusForDemo(s, submitted);
        var frequency = period.Kind == PeriodKind.Monthly ? Frequency.Monthly : Frequency.Annual;
        var quality = Quality(unit.Code);
        foreach (var indicator in framework.Indicators.Where(i => i.Frequency == frequency && i.AppliesTo(unit.Level)))
        {
            var seed = Hash(unit.Code + indicator.Code + period.Key);
            var value = indicator.Source switch
            {
                ValueSource.Innovations => innovations.GetValueOrDefault((unit.Code, period.Year)),
                _ => Value(indicator, quality, seed),
            };
            if (indicator.Source == ValueSource.FieldActivities)
                AddActivities(db, unit, period, indicator.ActivityKind!, (int)value, now);
            var verified = s == ReportStatus.Diverifikasi;
            // About one typed claim in thirty is corrected down by the verifier, so claimed and verified differ somewhere.
            var corrected = verified && indicator.IsTyped && seed % 30 == 0 && value > 0 && indicator.Type is not (IndicatorType.YesNo or IndicatorType.Document);
            report.Values.Add(new ReportValue
            {
                ReportId = report.Id,
                IndicatorId = indicator.Id,
                UnitCode = unit.Code,
                Value = value,
                VerifiedValue = !verified ? null : corrected ? Math.Round(value * 0.8, 1) : value,
                Verification = !verified ? VerificationStatus.Belum : corrected ? VerificationStatus.Dikoreksi : VerificationStatus.Diterima,
                VerificationNote = corrected ? "Bukti hanya mendukung sebagian klaim (demo)." : null,
                VerifiedBy = verified ? "verifikator" : null,
                VerifiedAt = verified ? submitted.AddDays(5) : null,
            });
        }
        db.Reports.Add(report);
    }

    /// <summary>The activity rows a counted indicator's value stands for, spread over the month (never after today).</summary>
    private static void AddActivities(RaporDbContext db, Region unit, Period period, string kind, int count, DateTime now)
    {
        var first = new DateOnly(period.Year, period.Month!.Value, 1);
        var lastDay = Math.Min(first.AddMonths(1).AddDays(-1).Day, first.Year == now.Year && first.Month == now.Month ? now.Day : 31);
        for (var n = 0; n < count; n++)
        {
            var seed = Hash(unit.Code + kind + period.Key + n.ToString(CultureInfo.InvariantCulture));
            var date = first.AddDays((int)(seed % (uint)lastDay));
            db.FieldActivities.Add(new FieldActivity
            {
                UnitCode = unit.Code, Kind = kind, Date = date, Place = $"RW {1 + seed % 12:00} (demo)", Participants = 15 + (int)(seed % 60),
                Description = "DATA DEMO", CreatedBy = "demo", CreatedAt = date.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
            });
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>How well a unit does, 0.76–1.05; Cinambo, the 2017 winner, does best.</summary>
    private static double Quality(string code) =>
        code.StartsWith(DemoData.Cinambo, StringComparison.Ordinal) ? 1.02 : 0.76 + (Hash(code) % 1000) / 1000.0 * 0.29;

    private static double Value(Indicator i, double quality, uint noiseSeed)
    {
        var noise = 0.9 + (noiseSeed % 200) / 1000.0; // 0.90–1.10
        return i.Type switch
        {
            IndicatorType.YesNo or IndicatorType.Document => quality * noise > 0.85 ? 1 : 0,
            _ when i.Direction == Direction.LowerIsBetter => Math.Round(i.Target / Math.Max(0.3, quality * noise), 1),
            IndicatorType.Percentage => Math.Min(100, Math.Round(i.Target * quality * noise, 1)),
            IndicatorType.ActivityCount => Math.Max(0, Math.Round(i.Target * quality * noise)),
            _ => Math.Round(i.Target * quality * noise, 1),
        };
    }

    /// <summary>FNV-1a: stable across runs and platforms, unlike string.GetHashCode.</summary>
    private static uint Hash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
            h = (h ^ c) * 16777619u;
        return h;
    }
}
