using System.Text.RegularExpressions;

namespace Rapor.Web.Domain;

/// <summary>Rules of Kemendagri region codes (NN.NN kab/kota, NN.NN.NN kecamatan, NN.NN.NN.NNNN kelurahan/desa).</summary>
public static partial class RegionCode
{
    [GeneratedRegex(@"^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    public static RegionLevel? LevelOf(string code) => code.Length switch
    {
        5 when IsValid(code) => RegionLevel.KabupatenKota,
        8 when IsValid(code) => RegionLevel.Kecamatan,
        13 when IsValid(code) => RegionLevel.Kelurahan,
        _ => null,
    };

    /// <summary>The kab/kota part of any code; a unit's tenant.</summary>
    public static string TenantOf(string code) => code.Length >= 5 ? code[..5] : code;

    /// <summary>Parent code by dropping the last segment; null for a kab/kota.</summary>
    public static string? ParentOf(string code) => code.Length switch
    {
        8 => code[..5],
        13 => code[..8],
        _ => null,
    };

    /// <summary>Kemendagri convention: village segment 1xxx is a kelurahan, 2xxx (and 3xxx desa adat) a desa.</summary>
    public static string VillageTypeOf(string code) => code.Length == 13 && code[9] == '1' ? "kelurahan" : "desa";

    /// <summary>Kemendagri convention: a kab/kota segment of 71 or more is a kota, below it a kabupaten (true for all 514).</summary>
    public static string TenantTypeOf(string code) =>
        code.Length >= 5 && int.TryParse(code.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 71 ? "kota" : "kabupaten";

    /// <summary>True when <paramref name="code"/> is <paramref name="scope"/> itself or lies below it.</summary>
    public static bool IsWithin(string code, string scope) =>
        code == scope || (code.StartsWith(scope, StringComparison.Ordinal) && code.Length > scope.Length && code[scope.Length] == '.');
}
