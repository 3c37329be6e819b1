namespace Rapor.Web.Domain;

public enum InnovationBentuk { TataKelola, PelayananPublik, Lainnya }

public enum InnovationJenis { Digital, NonDigital }

/// <summary>The three stages of a regional innovation (PP 38/2017); order matters for "at least".</summary>
public enum InnovationStage { Inisiatif, UjiCoba, Penerapan }

public enum StageStatus { Diajukan, Dikembalikan, Diverifikasi }

/// <summary>An innovation of a unit, owned by one or more ASN; its stages are verified one by one.</summary>
public sealed class Innovation : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantCode { get; init; }
    public required string UnitCode { get; init; }
    public required string Name { get; set; }
    public InnovationBentuk Bentuk { get; set; }
    public InnovationJenis Jenis { get; set; }
    public string? Problem { get; set; }
    public string? Approach { get; set; }
    public string? Results { get; set; }
    public Guid? ReplicatedFromId { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public bool IsDemo { get; init; }

    public List<InnovationOwner> Owners { get; init; } = [];
    public List<InnovationStep> Steps { get; init; } = [];

    public string AuditScope => UnitCode;

    /// <summary>The highest stage verified so far, or null.</summary>
    public InnovationStage? VerifiedStage => Steps.Where(s => s.Status == StageStatus.Diverifikasi).Select(s => (InnovationStage?)s.Stage).Max();
}

public sealed class InnovationOwner : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InnovationId { get; init; }
    public Guid OfficialId { get; init; }
    public required string UnitCode { get; init; }

    public string AuditScope => UnitCode;
}

/// <summary>One stage reached, with its date and evidence, waiting for or holding its verification.</summary>
public sealed class InnovationStep : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InnovationId { get; init; }
    public InnovationStage Stage { get; init; }
    public DateOnly Date { get; set; }
    public string? Description { get; set; }
    public StageStatus Status { get; set; }
    public string? ReturnNote { get; set; }
    public string? VerifiedBy { get; set; }
    public DateOnly? VerifiedOn { get; set; }
    public required string UnitCode { get; init; }

    public string AuditScope => UnitCode;
}

/// <summary>A tenant's innovation obligation for a year (KBB: every Kasi and Kasubag, or a TPP cut).</summary>
public sealed class TppPolicy : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantCode { get; init; }
    public int Year { get; init; }
    public bool Enabled { get; set; } = true;
    public InnovationStage MinimumStage { get; set; } = InnovationStage.UjiCoba;
    public DateOnly CutOffDate { get; set; }
    public double CutPercent { get; set; } = 10;

    /// <summary>Officials with fewer Kasi/Kasubag days before the cut-off are not judged (too little time).</summary>
    public int MinimumDays { get; set; } = 90;
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }

    public List<TppExclusion> Exclusions { get; init; } = [];

    public string AuditScope => TenantCode;
}

/// <summary>An official the admin takes off the proposed cut list, with the reason.</summary>
public sealed class TppExclusion : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PolicyId { get; init; }
    public required string Nip { get; init; }
    public required string Reason { get; set; }
    public required string TenantCode { get; init; }

    public string AuditScope => TenantCode;
}
