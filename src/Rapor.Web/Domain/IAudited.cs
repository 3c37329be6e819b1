namespace Rapor.Web.Domain;

/// <summary>
/// Domain data whose every insert, update and delete is written to the audit trail.
/// Audited entities use natural or client-generated keys so the key is known before the row is saved,
/// which lets the audit row be written in the same SaveChanges (one transaction).
/// </summary>
public interface IAudited
{
    /// <summary>The region code the change belongs to, so a tenant admin sees only his tenant's audit.</summary>
    string AuditScope { get; }
}

public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public required string UserName { get; init; }
    public required string Entity { get; init; }
    public required string EntityKey { get; init; }

    /// <summary>Insert, Update or Delete.</summary>
    public required string Action { get; init; }
    public required string Scope { get; init; }

    /// <summary>JSON object: property → {"old": …, "new": …}.</summary>
    public required string Changes { get; init; }
}
