using System.Globalization;

namespace Rapor.Web.Domain;

/// <summary>Checks a framework before it is saved; every message is for the admin who edits it (Bahasa Indonesia).</summary>
public static class FrameworkRules
{
    private const double Tolerance = 0.01;

    public static List<string> Validate(Framework f)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(f.Name))
            errors.Add("Nama kerangka wajib diisi.");
        if (f.Bidang.Count == 0)
            errors.Add("Kerangka harus memiliki bidang.");
        var bidangSum = f.Bidang.Sum(b => b.Weight);
        if (Math.Abs(bidangSum - 100) > Tolerance)
            errors.Add($"Bobot bidang berjumlah {Fmt(bidangSum)} %, harus 100 %.");
        if (f.RollUpShare is < 0 or > 1)
            errors.Add("Porsi kelurahan dalam nilai kecamatan harus antara 0 dan 1.");
        if (!(f.GreenFrom > f.YellowFrom && f.YellowFrom > 0 && f.GreenFrom <= 100))
            errors.Add("Ambang zona harus 0 < kuning < hijau ≤ 100.");
        foreach (var b in f.Bidang.OrderBy(b => b.Number))
        {
            if (string.IsNullOrWhiteSpace(b.Name))
                errors.Add($"Bidang {b.Number}: nama wajib diisi.");
            if (b.Weight <= 0)
                errors.Add($"Bidang {b.Number}: bobot harus lebih dari 0.");
            foreach (var level in new[] { RegionLevel.Kecamatan, RegionLevel.Kelurahan })
            {
                var applicable = b.Indicators.Where(i => i.AppliesTo(level)).ToList();
                if (applicable.Count == 0)
                    continue;
                var sum = applicable.Sum(i => i.Weight);
                if (Math.Abs(sum - 100) > Tolerance)
                    errors.Add($"Bidang {b.Number} ({b.Name}): bobot indikator untuk {(level == RegionLevel.Kecamatan ? "kecamatan" : "kelurahan")} berjumlah {Fmt(sum)} %, harus 100 %.");
            }
        }
        foreach (var dup in f.Indicators.GroupBy(i => i.Code).Where(g => g.Count() > 1))
            errors.Add($"Kode indikator {dup.Key} dipakai lebih dari sekali.");
        foreach (var i in f.Indicators)
            errors.AddRange(ValidateIndicator(i).Select(e => $"Indikator {i.Code}: {e}"));
        return errors;
    }

    public static IEnumerable<string> ValidateIndicator(Indicator i)
    {
        if (!Enum.IsDefined(i.Type) || !Enum.IsDefined(i.Direction) || !Enum.IsDefined(i.Frequency) || !Enum.IsDefined(i.Level) || !Enum.IsDefined(i.Rule) || !Enum.IsDefined(i.Source))
            yield return "tipe, arah, frekuensi, level, aturan atau sumber tidak valid.";
        if (string.IsNullOrWhiteSpace(i.Code))
            yield return "kode wajib diisi.";
        if (string.IsNullOrWhiteSpace(i.Name))
            yield return "nama wajib diisi.";
        if (i.Weight <= 0)
            yield return "bobot harus lebih dari 0.";
        if (i.Rule is ScoringRule.LinearToTarget or ScoringRule.LowerIsBetter && i.Target < 0)
            yield return "target tidak boleh negatif.";
        if (i.Rule == ScoringRule.LinearToTarget && i.Target == 0)
            yield return "target 0 tidak bisa dipakai untuk aturan linear terhadap target.";
        if (i.Rule == ScoringRule.YesNo && i.Type != IndicatorType.YesNo && i.Type != IndicatorType.Document)
            yield return "aturan ya/tidak hanya untuk indikator bertipe ya/tidak atau dokumen.";
        if (i.Rule == ScoringRule.Bands && ParseBands(i.Bands) is null)
            yield return "tabel rentang harus berbentuk \"batas:nilai;…\" dengan batas naik dan nilai 0–100, misalnya 0:0;50:60;90:100.";
        if (i.Type == IndicatorType.Percentage && i.Target > 100)
            yield return "target persentase tidak boleh lebih dari 100.";
        if (i.Source == ValueSource.FieldActivities && string.IsNullOrWhiteSpace(i.ActivityKind))
            yield return "jenis kegiatan lapangan wajib dipilih untuk indikator yang dihitung dari kegiatan.";
        if (i.Source is ValueSource.DesaSupervised or ValueSource.FindingsOnTime && (i.Level != UnitLevel.Kecamatan || i.Type != IndicatorType.Percentage))
            yield return "indikator dari pengawasan desa hanya untuk tingkat kecamatan dan bertipe persentase.";
    }

    /// <summary>Parses "from:score;…" into ascending thresholds; null when malformed.</summary>
    public static IReadOnlyList<(double From, double Score)>? ParseBands(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var result = new List<(double, double)>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(':');
            if (pair.Length != 2
                || !double.TryParse(pair[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var from)
                || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                || score is < 0 or > 100
                || (result.Count > 0 && from <= result[^1].Item1))
                return null;
            result.Add((from, score));
        }
        return result.Count == 0 ? null : result;
    }

    private static string Fmt(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
