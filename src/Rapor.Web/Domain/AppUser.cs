using Microsoft.AspNetCore.Identity;

namespace Rapor.Web.Domain;

/// <summary>An account; audited like domain data (secrets masked, AuditInterceptor), scoped to its unit.</summary>
public sealed class AppUser : IdentityUser, IAudited
{
    public required string DisplayName { get; set; }

    /// <summary>
    /// The unit the account belongs to: a kelurahan for a lurah, a kecamatan for a camat or staf,
    /// a kab/kota code for tenant-wide roles. Empty only for the platform admin.
    /// </summary>
    public string UnitCode { get; set; } = "";

    /// <summary>The official (tenure record) this account is, e.g. a Kasi who owns innovations.</summary>
    public Guid? OfficialId { get; set; }

    public string AuditScope => UnitCode;

    /// <summary>"id" or "en": the language e-mail and WhatsApp messages are written in (Email and PhoneNumber come from Identity).</summary>
    public string Language { get; set; } = "id";
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Verifikator = "verifikator";
    public const string Pimpinan = "pimpinan";
    public const string Camat = "camat";
    public const string Lurah = "lurah";
    public const string Staf = "staf";

    /// <summary>Counter officer of a unit's service desk (PATEN): serves the queue, enters paper SKM.</summary>
    public const string Loket = "loket";

    public static readonly IReadOnlyList<string> All = [Admin, Verifikator, Pimpinan, Camat, Lurah, Staf, Loket];

    /// <summary>The region level a role's unit must be at (null: tenant-wide, or platform for an admin without unit).</summary>
    public static RegionLevel UnitLevel(string role) => role switch
    {
        Camat or Staf or Loket => RegionLevel.Kecamatan,
        Lurah => RegionLevel.Kelurahan,
        _ => RegionLevel.KabupatenKota,
    };
}
