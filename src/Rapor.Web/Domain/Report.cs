namespace Rapor.Web.Domain;

/// <summary>
/// belum diisi (no row) → Draf → Diajukan → (Dikembalikan ↔ Diajukan) → [kelurahan: DisetujuiCamat] → Diverifikasi.
/// </summary>
public enum ReportStatus { Draf, Diajukan, Dikembalikan, DisetujuiCamat, Diverifikasi }

/// <summary>One unit's self-assessment for one period, with its state machine.</summary>
public sealed class Report : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PeriodId { get; init; }
    public required string UnitCode { get; init; }
    public RegionLevel Level { get; init; }
    public Guid FrameworkId { get; init; }
    public ReportStatus Status { get; private set; } = ReportStatus.Draf;
    public DateTime? SubmittedAt { get; private set; }
    public bool SubmittedLate { get; private set; }

    /// <summary>Marks seeded demonstration data so it can never be mistaken for a real submission.</summary>
    public bool IsDemo { get; init; }

    /// <summary>Optimistic concurrency token for status changes.</summary>
    public int Version { get; set; }

    public List<ReportValue> Values { get; init; } = [];
    public List<ReportEvent> Events { get; init; } = [];

    public string AuditScope => UnitCode;

    public bool IsEditable => Status is ReportStatus.Draf or ReportStatus.Dikembalikan;

    /// <summary>Kelurahan reports pass their camat before the city; kecamatan reports go straight to the city.</summary>
    public bool NeedsCamatApproval => Level == RegionLevel.Kelurahan;

    public void Submit(string user, DateTime now, bool late)
    {
        Require(IsEditable, "Laporan ini sudah diajukan dan tidak dapat diajukan lagi.");
        Status = ReportStatus.Diajukan;
        SubmittedAt = now;
        SubmittedLate = late;
        Log(user, now, "Diajukan", late ? "terlambat" : null);
    }

    public void ApproveByCamat(string user, DateTime now, string? note)
    {
        Require(NeedsCamatApproval && Status == ReportStatus.Diajukan, "Hanya laporan kelurahan yang sudah diajukan yang dapat disetujui camat.");
        Status = ReportStatus.DisetujuiCamat;
        Log(user, now, "Disetujui camat", note);
    }

    public void Return(string user, DateTime now, string note)
    {
        Require(Status is ReportStatus.Diajukan or ReportStatus.DisetujuiCamat, "Hanya laporan yang sudah diajukan yang dapat dikembalikan.");
        Require(!string.IsNullOrWhiteSpace(note), "Catatan pengembalian wajib diisi.");
        Status = ReportStatus.Dikembalikan;
        Log(user, now, "Dikembalikan", note);
    }

    public void Verify(string user, DateTime now, string? note)
    {
        Require(Status == (NeedsCamatApproval ? ReportStatus.DisetujuiCamat : ReportStatus.Diajukan),
            NeedsCamatApproval ? "Laporan kelurahan harus disetujui camat sebelum diverifikasi." : "Hanya laporan yang sudah diajukan yang dapat diverifikasi.");
        Status = ReportStatus.Diverifikasi;
        Log(user, now, "Diverifikasi", note);
    }

    /// <summary>Seeding only: put a demo report straight into its final state.</summary>
    public void SetStatusForDemo(ReportStatus status, DateTime submittedAt)
    {
        Status = status;
        SubmittedAt = submittedAt;
    }

    private void Log(string user, DateTime now, string action, string? note) =>
        Events.Add(new ReportEvent { ReportId = Id, At = now, UserName = user, Action = action, Note = note, UnitCode = UnitCode });

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new DomainException(message);
    }
}

/// <summary>A value a unit claims for one indicator, with its note; the verified value comes from verification.</summary>
public sealed class ReportValue : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReportId { get; init; }
    public Guid IndicatorId { get; init; }
    public double? Value { get; set; }
    public string? Note { get; set; }
    public double? VerifiedValue { get; set; }
    public VerificationStatus Verification { get; set; }
    public string? VerificationNote { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTime? VerifiedAt { get; set; }

    /// <summary>How a computed value was derived, as a code with parameters (JSON), rendered in the reader's language.</summary>
    public string? Derivation { get; set; }

    /// <summary>Per value, so two people editing different rows of one draft never collide; the same row does.</summary>
    public int Version { get; set; }
    public required string UnitCode { get; init; }

    public string AuditScope => UnitCode;
}

/// <summary>History of a report: submissions, returns with notes, approvals, verifications, extensions.</summary>
public sealed class ReportEvent
{
    public long Id { get; init; }
    public Guid ReportId { get; init; }
    public DateTime At { get; init; }
    public required string UserName { get; init; }
    public required string Action { get; init; }
    public string? Note { get; init; }
    public required string UnitCode { get; init; }
}

/// <summary>A broken domain rule; pages show the message, the API answers 400 ProblemDetails.</summary>
public sealed class DomainException(string message) : Exception(message);
