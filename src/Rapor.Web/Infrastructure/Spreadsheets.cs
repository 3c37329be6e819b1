using System.Collections;
using System.IO.Compression;
using MiniExcelLibs;

namespace Rapor.Web.Infrastructure;

/// <summary>Caps of one import; every import states its own (rows) and shares the rest.</summary>
public sealed record ImportLimits(int MaxRows, int MaxColumns = 30, int MaxCellChars = 4000)
{
    /// <summary>Rows read including empty ones: a sheet formatted down to row 1,048,576 stops here, not at the end.</summary>
    public const int MaxPhysicalRows = 100_000;

    /// <summary>The workbook's parts unpacked: a small zip can claim gigabytes (a zip bomb).</summary>
    public const long MaxUnpackedBytes = 20L * 1024 * 1024;

    public const int MaxErrors = 50;
}

/// <summary>An import refused as a whole (too large, too many rows or columns, a huge cell); the message says why.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>
/// Errors of one import, at most <see cref="ImportLimits.MaxErrors"/>: a file with 20,000 bad rows answers with a
/// readable list and a note, not a 24 MB page.
/// </summary>
public sealed class ImportErrors(int max = ImportLimits.MaxErrors) : IEnumerable<string>
{
    private readonly List<string> _items = [];

    public int Count => _items.Count;

    /// <summary>True once the cap is reached: the caller stops checking.</summary>
    public bool Full { get; private set; }

    public void Add(string error)
    {
        if (Full)
            return;
        if (_items.Count == max)
        {
            _items.Add($"Pemeriksaan dihentikan setelah {max} kesalahan; perbaiki yang tercantum lalu unggah lagi.");
            Full = true;
            return;
        }
        _items.Add(error);
    }

    public void AddRange(IEnumerable<string> errors)
    {
        foreach (var e in errors)
            Add(e);
    }

    public IEnumerator<string> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Reads uploaded workbooks as a stream, row by row (MiniExcel), within <see cref="ImportLimits"/>: the package is
/// checked before any sheet is read, and reading stops at the first cap exceeded instead of loading every row.
/// </summary>
public static class ExcelImport
{
    /// <summary>Copies an upload of at most <paramref name="maxBytes"/> into memory (workbooks need a seekable stream).</summary>
    public static async Task<MemoryStream?> BufferAsync(IFormFile file, long maxBytes, CancellationToken ct)
    {
        if (file.Length is 0 || file.Length > maxBytes)
            return null;
        var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>The sheet names, after checking the package; throws <see cref="ImportRefusedException"/> when it is not a readable, reasonably sized xlsx.</summary>
    public static List<string> SheetNames(Stream xlsx)
    {
        CheckPackage(xlsx);
        try
        {
            xlsx.Position = 0;
            return MiniExcel.GetSheetNames(xlsx);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw new ImportRefusedException("Berkas bukan Excel .xlsx yang dapat dibaca.");
        }
    }

    private static void CheckPackage(Stream xlsx)
    {
        xlsx.Position = 0;
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
                total += entry.Length;
            if (total > ImportLimits.MaxUnpackedBytes)
                throw new ImportRefusedException(
                    $"Isi berkas Excel terlalu besar setelah dibuka ({total / (1024 * 1024)} MB; batas {ImportLimits.MaxUnpackedBytes / (1024 * 1024)} MB). Hapus baris kosong dan lembar yang tidak dipakai lalu unggah lagi.");
            // MiniExcel scans a whole sheet first when it lacks row numbers or a dimension (as a crafted file does):
            // count the rows with a plain XML reader and stop at the cap before MiniExcel ever sees the sheet.
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                         && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
                CountRows(sheet);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            throw new ImportRefusedException("Berkas bukan Excel .xlsx yang dapat dibaca.");
        }
        finally
        {
            xlsx.Position = 0;
        }
    }

    private static void CountRows(ZipArchiveEntry sheet)
    {
        using var stream = sheet.Open();
        using var xml = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        var rows = 0;
        while (xml.Read())
        {
            if (xml.NodeType == System.Xml.XmlNodeType.Element && xml.LocalName == "row" && ++rows > ImportLimits.MaxPhysicalRows)
                throw new ImportRefusedException(TooManyRows("Excel"));
        }
    }

    private static string TooManyRows(string name) =>
        $"Lembar \"{name}\" memuat lebih dari {ImportLimits.MaxPhysicalRows.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))} baris (termasuk baris kosong). Hapus baris kosong di bawah data lalu unggah lagi.";

    /// <summary>
    /// The non-empty rows of a sheet (header row = line 1) with their line numbers, streamed; throws
    /// <see cref="ImportRefusedException"/> at the first cap exceeded.
    /// </summary>
    public static IEnumerable<(int Line, IDictionary<string, object?> Cells)> Rows(Stream xlsx, string? sheet, ImportLimits limits)
    {
        var name = sheet ?? "pertama";
        xlsx.Position = 0;
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = xlsx.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().GetEnumerator();
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw new ImportRefusedException("Berkas bukan Excel .xlsx yang dapat dibaca.");
        }
        using (rows)
        {
            var line = 1;
            var dataRows = 0;
            while (true)
            {
                try
                {
                    if (!rows.MoveNext())
                        yield break;
                }
                catch (Exception e) when (IsUnreadable(e))
                {
                    throw new ImportRefusedException($"Lembar \"{name}\" tidak dapat dibaca di sekitar baris {line + 1}.");
                }
                line++;
                if (line > ImportLimits.MaxPhysicalRows)
                    throw new ImportRefusedException(TooManyRows(name));
                var cells = rows.Current;
                if (cells.Count > limits.MaxColumns)
                    throw new ImportRefusedException($"Lembar \"{name}\" memuat {cells.Count} kolom; paling banyak {limits.MaxColumns}.");
                var empty = true;
                foreach (var (column, value) in cells)
                {
                    if (value is null || (value is string s && s.Length == 0))
                        continue;
                    empty = false;
                    if (value is string text && text.Length > limits.MaxCellChars)
                        throw new ImportRefusedException($"Lembar \"{name}\" baris {line}, kolom {column}: isi sel lebih dari {limits.MaxCellChars} karakter.");
                }
                if (empty)
                    continue;
                if (++dataRows > limits.MaxRows)
                    throw new ImportRefusedException($"Lembar \"{name}\" memuat lebih dari {limits.MaxRows} baris data; paling banyak {limits.MaxRows}.");
                yield return (line, cells);
            }
        }
    }

    /// <summary>A cell as text; a leading apostrophe our exports add before =, +, - or @ is removed again.</summary>
    public static string Text(object? cell) => ExcelExport.Unneutralize(cell switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "",
    });

    private static bool IsUnreadable(Exception e) => e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException or InvalidCastException or FormatException or KeyNotFoundException;
}

/// <summary>
/// Every Excel export goes through here: text that a spreadsheet would read as a formula (starting with =, +, -, @,
/// tab or carriage return) is written with a leading apostrophe, so a name typed as <c>=HYPERLINK(…)</c> stays text
/// (OWASP "CSV injection"). Numbers and dates stay real number and date cells.
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>One workbook; each sheet a list of rows (column name → value), in order; <paramref name="configuration"/> sets column formats (dates as dd-mm-yyyy).</summary>
    public static MemoryStream Save(IReadOnlyDictionary<string, IEnumerable<IDictionary<string, object?>>> sheets, MiniExcelLibs.OpenXml.OpenXmlConfiguration? configuration = null)
    {
        var safe = new Dictionary<string, object>();
        foreach (var (name, rows) in sheets)
            safe[name] = rows.Select(Neutralize).ToList();
        var stream = new MemoryStream();
        stream.SaveAs(safe, configuration: configuration);
        stream.Position = 0;
        return stream;
    }

    public static MemoryStream Save(string sheet, IEnumerable<IDictionary<string, object?>> rows, MiniExcelLibs.OpenXml.OpenXmlConfiguration? configuration = null) =>
        Save(new Dictionary<string, IEnumerable<IDictionary<string, object?>>> { [sheet] = rows }, configuration);

    private static Dictionary<string, object?> Neutralize(IDictionary<string, object?> row) =>
        row.ToDictionary(c => c.Key, c => c.Value is string s ? Neutralize(s) : c.Value);

    public static string Neutralize(string s) => s.Length > 0 && FormulaStarts.Contains(s[0]) ? "'" + s : s;

    public static string Unneutralize(string s) => s.Length > 1 && s[0] == '\'' && FormulaStarts.Contains(s[1]) ? s[1..] : s;
}
