namespace Rapor.Web.Domain;

public enum TemuanSeverity { Ringan, Sedang, Berat }

/// <summary>
/// Terbuka (waiting for the desa) → Ditanggapi (follow-up sent, waiting for the kecamatan) → Selesai (accepted),
/// or → Dikembalikan (the desa must answer again).
/// </summary>
public enum TemuanStatus { Terbuka, Ditanggapi, Dikembalikan, Selesai }

/// <summary>What happened to a finding; stored as a code, shown in the reader's language.</summary>
public enum TemuanAction { Dibuat, Ditanggapi, Diterima, Dikembalikan, TenggatDiubah, Eskalasi }

/// <summary>
/// A finding of a supervision visit: a checklist item the desa did not comply with, with severity, recommendation
/// and due date. The desa (kepala desa) answers with its follow-up and evidence; the kecamatan accepts it or
/// returns it; every step is kept in <see cref="Events"/>.
/// </summary>
public sealed class Temuan : IAudited
{
    /// <summary>Default days to follow up by severity: a serious finding must be fixed sooner.</summary>
    public static int DefaultDays(TemuanSeverity severity) => severity switch
    {
        TemuanSeverity.Berat => 14,
        TemuanSeverity.Sedang => 30,
        _ => 60,
    };

    /// <summary>Days overdue after which the kabupaten is told as well (level 2 escalation).</summary>
    public const int KabupatenEscalationDays = 14;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VisitId { get; init; }
    public Guid? ItemId { get; init; }
    public required string TenantCode { get; init; }
    public required string KecamatanCode { get; init; }
    public required string DesaCode { get; init; }

    /// <summary>Section and item text as they were on the visit's checklist (the template may be replaced later).</summary>
    public required string Section { get; init; }
    public required string ItemCode { get; init; }
    public required string ItemText { get; init; }

    /// <summary>What the team saw (the note of the "tidak sesuai" answer).</summary>
    public string? Description { get; init; }
    public TemuanSeverity Severity { get; private set; }
    public required string Recommendation { get; set; }
    public DateOnly DueOn { get; private set; }
    public TemuanStatus Status { get; private set; }
    public DateOnly FoundOn { get; init; }

    /// <summary>The desa's latest follow-up and when it was sent.</summary>
    public string? FollowUp { get; private set; }
    public DateTime? FollowUpAt { get; private set; }

    /// <summary>The local day the latest follow-up was sent; compared with <see cref="DueOn"/>.</summary>
    public DateOnly? FollowUpOn { get; private set; }
    public string? ReviewNote { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>Set on acceptance: was the accepted follow-up sent by the due date?</summary>
    public bool? ClosedOnTime { get; private set; }

    /// <summary>0 none, 1 desa and kecamatan told it is overdue, 2 the kabupaten told as well.</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>Concurrency token: the desa answering while the kecamatan reviews gives one result and one conflict.</summary>
    public int Version { get; private set; }
    public bool IsDemo { get; init; }

    public List<TemuanEvent> Events { get; init; } = [];

    public string AuditScope => DesaCode;

    /// <summary>The desa still owes an answer.</summary>
    public bool AwaitsDesa => Status is TemuanStatus.Terbuka or TemuanStatus.Dikembalikan;

    public bool IsOverdue(DateOnly today) => AwaitsDesa && DueOn < today;

    public int DaysOverdue(DateOnly today) => IsOverdue(today) ? today.DayNumber - DueOn.DayNumber : 0;

    public static Temuan Create(SupervisionVisit visit, ChecklistItem item, VisitAnswer answer, DateOnly foundOn, string user, DateTime now, bool demo = false)
    {
        var severity = answer.Severity ?? TemuanSeverity.Sedang;
        var t = new Temuan
        {
            VisitId = visit.Id, ItemId = item.Id, TenantCode = visit.TenantCode, KecamatanCode = visit.KecamatanCode, DesaCode = visit.DesaCode,
            Section = item.Section, ItemCode = item.Code, ItemText = item.Text, Description = answer.Note,
            Severity = severity, Recommendation = string.IsNullOrWhiteSpace(answer.Recommendation) ? "Perbaiki sesuai ketentuan: " + item.Text : answer.Recommendation.Trim(),
            DueOn = answer.DueOn ?? foundOn.AddDays(DefaultDays(severity)), FoundOn = foundOn, IsDemo = demo,
        };
        t.Log(TemuanAction.Dibuat, user, now, null);
        return t;
    }

    public void SubmitFollowUp(string text, DateOnly today, string user, DateTime now)
    {
        Require(AwaitsDesa, Status == TemuanStatus.Selesai ? "Temuan ini sudah selesai." : "Tindak lanjut sudah dikirim dan sedang diperiksa kecamatan.");
        Require(!string.IsNullOrWhiteSpace(text), "Uraian tindak lanjut wajib diisi.");
        Require(text.Length <= 4000, "Uraian tindak lanjut paling panjang 4000 karakter.");
        FollowUp = text.Trim();
        FollowUpAt = now;
        FollowUpOn = today;
        Status = TemuanStatus.Ditanggapi;
        Log(TemuanAction.Ditanggapi, user, now, FollowUp);
    }

    public void Accept(string? note, string user, DateTime now)
    {
        Require(Status == TemuanStatus.Ditanggapi, "Hanya temuan yang sudah ditanggapi desa yang dapat diterima.");
        Status = TemuanStatus.Selesai;
        ReviewNote = Clean(note);
        ClosedAt = now;
        ClosedOnTime = FollowUpOn <= DueOn;
        Log(TemuanAction.Diterima, user, now, ReviewNote);
    }

    /// <summary>Sends the follow-up back to the desa, optionally with a new due date.</summary>
    public void Return(string note, DateOnly? newDue, DateOnly today, string user, DateTime now)
    {
        Require(Status == TemuanStatus.Ditanggapi, "Hanya temuan yang sudah ditanggapi desa yang dapat dikembalikan.");
        Require(!string.IsNullOrWhiteSpace(note), "Catatan pengembalian wajib diisi.");
        Status = TemuanStatus.Dikembalikan;
        ReviewNote = note.Trim();
        Log(TemuanAction.Dikembalikan, user, now, ReviewNote);
        if (newDue is { } d && d != DueOn)
            ChangeDue(d, "Tenggat baru bersama pengembalian", today, user, now);
    }

    public void ChangeDue(DateOnly due, string reason, DateOnly today, string user, DateTime now)
    {
        Require(Status != TemuanStatus.Selesai, "Temuan yang sudah selesai tidak dapat diubah tenggatnya.");
        Require(due >= today, "Tenggat baru tidak boleh di masa lalu.");
        Require(!string.IsNullOrWhiteSpace(reason), "Alasan perubahan tenggat wajib diisi.");
        var old = DueOn;
        DueOn = due;
        // A new deadline starts the escalation over.
        EscalationLevel = 0;
        Log(TemuanAction.TenggatDiubah, user, now, $"{old:yyyy-MM-dd} → {due:yyyy-MM-dd}: {reason.Trim()}");
    }

    public void SetSeverity(TemuanSeverity severity) => Severity = severity;

    /// <summary>The escalation level this finding deserves today: 1 once overdue, 2 after <see cref="KabupatenEscalationDays"/>.</summary>
    public int EscalationDue(DateOnly today) => DaysOverdue(today) switch
    {
        0 => 0,
        >= KabupatenEscalationDays => 2,
        _ => 1,
    };

    /// <summary>Raises the escalation to <paramref name="level"/>; false when it is already there (idempotent).</summary>
    public bool Escalate(int level, DateOnly today, DateTime now)
    {
        if (level <= EscalationLevel)
            return false;
        EscalationLevel = level;
        Log(TemuanAction.Eskalasi, "system", now, $"{level}|{DaysOverdue(today)}");
        return true;
    }

    /// <summary>Seeding only.</summary>
    public void SetDueForDemo(DateOnly due) => DueOn = due;

    private void Log(TemuanAction action, string user, DateTime now, string? note)
    {
        Version++;
        // Two steps of one action (return with a new due date) share the clock reading: keep the history's order by
        // time alone, 1 µs apart (the finest PostgreSQL keeps).
        var last = Events.Count == 0 ? DateTime.MinValue : Events.Max(e => e.At);
        var at = now > last ? now : last.AddTicks(10);
        Events.Add(new TemuanEvent { TemuanId = Id, At = at, UserName = user, Action = action, Note = note, DesaCode = DesaCode });
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new DomainException(message);
    }
}

/// <summary>One step in a finding's history; evidence of a follow-up hangs on its event.</summary>
public sealed class TemuanEvent : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TemuanId { get; init; }
    public DateTime At { get; init; }
    public required string UserName { get; init; }
    public TemuanAction Action { get; init; }
    public string? Note { get; init; }
    public required string DesaCode { get; init; }

    public string AuditScope => DesaCode;
}
