namespace Rapor.Web.Domain;

/// <summary>What a provenance check found about one piece of evidence (ADR-050).</summary>
public enum EvidenceFlagKind
{
    /// <summary>Looks like (or is) earlier evidence of another unit or period.</summary>
    Duplicate,

    /// <summary>The photo's GPS lies farther than the tolerance outside the unit's boundary.</summary>
    OutsideArea,

    /// <summary>The photo was taken outside the period (or away from the activity's date) beyond the tolerance.</summary>
    DateMismatch,

    /// <summary>The photo carries no capture time and/or no GPS: nothing to check against.</summary>
    NoMetadata,

    /// <summary>The photo has GPS but the unit has no boundary shape to check it against: the place check did not run.</summary>
    NoBoundary,
}

/// <summary>Where a piece of evidence belongs; names the other side of a duplicate.</summary>
public enum EvidenceSource { Report, Activity, Visit, Innovation }

/// <summary>
/// One finding of the photo checks, stored as a code with its parameters and rendered in the reader's language
/// (never as a sentence). The other evidence of a duplicate is copied in (unit, period, indicator, uploader) so the
/// flag still says what it matched after that evidence is replaced.
/// </summary>
public sealed class EvidenceFlag
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EvidenceId { get; init; }
    public required string UnitCode { get; init; }
    public EvidenceFlagKind Kind { get; init; }

    /// <summary>Duplicate: Hamming distance of the perceptual hashes; null when only the bytes could be compared (a PDF, a HEIC photo: the very same file).</summary>
    public int? HashDistance { get; init; }

    /// <summary>OutsideArea: metres from the unit's boundary.</summary>
    public int? Meters { get; init; }

    /// <summary>DateMismatch: the capture date and how many days it lies outside the expected window.</summary>
    public DateOnly? CapturedOn { get; init; }
    public int? Days { get; init; }

    /// <summary>NoMetadata: "time", "location" or "time,location".</summary>
    public string? Missing { get; init; }

    public Guid? OtherEvidenceId { get; init; }
    public string? OtherUnitCode { get; init; }

    /// <summary>Period key of the other evidence ("2025-06", "2025"); for activities and innovations the month of their date.</summary>
    public string? OtherPeriod { get; init; }
    public EvidenceSource? OtherSource { get; init; }

    /// <summary>Indicator code (report), activity kind code (activity) or innovation name.</summary>
    public string? OtherRef { get; init; }
    public string? OtherUploadedBy { get; init; }

    /// <summary>Flags that make the verifier look twice; missing metadata or a missing boundary only inform.</summary>
    public bool IsRisk => Kind is EvidenceFlagKind.Duplicate or EvidenceFlagKind.OutsideArea or EvidenceFlagKind.DateMismatch;

    public static bool IsRiskKind(EvidenceFlagKind kind) => kind is EvidenceFlagKind.Duplicate or EvidenceFlagKind.OutsideArea or EvidenceFlagKind.DateMismatch;

    /// <summary>The API spelling: duplicate, outside-area, date-mismatch, no-metadata, no-boundary.</summary>
    public string KindCode => Kind switch
    {
        EvidenceFlagKind.Duplicate => "duplicate",
        EvidenceFlagKind.OutsideArea => "outside-area",
        EvidenceFlagKind.DateMismatch => "date-mismatch",
        EvidenceFlagKind.NoMetadata => "no-metadata",
        _ => "no-boundary",
    };
}

/// <summary>
/// The perceptual hash of a photo, in its own narrow table so that every app instance can load and refresh its
/// in-memory reuse index cheaply (ADR-051). <see cref="RecordedAt"/> is set by the database clock, not the app's.
/// </summary>
public sealed class PhotoPrint
{
    public Guid EvidenceId { get; init; }
    public required string TenantCode { get; init; }
    public long Hash { get; init; }

    /// <summary>Innovation evidence is also compared across tenants (the gallery is shared).</summary>
    public bool Innovation { get; init; }
    public DateTime RecordedAt { get; init; }
}
