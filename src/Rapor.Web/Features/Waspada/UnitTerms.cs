using Rapor.Web.Domain;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The words for a unit by its <see cref="Region.Type"/>: a desa has a kepala desa, a kelurahan a lurah. Local until
/// the shared terminology helper (issue 12) is in main; then this folds into it.
/// </summary>
public static class UnitTerms
{
    public static bool IsDesa(Region r) => r.Type == "desa";

    public static string UnitWord(Region r) => r.Level switch
    {
        RegionLevel.Kecamatan => "Kecamatan",
        RegionLevel.Kelurahan => IsDesa(r) ? "Desa" : "Kelurahan",
        _ => r.Type == "kota" ? "Kota" : "Kabupaten",
    };

    public static string HeadTitle(Region r) => r.Level switch
    {
        RegionLevel.Kecamatan => "Camat",
        RegionLevel.Kelurahan => IsDesa(r) ? "Kepala Desa" : "Lurah",
        _ => r.Type == "kota" ? "Wali Kota" : "Bupati",
    };

    /// <summary>"Desa Galanggang", "Kecamatan Batujajar".</summary>
    public static string Named(Region r) => r.Level == RegionLevel.KabupatenKota ? r.Name : $"{UnitWord(r)} {r.Name}";
}
