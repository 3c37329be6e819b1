using System.Buffers;
using System.Numerics;
using SkiaSharp;

namespace Rapor.Web.Features.Provenance;

/// <summary>
/// A 64-bit DCT perceptual hash (pHash) of a photo: the image is reduced to 32×32 luminance, transformed with a 2-D
/// DCT, and the 8×8 lowest frequencies (without the DC term) are compared with their median. Re-encoding, resizing
/// and brightness or contrast changes move the coefficients little and keep their order, so copies stay within a
/// few bits of each other; different scenes land around 32 bits apart (ADR-051).
/// </summary>
public static class PerceptualHash
{
    private const int Size = 32;
    private const int Low = 8;

    /// <summary>Decoding at ≥ this many pixels on the short side is plenty for a 32×32 reduction.</summary>
    private const int DecodeShortSide = 256;

    private static readonly double[,] Dct = DctMatrix();

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>The hash of a JPEG or PNG, or null when the bytes are not a decodable image.</summary>
    public static ulong? Compute(Stream image)
    {
        using var codec = SKCodec.Create(image);
        if (codec is null || codec.Info.Width < 8 || codec.Info.Height < 8)
            return null;
        // JPEG decodes at 1/2, 1/4 or 1/8 size inside libjpeg-turbo (DCT scaling): a 4000×3000 photo costs a 500×375 decode.
        var full = codec.Info;
        var scale = Math.Clamp((float)DecodeShortSide / Math.Min(full.Width, full.Height), 1f / 8, 1f);
        var dims = codec.GetScaledDimensions(scale);
        var info = new SKImageInfo(dims.Width, dims.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var pixels = ArrayPool<byte>.Shared.Rent(info.BytesSize);
        try
        {
            var result = codec.GetPixels(info, pixels);
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
                return null;
            var grid = Reduce(pixels, info.Width, info.Height);
            return FromGrid(Orient(grid, codec.EncodedOrigin));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    /// <summary>Box-averages the luminance (BT.601) into 32×32 cells.</summary>
    private static double[] Reduce(byte[] rgba, int width, int height)
    {
        var sum = new double[Size * Size];
        var count = new int[Size * Size];
        for (var y = 0; y < height; y++)
        {
            var cy = y * Size / height * Size;
            var row = y * width * 4;
            for (var x = 0; x < width; x++)
            {
                var p = row + x * 4;
                var cell = cy + x * Size / width;
                sum[cell] += 0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2];
                count[cell]++;
            }
        }
        for (var i = 0; i < sum.Length; i++)
            sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        return sum;
    }

    /// <summary>Turns the grid as the camera stored it into the grid as the photo is shown (EXIF orientation).</summary>
    private static double[] Orient(double[] stored, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
            return stored;
        const int n = Size - 1;
        var shown = new double[stored.Length];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var (sx, sy) = origin switch
                {
                    SKEncodedOrigin.TopRight => (n - x, y),
                    SKEncodedOrigin.BottomRight => (n - x, n - y),
                    SKEncodedOrigin.BottomLeft => (x, n - y),
                    SKEncodedOrigin.LeftTop => (y, x),
                    SKEncodedOrigin.RightTop => (y, n - x),
                    SKEncodedOrigin.RightBottom => (n - y, n - x),
                    SKEncodedOrigin.LeftBottom => (n - y, x),
                    _ => (x, y),
                };
                shown[y * Size + x] = stored[sy * Size + sx];
            }
        }
        return shown;
    }

    /// <summary>
    /// The hash of a 32×32 luminance grid (row-major); null for a (nearly) flat picture — blank, black or a file cut
    /// short before any pixel — which has no shape to recognise and would otherwise match every other flat one.
    /// </summary>
    public static ulong? FromGrid(double[] grid)
    {
        var mean = grid.Average();
        if (grid.Max(v => Math.Abs(v - mean)) < 2)
            return null;
        // Only the 8×8 lowest frequencies are needed: rows first (8 of 32 outputs per row), then columns.
        var rows = new double[Size * Low];
        for (var y = 0; y < Size; y++)
            for (var u = 0; u < Low; u++)
            {
                double s = 0;
                for (var x = 0; x < Size; x++)
                    s += Dct[u, x] * grid[y * Size + x];
                rows[y * Low + u] = s;
            }
        var coeff = new double[Low * Low];
        for (var v = 0; v < Low; v++)
            for (var u = 0; u < Low; u++)
            {
                double s = 0;
                for (var y = 0; y < Size; y++)
                    s += Dct[v, y] * rows[y * Low + u];
                coeff[v * Low + u] = s;
            }
        // The DC term is the mean brightness: left out, so brightness changes do not count.
        var ac = coeff[1..].ToArray();
        Array.Sort(ac);
        var median = (ac[ac.Length / 2 - 1] + ac[ac.Length / 2]) / 2;
        ulong hash = 0;
        for (var i = 1; i < coeff.Length; i++)
            if (coeff[i] > median)
                hash |= 1UL << i;
        return hash;
    }

    private static double[,] DctMatrix()
    {
        var m = new double[Size, Size];
        for (var u = 0; u < Size; u++)
            for (var x = 0; x < Size; x++)
                m[u, x] = (u == 0 ? Math.Sqrt(1.0 / Size) : Math.Sqrt(2.0 / Size)) * Math.Cos((2 * x + 1) * u * Math.PI / (2 * Size));
        return m;
    }
}
