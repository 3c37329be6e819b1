namespace Rapor.Web.Domain;

/// <summary>A person holding a position in a unit for a tenure (who was camat of Cinambo in March?).</summary>
public sealed class Official : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>18-digit NIP; null only for non-ASN staff.</summary>
    public string? Nip { get; set; }
    public required string Position { get; set; }
    public required string UnitCode { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>Last day in office, inclusive; null while still in office.</summary>
    public DateOnly? EndDate { get; set; }

    public string AuditScope => UnitCode;

    public bool HeldOn(DateOnly day) => StartDate <= day && (EndDate is null || day <= EndDate);
}
