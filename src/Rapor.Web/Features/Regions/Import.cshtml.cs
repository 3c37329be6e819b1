using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Regions;

/// <summary>Platform admin adds another kabupaten/kota from a CSV in the shipped format: all rows or none.</summary>
public sealed class ImportModel(RaporDbContext db) : PageModel
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    [BindProperty]
    public Command Input { get; set; } = new();

    public List<string> Errors { get; } = [];
    public string? Success { get; private set; }

    public sealed class Command
    {
        [Required(ErrorMessage = "Kode kabupaten/kota wajib diisi.")]
        [RegularExpression(@"^\d{2}\.\d{2}$", ErrorMessage = "Kode kabupaten/kota harus berformat NN.NN, misalnya 32.77.")]
        [Display(Name = "Kode kabupaten/kota")]
        public string TenantCode { get; set; } = "";

        [Required(ErrorMessage = "Nama kabupaten/kota wajib diisi.")]
        [StringLength(120, ErrorMessage = "Nama paling panjang 120 karakter.")]
        [RegularExpression(@"^(Kota|Kabupaten) .+", ErrorMessage = "Nama harus diawali \"Kota\" atau \"Kabupaten\", misalnya Kota Cimahi.")]
        [Display(Name = "Nama")]
        public string TenantName { get; set; } = "";

        [StringLength(120, ErrorMessage = "Provinsi paling panjang 120 karakter.")]
        [Display(Name = "Provinsi")]
        public string? Province { get; set; }

        [Required(ErrorMessage = "Pilih berkas CSV.")]
        [Display(Name = "Berkas CSV")]
        public IFormFile? File { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var file = Input.File!;
        if (file.Length == 0 || file.Length > MaxFileBytes)
        {
            Errors.Add($"Ukuran berkas harus antara 1 byte dan {MaxFileBytes / 1024 / 1024} MB.");
            return Page();
        }
        RegionCsv.Result parsed;
        // Streamed line by line; invalid UTF-8 decodes to U+FFFD, which the parser refuses like a NUL byte.
        using (var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            parsed = RegionCsv.Parse(reader, Input.TenantCode);
        Errors.AddRange(parsed.Errors);
        if (await db.Tenants.AnyAsync(t => t.Code == Input.TenantCode, ct))
            Errors.Insert(0, $"Kode {Input.TenantCode} sudah terdaftar; tidak ada yang diubah.");
        else if (parsed.Ok)
        {
            var codes = parsed.Regions.Select(r => r.Code).ToList();
            var clash = await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).OrderBy(c => c).Take(10).ToListAsync(ct);
            Errors.AddRange(clash.Select(c => $"Kode {c} sudah ada di basis data."));
        }
        if (Errors.Count > 0)
            return Page();

        db.Tenants.Add(new Tenant { Code = Input.TenantCode, Name = Input.TenantName.Trim(), Province = Input.Province?.Trim() });
        db.Regions.Add(DatabaseInitializer.TenantRegion(Input.TenantCode, Input.TenantName.Trim()));
        db.Regions.AddRange(parsed.Regions);
        await db.SaveChangesAsync(ct); // one SaveChanges = one transaction: all rows or none
        Success = $"{Input.TenantName} diimpor: {parsed.KecamatanCount} kecamatan, {parsed.VillageCount} kelurahan/desa.";
        return Page();
    }

}
