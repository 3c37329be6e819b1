using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Rapor.Web.Features.Rapor;

/// <summary>The rapor as a printable A4 PDF with a signature block; fonts are shipped so it renders the same on any server.</summary>
public static class RaporPdf
{
    private const string Family = "DejaVu Sans";
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private static readonly Lock Gate = new();
    private static bool _fontsReady;

    /// <param name="logo">The tenant's logo (PNG or JPEG, checked at upload), drawn above the heading.</param>
    public static byte[] Render(RaporView v, DateOnly today, byte[]? logo = null)
    {
        EnsureFonts();
        using var doc = new PdfDocument();
        doc.Info.Title = $"Rapor {v.LevelWord} {v.Unit.Name} {v.Period.Label}";
        doc.Info.Author = "Rapor";
        var title = new XFont(Family, 15, XFontStyleEx.Bold);
        var h = new XFont(Family, 11, XFontStyleEx.Bold);
        var body = new XFont(Family, 9, XFontStyleEx.Regular);
        var small = new XFont(Family, 7.5, XFontStyleEx.Regular);

        PdfPage page = null!;
        XGraphics g = null!;
        double y = 0;
        const double left = 50, width = 495;
        void NewPage()
        {
            g?.Dispose();
            page = doc.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            g = XGraphics.FromPdfPage(page);
            y = 50;
        }
        void Line(string text, XFont font, double height = 14, double x = left)
        {
            if (y + height > page.Height.Point - 60)
                NewPage();
            g.DrawString(text, font, XBrushes.Black, new XRect(x, y, width, height), XStringFormats.TopLeft);
            y += height;
        }
        void Row(XFont font, params (string Text, double X, double W, bool Right)[] cells)
        {
            if (y + 13 > page.Height.Point - 60)
                NewPage();
            foreach (var (text, x, w, right) in cells)
                g.DrawString(Fit(g, text, font, w), font, XBrushes.Black, new XRect(left + x, y, w, 12), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            y += 13;
        }

        NewPage();
        using var logoBytes = logo is null ? null : new MemoryStream(logo, writable: false);
        if (logoBytes is not null)
        {
            using var image = XImage.FromStream(logoBytes);
            var height = 42.0;
            g.DrawImage(image, left, y, height * image.PixelWidth / Math.Max(1, image.PixelHeight), height);
            y += height + 6;
        }
        Line($"{v.Tenant.DisplayOfficialName.ToUpper(Id)} — RAPOR KINERJA", title, 22);
        Line($"{v.LevelWord} {v.Unit.Name} ({v.Unit.Code}) · {v.Period.Label}", h, 18);
        var s = v.Score;
        Line(s is null ? "Skor belum dihitung." : $"Nilai akhir: {s.Total.ToString("0.00", Id)}   Zona: {s.Zone.ToUpperInvariant()}   {v.RankText}", h, 18);
        Line($"Nilai mandiri (klaim): {v.ClaimedTotal.ToString("0.00", Id)}   Nilai sendiri terverifikasi: {v.Verified.OwnScore.ToString("0.00", Id)}"
             + (s?.KelurahanMean is { } m ? $"   Rata-rata {v.ChildrenWord.ToLower(Id)}: {m.ToString("0.00", Id)}" : ""), body, 16);
        if (!v.Finalized)
            Line("Status: sementara (periode belum difinalisasi).", body);
        y += 6;
        Line("Nilai per bidang", h, 16);
        foreach (var b in v.Verified.Bidang)
            Row(body, ($"{b.Number}. {b.Name}", 0, 330, false), ($"bobot {b.Weight.ToString("0.#", Id)} %", 330, 80, true), (b.Score.ToString("0.00", Id), 410, 85, true));
        y += 8;
        Line("Indikator", h, 16);
        Row(small, ("Kode", 0, 30, false), ("Indikator", 30, 235, false), ("Klaim", 265, 50, true), ("Verifikasi", 315, 55, true), ("Skor", 370, 40, true), ("Bobot", 410, 40, true), ("Kontribusi", 450, 45, true));
        foreach (var i in v.Verified.Indicators)
        {
            var claimed = v.Claimed.Indicators.FirstOrDefault(c => c.Code == i.Code)?.Value;
            Row(small, (i.Code, 0, 30, false), (v.IndicatorOf(i.Code).Name, 30, 235, false), (Num(claimed), 265, 50, true), (Num(i.Value), 315, 55, true),
                (i.Score.ToString("0.0", Id), 370, 40, true), (i.WeightInBidang.ToString("0.#", Id) + "%", 410, 40, true), (i.Contribution.ToString("0.00", Id), 450, 45, true));
        }
        if (v.Children.Count > 0)
        {
            y += 8;
            Line(v.ChildrenWord, h, 16);
            foreach (var c in v.Children)
                Row(body, (c.Name, 0, 300, false), (c.Zone, 300, 80, false), (c.Total.ToString("0.00", Id), 380, 60, true), ($"#{c.Rank}", 440, 55, true));
        }
        // Signature block: the official the tenant named in its branding signs the rapor it hands to the camat/lurah;
        // what is not set stays a dotted line to fill in by hand.
        if (y + 110 > page.Height.Point - 60)
            NewPage();
        y += 24;
        var sx = left + 280;
        var t = v.Tenant;
        g.DrawString($"{PlaceOf(t.Name)}, {today.ToString("d MMMM yyyy", Id)}", body, XBrushes.Black, new XPoint(sx, y));
        g.DrawString(Fit(g, t.SignatoryTitle is { Length: > 0 } title2 ? title2 : "........................................", body, width - 280), body, XBrushes.Black, new XPoint(sx, y + 14));
        g.DrawString(t.SignatoryName is { Length: > 0 } signer ? signer : "(........................................)", body, XBrushes.Black, new XPoint(sx, y + 80));
        g.DrawString("NIP " + (t.SignatoryNip is { Length: > 0 } nip ? nip : "...................................."), body, XBrushes.Black, new XPoint(sx, y + 94));
        g.DrawString($"Dicetak oleh Rapor {today:yyyy-MM-dd}. Skor dari nilai terverifikasi; kerangka: {v.Spec.Framework.Name}.", small, XBrushes.Gray, new XPoint(left, page.Height.Point - 40));
        g.Dispose();
        using var ms = new MemoryStream();
        doc.Save(ms);
        return ms.ToArray();
    }

    /// <summary>Where the rapor is signed: the kab/kota's name without "Kota"/"Kabupaten" ("Palembang").</summary>
    internal static string PlaceOf(string tenantName) =>
        tenantName.StartsWith("Kota ", StringComparison.Ordinal) ? tenantName[5..]
        : tenantName.StartsWith("Kabupaten ", StringComparison.Ordinal) ? tenantName[10..] : tenantName;

    private static string Num(double? v) => v is { } d ? d.ToString("0.##", Id) : "—";

    internal static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width)
            return text;
        while (text.Length > 1 && g.MeasureString(text + "…", font).Width > width)
            text = text[..^1];
        return text + "…";
    }

    internal static void EnsureFonts()
    {
        lock (Gate)
        {
            if (_fontsReady)
                return;
            // PDFsharp 6.5 runs only after a licence is chosen; see docs/decisions/ADR-005 before changing this.
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver = new ShippedFonts();
            _fontsReady = true;
        }
    }

    private sealed class ShippedFonts : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: isItalic);

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fonts", faceName + ".ttf"));
    }
}
