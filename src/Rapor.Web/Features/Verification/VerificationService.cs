using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Notifications;
using Rapor.Web.Features.Rapor;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

public enum Decision { Terima, Koreksi, Tolak }

/// <summary>Desk verification decisions: each one updates the unit's verified score and the ranking at once.</summary>
public sealed class VerificationService(RaporDbContext db, ScoringService scoring, Notifier notifier, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Reports wait for the city once submitted (kecamatan) or approved by their camat (kelurahan).</summary>
    public static bool AwaitsCity(Report r) => r.Status == (r.NeedsCamatApproval ? ReportStatus.DisetujuiCamat : ReportStatus.Diajukan);

    /// <summary>Every verification action needs a report waiting for the city in a period that is not finalized.</summary>
    private static Report WaitingReport(ReportWorkflow.Context c)
    {
        var report = c.Report ?? throw new DomainException("Unit ini belum mengajukan laporan.");
        if (c.Period.FinalizedAt is not null)
            throw new DomainException("Periode sudah difinalisasi; keputusan tidak dapat diubah.");
        if (!AwaitsCity(report))
            throw new DomainException("Laporan ini tidak sedang menunggu verifikasi kota.");
        return report;
    }

    public async Task DecideAsync(ReportWorkflow.Context c, Guid indicatorId, Decision decision, string? raw, string? note, CancellationToken ct)
    {
        WaitingReport(c);
        var indicator = c.Indicators.FirstOrDefault(i => i.Id == indicatorId) ?? throw new DomainException("Indikator tidak termasuk laporan ini.");
        var value = c.ValueOf(indicatorId) ?? throw new DomainException("Indikator ini tidak memiliki nilai.");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        switch (decision)
        {
            case Decision.Terima:
                value.VerifiedValue = value.Value;
                value.Verification = VerificationStatus.Diterima;
                break;
            case Decision.Koreksi:
                if (!ValueParser.TryParse(indicator, raw, out var corrected, out var error) || corrected is null)
                    throw new DomainException(error ?? "Nilai koreksi wajib diisi.");
                if (note is null)
                    throw new DomainException("Alasan koreksi wajib diisi.");
                value.VerifiedValue = corrected;
                value.Verification = VerificationStatus.Dikoreksi;
                break;
            case Decision.Tolak:
                if (note is null)
                    throw new DomainException("Alasan penolakan wajib diisi.");
                // A rejected claim counts as missing (0), never as a value: for lower-is-better, 0 would be perfect.
                value.VerifiedValue = null;
                value.Verification = VerificationStatus.Ditolak;
                break;
        }
        value.VerificationNote = note;
        value.VerifiedBy = user.Name;
        value.VerifiedAt = clock.GetUtcNow().UtcDateTime;
        value.Version++;
        await SaveAndRescoreAsync(c, ct);
    }

    /// <summary>The decision and the standings it changes commit together, or neither does.</summary>
    private async Task SaveAndRescoreAsync(ReportWorkflow.Context c, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        await scoring.ApplyDecisionAsync(c.Period, c.Unit.Code, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Closes verification: every value must have a decision (or be accepted in bulk with <paramref name="acceptRest"/>).</summary>
    public async Task CompleteAsync(ReportWorkflow.Context c, bool acceptRest, string? note, CancellationToken ct)
    {
        var report = WaitingReport(c);
        var pending = report.Values.Where(v => v.Verification == VerificationStatus.Belum).ToList();
        if (pending.Count > 0 && !acceptRest)
            throw new DomainException($"{pending.Count} indikator belum diputuskan.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var v in pending)
        {
            v.VerifiedValue = v.Value;
            v.Verification = VerificationStatus.Diterima;
            v.VerifiedBy = user.Name;
            v.VerifiedAt = now;
        }
        report.Verify(user.Name, now, note);
        await notifier.NotifyUnitAsync(c.Unit.Code, null, $"Laporan {c.Period.Label} telah diverifikasi.", $"/Rapor/{c.Unit.Code}/{c.Period.Key}", ct);
        await SaveAndRescoreAsync(c, ct);
    }

    public async Task ReturnAsync(ReportWorkflow.Context c, string note, CancellationToken ct)
    {
        var report = WaitingReport(c);
        report.Return(user.Name, clock.GetUtcNow().UtcDateTime, note);
        await notifier.NotifyUnitAsync(c.Unit.Code, null, $"Laporan {c.Period.Label} dikembalikan verifikator: {note}", ReportWorkflow.FillLink(c), ct);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Risk-based verification: a claimed value far from the unit's own last three months, or from the median of its
/// peers this period, is flagged so the verifier looks at it first.
/// </summary>
public static class RiskFlags
{
    public const double JumpRatio = 0.5;

    public sealed record Flag(Guid IndicatorId, string Message);

    public static List<Flag> For(IEnumerable<(Guid IndicatorId, double Value)> claims, IReadOnlyDictionary<Guid, double> historyMean, IReadOnlyDictionary<Guid, double> peerMedian)
    {
        var flags = new List<Flag>();
        foreach (var (id, v) in claims)
        {
            if (historyMean.TryGetValue(id, out var mean) && mean > 0 && Math.Abs(v - mean) / mean > JumpRatio)
                flags.Add(new(id, $"berubah {(v - mean) / mean:+0%;-0%} dari rata-rata 3 bulan ({mean:0.##})"));
            else if (peerMedian.TryGetValue(id, out var median) && median > 0 && (v > median * 2 || v < median / 2))
                flags.Add(new(id, $"jauh dari median unit sejenis ({median:0.##})"));
        }
        return flags;
    }

    /// <summary>Flags of every report of a period in one pass (inbox order) — keyed by unit code.</summary>
    public static async Task<Dictionary<string, List<Flag>>> ForPeriodAsync(RaporDbContext db, Period period, CancellationToken ct)
    {
        var claims = await (from r in db.Reports
                            join v in db.ReportValues on r.Id equals v.ReportId
                            where r.PeriodId == period.Id && r.Status != ReportStatus.Draf && v.Value != null
                            select new { r.UnitCode, r.Level, v.IndicatorId, Value = v.Value!.Value }).AsNoTracking().ToListAsync(ct);
        var previous = period.Month is { } m
            ? (await db.Periods.AsNoTracking().Where(p => p.TenantCode == period.TenantCode && p.Month != null).ToListAsync(ct))
                .Where(p => (p.Year * 12 + p.Month!.Value) is var k && k < period.Year * 12 + m && k >= period.Year * 12 + m - 3).Select(p => p.Id).ToList()
            : [];
        var history = await (from r in db.Reports
                             join v in db.ReportValues on r.Id equals v.ReportId
                             where previous.Contains(r.PeriodId) && v.VerifiedValue != null
                             select new { r.UnitCode, v.IndicatorId, Value = v.VerifiedValue!.Value }).AsNoTracking().ToListAsync(ct);
        var historyMean = history.GroupBy(h => (h.UnitCode, h.IndicatorId)).ToDictionary(g => g.Key, g => g.Average(x => x.Value));
        var medians = claims.GroupBy(c => (c.Level, c.IndicatorId)).ToDictionary(g => g.Key, g => Median(g.Select(x => x.Value)));
        return claims.GroupBy(c => c.UnitCode).ToDictionary(g => g.Key, g =>
        {
            var level = g.First().Level;
            return For(g.Select(c => (c.IndicatorId, c.Value)),
                g.Where(c => historyMean.ContainsKey((g.Key, c.IndicatorId))).ToDictionary(c => c.IndicatorId, c => historyMean[(g.Key, c.IndicatorId)]),
                g.ToDictionary(c => c.IndicatorId, c => medians[(level, c.IndicatorId)]));
        });
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.Order().ToArray();
        return a.Length == 0 ? 0 : a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2;
    }
}
