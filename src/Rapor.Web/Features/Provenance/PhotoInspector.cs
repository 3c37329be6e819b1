using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Rapor.Web.Features.Provenance;

/// <summary>What a photo says about itself: capture time and place (EXIF), and its perceptual hash.</summary>
public sealed record PhotoFacts(DateTime? CapturedAt, double? Latitude, double? Longitude, ulong? Hash)
{
    public bool HasLocation => Latitude is not null && Longitude is not null;
}

public static class PhotoInspector
{
    /// <summary>Reads a stored photo; a file whose metadata or pixels cannot be read gives nulls, never an error.</summary>
    public static PhotoFacts Inspect(Stream photo, string contentType)
    {
        var (captured, lat, lon) = ReadMetadata(photo);
        ulong? hash = null;
        // HEIC has no decoder here (its metadata is still read); byte-identical copies are caught by SHA-256 instead.
        if (contentType is "image/jpeg" or "image/png")
        {
            photo.Position = 0;
            hash = PerceptualHash.Compute(photo);
        }
        return new PhotoFacts(captured, lat, lon, hash);
    }

    public static (DateTime? CapturedAt, double? Latitude, double? Longitude) ReadMetadata(Stream photo)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(photo);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or MetadataException or ArgumentException or IndexOutOfRangeException)
        {
            return (null, null, null);
        }
        DateTime? captured = null;
        var sub = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        if (TryDate(sub, ExifDirectoryBase.TagDateTimeOriginal) is { } original)
            captured = original;
        else if (TryDate(sub, ExifDirectoryBase.TagDateTimeDigitized) is { } digitized)
            captured = digitized;
        else if (TryDate(ifd0, ExifDirectoryBase.TagDateTime) is { } modified)
            captured = modified;
        double? lat = null, lon = null;
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();
        // (0, 0) is what some phones write when they had no fix.
        if (gps is { } g && !g.IsZero && g.Latitude is >= -90 and <= 90 && g.Longitude is >= -180 and <= 180)
        {
            lat = g.Latitude;
            lon = g.Longitude;
        }
        return (captured, lat, lon);
    }

    private static DateTime? TryDate(MetadataExtractor.Directory? directory, int tag)
    {
        // Cameras write "0000:00:00 00:00:00" when the clock was never set.
        if (directory is null || !directory.TryGetDateTime(tag, out var value) || value.Year < 1990)
            return null;
        return DateTime.SpecifyKind(new DateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second), DateTimeKind.Unspecified);
    }
}
