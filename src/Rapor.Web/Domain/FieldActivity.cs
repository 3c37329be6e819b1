namespace Rapor.Web.Domain;

/// <summary>A kind of field interaction with citizens; built-in kinds have no tenant, a tenant may add its own.</summary>
public sealed class ActivityKind : IAudited
{
    public required string Code { get; init; }
    public required string Name { get; set; }

    /// <summary>Null for the built-in kinds available to every tenant.</summary>
    public string? TenantCode { get; init; }

    public string AuditScope => TenantCode ?? "";

    public static readonly IReadOnlyList<(string Code, string Name)> BuiltIn =
    [
        ("subuh_keliling", "Subuh keliling"),
        ("jumat_keliling", "Jumat keliling"),
        ("makan_malam_prasejahtera", "Makan malam bersama keluarga pra sejahtera"),
        ("culinary_night", "Culinary night"),
        ("kerja_bakti", "Kerja bakti"),
    ];
}

/// <summary>Kegiatan lapangan: counted automatically toward the matching activity indicators of its month.</summary>
public sealed class FieldActivity : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UnitCode { get; init; }
    public required string Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string Place { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int Participants { get; set; }
    public string? Description { get; set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }

    public string AuditScope => UnitCode;
}

/// <summary>An in-app message for one user (report returned, approved …); due reports are computed, not stored.</summary>
public sealed class Notification
{
    public long Id { get; init; }
    public required string UserId { get; init; }
    public required string Text { get; init; }
    public string? Link { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }

    /// <summary>A message code and its parameters (see MessageCatalog), rendered in the reader's language; then <see cref="Text"/> is its Indonesian form.</summary>
    public string? Code { get; init; }
    public string? Parameters { get; init; }
}
