using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Rapor.TestSupport;

/// <summary>
/// Photos made in the test: a scene drawn from a seed (same seed, same scene), encoded as JPEG or PNG, re-encoded,
/// resized, brightened, and given an EXIF block with a capture time and GPS written byte by byte here.
/// </summary>
public static class PhotoFixtures
{
    /// <summary>A landscape-like scene: sky gradient, ground, and seeded shapes (houses, trees, people-sized blobs).</summary>
    public static SKBitmap Scene(int seed, int width = 1200, int height = 900)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        using (var sky = new SKPaint())
        {
            sky.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height * 0.6f),
                [Color(random, 120, 200), Color(random, 180, 255)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, sky);
        }
        var horizon = height * (0.35f + (float)random.NextDouble() * 0.3f);
        using (var ground = new SKPaint { Color = Color(random, 40, 140) })
            canvas.DrawRect(0, horizon, width, height - horizon, ground);
        for (var i = 0; i < 14; i++)
        {
            using var paint = new SKPaint { Color = Color(random, 0, 255), IsAntialias = true };
            var x = (float)random.NextDouble() * width;
            var y = (float)random.NextDouble() * height;
            var w = width * (0.05f + (float)random.NextDouble() * 0.3f);
            var h = height * (0.05f + (float)random.NextDouble() * 0.3f);
            if (random.Next(2) == 0)
                canvas.DrawRect(x - w / 2, y - h / 2, w, h, paint);
            else
                canvas.DrawOval(x, y, w / 2, h / 2, paint);
        }
        return bitmap;
    }

    private static SKColor Color(Random r, int min, int max) => new((byte)r.Next(min, max), (byte)r.Next(min, max), (byte)r.Next(min, max));

    public static byte[] Jpeg(SKBitmap bitmap, int quality = 90)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] SceneJpeg(int seed, int width = 1200, int height = 900, int quality = 90)
    {
        using var scene = Scene(seed, width, height);
        return Jpeg(scene, quality);
    }

    /// <summary>The same picture, decoded and saved again smaller and at another quality (what a chat app does).</summary>
    public static byte[] Reencoded(byte[] jpeg, double scale, int quality)
    {
        using var original = SKBitmap.Decode(jpeg);
        using var smaller = original.Resize(new SKImageInfo((int)(original.Width * scale), (int)(original.Height * scale)), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return Jpeg(smaller, quality);
    }

    /// <summary>The same picture with every channel shifted by <paramref name="delta"/> (a brighter or darker copy).</summary>
    public static byte[] Brightened(byte[] jpeg, int delta)
    {
        using var bitmap = SKBitmap.Decode(jpeg).Copy(SKColorType.Rgba8888);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i++)
        {
            if (i % 4 != 3)
                pixels[i] = Clamp(pixels[i] + delta);
        }
        return Jpeg(bitmap, 90);
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);

    /// <summary>A JPEG with an EXIF block (APP1) right after its start marker: capture time and/or GPS.</summary>
    public static byte[] WithExif(byte[] jpeg, DateTime? taken, double? latitude = null, double? longitude = null)
    {
        var tiff = Tiff(taken, latitude, longitude);
        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        app1.Add((byte)(length >> 8));
        app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>Minimal little-endian TIFF: IFD0 → Exif IFD (DateTimeOriginal) and GPS IFD (latitude, longitude).</summary>
    private static byte[] Tiff(DateTime? taken, double? latitude, double? longitude)
    {
        var ifd0 = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>();
        var exif = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>();
        var gps = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>();
        if (taken is { } t)
            exif.Add((0x9003, 2, 20, Encoding.ASCII.GetBytes(t.ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "\0")));
        if (latitude is { } lat && longitude is { } lon)
        {
            gps.Add((0x0000, 1, 4, [2, 3, 0, 0]));
            gps.Add((0x0001, 2, 2, Encoding.ASCII.GetBytes(lat < 0 ? "S\0" : "N\0")));
            gps.Add((0x0002, 5, 3, Dms(Math.Abs(lat))));
            gps.Add((0x0003, 2, 2, Encoding.ASCII.GetBytes(lon < 0 ? "W\0" : "E\0")));
            gps.Add((0x0004, 5, 3, Dms(Math.Abs(lon))));
        }
        // Layout: header (8) | IFD0 | Exif IFD | GPS IFD | out-of-line values.
        var placeholderExif = exif.Count > 0;
        var placeholderGps = gps.Count > 0;
        if (placeholderExif)
            ifd0.Add((0x8769, 4, 1, new byte[4]));
        if (placeholderGps)
            ifd0.Add((0x8825, 4, 1, new byte[4]));
        static int Size(int entries) => entries == 0 ? 0 : 2 + entries * 12 + 4;
        var ifd0At = 8;
        var exifAt = ifd0At + Size(ifd0.Count);
        var gpsAt = exifAt + Size(exif.Count);
        var dataAt = gpsAt + Size(gps.Count);
        if (placeholderExif)
            ifd0[ifd0.FindIndex(e => e.Tag == 0x8769)] = (0x8769, 4, 1, U32(exifAt));
        if (placeholderGps)
            ifd0[ifd0.FindIndex(e => e.Tag == 0x8825)] = (0x8825, 4, 1, U32(gpsAt));
        var output = new List<byte> { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 };
        var data = new List<byte>();
        void Write(List<(ushort Tag, ushort Type, uint Count, byte[] Value)> ifd)
        {
            if (ifd.Count == 0)
                return;
            output.AddRange(U16(ifd.Count));
            foreach (var (tag, type, count, value) in ifd.OrderBy(e => e.Tag))
            {
                output.AddRange(U16(tag));
                output.AddRange(U16(type));
                output.AddRange(U32((int)count));
                if (value.Length <= 4)
                {
                    output.AddRange(value);
                    output.AddRange(new byte[4 - value.Length]);
                }
                else
                {
                    output.AddRange(U32(dataAt + data.Count));
                    data.AddRange(value);
                    if (data.Count % 2 == 1)
                        data.Add(0);
                }
            }
            output.AddRange(U32(0));
        }
        Write(ifd0);
        Write(exif);
        Write(gps);
        output.AddRange(data);
        return [.. output];
    }

    private static byte[] Dms(double degrees)
    {
        var d = (uint)Math.Floor(degrees);
        var minutesFull = (degrees - d) * 60;
        var m = (uint)Math.Floor(minutesFull);
        var s = (uint)Math.Round((minutesFull - m) * 60 * 10000);
        return [.. U32((int)d), .. U32(1), .. U32((int)m), .. U32(1), .. U32((int)s), .. U32(10000)];
    }

    private static byte[] U16(int v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v);
        return b;
    }

    private static byte[] U32(int v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v);
        return b;
    }
}
