using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Notifications;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Reports;

/// <summary>
/// The rules of filling and moving one unit's report through its period; used by the form, the Excel upload and the API
/// so all three behave the same. Authorization is the caller's job (pages and endpoints check the unit first).
/// </summary>
public sealed class ReportWorkflow(RaporDbContext db, TimeProvider clock, ICurrentUser user, Notifier notifier, FileStorage storage, EvidenceIntake intake)
{
    public sealed class Context
    {
        public required Period Period { get; init; }
        public required Region Unit { get; init; }
        public required Framework Framework { get; init; }
        public Report? Report { get; set; }
        public DeadlineExtension? Extension { get; init; }
        public required List<Indicator> Indicators { get; init; }
        public required Dictionary<Guid, List<Evidence>> Evidence { get; init; }
        public required Dictionary<string, int> ActivityCounts { get; init; }

        /// <summary>Values computed from the kecamatan's supervision of its desa (WASPADA), with their derivation, per indicator.</summary>
        public Dictionary<Guid, Waspada.SupervisionIndicators.Derivation> Supervision { get; init; } = [];

        public ReportValue? ValueOf(Guid indicatorId) => Report?.Values.FirstOrDefault(v => v.IndicatorId == indicatorId);

        public IReadOnlyList<Evidence> EvidenceOf(Guid indicatorId) =>
            ValueOf(indicatorId) is { } v && Evidence.TryGetValue(v.Id, out var list) ? list : [];

        public DateOnly Deadline => Period.DeadlineFor(Extension);

        /// <summary>The unit's service-desk figures for the period, when a service-desk indicator is in this report.</summary>
        public Queue.ServiceDeskFigures? ServiceDesk { get; set; }

        /// <summary>Typed in this report: manual indicators, and service-desk ones the unit's desk does not (yet) feed.</summary>
        public bool IsTyped(Indicator i) => i.IsTyped && !(i.IsServiceDeskFed && ServiceDesk?.Feeds(i.Source) == true);

        public ReportStatus? Status => Report?.Status;
    }

    public sealed record SaveResult(bool Saved, string? Error, bool Conflict);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<Context?> LoadAsync(string unitCode, string periodKey, CancellationToken ct)
    {
        if (!Period.TryParseKey(periodKey, out var year, out var month) || !RegionCode.IsValid(unitCode))
            return null;
        var unit = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unitCode && r.Level != RegionLevel.KabupatenKota, ct);
        if (unit is null)
            return null;
        var period = await db.Periods.FirstOrDefaultAsync(p => p.TenantCode == unit.TenantCode && p.Year == year && p.Month == month, ct);
        var framework = await db.Frameworks.Include(f => f.Bidang).ThenInclude(b => b.Indicators)
            .AsSplitQuery().FirstOrDefaultAsync(f => f.TenantCode == unit.TenantCode && f.Year == year, ct);
        if (period is null || framework is null)
            return null;
        var report = await db.Reports.Include(r => r.Values).Include(r => r.Events)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.PeriodId == period.Id && r.UnitCode == unitCode, ct);
        var frequency = period.Kind == PeriodKind.Monthly ? Frequency.Monthly : Frequency.Annual;
        var indicators = framework.Indicators.Where(i => i.Frequency == frequency && i.AppliesTo(unit.Level)).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var extension = await db.DeadlineExtensions.AsNoTracking().FirstOrDefaultAsync(e => e.PeriodId == period.Id && e.UnitCode == unitCode, ct);
        var valueIds = report?.Values.Select(v => v.Id).ToList() ?? [];
        var evidence = valueIds.Count == 0 ? [] : await db.Evidence.AsNoTracking()
            .Where(e => e.ReportValueId != null && valueIds.Contains(e.ReportValueId.Value)).OrderBy(e => e.UploadedAt).ToListAsync(ct);
        return await ContextAsync(unit, period, framework, report, indicators, evidence, extension, countActivities: true, ct);
    }

    /// <summary>What one autosave reads, in one round trip (see <see cref="ValueRowQuery"/>).</summary>
    private sealed record ValueRow(Region Unit, Period Period, Framework Framework, Report? Report, ReportValue? Value,
        DeadlineExtension? Extension, int EvidenceCount);

    /// <summary>
    /// Unit, period, framework (tracked: a first report freezes it), the report with this one value, the unit's deadline
    /// extension and whether the value has evidence. Compiled once: translating a query this size costs more than
    /// running it, and the autosave is the most frequent request.
    /// </summary>
    private static readonly Func<RaporDbContext, string, Guid, int, int?, CancellationToken, Task<ValueRow?>> ValueRowQuery =
        EF.CompileAsyncQuery((RaporDbContext db, string unitCode, Guid indicatorId, int year, int? month, CancellationToken ct) =>
            (from u in db.Regions
             where u.Code == unitCode && u.Level != RegionLevel.KabupatenKota
             from p in db.Periods
             where p.TenantCode == u.TenantCode && p.Year == year && p.Month == month
             from f in db.Frameworks
             where f.TenantCode == u.TenantCode && f.Year == year
             join r in db.Reports.Where(r => r.UnitCode == unitCode) on p.Id equals r.PeriodId into rs
             from r in rs.DefaultIfEmpty()
             join v in db.ReportValues.Where(v => v.IndicatorId == indicatorId) on r.Id equals v.ReportId into vs
             from v in vs.DefaultIfEmpty()
             join e in db.DeadlineExtensions.Where(e => e.UnitCode == unitCode) on p.Id equals e.PeriodId into es
             from e in es.DefaultIfEmpty()
             select new ValueRow(u, p, f, r, v, e, db.Evidence.Count(x => x.ReportValueId != null && x.ReportValueId == v.Id))).FirstOrDefault());

    /// <summary>
    /// Indicators of a frozen framework never change (editing is refused once frozen and nothing unfreezes), so each
    /// process keeps one read-only copy of those an autosave has used; a framework not yet frozen is always read.
    /// </summary>
    private static readonly ConcurrentDictionary<Guid, (Guid FrameworkId, Indicator Indicator)> FrozenIndicators = new();

    private async Task<Indicator?> IndicatorOfAsync(Framework framework, Guid indicatorId, CancellationToken ct)
    {
        if (FrozenIndicators.TryGetValue(indicatorId, out var known))
            return known.FrameworkId == framework.Id ? known.Indicator : null;
        var indicator = await db.Indicators.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == indicatorId && db.Bidang.Any(b => b.Id == i.BidangId && b.FrameworkId == framework.Id), ct);
        if (indicator is not null && framework.FrozenAt is not null)
            FrozenIndicators.TryAdd(indicatorId, (framework.Id, indicator));
        return indicator;
    }

    /// <summary>
    /// The context of one value only (the autosave of one field): the same rules apply, but only that indicator,
    /// its value row and its evidence are read.
    /// </summary>
    public async Task<Context?> LoadForValueAsync(string unitCode, string periodKey, Guid indicatorId, CancellationToken ct)
    {
        if (!Period.TryParseKey(periodKey, out var year, out var month) || !RegionCode.IsValid(unitCode))
            return null;
        // A tracking query: the report and the value are saved through it (and EF puts the value into Report.Values).
        if (await ValueRowQuery(db, unitCode, indicatorId, year, month, ct) is not { } row)
            return null;
        var frequency = row.Period.Kind == PeriodKind.Monthly ? Frequency.Monthly : Frequency.Annual;
        var indicator = await IndicatorOfAsync(row.Framework, indicatorId, ct) is { } one && one.Frequency == frequency && one.AppliesTo(row.Unit.Level) ? one : null;
        var evidence = row.Value is null || row.EvidenceCount == 0 ? [] : await db.Evidence.AsNoTracking().Where(x => x.ReportValueId == row.Value.Id).OrderBy(x => x.UploadedAt).ToListAsync(ct);
        return await ContextAsync(row.Unit, row.Period, row.Framework, row.Report, indicator is null ? [] : [indicator],
            evidence, row.Extension, countActivities: indicator?.Source == ValueSource.FieldActivities, ct, deriveSupervision: false);
    }

    private async Task<Context> ContextAsync(Region unit, Period period, Framework framework, Report? report, List<Indicator> indicators,
        List<Evidence> evidence, DeadlineExtension? extension, bool countActivities, CancellationToken ct, bool deriveSupervision = true)
    {
        var supervision = new Dictionary<Guid, Waspada.SupervisionIndicators.Derivation>();
        if (deriveSupervision && unit.Level == RegionLevel.Kecamatan)
        {
            foreach (var i in indicators.Where(i => Waspada.SupervisionIndicators.IsSupervision(i.Source)))
                supervision[i.Id] = await Waspada.SupervisionIndicators.ComputeAsync(db, i.Source, unit.Code, period, Today, ct);
        }
        var from = new DateOnly(period.Year, period.Month ?? 1, 1);
        var to = period.Month is null ? from.AddYears(1) : from.AddMonths(1);
        var counts = !countActivities ? [] : await db.FieldActivities.Where(a => a.UnitCode == unit.Code && a.Date >= from && a.Date < to)
            .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new Context
        {
            Period = period,
            Unit = unit,
            Framework = framework,
            Report = report,
            Extension = extension,
            Indicators = indicators,
            Evidence = evidence.GroupBy(e => e.ReportValueId!.Value).ToDictionary(g => g.Key, g => g.ToList()),
            ActivityCounts = counts,
            ServiceDesk = indicators.Any(i => i.IsServiceDeskFed) ? await Queue.ServiceDeskValues.LoadAsync(db, unit, period, clock.LocalTimeZone, ct) : null,
            Supervision = supervision,
        };
    }

    /// <summary>Why the report cannot be edited now, or null when it can.</summary>
    public string? EditBlockReason(Context c)
    {
        if (c.Period.FinalizedAt is not null)
            return "Periode ini sudah difinalisasi.";
        if (!c.Unit.IsActive)
            return $"Unit ini tidak aktif lagi sejak {c.Unit.InactiveSince:dd-MM-yyyy} (dihapus dari daftar kode wilayah); laporannya hanya dapat dibaca.";
        if (Today < c.Period.OpensOn)
            return $"Periode ini baru dibuka {c.Period.OpensOn:dd-MM-yyyy}.";
        if (Today > c.Period.LocksOn && (c.Extension is null || Today > c.Extension.NewDeadline))
            return $"Periode ini sudah dikunci sejak {c.Period.LocksOn:dd-MM-yyyy}.";
        if (c.Report is { IsEditable: false })
            return "Laporan sudah diajukan dan hanya dapat dibaca sampai dikembalikan.";
        return null;
    }

    public async Task<SaveResult> SaveValueAsync(Context c, Guid indicatorId, string? raw, string? note, int? expectedVersion, CancellationToken ct)
    {
        if (EditBlockReason(c) is { } blocked)
            return new(false, blocked, false);
        var indicator = c.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        if (indicator is null)
            return new(false, "Indikator tidak termasuk laporan ini.", false);
        if (!c.IsTyped(indicator))
            return new(false, "Nilai indikator ini dihitung otomatis dan tidak diisi manual.", false);
        if (!ValueParser.TryParse(indicator, raw, out var value, out var error))
            return new(false, error, false);
        if (note is { Length: > 2000 })
            return new(false, "Catatan paling panjang 2000 karakter.", false);

        await EnsureReportAsync(c, ct);
        var row = EnsureValue(c, indicator);
        if (expectedVersion is { } expected && row.Version != expected)
            return new(false, ConflictMessage, true);
        Apply(row, value, note);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false, ConflictMessage, true);
        }
        return new(true, null, false);
    }

    /// <summary>
    /// Stores one file as evidence of an indicator (form and API alike): checked by content and size, then its photo
    /// checks (time, place, metadata, reuse) run and their flags are stored with it. Returns the evidence or the
    /// reason it was refused.
    /// </summary>
    public async Task<(Evidence? Evidence, string? Error)> AddEvidenceAsync(Context c, Indicator indicator, Stream content, string? fileName, long length, CancellationToken ct)
    {
        if (EditBlockReason(c) is { } blocked)
            return (null, blocked);
        if (length == 0)
            return (null, "Pilih berkas bukti terlebih dahulu.");
        if (length > EvidenceFormat.MaxBytes)
            return (null, "Berkas lebih dari 10 MB.");
        var id = Guid.CreateVersion7();
        var (stored, error) = await storage.SaveAsync(id, content, ct);
        if (stored is null)
            return (null, error);
        Evidence evidence;
        try
        {
            await EnsureReportAsync(c, ct);
            evidence = new Evidence
            {
                Id = id,
                UnitCode = c.Unit.Code,
                ReportValueId = EnsureValue(c, indicator).Id,
                FileName = FileStorage.SafeDisplayName(fileName, stored.Extension),
                ContentType = stored.ContentType,
                Size = stored.Size,
                Sha256 = stored.Sha256,
                UploadedBy = user.Name,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            await intake.PrepareAsync(evidence, EvidenceContext.ForReport(c.Unit.Code, c.Period), ct);
            db.Evidence.Add(evidence);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            storage.Delete(id); // no orphan file when the row cannot be saved
            throw;
        }
        await intake.CheckReuseAsync(ct);
        if (!c.Evidence.TryGetValue(evidence.ReportValueId!.Value, out var list))
            c.Evidence[evidence.ReportValueId.Value] = list = [];
        list.Add(evidence);
        return (evidence, null);
    }

    public sealed record Entry(string Code, string? Raw, string? Note, int? Version, string Where);

    /// <summary>
    /// Saves many values at once (Excel upload, API): every entry is checked first and nothing is saved when any
    /// fails; the errors name where (row or item) and what.
    /// </summary>
    public async Task<List<string>> SaveManyAsync(Context c, IReadOnlyList<Entry> entries, CancellationToken ct)
    {
        if (EditBlockReason(c) is { } blocked)
            return [blocked];
        var errors = new List<string>();
        var parsed = new List<(Indicator Indicator, double? Value, string? Note, int? Version)>();
        foreach (var e in entries)
        {
            var indicator = c.Indicators.FirstOrDefault(i => i.Code == e.Code.Trim());
            if (indicator is null)
                errors.Add($"{e.Where}: kode indikator \"{e.Code}\" tidak ada dalam laporan ini.");
            else if (!c.IsTyped(indicator))
                continue; // counted automatically; a value in the sheet is ignored
            else if (!ValueParser.TryParse(indicator, e.Raw, out var value, out var error))
                errors.Add($"{e.Where} ({indicator.Code}): {error}");
            else if (e.Note is { Length: > 2000 })
                errors.Add($"{e.Where} ({indicator.Code}): catatan paling panjang 2000 karakter.");
            else if (e.Version is { } v && (c.ValueOf(indicator.Id)?.Version ?? 0) != v)
                errors.Add($"{e.Where} ({indicator.Code}): {ConflictMessage}");
            else
                parsed.Add((indicator, value, e.Note, e.Version));
        }
        foreach (var dup in entries.GroupBy(e => e.Code.Trim()).Where(g => g.Count() > 1))
            errors.Add($"Kode {dup.Key} muncul lebih dari sekali.");
        if (errors.Count > 0)
            return errors;
        await EnsureReportAsync(c, ct);
        foreach (var (indicator, value, note, _) in parsed)
        {
            Apply(EnsureValue(c, indicator), value, note);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [ConflictMessage];
        }
        return [];
    }

    private static void Apply(ReportValue row, double? value, string? note)
    {
        row.Value = value;
        row.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        row.Version++;
    }

    public const string ConflictMessage = "Nilai ini baru saja diubah oleh pengguna lain. Nilai terbaru ditampilkan; periksa lalu simpan lagi.";

    /// <summary>
    /// Saves the unit's report row (Draf) if it has none yet, before a value or evidence goes into it. Two first saves
    /// can race to create it — there is one report per period and unit — and the one that loses carries on with the
    /// report the other created instead of failing.
    /// </summary>
    public async Task EnsureReportAsync(Context c, CancellationToken ct)
    {
        if (c.Report is not null)
            return;
        var report = NewReport(c);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(report).State = EntityState.Detached;
            c.Report = await db.Reports.Include(r => r.Values).Include(r => r.Events).AsSplitQuery()
                .FirstOrDefaultAsync(r => r.PeriodId == c.Period.Id && r.UnitCode == c.Unit.Code, ct);
            if (c.Report is null)
                throw; // not the race: a real failure
        }
    }

    private Report NewReport(Context c)
    {
        c.Report = new Report { PeriodId = c.Period.Id, UnitCode = c.Unit.Code, Level = c.Unit.Level, FrameworkId = c.Framework.Id };
        db.Reports.Add(c.Report);
        // The first report of a year freezes its framework: scores must stay comparable across the year.
        c.Framework.FrozenAt ??= clock.GetUtcNow().UtcDateTime;
        return c.Report;
    }

    /// <summary>The value row for an indicator, created on first use (and the report too, unsaved, at a submission check).</summary>
    public ReportValue EnsureValue(Context c, Indicator indicator)
    {
        var report = c.Report ?? NewReport(c);
        var row = c.ValueOf(indicator.Id);
        if (row is null)
        {
            row = new ReportValue { ReportId = report.Id, IndicatorId = indicator.Id, UnitCode = c.Unit.Code };
            report.Values.Add(row);
        }
        return row;
    }

    /// <summary>Everything that still stops a submission, one line per indicator.</summary>
    public List<string> Missing(Context c)
    {
        var missing = new List<string>();
        foreach (var i in c.Indicators)
        {
            if (c.IsTyped(i) && c.ValueOf(i.Id)?.Value is null)
                missing.Add($"{i.Code} {i.Name}: nilai belum diisi.");
            // A value computed from the service desk carries its own derivation instead of uploaded evidence.
            if (i.EvidenceRequired && (!i.IsServiceDeskFed || c.IsTyped(i)) && c.EvidenceOf(i.Id).Count == 0)
                missing.Add($"{i.Code} {i.Name}: bukti dukung belum diunggah.");
        }
        return missing;
    }

    /// <summary>Submits the report; returns the reasons it cannot be submitted (empty when submitted).</summary>
    public async Task<List<string>> SubmitAsync(Context c, CancellationToken ct)
    {
        if (EditBlockReason(c) is { } blocked)
            return [blocked];
        if (Today > c.Deadline)
            return [$"Batas waktu pengajuan {c.Deadline:dd-MM-yyyy} sudah lewat. Minta perpanjangan kepada admin."];
        foreach (var i in c.Indicators.Where(i => i.Source == ValueSource.FieldActivities))
            EnsureValue(c, i).Value = c.ActivityCounts.GetValueOrDefault(i.ActivityKind ?? "");
        if (c.Indicators.Any(i => i.Source == ValueSource.Innovations))
        {
            var count = await InnovationsInPenerapanAsync(c.Unit.Code, c.Period.Year, ct);
            foreach (var i in c.Indicators.Where(i => i.Source == ValueSource.Innovations))
                EnsureValue(c, i).Value = count;
        }
        Queue.ServiceDeskValues.Apply(c, this);
        // WASPADA indicators: the value and the derivation the verifier reads, as they stand at submission.
        foreach (var (id, d) in c.Supervision)
        {
            var row = EnsureValue(c, c.Indicators.First(i => i.Id == id));
            row.Value = d.Value;
            row.Note = d.Text.ToString();
        }
        var missing = Missing(c);
        if (missing.Count > 0)
            return missing;
        c.Report!.Submit(user.Name, clock.GetUtcNow().UtcDateTime, late: Today > c.Period.Deadline);
        if (c.Report.NeedsCamatApproval)
            await notifier.NotifyUnitAsync(c.Unit.ParentCode!, [Roles.Camat],
                $"Laporan {UnitTerms.Of(c.Unit).Kind.Id} {c.Unit.Name} {c.Period.Label} diajukan dan menunggu persetujuan Anda.", ReviewLink(c), ct);
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Innovations of the unit whose penerapan stage was verified in the year (read from the registry, never typed).</summary>
    public Task<int> InnovationsInPenerapanAsync(string unitCode, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return db.Innovations.CountAsync(i => i.UnitCode == unitCode && i.Steps.Any(s => s.Stage == InnovationStage.Penerapan
            && s.Status == StageStatus.Diverifikasi && s.VerifiedOn >= from && s.VerifiedOn <= to), ct);
    }

    public async Task ApproveAsync(Context c, string? note, CancellationToken ct)
    {
        c.Report!.ApproveByCamat(user.Name, clock.GetUtcNow().UtcDateTime, note);
        await notifier.NotifyUnitAsync(c.Unit.Code, null, $"Laporan {c.Period.Label} disetujui camat dan diteruskan ke verifikasi {RegionCode.TenantTypeOf(c.Unit.Code)}.", FillLink(c), ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task ReturnAsync(Context c, string note, CancellationToken ct)
    {
        c.Report!.Return(user.Name, clock.GetUtcNow().UtcDateTime, note);
        await notifier.NotifyUnitAsync(c.Unit.Code, null, $"Laporan {c.Period.Label} dikembalikan untuk diperbaiki: {note}", FillLink(c), ct);
        await db.SaveChangesAsync(ct);
    }

    public static string FillLink(Context c) => $"/Reports/Fill/{c.Unit.Code}/{c.Period.Key}";

    public static string ReviewLink(Context c) => $"/Reports/Review/{c.Unit.Code}/{c.Period.Key}";
}

/// <summary>Reads a typed value as users write it ("12,5" or "12.5"; "ya"/"tidak") and checks it against the indicator's type.</summary>
public static class ValueParser
{
    public static bool TryParse(Indicator indicator, string? raw, out double? value, out string? error)
    {
        value = null;
        error = null;
        raw = raw?.Trim();
        if (string.IsNullOrEmpty(raw))
            return true; // clearing a value is allowed in a draft
        if (indicator.Type is IndicatorType.YesNo or IndicatorType.Document)
        {
            switch (raw.ToLowerInvariant())
            {
                case "1" or "ya" or "ada" or "yes" or "true":
                    value = 1;
                    return true;
                case "0" or "tidak" or "tidak ada" or "no" or "false":
                    value = 0;
                    return true;
                default:
                    error = "Isi \"ya\" atau \"tidak\".";
                    return false;
            }
        }
        if (!FlexibleNumber.TryParse(raw, out var v))
        {
            error = $"\"{raw}\" bukan angka.";
            return false;
        }
        if (v < 0)
        {
            error = "Nilai tidak boleh negatif.";
            return false;
        }
        if (indicator.Type == IndicatorType.Percentage && v > 100)
        {
            error = "Persentase tidak boleh lebih dari 100.";
            return false;
        }
        if (indicator.Type == IndicatorType.ActivityCount && v != Math.Floor(v))
        {
            error = "Jumlah kegiatan harus bilangan bulat.";
            return false;
        }
        value = v;
        return true;
    }
}
