using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Onboarding;

/// <summary>Wizard step 5: the tenant's official name, logo, and who signs the rapor PDF (title, name, NIP).</summary>
public sealed class BrandingModel(RaporDbContext db, TimeProvider clock, FileStorage files) : OnboardingStep(db, clock)
{
    public const long MaxLogoBytes = 512 * 1024;

    public override OnboardingChecklist.Step? Step => OnboardingChecklist.Step.Branding;
    public Tenant Tenant { get; private set; } = null!;

    [BindProperty]
    public Command Input { get; set; } = new();

    public sealed class Command
    {
        [Required(ErrorMessage = "Nama resmi wajib diisi.")]
        [StringLength(200, ErrorMessage = "Nama resmi paling panjang 200 karakter.")]
        public string OfficialName { get; set; } = "";

        [Required(ErrorMessage = "Jabatan penandatangan wajib diisi.")]
        [StringLength(200, ErrorMessage = "Jabatan paling panjang 200 karakter.")]
        public string SignatoryTitle { get; set; } = "";

        [Required(ErrorMessage = "Nama penandatangan wajib diisi.")]
        [StringLength(150, ErrorMessage = "Nama paling panjang 150 karakter.")]
        public string SignatoryName { get; set; } = "";

        public string? SignatoryNip { get; set; }

        public IFormFile? Logo { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string tenant, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        Tenant = await Db.Tenants.AsNoTracking().SingleAsync(t => t.Code == tenant, ct);
        Input = new Command
        {
            OfficialName = Tenant.OfficialName ?? Tenant.DisplayOfficialName,
            SignatoryTitle = Tenant.SignatoryTitle ?? "",
            SignatoryName = Tenant.SignatoryName ?? "",
            SignatoryNip = Tenant.SignatoryNip,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        var t = await Db.Tenants.SingleAsync(x => x.Code == tenant, ct);
        Tenant = t;
        var nip = string.IsNullOrWhiteSpace(Input.SignatoryNip) ? null : Input.SignatoryNip.Trim();
        if (nip is not null && Nip.Validate(nip) is { } nipError)
            ModelState.AddModelError("Input.SignatoryNip", nipError);
        if (!ModelState.IsValid)
            return Page();
        Guid? oldLogo = null;
        if (Input.Logo is { Length: > 0 } upload)
        {
            if (upload.Length > MaxLogoBytes)
            {
                ModelState.AddModelError("Input.Logo", $"Logo paling besar {MaxLogoBytes / 1024} KB.");
                return Page();
            }
            var id = Guid.CreateVersion7();
            await using var stream = upload.OpenReadStream();
            var (stored, error) = await files.SaveAsync(id, stream, ct);
            if (stored is null || stored.ContentType is not ("image/png" or "image/jpeg") || stored.Size > MaxLogoBytes)
            {
                if (stored is not null)
                    files.Delete(id);
                ModelState.AddModelError("Input.Logo", stored is null ? error! : "Logo harus gambar PNG atau JPEG (diperiksa dari isi berkas).");
                return Page();
            }
            (oldLogo, t.LogoId, t.LogoContentType) = (t.LogoId, id, stored.ContentType);
        }
        t.OfficialName = Input.OfficialName.Trim();
        t.SignatoryTitle = Input.SignatoryTitle.Trim();
        t.SignatoryName = Input.SignatoryName.Trim();
        t.SignatoryNip = nip;
        await Db.SaveChangesAsync(ct);
        if (oldLogo is { } old)
            files.Delete(old);
        TempData["Message"] = "Identitas dan penandatangan rapor disimpan.";
        return RedirectToPage(new { tenant });
    }
}
