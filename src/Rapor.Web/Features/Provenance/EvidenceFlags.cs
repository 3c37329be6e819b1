using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Provenance;

/// <summary>
/// The stored flags of some evidence, with the names of the units they mention, rendered in the reader's language
/// (page, API and rapor read them through here).
/// </summary>
public sealed class EvidenceFlags
{
    public static readonly EvidenceFlags Empty = new([], []);

    private readonly Dictionary<Guid, List<EvidenceFlag>> _byEvidence;
    private readonly Dictionary<string, Region> _units;

    private EvidenceFlags(Dictionary<Guid, List<EvidenceFlag>> byEvidence, Dictionary<string, Region> units)
    {
        _byEvidence = byEvidence;
        _units = units;
    }

    public static async Task<EvidenceFlags> LoadAsync(RaporDbContext db, IEnumerable<Guid> evidenceIds, CancellationToken ct)
    {
        var ids = evidenceIds.Distinct().ToList();
        if (ids.Count == 0)
            return Empty;
        var flags = await db.EvidenceFlags.AsNoTracking().Where(f => ids.Contains(f.EvidenceId)).ToListAsync(ct);
        if (flags.Count == 0)
            return Empty;
        var codes = flags.Where(f => f.OtherUnitCode != null).Select(f => f.OtherUnitCode!).Distinct().ToList();
        var units = codes.Count == 0 ? [] : await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        // Risk first, then the nearest duplicate.
        return new(flags.GroupBy(f => f.EvidenceId).ToDictionary(g => g.Key,
            g => g.OrderBy(f => f.Kind).ThenBy(f => f.HashDistance).ThenBy(f => f.Id).ToList()), units);
    }

    public IReadOnlyList<EvidenceFlag> Of(Guid evidenceId) => _byEvidence.GetValueOrDefault(evidenceId) ?? [];

    public bool HasRisk(Guid evidenceId) => Of(evidenceId).Any(f => f.IsRisk);

    public IEnumerable<EvidenceFlag> All => _byEvidence.Values.SelectMany(f => f);

    /// <summary>"Kel. Sukamulya", "Desa Batujajar Barat", "Kec. Cinambo" (domain words stay Indonesian in English).</summary>
    public string UnitLabel(string? code)
    {
        if (code is null || !_units.TryGetValue(code, out var r))
            return code ?? "";
        return (r.Level == RegionLevel.Kecamatan ? "Kec. " : r.Type == "desa" ? "Desa " : "Kel. ") + r.Name;
    }

    /// <summary>"Juni 2025" / "June 2025" / "Tahun 2025" in the reader's culture.</summary>
    public static string PeriodLabel(string? key, IStringLocalizer t)
    {
        if (!Period.TryParseKey(key, out var year, out var month))
            return key ?? "";
        var y = year.ToString(CultureInfo.InvariantCulture);
        return month is { } m ? CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(m) + " " + y : t["Tahun {0}", y];
    }

    /// <summary>One sentence for a flag in the reader's language.</summary>
    public string Describe(EvidenceFlag f, IStringLocalizer t) => f.Kind switch
    {
        EvidenceFlagKind.Duplicate => t[f.HashDistance is null ? "Sama dengan bukti {0}, {1}" : "Foto ini mirip dengan bukti {0}, {1}",
            UnitLabel(f.OtherUnitCode), PeriodLabel(f.OtherPeriod, t)] + OtherDetail(f, t),
        EvidenceFlagKind.OutsideArea => t["Diambil {0} m di luar batas wilayah", (f.Meters ?? 0).ToString("N0", CultureInfo.CurrentCulture)],
        EvidenceFlagKind.DateMismatch => t["Diambil {0}, {1} hari di luar waktu yang dilaporkan",
            f.CapturedOn?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "", f.Days ?? 0],
        EvidenceFlagKind.NoMetadata => f.Missing switch
        {
            "time" => t["Tanpa waktu pengambilan (EXIF)"],
            "location" => t["Tanpa lokasi GPS (EXIF)"],
            _ => t["Tanpa metadata waktu dan lokasi"],
        },
        _ => t["Lokasi tidak dapat diperiksa: batas wilayah unit ini belum tersedia"],
    };

    private static string OtherDetail(EvidenceFlag f, IStringLocalizer t)
    {
        var what = f.OtherSource switch
        {
            EvidenceSource.Report => t["indikator {0}", f.OtherRef ?? ""].Value,
            EvidenceSource.Activity => t["kegiatan {0}", f.OtherRef ?? ""].Value,
            EvidenceSource.Visit => t["verifikasi lapangan"].Value,
            EvidenceSource.Innovation => t["inovasi {0}", f.OtherRef ?? ""].Value,
            _ => "",
        };
        return " (" + what + (f.OtherUploadedBy is { } by ? ", " + t["diunggah {0}", by] : "") + ")";
    }
}

/// <summary>The flags of one evidence file, for the shared partial _Flags.</summary>
public sealed record FlagList(EvidenceFlags Flags, Evidence Evidence);

/// <summary>One evidence file on the verification page with its flags and, for each duplicate, the evidence it resembles.</summary>
public sealed record CompareView(EvidenceFlags Flags, Evidence Evidence, IReadOnlyDictionary<Guid, Evidence> Others, bool Open);
