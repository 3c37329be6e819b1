namespace Rapor.Web.Domain;

public enum IndicatorType { Number, Percentage, YesNo, ActivityCount, Document }

public enum Direction { HigherIsBetter, LowerIsBetter }

public enum Frequency { Monthly, Annual }

public enum UnitLevel { Kecamatan, Kelurahan, Both }

public enum ScoringRule { LinearToTarget, LowerIsBetter, YesNo, Bands }

/// <summary>
/// Where an indicator's value comes from: typed by the unit, counted from field activities, from the innovation registry,
/// from the PATEN service desk (queue SLA %, average waiting minutes, IKM) — typed by a unit that does not run the desk
/// in Rapor — or from WASPADA supervision of the kecamatan's desa.
/// </summary>
public enum ValueSource
{
    Manual,
    FieldActivities,
    Innovations,
    QueueSla,
    QueueWait,
    Ikm,

    /// <summary>Kecamatan: % of its desa visited on schedule (WASPADA supervision).</summary>
    DesaSupervised,

    /// <summary>Kecamatan: % of its desa's findings followed up by their due date.</summary>
    FindingsOnTime,
}

/// <summary>The assessment framework of one tenant for one year: 4 bidang with weighted indicators and the scoring settings.</summary>
public sealed class Framework : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantCode { get; init; }
    public int Year { get; init; }
    public required string Name { get; set; }

    /// <summary>Share s of the kelurahan mean in a kecamatan total: (1 − s) × own + s × mean(kelurahan).</summary>
    public double RollUpShare { get; set; } = 0.3;
    public double GreenFrom { get; set; } = 80;
    public double YellowFrom { get; set; } = 65;

    /// <summary>Set when the first period of the year opens; a frozen framework is never edited again.</summary>
    public DateTime? FrozenAt { get; set; }
    public Guid? CopiedFromId { get; set; }
    public int Version { get; set; }

    public List<Bidang> Bidang { get; init; } = [];

    public string AuditScope => TenantCode;

    public IEnumerable<Indicator> Indicators => Bidang.SelectMany(b => b.Indicators);
}

public sealed class Bidang : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FrameworkId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }

    /// <summary>Percent of the total; the four bidang weights sum to 100.</summary>
    public double Weight { get; set; }

    public List<Indicator> Indicators { get; init; } = [];

    /// <summary>Copied from the framework so the audit trail can be scoped to the tenant.</summary>
    public string TenantCode { get; set; } = "";

    public string AuditScope => TenantCode;
}

public sealed class Indicator : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BidangId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string Unit { get; set; } = "";
    public IndicatorType Type { get; set; }
    public Direction Direction { get; set; }
    public double Target { get; set; }

    /// <summary>Percent within its bidang, per level.</summary>
    public double Weight { get; set; }
    public Frequency Frequency { get; set; }
    public UnitLevel Level { get; set; }
    public bool EvidenceRequired { get; set; }
    public ScoringRule Rule { get; set; }

    /// <summary>Band table for <see cref="ScoringRule.Bands"/>: "from:score" pairs, e.g. "0:0;50:60;75:80;90:100".</summary>
    public string? Bands { get; set; }
    public ValueSource Source { get; set; }

    /// <summary>For <see cref="ValueSource.FieldActivities"/>: the activity kind counted.</summary>
    public string? ActivityKind { get; set; }

    public string TenantCode { get; set; } = "";

    public string AuditScope => TenantCode;

    public bool AppliesTo(RegionLevel level) =>
        Level == UnitLevel.Both || (level == RegionLevel.Kecamatan ? Level == UnitLevel.Kecamatan : Level == UnitLevel.Kelurahan);

    /// <summary>Typed by the unit (a service-desk source only when the unit does not run the desk: see <c>ReportWorkflow.Context.IsTyped</c>).</summary>
    public bool IsTyped => Source == ValueSource.Manual || IsServiceDeskFed;

    public bool IsServiceDeskFed => Source is ValueSource.QueueSla or ValueSource.QueueWait or ValueSource.Ikm;
}
