using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Provenance;

/// <summary>Settings of the photo checks (section "Provenance").</summary>
public sealed class ProvenanceOptions
{
    /// <summary>Perceptual hashes at most this many bits apart (of 64) are the same picture.</summary>
    public int MaxHashDistance { get; set; } = 10;

    /// <summary>A capture date this many days outside the expected window is flagged.</summary>
    public int DateToleranceDays { get; set; } = 7;

    /// <summary>GPS farther than this from the unit's boundary is flagged.</summary>
    public int PlaceToleranceMeters { get; set; } = 300;

    /// <summary>At most this many earlier pieces of evidence are named for one duplicate.</summary>
    public int MaxMatchesNamed { get; set; } = 3;
}

/// <summary>
/// What a piece of evidence is for: the unit, where it belongs, which dates a photo of it should carry
/// (null: no time check) and the period it counts for ("2025-06"), which also decides what is not a reuse.
/// </summary>
public sealed record EvidenceContext(string UnitCode, EvidenceSource Source, string PeriodKey, DateOnly? ExpectedFrom, DateOnly? ExpectedTo)
{
    public string TenantCode => RegionCode.TenantOf(UnitCode);

    public static EvidenceContext ForReport(string unitCode, Period period)
    {
        var from = new DateOnly(period.Year, period.Month ?? 1, 1);
        var to = period.Month is null ? new DateOnly(period.Year, 12, 31) : from.AddMonths(1).AddDays(-1);
        return new(unitCode, EvidenceSource.Report, period.Key, from, to);
    }

    public static EvidenceContext ForActivity(string unitCode, DateOnly date) => new(unitCode, EvidenceSource.Activity, MonthKey(date), date, date);

    /// <summary>A field visit's photos are taken on the visit: the upload day.</summary>
    public static EvidenceContext ForVisit(string unitCode, string periodKey, DateOnly today) => new(unitCode, EvidenceSource.Visit, periodKey, today, today);

    /// <summary>No time check: a stage's evidence may rightly predate its date by months (the idea, the trial).</summary>
    public static EvidenceContext ForInnovation(string unitCode, DateOnly stageDate) => new(unitCode, EvidenceSource.Innovation, MonthKey(stageDate), null, null);

    public static string MonthKey(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>
/// The one way evidence comes in (report form and API, Kegiatan, field visits, innovation stages): after the file is
/// stored, <see cref="PrepareAsync"/> reads the photo's metadata and hash and adds the time, place and metadata
/// flags to the unit of work; after the caller's commit, <see cref="CheckReuseAsync"/> compares it with every
/// earlier photo and records duplicates. Checking after the commit means two copies uploaded at the same moment on
/// two app instances still see each other (ADR-051).
/// </summary>
public sealed class EvidenceIntake(RaporDbContext db, FileStorage storage, PhotoIndex index, IUnitBoundaries boundaries, ProvenanceOptions options,
    ILogger<EvidenceIntake> log)
{
    private readonly List<(Evidence Evidence, EvidenceContext Context, ulong? Hash)> _pending = [];

    public async Task PrepareAsync(Evidence evidence, EvidenceContext context, CancellationToken ct)
    {
        evidence.Checked = true;
        ulong? hash = null;
        if (evidence.IsPhoto)
        {
            PhotoFacts facts;
            await using (var file = storage.OpenRead(evidence.Id))
                facts = PhotoInspector.Inspect(file, evidence.ContentType);
            evidence.CapturedAt = facts.CapturedAt;
            evidence.Latitude = facts.Latitude;
            evidence.Longitude = facts.Longitude;
            hash = facts.Hash;
            foreach (var flag in await PlaceAndTimeAsync(evidence, context, ct))
                db.EvidenceFlags.Add(flag);
            if (hash is { } h)
                db.PhotoPrints.Add(new PhotoPrint
                {
                    EvidenceId = evidence.Id, TenantCode = context.TenantCode, Hash = unchecked((long)h), Innovation = context.Source == EvidenceSource.Innovation,
                });
        }
        _pending.Add((evidence, context, hash));
    }

    /// <summary>Time, place and missing-metadata flags of a photo whose metadata has been read.</summary>
    public async Task<List<EvidenceFlag>> PlaceAndTimeAsync(Evidence e, EvidenceContext context, CancellationToken ct)
    {
        var flags = new List<EvidenceFlag>();
        var missing = new List<string>();
        if (e.CapturedAt is { } taken)
        {
            var day = DateOnly.FromDateTime(taken);
            if (context.ExpectedFrom is { } from && context.ExpectedTo is { } to)
            {
                var outside = day < from ? from.DayNumber - day.DayNumber : day > to ? day.DayNumber - to.DayNumber : 0;
                if (outside > options.DateToleranceDays)
                    flags.Add(new EvidenceFlag { EvidenceId = e.Id, UnitCode = e.UnitCode, Kind = EvidenceFlagKind.DateMismatch, CapturedOn = day, Days = outside });
            }
        }
        else
        {
            missing.Add("time");
        }
        if (e.Latitude is { } lat && e.Longitude is { } lon)
        {
            if (await boundaries.FindAsync(context.UnitCode, ct) is not { } shape)
                flags.Add(new EvidenceFlag { EvidenceId = e.Id, UnitCode = e.UnitCode, Kind = EvidenceFlagKind.NoBoundary });
            else if (Boundary.DistanceMetres(shape, lat, lon) is var metres && metres > options.PlaceToleranceMeters)
                flags.Add(new EvidenceFlag { EvidenceId = e.Id, UnitCode = e.UnitCode, Kind = EvidenceFlagKind.OutsideArea, Meters = (int)Math.Round(metres) });
        }
        else
        {
            missing.Add("location");
        }
        if (missing.Count > 0)
            flags.Add(new EvidenceFlag { EvidenceId = e.Id, UnitCode = e.UnitCode, Kind = EvidenceFlagKind.NoMetadata, Missing = string.Join(',', missing) });
        return flags;
    }

    /// <summary>Compares what <see cref="PrepareAsync"/> took in (and the caller committed) with every earlier file and saves duplicate flags.</summary>
    public async Task CheckReuseAsync(CancellationToken ct)
    {
        if (_pending.Count == 0)
            return;
        var pending = _pending.ToList();
        _pending.Clear();
        try
        {
            var added = 0;
            foreach (var (evidence, context, hash) in pending)
            {
                foreach (var flag in await DuplicatesAsync(evidence, context, hash, ct))
                {
                    db.EvidenceFlags.Add(flag);
                    added++;
                }
            }
            if (added > 0)
                await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The upload itself is saved; a failed comparison must not lose it. Logged for the operator.
            log.LogError(e, "Reuse check failed for {Count} evidence file(s)", pending.Count);
        }
    }

    private async Task<List<EvidenceFlag>> DuplicatesAsync(Evidence evidence, EvidenceContext context, ulong? hash, CancellationToken ct)
    {
        var distances = new Dictionary<Guid, int>();
        if (hash is { } h)
        {
            foreach (var c in await index.FindAsync(db, context.TenantCode, h, options.MaxHashDistance, ct))
                distances.TryAdd(c.EvidenceId, c.Distance);
            if (context.Source == EvidenceSource.Innovation)
                foreach (var c in await index.FindAsync(db, PhotoIndex.InnovationPartition, h, options.MaxHashDistance, ct))
                    distances.TryAdd(c.EvidenceId, c.Distance);
        }
        // The same bytes (any file type: a PDF sent by two kelurahan, a HEIC photo) are a duplicate at distance 0.
        var tenantPrefix = context.TenantCode + ".";
        var sameBytes = await db.Evidence.AsNoTracking()
            .Where(e => e.Sha256 == evidence.Sha256 && e.Id != evidence.Id
                        && (e.UnitCode.StartsWith(tenantPrefix) || (context.Source == EvidenceSource.Innovation && e.InnovationStepId != null)))
            .Select(e => e.Id).Take(50).ToListAsync(ct);
        foreach (var id in sameBytes)
            distances[id] = 0;
        // A file without a perceptual hash (PDF, HEIC) can only be the very same file: no distance to report.
        distances.Remove(evidence.Id);
        if (distances.Count == 0)
            return [];
        // The index may still hold files deleted since: only evidence that exists is named.
        var origins = await EvidenceOrigins.LoadAsync(db, distances.Keys.ToList(), ct);
        var self = new EvidenceOrigins.Origin(evidence.Id, context.UnitCode, context.Source, context.PeriodKey, null, evidence.UploadedBy,
            evidence.ReportValueId ?? evidence.FieldActivityId ?? evidence.FieldVisitId ?? evidence.InnovationStepId);
        return origins
            .Where(o => !IsSameClaim(self, o))
            .OrderBy(o => distances[o.EvidenceId]).ThenBy(o => o.EvidenceId)
            .Take(options.MaxMatchesNamed)
            .Select(o => new EvidenceFlag
            {
                EvidenceId = evidence.Id, UnitCode = evidence.UnitCode, Kind = EvidenceFlagKind.Duplicate, HashDistance = hash is null ? null : distances[o.EvidenceId],
                OtherEvidenceId = o.EvidenceId, OtherUnitCode = o.UnitCode, OtherPeriod = o.PeriodKey, OtherSource = o.Source, OtherRef = o.Ref,
                OtherUploadedBy = o.UploadedBy,
            }).ToList();
    }

    /// <summary>
    /// Not a reuse: the same photo again for the same thing, or a unit using one photo for several things in the same
    /// period (the kerja bakti photo of its Kegiatan also backing the cleanliness indicator of that month).
    /// </summary>
    private static bool IsSameClaim(EvidenceOrigins.Origin self, EvidenceOrigins.Origin other) =>
        (self.Owner is not null && self.Owner == other.Owner)
        || (self.UnitCode == other.UnitCode && MonthOf(self.PeriodKey) == MonthOf(other.PeriodKey));

    private static string MonthOf(string periodKey) => periodKey.Length >= 7 ? periodKey[..7] : periodKey;
}
