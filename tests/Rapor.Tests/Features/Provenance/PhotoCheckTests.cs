using Rapor.TestSupport;
using Rapor.Web.Features.Provenance;

namespace Rapor.Tests.Features.Provenance;

/// <summary>The pure parts of the photo checks: hash robustness, metadata reading, distance to a boundary.</summary>
public sealed class PhotoCheckTests
{
    private static ulong Hash(byte[] image) => PerceptualHash.Compute(new MemoryStream(image)) ?? throw new InvalidOperationException("not decodable");

    private const int Threshold = 10;

    [Fact]
    public void The_same_scene_reencoded_resized_or_brightened_stays_within_the_threshold()
    {
        var original = PhotoFixtures.SceneJpeg(1, 2000, 1500);
        var h = Hash(original);
        var copies = new Dictionary<string, byte[]>
        {
            ["half size, quality 60"] = PhotoFixtures.Reencoded(original, 0.5, 60),
            ["third size, quality 40"] = PhotoFixtures.Reencoded(original, 0.33, 40),
            ["brighter"] = PhotoFixtures.Brightened(original, 25),
            ["darker"] = PhotoFixtures.Brightened(original, -20),
            ["png"] = PhotoFixtures.Png(SkiaSharp.SKBitmap.Decode(original)),
        };
        foreach (var (what, copy) in copies)
        {
            var d = PerceptualHash.Distance(h, Hash(copy));
            Assert.True(d <= Threshold / 2, $"{what}: {d} bits apart");
        }
    }

    [Fact]
    public void Different_scenes_are_far_apart()
    {
        var hashes = Enumerable.Range(10, 12).Select(seed => Hash(PhotoFixtures.SceneJpeg(seed, 800, 600))).ToList();
        for (var i = 0; i < hashes.Count; i++)
            for (var j = i + 1; j < hashes.Count; j++)
                Assert.True(PerceptualHash.Distance(hashes[i], hashes[j]) > Threshold * 3 / 2, $"scenes {i} and {j}: {PerceptualHash.Distance(hashes[i], hashes[j])} bits");
    }

    [Fact]
    public void Capture_time_and_GPS_are_read_from_EXIF()
    {
        var jpeg = PhotoFixtures.WithExif(PhotoFixtures.SceneJpeg(2, 640, 480), new DateTime(2025, 6, 14, 9, 30, 5), -6.9175, 107.6191);
        var facts = PhotoInspector.Inspect(new MemoryStream(jpeg), "image/jpeg");
        Assert.Equal(new DateTime(2025, 6, 14, 9, 30, 5), facts.CapturedAt);
        Assert.Equal(-6.9175, facts.Latitude!.Value, 4);
        Assert.Equal(107.6191, facts.Longitude!.Value, 4);
        Assert.NotNull(facts.Hash);
        // The EXIF block does not change the picture's hash.
        Assert.Equal(Hash(PhotoFixtures.SceneJpeg(2, 640, 480)), facts.Hash);
    }

    [Fact]
    public void A_photo_without_EXIF_has_no_time_or_place_but_a_hash()
    {
        var facts = PhotoInspector.Inspect(new MemoryStream(PhotoFixtures.SceneJpeg(3, 640, 480)), "image/jpeg");
        Assert.Null(facts.CapturedAt);
        Assert.False(facts.HasLocation);
        Assert.NotNull(facts.Hash);
    }

    [Fact]
    public void A_file_that_is_not_an_image_gives_nothing_and_no_error()
    {
        var facts = PhotoInspector.Inspect(new MemoryStream("%PDF-1.4 not an image"u8.ToArray()), "image/jpeg");
        Assert.Null(facts.Hash);
        Assert.Null(facts.CapturedAt);
    }

    [Fact]
    public void Distance_to_a_boundary_is_zero_inside_and_in_metres_outside()
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);
        // About 1.1 km square around (107.60, -6.90).
        var square = factory.CreatePolygon([new(107.595, -6.905), new(107.605, -6.905), new(107.605, -6.895), new(107.595, -6.895), new(107.595, -6.905)]);
        Assert.Equal(0, Boundary.DistanceMetres(square, -6.90, 107.60));
        // 0.005° of longitude east of the edge at this latitude ≈ 552 m.
        Assert.InRange(Boundary.DistanceMetres(square, -6.90, 107.61), 540, 565);
        // 0.002° of latitude south ≈ 221 m.
        Assert.InRange(Boundary.DistanceMetres(square, -6.907, 107.60), 215, 228);
    }
}
