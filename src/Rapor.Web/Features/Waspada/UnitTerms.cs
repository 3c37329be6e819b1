using Rapor.Web.Domain;

namespace Rapor.Web.Features.Waspada;

/// <summary>Shorthands over <see cref="UnitTerms"/> for the supervision pages, which speak of one unit at a time.</summary>
public static class SupervisionWords
{
    public static bool IsDesa(Region r) => r.Type == "desa";

    public static string UnitWord(Region r) => UnitTerms.Of(r).Kind.ToString();

    public static string HeadTitle(Region r) => UnitTerms.Of(r).Head.ToString();

    /// <summary>"Desa Galanggang", "Kecamatan Batujajar".</summary>
    public static string Named(Region r) => r.Level == RegionLevel.KabupatenKota ? r.Name : $"{UnitWord(r)} {r.Name}";
}
