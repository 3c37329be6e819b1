using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Activities;

/// <summary>Admin adds the tenant's own kinds of field activity next to the built-in ones.</summary>
public sealed partial class KindsModel(RaporDbContext db) : PageModel
{
    public List<ActivityKind> Kinds { get; private set; } = [];
    public string Tenant { get; private set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Nama jenis kegiatan wajib diisi.")]
    [StringLength(120, MinimumLength = 3, ErrorMessage = "Nama 3–120 karakter.")]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
            return denied;
        if (!ModelState.IsValid)
            return Page();
        var code = Tenant.Replace(".", "", StringComparison.Ordinal) + "_" + Slug().Replace(Name!.Trim().ToLowerInvariant(), "_").Trim('_');
        if (code.Length > 40)
            code = code[..40];
        if (Kinds.Any(k => k.Code == code || string.Equals(k.Name, Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(Name), "Jenis kegiatan dengan nama ini sudah ada.");
            return Page();
        }
        db.ActivityKinds.Add(new ActivityKind { Code = code, Name = Name.Trim(), TenantCode = Tenant });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (UnitScope.TenantOf(User) is not { Length: > 0 } tenant || !UnitScope.CanAdminister(User, tenant))
            return Forbid();
        Tenant = tenant;
        Kinds = await db.ActivityKinds.AsNoTracking().Where(k => k.TenantCode == null || k.TenantCode == tenant).OrderBy(k => k.TenantCode).ThenBy(k => k.Name).ToListAsync(ct);
        return null;
    }
}
