using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Rapor.Web.Domain;
using Rapor.Web.Features.Rapor;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The Berita Acara of a supervision visit as an A4 PDF: who visited, the result per section and per item, the
/// findings with recommendation and due date, and a signature block for the team and the kepala desa. Printed in
/// Bahasa Indonesia: it is an official record signed on paper.
/// </summary>
public static class BeritaAcaraPdf
{
    private const string Family = "DejaVu Sans";
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static byte[] Render(VisitModel m, string tenantName, DateTime printedAt)
    {
        RaporPdf.EnsureFonts();
        var v = m.Visit;
        var day = v.VisitedOn ?? v.ScheduledOn;
        var desaWord = SupervisionWords.UnitWord(m.Desa);
        using var doc = new PdfDocument();
        doc.Info.Title = $"Berita Acara Pengawasan {desaWord} {m.Desa.Name} {day:yyyy-MM-dd}";
        doc.Info.Author = "Rapor";
        var title = new XFont(Family, 13, XFontStyleEx.Bold);
        var h = new XFont(Family, 10, XFontStyleEx.Bold);
        var body = new XFont(Family, 9, XFontStyleEx.Regular);
        var small = new XFont(Family, 7.5, XFontStyleEx.Regular);
        const double left = 50, width = 495;
        PdfPage page = null!;
        XGraphics g = null!;
        double y = 0;
        void NewPage()
        {
            g?.Dispose();
            page = doc.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            g = XGraphics.FromPdfPage(page);
            y = 50;
        }
        void Need(double height)
        {
            if (y + height > page.Height.Point - 60)
                NewPage();
        }
        void Para(string text, XFont font, double x = 0, double w = width, double lineHeight = 12)
        {
            foreach (var line in Wrap(g, text, font, w))
            {
                Need(lineHeight);
                g.DrawString(line, font, XBrushes.Black, new XRect(left + x, y, w, lineHeight), XStringFormats.TopLeft);
                y += lineHeight;
            }
        }
        void Centered(string text, XFont font, double height)
        {
            g.DrawString(text, font, XBrushes.Black, new XRect(left, y, width, height), XStringFormats.TopCenter);
            y += height;
        }

        NewPage();
        Centered("BERITA ACARA PENGAWASAN PENYELENGGARAAN PEMERINTAHAN DESA", title, 18);
        Centered($"KECAMATAN {m.Kecamatan.Name.ToUpperInvariant()} — {tenantName.ToUpperInvariant()}", h, 14);
        Centered($"Nomor: ........../{v.KecamatanCode}/{day.Year}", body, 20);
        Para($"Pada hari ini {day.ToString("dddd", Id)}, tanggal {day.ToString("d MMMM yyyy", Id)}, Tim Pengawasan Kecamatan {m.Kecamatan.Name} telah melaksanakan "
             + $"pembinaan dan pengawasan atas penyelenggaraan pemerintahan {desaWord} {m.Desa.Name} berdasarkan daftar periksa \"{m.Template.Name}\" versi {m.Template.Number}, "
             + "dengan hasil sebagai berikut.", body);
        y += 6;
        Para("Tim pengawasan:", h);
        foreach (var (o, n) in m.Team.Select((o, n) => (o, n + 1)))
            Para($"{n}. {o.Name} — {Positions.TitleOf(o.Position)}", body, 10);
        y += 6;
        Para($"Kesesuaian: {(v.Compliance is { } c ? c.ToString("0.#", Id) + " %" : "—")} dari butir yang berlaku.", h);
        foreach (var (section, sc, answered, items) in m.BySection())
            Para($"• {section}: {(sc is { } s ? s.ToString("0", Id) + " %" : "—")} ({answered} dari {items} butir dijawab)", body, 10);
        y += 6;
        Para("Hasil pemeriksaan per butir:", h);
        foreach (var section in m.Template.Sections)
        {
            Need(30);
            y += 2;
            Para(section.Key, h);
            foreach (var item in section)
            {
                var a = m.AnswerOf(item.Id);
                var result = a?.Answer switch
                {
                    ChecklistAnswer.Sesuai => "sesuai",
                    ChecklistAnswer.TidakSesuai => "TIDAK SESUAI",
                    ChecklistAnswer.TidakBerlaku => "tidak berlaku",
                    _ => "—",
                };
                var lines = Wrap(g, $"{item.Code} {item.Text}" + (string.IsNullOrWhiteSpace(a?.Note) ? "" : $" — {a.Note}"), small, 400);
                Need(lines.Count * 10);
                g.DrawString(result, small, XBrushes.Black, new XRect(left + 405, y, 90, 10), XStringFormats.TopRight);
                foreach (var line in lines)
                {
                    g.DrawString(line, small, XBrushes.Black, new XRect(left, y, 400, 10), XStringFormats.TopLeft);
                    y += 10;
                }
            }
        }
        y += 6;
        Need(40);
        Para(m.Findings.Count == 0 ? "Temuan: tidak ada." : $"Temuan dan rekomendasi ({m.Findings.Count}), wajib ditindaklanjuti desa sampai tenggat:", h);
        foreach (var (f, n) in m.Findings.Select((f, n) => (f, n + 1)))
        {
            Para($"{n}. [{f.ItemCode}] {f.ItemText} — tingkat {f.Severity.ToString().ToLowerInvariant()}, tenggat {f.DueOn.ToString("d MMMM yyyy", Id)}", body, 0);
            if (!string.IsNullOrWhiteSpace(f.Description))
                Para($"Uraian: {f.Description}", body, 12);
            Para($"Rekomendasi: {f.Recommendation}", body, 12);
        }
        if (!string.IsNullOrWhiteSpace(v.Summary))
        {
            y += 6;
            Para("Ringkasan dan arahan tim:", h);
            Para(v.Summary, body);
        }
        y += 6;
        Para("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.", body);

        // Signatures: the kepala desa on the left, the team on the right, one line each.
        var rows = Math.Max(1, m.Team.Count);
        Need(60 + rows * 48);
        y += 14;
        var top = y;
        g.DrawString($"{SupervisionWords.HeadTitle(m.Desa)} {m.Desa.Name}", body, XBrushes.Black, new XPoint(left, top));
        g.DrawString($"({m.KepalaDesa ?? "........................................"})", body, XBrushes.Black, new XPoint(left, top + 60));
        var sx = left + 260;
        g.DrawString($"{m.Kecamatan.Name}, {day.ToString("d MMMM yyyy", Id)}", body, XBrushes.Black, new XPoint(sx, top));
        g.DrawString($"Tim Pengawasan Kecamatan {m.Kecamatan.Name}", body, XBrushes.Black, new XPoint(sx, top + 12));
        var ty = top + 30;
        foreach (var (o, n) in m.Team.Select((o, n) => (o, n + 1)))
        {
            g.DrawString($"{n}. {RaporPdf.Fit(g, o.Name, body, 150)}", body, XBrushes.Black, new XPoint(sx, ty + 20));
            g.DrawString("...................", body, XBrushes.Black, new XPoint(sx + 160, ty + 20));
            g.DrawString(RaporPdf.Fit(g, Positions.TitleOf(o.Position) + (o.Nip is null ? "" : $" · NIP {o.Nip}"), small, 230), small, XBrushes.Black, new XPoint(sx + 12, ty + 30));
            ty += 48;
        }
        var gps = v.Latitude is { } lat && v.Longitude is { } lng
            ? $"Lokasi GPS kunjungan: {lat.ToString("0.#####", CultureInfo.InvariantCulture)}, {lng.ToString("0.#####", CultureInfo.InvariantCulture)}" + (v.GpsAccuracy is { } acc ? $" (±{acc.ToString("0", Id)} m)." : ".")
            : "Lokasi GPS tidak direkam.";
        g.DrawString($"{gps} Dicetak oleh Rapor pada {printedAt.ToString("dd-MM-yyyy HH:mm", Id)}.", small, XBrushes.Gray, new XPoint(left, page.Height.Point - 40));
        g.Dispose();
        using var ms = new MemoryStream();
        doc.Save(ms);
        return ms.ToArray();
    }

    /// <summary>Breaks <paramref name="text"/> into lines that fit <paramref name="width"/> (a word longer than a line is cut).</summary>
    private static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = line.Length == 0 ? word : line + " " + word;
            if (g.MeasureString(next, font).Width <= width)
            {
                line = next;
                continue;
            }
            if (line.Length > 0)
                lines.Add(line);
            line = g.MeasureString(word, font).Width <= width ? word : RaporPdf.Fit(g, word, font, width);
        }
        if (line.Length > 0)
            lines.Add(line);
        return lines.Count == 0 ? [""] : lines;
    }
}
