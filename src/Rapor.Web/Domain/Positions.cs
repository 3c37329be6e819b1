namespace Rapor.Web.Domain;

public sealed record PositionInfo(string Code, string Title, RegionLevel Level, bool IsHead, bool IsKasiOrKasubag, bool RequiresNip);

/// <summary>Positions in a kecamatan (PP 17/2018) and in a kelurahan/desa.</summary>
public static class Positions
{
    public static readonly IReadOnlyList<PositionInfo> All =
    [
        new("camat", "Camat", RegionLevel.Kecamatan, IsHead: true, IsKasiOrKasubag: false, RequiresNip: true),
        new("sekcam", "Sekretaris Camat", RegionLevel.Kecamatan, true, false, true),
        new("kasi_pemerintahan", "Kasi Pemerintahan", RegionLevel.Kecamatan, false, true, true),
        new("kasi_trantib", "Kasi Ketenteraman dan Ketertiban", RegionLevel.Kecamatan, false, true, true),
        new("kasi_pemberdayaan", "Kasi Pemberdayaan Masyarakat", RegionLevel.Kecamatan, false, true, true),
        new("kasi_pelayanan", "Kasi Pelayanan", RegionLevel.Kecamatan, false, true, true),
        new("kasi_kesos", "Kasi Kesejahteraan Sosial", RegionLevel.Kecamatan, false, true, true),
        new("kasubag_umum", "Kasubag Umum dan Kepegawaian", RegionLevel.Kecamatan, false, true, true),
        new("kasubag_program", "Kasubag Program dan Keuangan", RegionLevel.Kecamatan, false, true, true),
        new("lurah", "Lurah", RegionLevel.Kelurahan, true, false, true),
        new("sekel", "Sekretaris Kelurahan", RegionLevel.Kelurahan, true, false, true),
        new("kepala_desa", "Kepala Desa", RegionLevel.Kelurahan, true, false, false),
        new("sekdes", "Sekretaris Desa", RegionLevel.Kelurahan, true, false, false),
        new("staf_asn", "Staf (ASN)", RegionLevel.Kecamatan, false, false, true),
        new("staf", "Staf (non-ASN)", RegionLevel.Kecamatan, false, false, false),
    ];

    private static readonly Dictionary<string, PositionInfo> ByCode = All.ToDictionary(p => p.Code);

    private static readonly Dictionary<string, int> Rank = All.Select((p, i) => (p.Code, i)).ToDictionary(x => x.Code, x => x.i);

    /// <summary>Sort key: Camat first, staf last, unknown codes after everything.</summary>
    public static int OrderOf(string code) => Rank.GetValueOrDefault(code, int.MaxValue);

    public static PositionInfo? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var p) ? p : null;

    public static string TitleOf(string code) => Find(code)?.Title ?? code;

    /// <summary>Staff positions exist at both levels; the rest belong to one level.</summary>
    public static bool FitsLevel(PositionInfo position, RegionLevel level) =>
        position.Code is "staf" or "staf_asn" || position.Level == level;
}
