using Microsoft.Playwright;

namespace Rapor.BrowserTests;

/// <summary>Camera-like photos for the offline field tests and the field sync benchmark (linked into bench/Rapor.FieldBench).</summary>
public static class CameraPhoto
{
    /// <summary>
    /// A JPEG like a phone camera's (gradients, shapes and sensor-like noise at the given size), drawn by the browser,
    /// with an EXIF segment (orientation 1, description "RaporTest") in front as cameras write it.
    /// </summary>
    public static async Task<byte[]> JpegAsync(IPage page, int width, int height, int seed)
    {
        var base64 = await page.EvaluateAsync<string>(@"async ([w, h, seed]) => {
            const c = new OffscreenCanvas(w, h), g = c.getContext('2d');
            const sky = g.createLinearGradient(0, 0, 0, h);
            sky.addColorStop(0, '#7fb2e5'); sky.addColorStop(0.55, '#dfe9f3'); sky.addColorStop(0.56, '#5d7f3a'); sky.addColorStop(1, '#2f4a1c');
            g.fillStyle = sky; g.fillRect(0, 0, w, h);
            let s = seed * 9973;
            const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
            for (let i = 0; i < 60; i++) {
                g.fillStyle = `hsl(${Math.floor(rnd() * 360)}, ${30 + rnd() * 40}%, ${30 + rnd() * 40}%)`;
                g.fillRect(rnd() * w, h * 0.35 + rnd() * h * 0.5, 40 + rnd() * w / 6, 40 + rnd() * h / 5);
            }
            const img = g.getImageData(0, 0, w, h), d = img.data;
            for (let i = 0; i < d.length; i += 4) { const n = (rnd() - 0.5) * 36; d[i] += n; d[i + 1] += n; d[i + 2] += n; }
            g.putImageData(img, 0, 0);
            const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
            const bytes = new Uint8Array(await blob.arrayBuffer());
            let bin = ''; for (let i = 0; i < bytes.length; i += 8192) bin += String.fromCharCode(...bytes.subarray(i, i + 8192));
            return btoa(bin);
        }", new object[] { width, height, seed });
        var jpeg = Convert.FromBase64String(base64);
        return [.. jpeg[..2], .. ExifSegment, .. jpeg[2..]];
    }

    /// <summary>APP1 "Exif": big-endian TIFF, IFD0 with ImageDescription "RaporTest" and Orientation 1.</summary>
    private static readonly byte[] ExifSegment =
    [
        0xFF, 0xE1, 0x00, 0x38, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
        (byte)'M', (byte)'M', 0, 0x2A, 0, 0, 0, 8,
        0, 2,
        0x01, 0x0E, 0, 2, 0, 0, 0, 10, 0, 0, 0, 38,
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 1, 0, 0,
        0, 0, 0, 0,
        (byte)'R', (byte)'a', (byte)'p', (byte)'o', (byte)'r', (byte)'T', (byte)'e', (byte)'s', (byte)'t', 0,
    ];

    public static bool HasExif(byte[] stored) =>
        stored.AsSpan().IndexOf("Exif\0\0"u8) is > 0 and < 64 && stored.AsSpan().IndexOf("RaporTest"u8) > 0;
}
