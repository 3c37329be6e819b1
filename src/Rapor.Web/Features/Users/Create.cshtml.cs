using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Users;

/// <summary>Creates an account bound to one unit; the unit's level must match the role (a lurah belongs to a kelurahan …).</summary>
public sealed class CreateModel(RaporDbContext db, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new();

    /// <summary>Who a new account is: the same rules here and for an invited account (onboarding wizard).</summary>
    public abstract class NewAccount
    {
        [Required(ErrorMessage = "Nama pengguna wajib diisi.")]
        [RegularExpression(@"^[a-z0-9._-]{3,64}$", ErrorMessage = "Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah, tanda hubung.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Nama lengkap wajib diisi.")]
        [StringLength(150, ErrorMessage = "Nama lengkap paling panjang 150 karakter.")]
        public string DisplayName { get; set; } = "";
    }

    public sealed class Command : NewAccount
    {
        [Required(ErrorMessage = "Peran wajib dipilih.")]
        public string Role { get; set; } = "";

        [Required(ErrorMessage = "Kode unit wajib diisi.")]
        [StringLength(13, ErrorMessage = "Kode unit paling panjang 13 karakter.")]
        public string UnitCode { get; set; } = "";

        [Required(ErrorMessage = "Kata sandi wajib diisi.")]
        [StringLength(128, ErrorMessage = "Kata sandi paling panjang 128 karakter.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public void OnGet() => Input.UnitCode = HttpContext.CurrentTenant() ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        if (!Roles.All.Contains(Input.Role))
            ModelState.AddModelError("Input.Role", "Peran tidak dikenal.");
        var unit = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == Input.UnitCode.Trim(), ct);
        if (unit is null)
            ModelState.AddModelError("Input.UnitCode", $"Unit {Input.UnitCode} tidak ditemukan.");
        else if (!unit.IsActive)
            ModelState.AddModelError("Input.UnitCode", $"Unit {unit.Code} tidak aktif lagi (dihapus dari daftar kode wilayah).");
        else if (!UnitScope.CanView(User, unit.Code))
            ModelState.AddModelError("Input.UnitCode", "Unit di luar wilayah kewenangan Anda.");
        else if (Roles.All.Contains(Input.Role) && !FitsRole(Input.Role, unit.Level))
            ModelState.AddModelError("Input.UnitCode", $"Peran {Input.Role} harus terikat pada unit tingkat {LevelText(Input.Role)}.");
        if (!ModelState.IsValid)
            return Page();

        var user = new AppUser { UserName = Input.UserName, DisplayName = Input.DisplayName.Trim(), UnitCode = unit!.Code, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Input.Password);
        if (created.Succeeded)
            created = await users.AddToRoleAsync(user, Input.Role);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
                ModelState.AddModelError("", e.Description);
            return Page();
        }
        return RedirectToPage("/Users/Index");
    }

    private static bool FitsRole(string role, RegionLevel level) => role switch
    {
        Roles.Camat => level == RegionLevel.Kecamatan,
        Roles.Lurah => level == RegionLevel.Kelurahan,
        Roles.Staf or Roles.Loket => level is RegionLevel.Kecamatan or RegionLevel.Kelurahan,
        _ => level == RegionLevel.KabupatenKota,
    };

    private static string LevelText(string role) => role switch
    {
        Roles.Camat => "kecamatan",
        Roles.Lurah => "kelurahan/desa",
        Roles.Staf or Roles.Loket => "kecamatan atau kelurahan/desa",
        _ => "kabupaten/kota",
    };
}
