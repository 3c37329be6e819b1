using System.Text;

namespace Rapor.Web.Domain;

/// <summary>
/// Indonesian mobile numbers as people write them — 0812-3456-7890, +62 812 3456 7890, 6281234567890 — stored as
/// 62 followed by the number without its leading 0, the form WhatsApp gateways expect.
/// </summary>
public static class IndonesianPhone
{
    public static bool TryNormalize(string? raw, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(raw))
            return false;
        var digits = new StringBuilder();
        var s = raw.Trim();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
                digits.Append(c);
            else if (c == '+' && i == 0)
                continue;
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
                return false;
        }
        var d = digits.ToString();
        var national = d.StartsWith("62", StringComparison.Ordinal) ? d[2..] : d.StartsWith('0') ? d[1..] : null;
        // Mobile numbers start with 8 and have 9–12 digits after the country code (0812-3456-78 … 0812-3456-78901).
        if (national is null || !national.StartsWith('8') || national.Length is < 9 or > 12)
            return false;
        normalized = "62" + national;
        return true;
    }
}
