using System.Globalization;

namespace Rapor.Web.Domain;

/// <summary>
/// NIP ASN (PP 11/2017 numbering): 8 digits birth date (yyyyMMdd), 6 digits TMT CPNS (yyyyMM),
/// 1 digit sex (1 male, 2 female), 3 digits sequence.
/// </summary>
public static class Nip
{
    /// <summary>Null when valid; otherwise the reason in Bahasa Indonesia.</summary>
    public static string? Validate(string? nip)
    {
        if (string.IsNullOrWhiteSpace(nip))
            return "NIP wajib diisi.";
        if (nip.Length != 18 || !nip.All(char.IsAsciiDigit))
            return "NIP harus terdiri dari 18 angka.";
        if (!DateOnly.TryParseExact(nip[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1940)
            return "NIP tidak valid: 8 angka pertama harus tanggal lahir (yyyyMMdd).";
        var tmtYear = int.Parse(nip[8..12], CultureInfo.InvariantCulture);
        var tmtMonth = int.Parse(nip[12..14], CultureInfo.InvariantCulture);
        if (tmtMonth is < 1 or > 12 || tmtYear < birth.Year + 17)
            return "NIP tidak valid: angka ke-9 s.d. 14 harus TMT CPNS (yyyyMM) setelah usia 17 tahun.";
        if (nip[14] is not ('1' or '2'))
            return "NIP tidak valid: angka ke-15 (jenis kelamin) harus 1 atau 2.";
        return null;
    }
}
