using System.Net;
using System.Text.RegularExpressions;

namespace Rapor.Web.Infrastructure;

/// <summary>
/// Free text kept as plain text: markup typed or pasted into a field ("&lt;b&gt;…", "&lt;script&gt;…") is removed
/// before it is stored, and again when open data is served, so clients that render the JSON as HTML stay safe.
/// </summary>
public static partial class PlainText
{
    public static string? From(string? text)
    {
        if (text is null)
            return null;
        var s = WebUtility.HtmlDecode(Tags().Replace(text, ""));
        // Tags written as entities ("&lt;b&gt;") decode into tags: remove those too.
        s = Tags().Replace(s, "");
        s = new string(s.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray()).Replace("\r", "", StringComparison.Ordinal).Trim();
        return s;
    }

    [GeneratedRegex("<[^>]*>?", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
