using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.People;

/// <summary>ASN roster of a kecamatan from Excel (Nama, NIP, Jabatan, Mulai, Selesai): every row checked, all saved or none.</summary>
public sealed class ImportModel(RaporDbContext db, IAuthorizationService authz) : PageModel
{
    public static readonly string[] Columns = ["Nama", "NIP", "Jabatan", "Mulai", "Selesai"];

    public Region Unit { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unit, CancellationToken ct) => await LoadAsync(unit, ct) ?? Page();

    public async Task<IActionResult> OnGetTemplateAsync(string unit, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        var ms = new MemoryStream();
        ms.SaveAs(new[] { new Dictionary<string, object?> { ["Nama"] = "Contoh Nama", ["NIP"] = "198501012010011001", ["Jabatan"] = "Kasi Pemerintahan", ["Mulai"] = "2024-01-02", ["Selesai"] = "" } }, sheetName: "ASN");
        ms.Position = 0;
        return File(ms, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"asn-{unit}.xlsx");
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
        List<IDictionary<string, object?>> rows;
        try
        {
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            ms.Position = 0;
            rows = ms.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException)
        {
            Errors.Add("Berkas bukan Excel .xlsx yang dapat dibaca.");
            return Page();
        }
        if (rows.Count > 0 && !Columns.All(rows[0].ContainsKey))
        {
            Errors.Add($"Kolom harus: {string.Join(", ", Columns)}.");
            return Page();
        }
        var existing = await db.Officials.AsNoTracking().Where(o => o.UnitCode == unit).ToListAsync(ct);
        var added = new List<Official>();
        for (var n = 0; n < rows.Count; n++)
        {
            var row = rows[n];
            var line = $"Baris {n + 2}";
            var name = Text(row["Nama"]);
            var nip = Text(row["NIP"]);
            var position = Positions.All.FirstOrDefault(p => p.Title.Equals(Text(row["Jabatan"]), StringComparison.OrdinalIgnoreCase) || p.Code == Text(row["Jabatan"]));
            if (name.Length == 0 && nip.Length == 0)
                continue;
            if (name.Length == 0)
                Errors.Add($"{line}: nama wajib diisi.");
            if (position is null || !Positions.FitsLevel(position, Unit.Level))
                Errors.Add($"{line}: jabatan \"{Text(row["Jabatan"])}\" tidak dikenal untuk {Unit.Name}.");
            else if ((position.RequiresNip || nip.Length > 0) && Nip.Validate(nip) is { } nipError)
                Errors.Add($"{line}: {nipError}");
            if (!Date(row["Mulai"], out var start) || start is null)
                Errors.Add($"{line}: tanggal mulai wajib diisi (yyyy-MM-dd).");
            if (!Date(row["Selesai"], out var end))
                Errors.Add($"{line}: tanggal selesai tidak valid (yyyy-MM-dd).");
            else if (end is { } e && start is { } s && e < s)
                Errors.Add($"{line}: tanggal selesai sebelum tanggal mulai.");
            if (nip.Length > 0 && (existing.Concat(added).Any(o => o.Nip == nip && o.Position == position?.Code && o.StartDate == start)))
                Errors.Add($"{line}: NIP {nip} dengan jabatan dan tanggal mulai yang sama sudah ada.");
            if (position is not null && start is not null && Errors.Count == 0)
                added.Add(new Official { Name = name, Nip = nip.Length > 0 ? nip : null, Position = position.Code, UnitCode = unit, StartDate = start.Value, EndDate = end });
        }
        if (Errors.Count > 0)
            return Page();
        db.Officials.AddRange(added);
        await db.SaveChangesAsync(ct);
        Message = $"{added.Count} ASN diimpor ke {Unit.Name}.";
        return Page();
    }

    private static string Text(object? v) => v switch { null => "", double d => d.ToString("0", CultureInfo.InvariantCulture), DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _ => v.ToString()!.Trim() };

    private static bool Date(object? v, out DateOnly? date)
    {
        date = null;
        if (v is DateTime t)
        {
            date = DateOnly.FromDateTime(t);
            return true;
        }
        var s = Text(v);
        if (s.Length == 0)
            return true;
        if (DateOnly.TryParseExact(s, ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
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
