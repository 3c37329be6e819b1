namespace Rapor.Web.Domain;

/// <summary>How a message reaches a person.</summary>
public enum Channel { InApp, Email, WhatsApp }

/// <summary>What a message is about; a user can opt out of e-mail and WhatsApp per kind (in-app stays: it is the record).</summary>
public enum MessageKind
{
    /// <summary>H-7, H-3, H-1 before a unit's (possibly extended) deadline.</summary>
    DeadlineReminder,

    /// <summary>Past the unit's deadline, report not submitted, period not locked.</summary>
    Overdue,

    /// <summary>Kelurahan reports waiting for the camat's approval.</summary>
    PendingApproval,

    /// <summary>Reports waiting for the city's verification.</summary>
    WaitingVerification,

    /// <summary>The pimpinan's weekly summary of the open month.</summary>
    WeeklyDigest,

    /// <summary>Anything else another feature sends (an invitation, an escalation …).</summary>
    General,
}

/// <summary>
/// Pending: waiting for its first or next attempt (<see cref="OutboxMessage.NextAttemptAt"/>). Sent: accepted by the
/// mail server or gateway (in-app: written to the inbox). Failed: gave up after the last attempt.
/// </summary>
public enum DeliveryStatus { Pending, Sent, Failed }

/// <summary>
/// One message to one user on one channel. Stored as a code and parameters (never as finished text) so it is rendered
/// in the recipient's language when it is sent, and in the reader's language when it is shown.
/// <see cref="DedupKey"/> (unique per channel) makes a reminder go out once per user and occasion, however often the
/// job that creates it runs and on however many instances.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UserId { get; init; }

    /// <summary>The recipient's unit when queued, so a tenant admin sees his tenant's deliveries only.</summary>
    public required string UnitCode { get; init; }
    public Channel Channel { get; init; }
    public MessageKind Kind { get; init; }
    public required string Code { get; init; }

    /// <summary>JSON object of string parameters (dates ISO, periods as keys) — see MessageCatalog.</summary>
    public required string Parameters { get; init; }
    public string? Link { get; init; }

    /// <summary>E-mail address or WhatsApp number (62…) at the time of queueing; empty for in-app.</summary>
    public required string Address { get; init; }

    /// <summary>"id" or "en": the recipient's language.</summary>
    public required string Language { get; init; }
    public string? DedupKey { get; init; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A dispatcher that claimed the row owns it until then; after a crash another one takes it over.</summary>
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A user's "do not send me this kind on this channel".</summary>
public sealed class MessageOptOut : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UserId { get; init; }
    public Channel Channel { get; init; }
    public MessageKind Kind { get; init; }
    public required string UnitCode { get; init; }

    public string AuditScope => UnitCode;
}
