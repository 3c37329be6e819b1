using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Skm;

/// <summary>
/// Paper questionnaires from Excel: every row checked with the same rules as a single entry, all saved or none; the
/// file is checked by content, read as a stream and capped in size, rows, columns, cell length and errors listed.
/// </summary>
public sealed class ImportModel(RaporDbContext db, SkmService skm) : PageModel
{
    public const int MaxRows = 5000;
    public const int MaxErrors = 50;
    public const long MaxBytes = 5 * 1024 * 1024;
    public static readonly string[] Columns = ["Tanggal", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Layanan", "Jenis kelamin", "Usia", "Pendidikan", "Pekerjaan", "Saran"];

    public Region Unit { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unit, CancellationToken ct) => await LoadAsync(unit, ct) ?? Page();

    public async Task<IActionResult> OnGetTemplateAsync(string unit, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        var row = Columns.ToDictionary(c => c, c => (object?)null);
        row["Tanggal"] = skm.Today.ToDateTime(TimeOnly.MinValue);
        for (var i = 1; i <= 9; i++)
            row[$"U{i}"] = 3;
        row["Jenis kelamin"] = "P";
        row["Usia"] = 35;
        var ms = new MemoryStream();
        await ms.SaveAsAsync(new[] { row }, sheetName: "SKM", cancellationToken: ct);
        ms.Position = 0;
        return File(ms, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"skm-kertas-{unit}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(string unit, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        if (file is null || file.Length == 0 || file.Length > MaxBytes)
        {
            Errors.Add("Pilih berkas Excel .xlsx (paling besar 5 MB).");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        var head = new byte[4];
        if (await stream.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, ct) < 4 || head[0] != 0x50 || head[1] != 0x4B)
        {
            Errors.Add("Berkas bukan Excel .xlsx (diperiksa dari isinya).");
            return Page();
        }
        stream.Position = 0;
        var rows = new List<SkmResponse>();
        try
        {
            var n = 1;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: true))
            {
                n++;
                if (n == 2 && !Columns.Take(10).All(row.ContainsKey))
                {
                    Errors.Add($"Kolom wajib: {string.Join(", ", Columns.Take(10))} (unduh templat).");
                    return Page();
                }
                if (row.Count > 40)
                {
                    Errors.Add("Terlalu banyak kolom (paling banyak 40).");
                    return Page();
                }
                if (row.Values.All(v => v is null || (v is string s && s.Trim().Length == 0)))
                    continue;
                if (rows.Count + Errors.Count >= MaxRows)
                {
                    Errors.Add($"Paling banyak {MaxRows} baris per impor.");
                    return Page();
                }
                if (row.Values.OfType<string>().Any(v => v.Length > 1000))
                {
                    AddError($"Baris {n}: isi sel paling panjang 1000 karakter.");
                    continue;
                }
                var answers = Enumerable.Range(1, 9).Select(i => Int(Cell(row, $"U{i}")) ?? -1).ToList();
                var input = new SkmService.Input(answers, null, Text(Cell(row, "Layanan")), Text(Cell(row, "Jenis kelamin")),
                    Int(Cell(row, "Usia")), Text(Cell(row, "Pendidikan")), Text(Cell(row, "Pekerjaan")), Text(Cell(row, "Saran")),
                    Date(Cell(row, "Tanggal")));
                if (input.Date is null)
                {
                    AddError($"Baris {n}: tanggal wajib diisi (yyyy-MM-dd).");
                    continue;
                }
                var (saved, errors) = await skm.ValidateAsync(Unit, input, SkmChannel.Impor, User.Identity!.Name, ct);
                if (saved is null)
                {
                    foreach (var e in errors)
                        AddError($"Baris {n}: {e}");
                }
                else
                    rows.Add(saved);
                if (Errors.Count >= MaxErrors)
                {
                    Errors.Add($"Berhenti setelah {MaxErrors} kesalahan; perbaiki lalu unggah lagi.");
                    return Page();
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException)
        {
            Errors.Add("Berkas Excel tidak dapat dibaca.");
            return Page();
        }
        if (Errors.Count > 0)
            return Page();
        if (rows.Count == 0)
        {
            Errors.Add("Tidak ada baris kuesioner.");
            return Page();
        }
        if (!await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unit && d.UsesSkm, ct))
        {
            Errors.Add("Unit ini belum mengelola SKM di Rapor (Pengaturan).");
            return Page();
        }
        db.SkmResponses.AddRange(rows);
        await db.SaveChangesAsync(ct);
        Message = $"{rows.Count} kuesioner diimpor.";
        return Page();
    }

    private static object? Cell(IDictionary<string, object?> row, string key) => row.TryGetValue(key, out var v) ? v : null;

    private void AddError(string e)
    {
        if (Errors.Count < MaxErrors)
            Errors.Add(e);
    }

    private static string? Text(object? v) => v switch { null => null, double d => d.ToString(CultureInfo.InvariantCulture), _ => v.ToString()?.Trim() };

    private static int? Int(object? v) => v switch
    {
        null => null,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        string s when s.Trim().Length == 0 => null,
        _ => -1,
    };

    private static DateOnly? Date(object? v) => v switch
    {
        DateTime t => DateOnly.FromDateTime(t),
        double d => DateOnly.FromDateTime(DateTime.FromOADate(d)),
        string s when DateOnly.TryParseExact(s.Trim(), ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var x) => x,
        _ => null,
    };

    private async Task<IActionResult?> LoadAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        if (!UnitScope.CanServeQueue(User, unit) && !UnitScope.CanManageServiceDesk(User, unit))
            return Forbid();
        Unit = u;
        return null;
    }
}
