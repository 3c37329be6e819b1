using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Account;

/// <summary>
/// Sign-in with the same answer for unknown and existing accounts (same message, a password hash computed either
/// way), growing delays per client and account (<see cref="LoginThrottle"/>) and, for accounts with an authenticator,
/// a second step (<see cref="LoginWith2faModel"/>).
/// </summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, LoginThrottle throttle, ILogger<LoginModel> logger) : PageModel
{
    public const string WrongMessage = "Nama pengguna atau kata sandi salah.";

    // Verifying against this keeps an unknown account name as slow to refuse as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser { DisplayName = "" }, Guid.NewGuid().ToString()));

    [BindProperty]
    public Command Input { get; set; } = new();

    /// <summary>A message key (Bahasa Indonesia) and its arguments, rendered in the reader's language.</summary>
    public string? Error { get; private set; }
    public object[] ErrorArgs { get; private set; } = [];

    public sealed class Command
    {
        [Required(ErrorMessage = "Nama pengguna wajib diisi.")]
        [StringLength(256, ErrorMessage = "Nama pengguna paling panjang 256 karakter.")]
        [Display(Name = "Nama pengguna")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Kata sandi wajib diisi.")]
        [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "Kata sandi paling panjang 128 karakter.")]
        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var name = Input.UserName.Trim();
        var client = RaporSecurity.ClientKey(HttpContext);
        var wait = await throttle.WaitAsync(name, client, ct);
        if (wait > TimeSpan.Zero)
        {
            Error = WaitMessage;
            ErrorArgs = [Math.Ceiling(wait.TotalSeconds)];
            return Page();
        }
        var user = await users.FindByNameAsync(name);
        bool passwordOk;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser { DisplayName = "" }, DummyHash.Value, Input.Password);
            passwordOk = false;
        }
        else
            passwordOk = await users.CheckPasswordAsync(user, Input.Password);
        if (!passwordOk)
        {
            await throttle.FailedAsync(name, client, ct);
            logger.LogWarning("Failed sign-in for {User} from {Client}", name, client);
            Error = WrongMessage;
            return Page();
        }
        await throttle.SucceededAsync(name, client, ct);
        // Only someone who knows the password learns that too many wrong second-factor codes locked the account.
        var result = await signIn.PasswordSignInAsync(user!, Input.Password, isPersistent: false, lockoutOnFailure: false);
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = target });
        if (result.IsLockedOut)
        {
            Error = "Akun terkunci sementara karena terlalu banyak kode verifikasi yang salah. Coba lagi dalam 15 menit atau hubungi admin.";
            return Page();
        }
        if (!result.Succeeded)
        {
            Error = WrongMessage;
            return Page();
        }
        return LocalRedirect(target);
    }

    public const string WaitMessage = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {0} detik.";
}
