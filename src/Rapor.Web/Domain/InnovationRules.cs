namespace Rapor.Web.Domain;

/// <summary>
/// Who complies with the innovation obligation. A person (one NIP, possibly several tenures) is judged only on the
/// time he held a Kasi or Kasubag position in the year up to the cut-off: an innovation he owns counts when its stage
/// at or above the minimum was verified inside that time.
/// </summary>
public static class InnovationCompliance
{
    public sealed record Tenure(string Nip, string Name, string Position, string UnitCode, DateOnly Start, DateOnly? End);

    public sealed record OwnedStage(string Nip, Guid InnovationId, string InnovationName, InnovationStage Stage, StageStatus Status, DateOnly? VerifiedOn);

    public sealed record Verdict(string Nip, string Name, string Positions, string UnitCode, int DaysInPosition, bool Subject, bool Compliant, string Reason);

    public static List<Verdict> Judge(TppPolicy policy, IEnumerable<Tenure> tenures, IEnumerable<OwnedStage> stages)
    {
        var yearStart = new DateOnly(policy.Year, 1, 1);
        var until = policy.CutOffDate;
        var byPerson = stages.GroupBy(s => s.Nip).ToDictionary(g => g.Key, g => g.ToList());
        var verdicts = new List<Verdict>();
        foreach (var person in tenures.Where(t => Positions.Find(t.Position)?.IsKasiOrKasubag == true).GroupBy(t => t.Nip))
        {
            // Kasi/Kasubag days clipped to [1 Jan, cut-off].
            var intervals = person.Select(t => (From: Max(t.Start, yearStart), To: Min(t.End ?? DateOnly.MaxValue, until)))
                .Where(i => i.From <= i.To).ToList();
            var days = intervals.Sum(i => i.To.DayNumber - i.From.DayNumber + 1);
            var latest = person.OrderByDescending(t => t.Start).First();
            var positions = string.Join(", ", person.Select(t => Positions.TitleOf(t.Position)).Distinct());
            if (days == 0)
                continue;
            if (days < policy.MinimumDays)
            {
                verdicts.Add(new(person.Key, latest.Name, positions, latest.UnitCode, days, false, true,
                    $"Tidak dinilai: menjabat Kasi/Kasubag {days} hari sebelum batas (kurang dari {policy.MinimumDays})."));
                continue;
            }
            var owned = byPerson.GetValueOrDefault(person.Key) ?? [];
            var counting = owned.FirstOrDefault(s => s.Status == StageStatus.Diverifikasi && s.Stage >= policy.MinimumStage
                && s.VerifiedOn is { } d && intervals.Any(i => i.From <= d && d <= i.To));
            if (counting is not null)
            {
                verdicts.Add(new(person.Key, latest.Name, positions, latest.UnitCode, days, true, true,
                    $"Memiliki inovasi \"{counting.InnovationName}\" tahap {StageText(counting.Stage)}, diverifikasi {counting.VerifiedOn:dd-MM-yyyy}."));
                continue;
            }
            verdicts.Add(new(person.Key, latest.Name, positions, latest.UnitCode, days, true, false, WhyNot(policy, owned, intervals)));
        }
        return verdicts.OrderBy(v => v.Compliant).ThenBy(v => v.UnitCode, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal).ToList();
    }

    private static string WhyNot(TppPolicy policy, List<OwnedStage> owned, List<(DateOnly From, DateOnly To)> intervals)
    {
        if (owned.Count == 0)
            return "Tidak memiliki inovasi.";
        var high = owned.Where(s => s.Stage >= policy.MinimumStage).ToList();
        var verified = high.Where(s => s.Status == StageStatus.Diverifikasi && s.VerifiedOn is not null).ToList();
        if (verified.Count == 0)
            return $"Inovasi \"{owned[0].InnovationName}\" belum diverifikasi pada tahap {StageText(policy.MinimumStage)} atau lebih.";
        var late = verified.FirstOrDefault(s => s.VerifiedOn > policy.CutOffDate);
        if (late is not null)
            return $"Inovasi \"{late.InnovationName}\" diverifikasi {late.VerifiedOn:dd-MM-yyyy}, setelah batas {policy.CutOffDate:dd-MM-yyyy}.";
        return $"Inovasi \"{verified[0].InnovationName}\" diverifikasi di luar masa jabatan Kasi/Kasubag.";
    }

    public static string StageText(InnovationStage s) => s switch
    {
        InnovationStage.Inisiatif => "inisiatif",
        InnovationStage.UjiCoba => "uji coba",
        _ => "penerapan",
    };

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>
/// Innovation index of a kecamatan in the manner of the Indeks Inovasi Daerah: each innovation scores by its highest
/// verified stage (inisiatif 30, uji coba 60, penerapan 100), summed and divided by MAX(10, n).
/// </summary>
public static class InnovationIndex
{
    public static double StageScore(InnovationStage? s) => s switch
    {
        InnovationStage.Inisiatif => 30,
        InnovationStage.UjiCoba => 60,
        InnovationStage.Penerapan => 100,
        _ => 0,
    };

    public static double Of(IReadOnlyCollection<InnovationStage?> stages) =>
        stages.Count == 0 ? 0 : Math.Min(100, stages.Sum(StageScore) / Math.Max(10, stages.Count));

    public static string Predikat(double index) => index switch
    {
        > 60 => "sangat inovatif",
        >= 35 => "inovatif",
        > 0 => "kurang inovatif",
        _ => "tidak dapat dinilai",
    };
}
