using QRCoder;

namespace Rapor.Web.Infrastructure;

/// <summary>QR codes as inline SVG (scales to any print size; no image files).</summary>
public static class QrCode
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>The absolute URL of a path on this site, as the request reached it (behind the proxy: its scheme and host).</summary>
    public static string AbsoluteUrl(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";
}
