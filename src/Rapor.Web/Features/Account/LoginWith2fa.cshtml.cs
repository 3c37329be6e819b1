using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Account;

/// <summary>Second sign-in step: the 6-digit code of the authenticator app, or one of the account's recovery codes.</summary>
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Kode verifikasi wajib diisi.")]
    [StringLength(20, ErrorMessage = "Kode verifikasi paling panjang 20 karakter.")]
    [Display(Name = "Kode verifikasi")]
    public string Code { get; set; } = "";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid)
            return Page();
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // Six digits: the authenticator app; anything else: a recovery code (each works once).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account {User} locked after wrong second-factor codes", user.UserName);
            Error = "Akun terkunci sementara karena terlalu banyak kode verifikasi yang salah. Coba lagi dalam 15 menit atau hubungi admin.";
        }
        else
            Error = "Kode verifikasi salah atau sudah kedaluwarsa.";
        return Page();
    }
}
