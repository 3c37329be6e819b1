using Microsoft.EntityFrameworkCore;

namespace Rapor.Web.Domain;

/// <summary>
/// A word in both UI languages. It prints in the request's UI culture (<c>@terms.Head</c> in a view), so callers need
/// no resource key; PDFs and exports that are Indonesian-only take <see cref="Id"/>.
/// </summary>
public readonly record struct Term(string Id, string En)
{
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? En : Id;

    public override string ToString() => In(CultureInfo.CurrentUICulture);

    /// <summary>For use inside a sentence: "3 desa", "kepala desa".</summary>
    public string Lower => ToString().ToLower(CultureInfo.CurrentUICulture);
}

/// <summary>
/// What a unit is called and what its head is called, from the unit's own level and type (ADR-010): a kota says
/// kelurahan and lurah, a kabupaten desa and kepala desa — and a kabupaten with both uses each unit's type.
/// Domain words stay Indonesian in English (ADR-003) except the kab/kota words, which have plain English equivalents.
/// </summary>
public sealed record UnitTerms(Term Kind, Term Head)
{
    public static readonly UnitTerms Kota = new(new("Kota", "City"), new("Wali Kota", "Mayor"));
    public static readonly UnitTerms Kabupaten = new(new("Kabupaten", "Regency"), new("Bupati", "Regent"));
    public static readonly UnitTerms Kecamatan = new(new("Kecamatan", "Kecamatan"), new("Camat", "Camat"));
    public static readonly UnitTerms Kelurahan = new(new("Kelurahan", "Kelurahan"), new("Lurah", "Lurah"));
    public static readonly UnitTerms Desa = new(new("Desa", "Desa"), new("Kepala Desa", "Kepala Desa"));

    public static UnitTerms Of(Region unit) => Of(unit.Level, unit.Type);

    /// <param name="type">The region's <see cref="Region.Type"/>: kota, kabupaten, kecamatan, kelurahan or desa.</param>
    public static UnitTerms Of(RegionLevel level, string type) => level switch
    {
        RegionLevel.KabupatenKota => type == "kota" ? Kota : Kabupaten,
        RegionLevel.Kecamatan => Kecamatan,
        _ => type == "kelurahan" ? Kelurahan : Desa,
    };
}

/// <summary>
/// The words for a whole kabupaten/kota: its own kind and head (Kota/Wali Kota, Kabupaten/Bupati) and the word for
/// its villages as a group — "kelurahan", "desa", or "kelurahan/desa" when it has both (Kab. Bandung has 10 kelurahan
/// and 270 desa). A page about one village uses <see cref="UnitTerms.Of(Region)"/> instead.
/// </summary>
public sealed record TenantTerms(UnitTerms Tenant, Term Village, Term VillageHead)
{
    public Term Kind => Tenant.Kind;
    public Term Head => Tenant.Head;

    /// <summary>Before a tenant is known (e.g. the platform admin has not chosen one).</summary>
    public static readonly TenantTerms Unknown = For("kota", hasKelurahan: true, hasDesa: true) with
    {
        Tenant = new(new("Kabupaten/Kota", "Regency/City"), new("Bupati/Wali Kota", "Regent/Mayor")),
    };

    public static TenantTerms For(string tenantType, bool hasKelurahan, bool hasDesa)
    {
        var tenant = tenantType == "kota" ? UnitTerms.Kota : UnitTerms.Kabupaten;
        // A tenant without villages yet speaks as its kind usually does.
        (hasKelurahan, hasDesa) = hasKelurahan || hasDesa ? (hasKelurahan, hasDesa) : (tenantType == "kota", tenantType != "kota");
        if (hasKelurahan && hasDesa)
            return new(tenant, new("Kelurahan/Desa", "Kelurahan/Desa"), new("Lurah/Kepala Desa", "Lurah/Kepala Desa"));
        var village = hasKelurahan ? UnitTerms.Kelurahan : UnitTerms.Desa;
        return new(tenant, village.Kind, village.Head);
    }

    /// <summary>One query: the tenant's own type and which village types it has (active or not).</summary>
    public static async Task<TenantTerms> LoadAsync(IQueryable<Region> regions, string tenantCode, CancellationToken ct)
    {
        var types = await regions.Where(r => r.TenantCode == tenantCode && (r.Level == RegionLevel.KabupatenKota || r.Level == RegionLevel.Kelurahan))
            .Select(r => r.Type).Distinct().ToListAsync(ct);
        return For(types.Contains("kota") ? "kota" : "kabupaten", types.Contains("kelurahan"), types.Contains("desa"));
    }
}
