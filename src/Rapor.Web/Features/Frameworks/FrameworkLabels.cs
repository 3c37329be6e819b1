using Rapor.Web.Domain;

namespace Rapor.Web.Features.Frameworks;

/// <summary>The Indonesian words admins see (editor, Excel) for each framework setting; one map serves both ways.</summary>
public static class FrameworkLabels
{
    public static readonly IReadOnlyDictionary<IndicatorType, string> Types = new Dictionary<IndicatorType, string>
    {
        [IndicatorType.Number] = "angka", [IndicatorType.Percentage] = "persentase", [IndicatorType.YesNo] = "ya/tidak",
        [IndicatorType.ActivityCount] = "jumlah kegiatan", [IndicatorType.Document] = "dokumen",
    };

    public static readonly IReadOnlyDictionary<Direction, string> Directions = new Dictionary<Direction, string>
    {
        [Direction.HigherIsBetter] = "makin tinggi makin baik", [Direction.LowerIsBetter] = "makin rendah makin baik",
    };

    public static readonly IReadOnlyDictionary<Frequency, string> Frequencies = new Dictionary<Frequency, string>
    {
        [Frequency.Monthly] = "bulanan", [Frequency.Annual] = "tahunan",
    };

    public static readonly IReadOnlyDictionary<UnitLevel, string> Levels = new Dictionary<UnitLevel, string>
    {
        [UnitLevel.Kecamatan] = "kecamatan", [UnitLevel.Kelurahan] = "kelurahan", [UnitLevel.Both] = "keduanya",
    };

    public static readonly IReadOnlyDictionary<ScoringRule, string> Rules = new Dictionary<ScoringRule, string>
    {
        [ScoringRule.LinearToTarget] = "linear terhadap target", [ScoringRule.LowerIsBetter] = "makin rendah makin baik",
        [ScoringRule.YesNo] = "ya/tidak", [ScoringRule.Bands] = "tabel rentang",
    };

    public static readonly IReadOnlyDictionary<ValueSource, string> Sources = new Dictionary<ValueSource, string>
    {
        [ValueSource.Manual] = "diisi unit", [ValueSource.FieldActivities] = "kegiatan lapangan", [ValueSource.Innovations] = "registri inovasi",
        [ValueSource.QueueSla] = "antrean: % sesuai SLA", [ValueSource.QueueWait] = "antrean: rata-rata menit tunggu", [ValueSource.Ikm] = "SKM: IKM",
        [ValueSource.DesaSupervised] = "pengawasan desa: % desa sesuai jadwal", [ValueSource.FindingsOnTime] = "pengawasan desa: % temuan tepat waktu",
    };

    /// <summary>Reads a label (or the enum name) back; null when it matches neither.</summary>
    public static T? Parse<T>(IReadOnlyDictionary<T, string> labels, string? text) where T : struct, Enum
    {
        var t = text?.Trim() ?? "";
        foreach (var (k, v) in labels)
        {
            if (string.Equals(v, t, StringComparison.OrdinalIgnoreCase) || string.Equals(k.ToString(), t, StringComparison.OrdinalIgnoreCase))
                return k;
        }
        return null;
    }
}
