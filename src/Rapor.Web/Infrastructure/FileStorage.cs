using System.IO.Compression;
using System.Security.Cryptography;
using Rapor.Web.Domain;

namespace Rapor.Web.Infrastructure;

public sealed class StorageOptions
{
    /// <summary>Folder for uploaded files, outside wwwroot; relative paths are under the content root.</summary>
    public string Root { get; set; } = "App_Data/files";
}

/// <summary>
/// Stores evidence outside wwwroot under a generated name; the type is decided by content (magic bytes, and for
/// Office files the parts inside the zip), never by the uploaded name, and the size is capped while reading.
/// </summary>
public sealed class FileStorage(StorageOptions options, IWebHostEnvironment env)
{
    private string Root => Path.GetFullPath(options.Root, env.ContentRootPath);

    public sealed record Stored(string ContentType, string Extension, long Size, string Sha256);

    /// <summary>Saves the upload as <paramref name="id"/>; returns the detected type, or an error in Bahasa Indonesia.</summary>
    public async Task<(Stored? File, string? Error)> SaveAsync(Guid id, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, id + ".upload");
        long size = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var target = File.Create(temp))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > EvidenceFormat.MaxBytes)
                        return (null, "Berkas lebih dari 10 MB.");
                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size == 0)
                return (null, "Berkas kosong.");
            var head = new byte[16];
            await using (var f = File.OpenRead(temp))
                _ = await f.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            var kind = EvidenceFormat.Detect(head, () => OfficeKind(temp));
            if (kind is not { } k)
                return (null, "Jenis berkas tidak diizinkan. Unggah foto (JPG/PNG/HEIC), PDF, XLSX atau DOCX; jenis diperiksa dari isi berkas, bukan dari namanya.");
            File.Move(temp, PathOf(id), overwrite: true);
            return (new Stored(k.ContentType, k.Extension, size, Convert.ToHexStringLower(sha.GetHashAndReset())), null);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    public Stream OpenRead(Guid id) => File.OpenRead(PathOf(id));

    /// <summary>Null when the file is missing (e.g. another instance's disk): a 404 for the caller, not a 500.</summary>
    public Stream? TryOpenRead(Guid id) => File.Exists(PathOf(id)) ? File.OpenRead(PathOf(id)) : null;

    public void Delete(Guid id)
    {
        if (File.Exists(PathOf(id)))
            File.Delete(PathOf(id));
        foreach (var derived in Directory.Exists(Root) ? Directory.EnumerateFiles(Root, id.ToString("N") + ".*") : [])
            File.Delete(derived);
    }

    /// <summary>A file made from an upload (e.g. its public copy without metadata), or null when not made yet.</summary>
    public Stream? OpenDerived(Guid id, string kind) => File.Exists(PathOf(id) + "." + kind) ? File.OpenRead(PathOf(id) + "." + kind) : null;

    /// <summary>Writes a derived file atomically: a reader never sees half of it, two writers leave one whole copy.</summary>
    public async Task SaveDerivedAsync(Guid id, string kind, byte[] content, CancellationToken ct)
    {
        var temp = PathOf(id) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        File.Move(temp, PathOf(id) + "." + kind, overwrite: true);
    }

    // Only the generated id names the file: an uploaded name can never reach the file system.
    private string PathOf(Guid id) => Path.Combine(Root, id.ToString("N"));

    private static string? OfficeKind(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("[Content_Types].xml") is null)
                return null;
            if (zip.GetEntry("xl/workbook.xml") is not null)
                return "xlsx";
            if (zip.GetEntry("word/document.xml") is not null)
                return "docx";
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// A display name: no folders, no control characters, no invisible format characters — right-to-left overrides
    /// and isolates would make "gambar\u202Efdp.exe" read as "gambarexe.pdf" — at most 120 characters.
    /// </summary>
    public static string SafeDisplayName(string? uploaded, string extension)
    {
        var name = Path.GetFileNameWithoutExtension((uploaded ?? "").Replace('\\', '/').Split('/')[^1]);
        name = new string(name.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format
            && !Path.GetInvalidFileNameChars().Contains(c)).ToArray()).Trim().Trim('.');
        if (name.Length == 0)
            name = "bukti";
        return (name.Length > 120 ? name[..120] : name) + extension;
    }
}
