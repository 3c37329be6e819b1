namespace Rapor.Web.Domain;

/// <summary>
/// A file backing a value (bukti dukung) or showing a field activity. The bytes live outside wwwroot under the
/// storage root, named by <see cref="Id"/>; the original name is kept only for display and download.
/// </summary>
public sealed class Evidence : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UnitCode { get; init; }
    public Guid? ReportValueId { get; init; }
    public Guid? FieldActivityId { get; init; }
    public Guid? FieldVisitId { get; init; }
    public Guid? InnovationStepId { get; init; }

    /// <summary>A photo of a supervision visit (WASPADA), of one checklist item when <see cref="ChecklistItemId"/> is set.</summary>
    public Guid? SupervisionVisitId { get; init; }
    public Guid? ChecklistItemId { get; init; }

    /// <summary>Evidence the desa sent with a follow-up of a finding (the follow-up's history step).</summary>
    public Guid? TemuanEventId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string UploadedBy { get; init; }
    public DateTime UploadedAt { get; init; }

    /// <summary>
    /// When the camera says the photo was taken (EXIF DateTimeOriginal): the wall-clock time at the place of capture,
    /// no time zone (cameras do not record one reliably). Null for a file without it or not a photo.
    /// </summary>
    public DateTime? CapturedAt { get; set; }

    /// <summary>Where the camera says it was taken (EXIF GPS, WGS84). Internal only: never served publicly (ADR-050).</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>True once the photo checks ran at upload (files uploaded before them were never checked).</summary>
    public bool Checked { get; set; }

    public bool IsPhoto => EvidenceFormat.IsPhoto(ContentType);

    /// <summary>Images a browser shows inline (HEIC is kept and checked, but offered as a download).</summary>
    public bool IsViewableImage => ContentType is "image/jpeg" or "image/png";

    public string AuditScope => UnitCode;
}

/// <summary>Recognises allowed evidence by its first bytes, never by its name.</summary>
public static class EvidenceFormat
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static bool IsPhoto(string contentType) => contentType is "image/jpeg" or "image/png" or "image/heic";

    /// <summary>jpg, png, heic, pdf, and the Office Open XML formats xlsx/docx (zip containers, told apart by their content).</summary>
    public static (string Extension, string ContentType)? Detect(ReadOnlySpan<byte> head, Func<string?>? zipKind = null)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return (".jpg", "image/jpeg");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return (".png", "image/png");
        // HEIF/HEIC (phone cameras): an ISO-BMFF "ftyp" box whose major brand is one of the HEIF image brands.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && IsHeifBrand(head[8..12]))
            return (".heic", "image/heic");
        if (head.StartsWith("%PDF-"u8))
            return (".pdf", "application/pdf");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return zipKind?.Invoke() switch
            {
                "xlsx" => (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "docx" => (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                _ => null,
            };
        }
        return null;
    }

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("hevx"u8)
        || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8);
}
