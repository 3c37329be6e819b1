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

    public string AuditScope => Code;
}

/// <summary>One kabupaten/kota running the programme; its root region has the same code.</summary>
public sealed class Tenant : IAudited
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string? Province { get; set; }

    public string AuditScope => Code;
}
