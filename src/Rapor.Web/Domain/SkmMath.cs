namespace Rapor.Web.Domain;

/// <summary>The SKM formulas of PermenPANRB 14/2017, pure (no database): NRR, IKM, mutu, Krejcie–Morgan sample.</summary>
public static class SkmMath
{
    public const int Unsur = 9;

    /// <summary>The regulation's weight is 1/9; the official spreadsheets round it to 0,111.</summary>
    public static double Weight(SkmWeighting w) => w == SkmWeighting.Rounded ? 0.111 : 1.0 / Unsur;

    public static string WeightingText(SkmWeighting w) => w == SkmWeighting.Rounded
        ? "bobot 0,111 per unsur (pembulatan lembar resmi)"
        : "bobot 1/9 per unsur (tepat)";

    public static readonly string[] UnsurNames =
    [
        "Persyaratan", "Sistem, mekanisme dan prosedur", "Waktu penyelesaian", "Biaya/tarif", "Produk spesifikasi jenis pelayanan",
        "Kompetensi pelaksana", "Perilaku pelaksana", "Sarana dan prasarana", "Penanganan pengaduan, saran dan masukan",
    ];

    /// <summary>The questions and their four answers (1 → 4), as in the regulation's annex.</summary>
    public static readonly (string Question, string[] Answers)[] Questionnaire =
    [
        ("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?", ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
        ("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?", ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]),
        ("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?", ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"]),
        ("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?", ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]),
        ("Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?", ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]),
        ("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?", ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"]),
        ("Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?", ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"]),
        ("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?", ["Buruk", "Cukup", "Baik", "Sangat baik"]),
        ("Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?", ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"]),
    ];

    /// <summary>Sums of answers per unsur and the number of respondents: all a result needs, so the database can add them up.</summary>
    public readonly record struct Totals(long[] Sums, int Respondents)
    {
        public static Totals Of(IEnumerable<byte[]> answers)
        {
            var sums = new long[Unsur];
            var n = 0;
            foreach (var a in answers)
            {
                for (var i = 0; i < Unsur; i++)
                    sums[i] += a[i];
                n++;
            }
            return new(sums, n);
        }
    }

    public sealed record Result(int Respondents, double[] Nrr, double[] WeightedNrr, double Ikm, double IkmConverted, char Mutu, string MutuText,
        int WeakestUnsur, SkmWeighting Weighting, int Population, int MinimumRespondents, bool SampleSuffices);

    /// <summary>NRR = sum / respondents per unsur; IKM = Σ NRR × weight (1–4); converted = IKM × 25; mutu from the converted value.</summary>
    public static Result Compute(Totals t, SkmWeighting weighting, int population)
    {
        var w = Weight(weighting);
        var nrr = t.Sums.Select(s => t.Respondents == 0 ? 0 : (double)s / t.Respondents).ToArray();
        var weighted = nrr.Select(x => x * w).ToArray();
        var ikm = weighted.Sum();
        var converted = ikm * 25;
        var weakest = t.Respondents == 0 ? 0 : Array.IndexOf(nrr, nrr.Min()) + 1;
        var min = MinimumSample(population);
        return new(t.Respondents, nrr, weighted, ikm, converted, Mutu(converted), MutuText(Mutu(converted)), weakest, weighting, population, min,
            t.Respondents >= min && t.Respondents > 0);
    }

    /// <summary>Mutu by the converted IKM: 25,00–64,99 D; 65,00–76,60 C; 76,61–88,30 B; 88,31–100 A (compared at 2 decimals, as published).</summary>
    public static char Mutu(double converted)
    {
        var v = Math.Round(converted, 2, MidpointRounding.AwayFromZero);
        return v < 65.00 ? 'D' : v < 76.61 ? 'C' : v < 88.31 ? 'B' : 'A';
    }

    public static string MutuText(char mutu) => mutu switch
    {
        'A' => "Sangat baik",
        'B' => "Baik",
        'C' => "Kurang baik",
        _ => "Tidak baik",
    };

    /// <summary>
    /// Krejcie &amp; Morgan: n = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), χ² = 3,841, P = 0,5, d = 0,05, rounded to the nearest
    /// whole number (this reproduces the published table: 50 → 44, 100 → 80, 1.000 → 278).
    /// </summary>
    public static int MinimumSample(int population)
    {
        if (population <= 0)
            return 0;
        const double chi = 3.841, p = 0.5, d = 0.05;
        var n = chi * population * p * (1 - p) / (d * d * (population - 1) + chi * p * (1 - p));
        return (int)Math.Round(n, MidpointRounding.AwayFromZero);
    }
}
