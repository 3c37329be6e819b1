using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Skm;

/// <summary>"Laporan Hasil SKM" as an A4 PDF: figures, NRR table and bar chart, analysis, follow-up plan, signature block.</summary>
public static class SkmPdf
{
    private const string Family = "DejaVu Sans";
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static byte[] Render(Region unit, SkmPeriod period, SkmMath.Result r, SkmReport? report, List<SkmFollowUp> followUps, bool populationFromQueue, DateOnly today)
    {
        Rapor.RaporPdf.EnsureFonts();
        using var doc = new PdfDocument();
        doc.Info.Title = $"Laporan Hasil SKM {unit.Name} {period.Label}";
        var title = new XFont(Family, 14, XFontStyleEx.Bold);
        var h = new XFont(Family, 10.5, XFontStyleEx.Bold);
        var body = new XFont(Family, 9, XFontStyleEx.Regular);
        var small = new XFont(Family, 7.5, XFontStyleEx.Regular);
        var page = doc.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var g = XGraphics.FromPdfPage(page);
        const double left = 50, width = 495;
        double y = 50;
        void Line(string text, XFont font, double height = 14)
        {
            if (y + height > page.Height.Point - 60)
            {
                g.Dispose();
                page = doc.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                g = XGraphics.FromPdfPage(page);
                y = 50;
            }
            g.DrawString(text, font, XBrushes.Black, new XRect(left, y, width, height), XStringFormats.TopLeft);
            y += height;
        }
        Line("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT", title, 20);
        Line($"{char.ToUpperInvariant(unit.Type[0])}{unit.Type[1..]} {unit.Name} · {period.Label}", h, 16);
        Line(report?.PublishedAt is { } at ? $"Diterbitkan {at.ToLocalTime().ToString("d MMMM yyyy", Id)}" : "Sementara — belum diterbitkan", body, 16);
        y += 4;
        Line($"Responden {r.Respondents.ToString("N0", Id)} · populasi {r.Population.ToString("N0", Id)} ({(populationFromQueue ? "layanan selesai menurut antrean" : "diisi unit")}) · "
             + $"sampel minimal Krejcie–Morgan {r.MinimumRespondents.ToString("N0", Id)} ({(r.SampleSuffices ? "mencukupi" : "belum mencukupi")})", body);
        Line($"IKM {r.Ikm.ToString("0.0000", Id)} (1–4) · IKM unit {r.IkmConverted.ToString("0.00", Id)} · mutu {r.Mutu} ({r.MutuText})", h, 16);
        Line($"Pembobotan: {SkmMath.WeightingText(r.Weighting)} (PermenPANRB 14/2017).", body, 18);
        Line("Nilai rata-rata per unsur (NRR)", h, 16);
        for (var i = 0; i < SkmMath.Unsur; i++)
        {
            g.DrawString($"U{i + 1} {SkmMath.UnsurNames[i]}{(r.WeakestUnsur == i + 1 ? " (terlemah)" : "")}", body, XBrushes.Black, new XRect(left, y, 250, 12), XStringFormats.TopLeft);
            g.DrawString(r.Nrr[i].ToString("0.0000", Id), body, XBrushes.Black, new XRect(left + 250, y, 50, 12), XStringFormats.TopRight);
            // A bar from 1 to 4: the chart of the report.
            var bar = Math.Max(0, (r.Nrr[i] - 1) / 3) * 180;
            g.DrawRectangle(r.WeakestUnsur == i + 1 ? XBrushes.DarkOrange : XBrushes.SteelBlue, left + 310, y + 2, bar, 9);
            g.DrawRectangle(new XPen(XColors.Gray, 0.5), left + 310, y + 2, 180, 9);
            y += 14;
        }
        g.DrawString("1", small, XBrushes.Gray, new XPoint(left + 308, y + 6));
        g.DrawString("4", small, XBrushes.Gray, new XPoint(left + 486, y + 6));
        y += 16;
        if (!string.IsNullOrWhiteSpace(report?.Analysis))
        {
            Line("Analisis", h, 16);
            foreach (var line in Wrap(g, report.Analysis, body, width))
                Line(line, body, 12);
            y += 6;
        }
        Line("Rencana tindak lanjut", h, 16);
        if (followUps.Count == 0)
            Line("—", body);
        foreach (var f in followUps)
        {
            foreach (var line in Wrap(g, $"U{f.Unsur} {SkmMath.UnsurNames[f.Unsur - 1]}: {f.Action} — PJ {f.Pic}, batas {f.Deadline.ToString("d MMMM yyyy", Id)}", body, width))
                Line(line, body, 12);
        }
        y += 24;
        Line($"{today.ToString("d MMMM yyyy", Id)}", body);
        Line(unit.Type == "kecamatan" ? "Camat" : unit.Type == "desa" ? "Kepala Desa" : "Lurah", body, 60);
        Line("(........................................)", body);
        g.DrawString("Dibuat oleh Rapor. Mutu: 88,31–100 A; 76,61–88,30 B; 65,00–76,60 C; 25,00–64,99 D.", small, XBrushes.Gray, new XPoint(left, page.Height.Point - 40));
        g.Dispose();
        using var ms = new MemoryStream();
        doc.Save(ms);
        return ms.ToArray();
    }

    private static IEnumerable<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var next = line.Length == 0 ? word : line + " " + word;
                if (g.MeasureString(next, font).Width > width && line.Length > 0)
                {
                    yield return line;
                    line = word;
                }
                else
                    line = next;
            }
            yield return line;
        }
    }
}
