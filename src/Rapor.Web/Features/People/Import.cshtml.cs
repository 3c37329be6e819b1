using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.People;

/// <summary>ASN roster of a kecamatan from Excel (Nama, NIP, Jabatan, Mulai, Selesai): every row checked, all saved or none.</summary>
public sealed class ImportModel(RaporDbContext db, IAuthorizationService authz) : PageModel
{
    public static readonly string[] Columns = ["Nama", "NIP", "Jabatan", "Mulai", "Selesai"];

    public Region Unit { get; private set; } = null!;
    public ImportErrors Errors { get; } = new();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unit, CancellationToken ct) => await LoadAsync(unit, ct) ?? Page();

    public async Task<IActionResult> OnGetTemplateAsync(string unit, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        var example = new Dictionary<string, object?> { ["Nama"] = "Contoh Nama", ["NIP"] = "198501012010011001", ["Jabatan"] = "Kasi Pemerintahan", ["Mulai"] = "2024-01-02", ["Selesai"] = "" };
        return File(ExcelExport.Save("ASN", [example]), ExcelExport.ContentType, $"asn-{unit}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(string unit, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        if (file is null || file.Length is 0 or > 2 * 1024 * 1024)
        {
            Errors.Add("Pilih berkas Excel daftar ASN (≤ 2 MB).");
            return Page();
        }
        using var buffer = await ExcelImport.BufferAsync(file, 2 * 1024 * 1024, ct);
        var existing = await db.Officials.AsNoTracking().Where(o => o.UnitCode == unit).ToListAsync(ct);
        var added = new List<Official>();
        try
        {
            ExcelImport.SheetNames(buffer!);
            foreach (var (line, row) in ExcelImport.Rows(buffer!, null, Limits))
            {
                if (!Columns.All(row.ContainsKey))
                {
                    Errors.Add($"Kolom harus: {string.Join(", ", Columns)}.");
                    return Page();
                }
                CheckRow($"Baris {line}", row, existing, added);
                if (Errors.Full)
                    break;
            }
        }
        catch (ImportRefusedException e)
        {
            Errors.Add(e.Message);
        }
        if (Errors.Count > 0)
            return Page();
        db.Officials.AddRange(added);
        await db.SaveChangesAsync(ct);
        Message = $"{added.Count} ASN diimpor ke {Unit.Name}.";
        return Page();
    }

    /// <summary>A kecamatan roster runs to dozens of people; a few thousand rows is far more than any unit has.</summary>
    public static readonly ImportLimits Limits = new(MaxRows: 5000, MaxColumns: 20, MaxCellChars: 300);

    private void CheckRow(string line, IDictionary<string, object?> row, List<Official> existing, List<Official> added)
    {
        var name = Text(row["Nama"]);
        var nip = Text(row["NIP"]);
        var title = Text(row["Jabatan"]);
        var position = Positions.All.FirstOrDefault(p => p.Title.Equals(title, StringComparison.OrdinalIgnoreCase) || p.Code == title);
        if (name.Length == 0 && nip.Length == 0)
            return;
        var before = Errors.Count;
        if (name.Length == 0)
            Errors.Add($"{line}: nama wajib diisi.");
        else if (name.Length > NameMax)
            Errors.Add($"{line}: nama paling panjang {NameMax} karakter.");
        if (position is null || !Positions.FitsLevel(position, Unit.Level))
            Errors.Add($"{line}: jabatan \"{(title.Length > 60 ? title[..60] + "…" : title)}\" tidak dikenal untuk {Unit.Name}.");
        else if ((position.RequiresNip || nip.Length > 0) && Nip.Validate(nip) is { } nipError)
            Errors.Add($"{line}: {nipError}");
        if (!Date(row["Mulai"], out var start) || start is null)
            Errors.Add($"{line}: tanggal mulai wajib diisi (yyyy-MM-dd, tahun 1950–2100).");
        if (!Date(row["Selesai"], out var end))
            Errors.Add($"{line}: tanggal selesai tidak valid (yyyy-MM-dd, tahun 1950–2100).");
        else if (end is { } e && start is { } s && e < s)
            Errors.Add($"{line}: tanggal selesai sebelum tanggal mulai.");
        if (nip.Length > 0 && existing.Concat(added).Any(o => o.Nip == nip && o.Position == position?.Code && o.StartDate == start))
            Errors.Add($"{line}: NIP {nip} dengan jabatan dan tanggal mulai yang sama sudah ada.");
        if (position is not null && start is not null && Errors.Count == before)
            added.Add(new Official { Name = name, Nip = nip.Length > 0 ? nip : null, Position = position.Code, UnitCode = Unit.Code, StartDate = start.Value, EndDate = end });
    }

    /// <summary>Matches the Officials.Name column.</summary>
    private const int NameMax = 150;

    private static string Text(object? v) => v switch { null => "", double d => d.ToString("0", CultureInfo.InvariantCulture), DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _ => v.ToString()!.Trim() };

    private static bool Date(object? v, out DateOnly? date)
    {
        date = null;
        if (v is DateTime t)
        {
            date = DateOnly.FromDateTime(t);
            return t.Year is >= 1950 and <= 2100;
        }
        var s = Text(v);
        if (s.Length == 0)
            return true;
        if (DateOnly.TryParseExact(s, ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1950 and <= 2100)
        {
            date = d;
            return true;
        }
        return false;
    }

    private async Task<IActionResult?> LoadAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.ManagePeople)).Succeeded)
            return Forbid();
        Unit = u;
        return null;
    }
}
