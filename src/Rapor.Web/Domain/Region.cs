namespace Rapor.Web.Domain;

public enum RegionLevel
{
    KabupatenKota,
    Kecamatan,
    Kelurahan,
}

/// <summary>A Kemendagri administrative unit: kabupaten/kota, kecamatan, or kelurahan/desa.</summary>
public sealed class Region : IAudited
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public RegionLevel Level { get; init; }

    /// <summary>kota, kabupaten, kecamatan, kelurahan or desa (desa when the 4th code segment starts with 2).</summary>
    public required string Type { get; init; }
    public string? ParentCode { get; init; }
    public required string TenantCode { get; init; }

    /// <summary>The name in the 2022 code list, kept because local usage often still follows it.</summary>
    public string? NameKepmendagri2022 { get; set; }

    /// <summary>
    /// False once a code-list update removed the unit while it still held data (reports, accounts, officials …): it is
    /// never deleted, but lists, rankings and forms leave it out. <see cref="InactiveSince"/> says from when.
    /// </summary>
    public bool IsActive { get; set; } = true;
    public DateOnly? InactiveSince { get; set; }

    public string AuditScope => Code;

    public void Deactivate(DateOnly on)
    {
        IsActive = false;
        InactiveSince = on;
    }

    public void Reactivate()
    {
        IsActive = true;
        InactiveSince = null;
    }
}

/// <summary>One kabupaten/kota running the programme; its root region has the same code.</summary>
public sealed class Tenant : IAudited
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string? Province { get; set; }

    /// <summary>Where its region list came from, e.g. "Kepmendagri 300.2.2-2138/2025 (daftar nasional)" or "CSV".</summary>
    public string? RegionSource { get; set; }
    public DateTime? OnboardedAt { get; set; }
    public string? OnboardedBy { get; set; }

    // Branding (onboarding wizard): the heading and signature block of the rapor PDF and the public page.
    /// <summary>Official name of the government, e.g. "Pemerintah Kota Palembang".</summary>
    public string? OfficialName { get; set; }

    /// <summary>Who signs the rapor, e.g. "Kepala Bagian Tata Pemerintahan Setda"; the title differs between tenants.</summary>
    public string? SignatoryTitle { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryNip { get; set; }

    /// <summary>The logo (PNG or JPEG, checked by content) in <see cref="Infrastructure.FileStorage"/>.</summary>
    public Guid? LogoId { get; set; }
    public string? LogoContentType { get; set; }

    public string AuditScope => Code;

    /// <summary>"Pemerintah Kota Palembang" unless the tenant set its own official name.</summary>
    public string DisplayOfficialName => OfficialName is { Length: > 0 } n ? n : "Pemerintah " + Name;
}

/// <summary>
/// The boundary of one unit (kab/kota, kecamatan or kelurahan/desa) as a GeoJSON geometry — Polygon or MultiPolygon,
/// WGS84, [longitude, latitude] — with its bounding box so a point-in-polygon search can skip most shapes by four
/// comparisons (ADR-013). Keyed by the unit's code; filled from shipped files at onboarding and by a tenant's upload.
/// </summary>
public sealed class RegionShape : IAudited
{
    public required string Code { get; init; }
    public required string TenantCode { get; init; }
    public RegionLevel Level { get; init; }

    /// <summary>The GeoJSON geometry object only, e.g. {"type":"Polygon","coordinates":[[[107.6,-6.9],…]]}.</summary>
    public required string Geometry { get; set; }
    public double MinLng { get; set; }
    public double MinLat { get; set; }
    public double MaxLng { get; set; }
    public double MaxLat { get; set; }

    /// <summary>Where the shape came from: a shipped file name, or "unggahan" with the uploader.</summary>
    public required string Source { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string AuditScope => Code;
}
