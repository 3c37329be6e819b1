using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new();

    public string? Error { get; private set; }

    public sealed class Command
    {
        [Required(ErrorMessage = "Nama pengguna wajib diisi.")]
        [Display(Name = "Nama pengguna")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Kata sandi wajib diisi.")]
        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (!ModelState.IsValid)
            return Page();
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account {User} locked out", Input.UserName);
            Error = "Akun terkunci sementara setelah 5 kali gagal masuk. Coba lagi dalam 15 menit atau hubungi admin.";
        }
        else
            Error = "Nama pengguna atau kata sandi salah.";
        return Page();
    }
}
