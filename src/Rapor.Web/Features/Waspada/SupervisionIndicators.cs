using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The kecamatan indicators WASPADA feeds (value sources <see cref="ValueSource.DesaSupervised"/> and
/// <see cref="ValueSource.FindingsOnTime"/>), computed from the supervision records when a report is submitted, with
/// the derivation the unit and the verifier read. A period is a month or a year; see docs/decisions/ADR-031.
/// </summary>
public static class SupervisionIndicators
{
    /// <summary>A message as a key (the Indonesian text with placeholders) and its arguments, rendered in the reader's language.</summary>
    public sealed record Msg(string Key, params object[] Args)
    {
        public override string ToString() => string.Format(Id, Key, Args);
    }

    /// <summary>The value (0–100 %) and how it came about: counts, a sentence, and one line per desa or finding.</summary>
    public sealed record Derivation(double Value, int Numerator, int Denominator, Msg Text, IReadOnlyList<Msg> Lines);

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static bool IsSupervision(ValueSource source) => source is ValueSource.DesaSupervised or ValueSource.FindingsOnTime;

    public static Task<Derivation> ComputeAsync(RaporDbContext db, ValueSource source, string kecamatan, Period period, DateOnly today, CancellationToken ct)
    {
        var from = new DateOnly(period.Year, period.Month ?? 1, 1);
        var to = period.Month is null ? from.AddYears(1) : from.AddMonths(1);
        return source == ValueSource.DesaSupervised
            ? DesaSupervisedAsync(db, kecamatan, from, to, today, ct)
            : FindingsOnTimeAsync(db, kecamatan, from, to, today, ct);
    }

    /// <summary>
    /// % desa diawasi sesuai jadwal. A visit scheduled in the period counts once it is done or its grace period
    /// (<see cref="SupervisionVisit.OnScheduleGraceDays"/> days) has passed; a desa is on schedule when every such visit
    /// was done within the grace period. A desa left out of the year's plan counts as not supervised.
    /// </summary>
    public static async Task<Derivation> DesaSupervisedAsync(RaporDbContext db, string kecamatan, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var desa = await db.Regions.AsNoTracking().Where(r => r.ParentCode == kecamatan && r.Type == "desa").OrderBy(r => r.Name)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var yearFrom = new DateOnly(from.Year, 1, 1);
        var yearTo = yearFrom.AddYears(1);
        var visits = await db.SupervisionVisits.AsNoTracking()
            .Where(v => v.KecamatanCode == kecamatan && v.ScheduledOn >= yearFrom && v.ScheduledOn < yearTo && v.Status != SupervisionVisitStatus.Dibatalkan)
            .ToListAsync(ct);
        var lines = new List<Msg>();
        int on = 0, counted = 0;
        foreach (var d in desa)
        {
            var planned = visits.Where(v => v.DesaCode == d.Code).ToList();
            var due = planned.Where(v => v.ScheduledOn >= from && v.ScheduledOn < to
                && (v.Status == SupervisionVisitStatus.Selesai || v.ScheduledOn.AddDays(SupervisionVisit.OnScheduleGraceDays) < today)).ToList();
            if (planned.Count == 0)
            {
                counted++;
                lines.Add(new("{0}: tidak ada dalam rencana pengawasan {1} (dihitung tidak diawasi)", d.Name, from.Year.ToString(CultureInfo.InvariantCulture)));
            }
            else if (due.Count > 0)
            {
                counted++;
                var ok = due.Count(v => v.DoneOnSchedule);
                if (ok == due.Count)
                    on++;
                lines.Add(new("{0}: {1} dari {2} kunjungan sesuai jadwal", d.Name, ok, due.Count));
            }
        }
        if (counted == 0)
            return new(100, 0, 0, new("Tidak ada kunjungan yang jatuh tempo pada periode ini; tidak ada desa yang terlewat."), lines);
        var value = Math.Round(100.0 * on / counted, 2);
        return new(value, on, counted, new("{0} dari {1} desa diawasi sesuai jadwal (toleransi {2} hari) = {3:0.##} %.", on, counted, SupervisionVisit.OnScheduleGraceDays, value), lines);
    }

    /// <summary>
    /// % temuan ditindaklanjuti tepat waktu: of the findings of the kecamatan's desa whose due date fell in the period
    /// and has passed, those closed with a follow-up the desa sent by the due date (and the kecamatan accepted).
    /// </summary>
    public static async Task<Derivation> FindingsOnTimeAsync(RaporDbContext db, string kecamatan, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var due = await db.Temuan.AsNoTracking()
            .Where(f => f.KecamatanCode == kecamatan && f.DueOn >= from && f.DueOn < to && f.DueOn < today)
            .OrderBy(f => f.DueOn).ToListAsync(ct);
        var names = await db.Regions.AsNoTracking().Where(r => r.ParentCode == kecamatan).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var lines = due.Select(f => new Msg((f.Status, f.ClosedOnTime) switch
        {
            (TemuanStatus.Selesai, true) => "{0} {1} (tenggat {2:dd-MM-yyyy}): ditindaklanjuti tepat waktu",
            (TemuanStatus.Selesai, _) => "{0} {1} (tenggat {2:dd-MM-yyyy}): ditindaklanjuti terlambat",
            (TemuanStatus.Ditanggapi, _) => "{0} {1} (tenggat {2:dd-MM-yyyy}): tanggapan belum diperiksa kecamatan",
            _ => "{0} {1} (tenggat {2:dd-MM-yyyy}): belum ditindaklanjuti",
        }, names.GetValueOrDefault(f.DesaCode, f.DesaCode), f.ItemCode, f.DueOn)).ToList();
        if (due.Count == 0)
            return new(100, 0, 0, new("Tidak ada temuan yang jatuh tempo pada periode ini."), lines);
        var on = due.Count(f => f.Status == TemuanStatus.Selesai && f.ClosedOnTime == true);
        var value = Math.Round(100.0 * on / due.Count, 2);
        return new(value, on, due.Count, new("{0} dari {1} temuan yang jatuh tempo ditindaklanjuti tepat waktu = {2:0.##} %.", on, due.Count, value), lines);
    }
}
