using System.Diagnostics;

namespace Rapor.TestSupport;

public static class Pdf
{
    /// <summary>A PDF's text as poppler reads it (build.sh installs poppler-utils).</summary>
    public static string Text(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, pdf);
        using var p = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        File.Delete(path);
        return text;
    }
}
