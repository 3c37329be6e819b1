namespace Rapor.Web.Domain;

public enum VisitStatus { Dijadwalkan, Selesai }

/// <summary>Verifikasi lapangan: a verifier's visit to a unit for one period's report, with GPS, photos and findings.</summary>
public sealed class FieldVisit : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UnitCode { get; init; }
    public Guid PeriodId { get; init; }
    public DateOnly ScheduledOn { get; set; }
    public required string Verifier { get; set; }
    public VisitStatus Status { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Notes { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>Bumped by every save; an offline submission names the version it started from (409 when it moved).</summary>
    public int Version { get; set; }

    /// <summary>The last offline submission applied, so a retry after a lost answer is stored once.</summary>
    public Guid? LastSubmissionId { get; set; }

    public List<VisitFinding> Findings { get; init; } = [];

    public string AuditScope => UnitCode;
}

/// <summary>What the verifier found for one indicator; a found value becomes the verified value.</summary>
public sealed class VisitFinding : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VisitId { get; init; }
    public Guid IndicatorId { get; init; }
    public required string UnitCode { get; init; }
    public bool Matches { get; set; } = true;
    public double? FoundValue { get; set; }
    public string? Note { get; set; }

    public string AuditScope => UnitCode;
}
