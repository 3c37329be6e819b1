using System.Security.Cryptography;
using System.Text;

namespace Rapor.Web.Domain;

public enum ApiTokenKind { Personal, Device }

/// <summary>What a device token is for; a personal token is always <see cref="Api"/>.</summary>
public enum ApiTokenPurpose { Api, Kiosk, Display }

public enum ApiTokenAccess { Read, Write }

/// <summary>
/// A bearer token ("rpr_…") for the API, a kiosk or a display. Only its SHA-256 is stored; the token is shown once at
/// creation. Scoped to one unit and to read or write; revocable; every change audited.
/// </summary>
public sealed class ApiToken : IAudited
{
    public const string Prefix = "rpr_";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public ApiTokenKind Kind { get; init; }
    public ApiTokenPurpose Purpose { get; init; }
    public required string UnitCode { get; init; }
    public ApiTokenAccess Access { get; init; }

    /// <summary>Personal: the user it acts as. Device: null (it acts as itself).</summary>
    public string? UserId { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }

    /// <summary>Hex SHA-256 of the whole token.</summary>
    public required string Hash { get; init; }

    /// <summary>The first characters, so a list can show which token is which without holding the secret.</summary>
    public required string Hint { get; init; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public string AuditScope => UnitCode;

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>A new secret: "rpr_" + 40 base62 characters (≈ 238 bits).</summary>
    public static string NewSecret()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return Prefix + RandomNumberGenerator.GetString(alphabet, 40);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
