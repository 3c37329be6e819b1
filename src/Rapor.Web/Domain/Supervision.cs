namespace Rapor.Web.Domain;

/// <summary>How a desa fares on one checklist item.</summary>
public enum ChecklistAnswer { Sesuai, TidakSesuai, TidakBerlaku }

public enum SupervisionVisitStatus { Dijadwalkan, Selesai, Dibatalkan }

/// <summary>
/// A visit of the kecamatan's team to one desa (WASPADA: the camat <i>membina dan mengawasi</i> the desa, PP 17/2018).
/// Planned at the desk, filled in the field — possibly offline — and completed once: completion turns every
/// "tidak sesuai" answer into a <see cref="Temuan"/> the desa must follow up.
/// </summary>
public sealed class SupervisionVisit : IAudited
{
    /// <summary>Days after the scheduled date within which a visit still counts as "sesuai jadwal".</summary>
    public const int OnScheduleGraceDays = 7;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string KecamatanCode { get; init; }
    public required string DesaCode { get; init; }
    public required string TenantCode { get; init; }

    /// <summary>The checklist version the visit is answered on; frozen from the moment a visit uses it.</summary>
    public Guid TemplateId { get; init; }
    public DateOnly ScheduledOn { get; set; }
    public SupervisionVisitStatus Status { get; private set; }

    /// <summary>The day the team was actually in the desa (set on completion, from the field).</summary>
    public DateOnly? VisitedOn { get; private set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>Accuracy the phone reported for the GPS fix, in metres.</summary>
    public double? GpsAccuracy { get; set; }
    public string? Summary { get; set; }
    public DateTime? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public string? CancelReason { get; private set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? UpdatedBy { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    /// <summary>Bumped by every change; an offline submission names the version it started from (409 when it moved).</summary>
    public int Version { get; private set; }

    /// <summary>The last offline submission applied, so a retry after a lost answer is recognised and stored once.</summary>
    public Guid? LastSubmissionId { get; private set; }

    public bool IsDemo { get; init; }

    public List<SupervisionTeamMember> Team { get; init; } = [];
    public List<VisitAnswer> Answers { get; init; } = [];

    public string AuditScope => DesaCode;

    public int Year => ScheduledOn.Year;

    public bool IsOpen => Status == SupervisionVisitStatus.Dijadwalkan;

    public bool IsOverdue(DateOnly today) => IsOpen && ScheduledOn < today;

    /// <summary>Completed no later than the grace period after its scheduled date.</summary>
    public bool DoneOnSchedule => Status == SupervisionVisitStatus.Selesai && VisitedOn <= ScheduledOn.AddDays(OnScheduleGraceDays);

    /// <summary>Share of applicable items answered "sesuai", 0–100; null when nothing applicable was answered.</summary>
    public double? Compliance => ComplianceOf(Answers);

    public static double? ComplianceOf(IEnumerable<VisitAnswer> answers)
    {
        var applicable = answers.Where(a => a.Answer != ChecklistAnswer.TidakBerlaku).ToList();
        return applicable.Count == 0 ? null : 100.0 * applicable.Count(a => a.Answer == ChecklistAnswer.Sesuai) / applicable.Count;
    }

    public void Touch(string user, DateTime now)
    {
        UpdatedBy = user;
        UpdatedAt = now;
        Version++;
    }

    public void Reschedule(DateOnly day, string user, DateTime now)
    {
        Require(IsOpen, "Kunjungan yang sudah selesai atau dibatalkan tidak dapat dijadwal ulang.");
        ScheduledOn = day;
        Touch(user, now);
    }

    public void Cancel(string reason, string user, DateTime now)
    {
        Require(IsOpen, "Hanya kunjungan terjadwal yang dapat dibatalkan.");
        Require(!string.IsNullOrWhiteSpace(reason), "Alasan pembatalan wajib diisi.");
        Status = SupervisionVisitStatus.Dibatalkan;
        CancelReason = reason.Trim();
        Touch(user, now);
    }

    /// <summary>Records that <paramref name="submission"/> was applied (answers, GPS … are set by the caller).</summary>
    public void Applied(Guid submission, string user, DateTime now)
    {
        LastSubmissionId = submission;
        Touch(user, now);
    }

    public void Complete(DateOnly visitedOn, string user, DateTime now)
    {
        Require(IsOpen, "Kunjungan ini sudah selesai atau dibatalkan.");
        Status = SupervisionVisitStatus.Selesai;
        VisitedOn = visitedOn;
        CompletedAt = now;
        CompletedBy = user;
    }

    /// <summary>Seeding only: a demo visit completed on the given day.</summary>
    public void CompleteForDemo(DateOnly visitedOn, string user, DateTime at)
    {
        Status = SupervisionVisitStatus.Selesai;
        VisitedOn = visitedOn;
        CompletedAt = at;
        CompletedBy = user;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new DomainException(message);
    }
}

/// <summary>A kecamatan official (from <see cref="Official"/>) on a visit's team, e.g. the Kasi Pemerintahan.</summary>
public sealed class SupervisionTeamMember : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VisitId { get; init; }
    public Guid OfficialId { get; init; }
    public required string DesaCode { get; init; }

    public string AuditScope => DesaCode;
}

/// <summary>
/// The answer to one checklist item. A "tidak sesuai" answer carries what the team proposes for the finding it
/// becomes on completion (severity, recommendation, due date).
/// </summary>
public sealed class VisitAnswer : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VisitId { get; init; }
    public Guid ItemId { get; init; }
    public ChecklistAnswer Answer { get; set; }
    public string? Note { get; set; }
    public TemuanSeverity? Severity { get; set; }
    public string? Recommendation { get; set; }
    public DateOnly? DueOn { get; set; }
    public required string DesaCode { get; init; }

    public string AuditScope => DesaCode;
}

/// <summary>
/// A tenant's supervision checklist, versioned like frameworks: a version is edited freely until the first visit
/// uses it, then frozen for good (answers must keep meaning what they meant); changes go into a new version.
/// </summary>
public sealed class ChecklistTemplate : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantCode { get; init; }

    /// <summary>1, 2, 3 … per tenant; the highest is the one new visits use.</summary>
    public int Number { get; init; }
    public required string Name { get; set; }
    public DateTime? FrozenAt { get; set; }
    public Guid? CopiedFromId { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>Concurrency token: two admins saving the same draft get one result and one conflict.</summary>
    public int Revision { get; set; }

    public List<ChecklistItem> Items { get; init; } = [];

    public string AuditScope => TenantCode;

    public IEnumerable<IGrouping<string, ChecklistItem>> Sections =>
        Items.OrderBy(i => i.SectionOrder).ThenBy(i => i.Order).GroupBy(i => i.Section);

    /// <summary>A new unfrozen version with the same items (fresh ids), to edit after this one froze.</summary>
    public ChecklistTemplate NewVersion(int number, string user, DateTime now)
    {
        var copy = new ChecklistTemplate { TenantCode = TenantCode, Number = number, Name = Name, CopiedFromId = Id, CreatedBy = user, CreatedAt = now };
        foreach (var i in Items)
            copy.Items.Add(new ChecklistItem { TemplateId = copy.Id, TenantCode = TenantCode, Section = i.Section, SectionOrder = i.SectionOrder, Order = i.Order, Code = i.Code, Text = i.Text, Guidance = i.Guidance });
        return copy;
    }
}

public sealed class ChecklistItem : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TemplateId { get; init; }
    public required string TenantCode { get; init; }

    /// <summary>Section name, e.g. "Administrasi pemerintahan desa"; compliance over time is compared per section name.</summary>
    public required string Section { get; set; }
    public int SectionOrder { get; set; }
    public int Order { get; set; }

    /// <summary>Short reference printed in the Berita Acara, e.g. "A.3".</summary>
    public required string Code { get; set; }
    public required string Text { get; set; }

    /// <summary>What the team looks at to answer, e.g. "Buku Kas Umum ditutup tiap akhir bulan dan ditandatangani".</summary>
    public string? Guidance { get; set; }

    public string AuditScope => TenantCode;
}
