using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Onboarding;

namespace Rapor.Web.Features.Regions;

/// <summary>
/// Platform admin: a region list in CSV for one kabupaten/kota — an update of the code list of a registered tenant
/// (added, renamed, removed units previewed before anything changes) or a kab/kota that is not on the national list.
/// Applying is one transaction; a removed unit that holds data is only marked inactive.
/// </summary>
public sealed class ImportModel(RaporDbContext db, TenantOnboarding onboarding, TimeProvider clock) : PageModel
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    [BindProperty]
    public Command Input { get; set; } = new();

    public List<string> Errors { get; } = [];
    public string? Success { get; private set; }
    public RegionUpdate.Plan? Preview { get; private set; }
    public bool IsNewTenant { get; private set; }

    /// <summary>The previewed file travels with the confirm form, so no server-side state is kept between the two steps.</summary>
    [BindProperty]
    public string? Csv { get; set; }

    [BindProperty]
    public string? Fingerprint { get; set; }

    public sealed class Command
    {
        [Required(ErrorMessage = "Kode kabupaten/kota wajib diisi.")]
        [RegularExpression(@"^\d{2}\.\d{2}$", ErrorMessage = "Kode kabupaten/kota harus berformat NN.NN (dua angka, titik, dua angka).")]
        [Display(Name = "Kode kabupaten/kota")]
        public string TenantCode { get; set; } = "";

        [StringLength(120, ErrorMessage = "Nama paling panjang 120 karakter.")]
        [RegularExpression(@"^(Kota|Kabupaten) .+", ErrorMessage = "Nama harus diawali \"Kota\" atau \"Kabupaten\", misalnya Kota Cimahi.")]
        [Display(Name = "Nama")]
        public string? TenantName { get; set; }

        [StringLength(120, ErrorMessage = "Provinsi paling panjang 120 karakter.")]
        [Display(Name = "Provinsi")]
        public string? Province { get; set; }

        [Display(Name = "Berkas CSV")]
        public IFormFile? File { get; set; }
    }

    public void OnGet(string? tenant)
    {
        if (tenant is not null)
            Input.TenantCode = tenant;
    }

    /// <summary>Step 1: read the file and show what would change; nothing is written.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        if (Input.File is not { } file)
        {
            ModelState.AddModelError("Input.File", "Pilih berkas CSV.");
            return Page();
        }
        if (file.Length == 0 || file.Length > MaxFileBytes)
        {
            Errors.Add($"Ukuran berkas harus antara 1 byte dan {MaxFileBytes / 1024 / 1024} MB.");
            return Page();
        }
        using (var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            var text = await reader.ReadToEndAsync(ct);
            if (text.Contains('\0', StringComparison.Ordinal) || text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                Errors.Add("Berkas bukan CSV teks (UTF-8).");
                return Page();
            }
            Csv = text;
        }
        await PreviewAsync(ct);
        return Page();
    }

    /// <summary>Step 2: apply exactly what was previewed; if the data moved meanwhile, show the new preview instead.</summary>
    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        ModelState.Remove("Input.File");
        if (!ModelState.IsValid || Csv is null)
            return Page();
        var seen = Fingerprint;
        if (await PreviewAsync(ct) is not { } plan)
            return Page();
        if (plan.Fingerprint != seen)
        {
            Errors.Add("Data wilayah berubah sejak pratinjau dibuat. Periksa pratinjau baru di bawah, lalu terapkan lagi.");
            return Page();
        }
        if (IsNewTenant)
        {
            var outcome = await onboarding.FromListAsync(Input.TenantCode, Input.TenantName!.Trim(), Input.Province?.Trim(), plan.Incoming, "CSV", ct);
            if (!outcome.Ok)
            {
                Errors.AddRange(outcome.Errors);
                return Page();
            }
            var t = outcome.Tenants[0];
            Success = $"{t.Name} diimpor: {t.Kecamatan} kecamatan, {t.Kelurahan + t.Desa} kelurahan/desa.";
        }
        else
        {
            await RegionUpdate.ApplyAsync(db, plan, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
            Success = $"Daftar wilayah {Input.TenantCode} diperbarui: {plan.Count(RegionUpdate.Kind.Added)} ditambah, {plan.Count(RegionUpdate.Kind.Renamed)} berganti nama, "
                + $"{plan.Count(RegionUpdate.Kind.Deleted)} dihapus, {plan.Count(RegionUpdate.Kind.Deactivated)} dinonaktifkan, {plan.Count(RegionUpdate.Kind.Reactivated)} diaktifkan kembali.";
        }
        Preview = null;
        Csv = null;
        return Page();
    }

    private async Task<RegionUpdate.Plan?> PreviewAsync(CancellationToken ct)
    {
        var parsed = RegionCsv.Parse(new StringReader(Csv!), Input.TenantCode);
        Errors.AddRange(parsed.Errors);
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == Input.TenantCode, ct);
        IsNewTenant = tenant is null;
        if (IsNewTenant && string.IsNullOrWhiteSpace(Input.TenantName))
            Errors.Add($"{Input.TenantCode} belum terdaftar: isi nama kabupaten/kota untuk mendaftarkannya dari berkas ini.");
        if (IsNewTenant && parsed.Ok)
        {
            var codes = parsed.Regions.Select(r => r.Code).ToList();
            var clash = await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).OrderBy(c => c).Take(10).ToListAsync(ct);
            Errors.AddRange(clash.Select(c => $"Kode {c} sudah ada di basis data."));
        }
        if (Errors.Count > 0)
            return null;
        Preview = await RegionUpdate.PlanAsync(db, Input.TenantCode, parsed.Regions, ct);
        Fingerprint = Preview.Fingerprint;
        ModelState.Remove(nameof(Fingerprint));
        return Preview;
    }
}
