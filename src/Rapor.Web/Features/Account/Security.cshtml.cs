using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Account;

/// <summary>
/// The signed-in user's own account security: two-factor sign-in with an authenticator app (TOTP, QR code, recovery
/// codes) — offered to everyone, required for the roles in <see cref="SecurityOptions.TwoFactorRoles"/> — and
/// changing the password.
/// </summary>
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityOptions options) : PageModel
{
    public const string Issuer = "Rapor";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public bool Forced { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public List<string> PasswordErrors { get; } = [];

    [BindProperty]
    public PasswordForm Password { get; set; } = new();

    public sealed class PasswordForm
    {
        [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "Kata sandi paling panjang 128 karakter.")]
        public string? Current { get; set; }

        [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "Kata sandi paling panjang 128 karakter.")]
        public string? New { get; set; }

        [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "Kata sandi paling panjang 128 karakter.")]
        public string? Confirm { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        if (await LoadAsync() is { } r)
            return r;
        var user = (await users.GetUserAsync(User))!;
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            Error = "Kode verifikasi salah. Pastikan jam ponsel tepat lalu masukkan kode terbaru dari aplikasi.";
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        // The new security stamp revoked this cookie too: issue a fresh one (now without the enrolment demand).
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        Message = "Verifikasi dua langkah aktif. Simpan kode pemulihan di bawah ini di tempat aman: setiap kode hanya berlaku sekali dan tidak ditampilkan lagi.";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await LoadAsync() is { } r)
            return r;
        if (Required)
        {
            Error = "Peran Anda wajib memakai verifikasi dua langkah; fitur ini tidak dapat dinonaktifkan.";
            return Page();
        }
        var user = (await users.GetUserAsync(User))!;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        Message = "Verifikasi dua langkah dinonaktifkan.";
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await LoadAsync() is { } r)
            return r;
        var user = (await users.GetUserAsync(User))!;
        if (!Enabled)
            return Page();
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        RecoveryCodesLeft = RecoveryCodes.Count;
        Message = "Kode pemulihan baru dibuat; kode lama tidak berlaku lagi.";
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (await LoadAsync() is { } r)
            return r;
        var user = (await users.GetUserAsync(User))!;
        if (string.IsNullOrEmpty(Password.Current) || string.IsNullOrEmpty(Password.New))
            PasswordErrors.Add("Isi kata sandi lama dan kata sandi baru.");
        else if (Password.New != Password.Confirm)
            PasswordErrors.Add("Konfirmasi kata sandi baru tidak sama.");
        else
        {
            var result = await users.ChangePasswordAsync(user, Password.Current, Password.New);
            PasswordErrors.AddRange(result.Errors.Select(e => e.Code == "PasswordMismatch" ? "Kata sandi lama salah." : e.Description));
        }
        if (PasswordErrors.Count > 0)
            return Page();
        // Other sessions of this account are now revoked (new security stamp); this one continues with a new cookie.
        await signIn.RefreshSignInAsync(user);
        Password = new();
        Message = "Kata sandi diganti. Sesi di perangkat lain sudah keluar.";
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(AppUser? user = null)
    {
        user ??= await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        Enabled = user.TwoFactorEnabled;
        var roles = await users.GetRolesAsync(user);
        Required = options.RequireTwoFactor && options.TwoFactorRoles.Any(roles.Contains);
        Forced = Required && !Enabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
                // Resetting the key renews the security stamp: keep this session.
                await signIn.RefreshSignInAsync(user);
            }
            SharedKey = Grouped(key!);
            QrDataUri = QrCode(AuthenticatorUri(user.UserName!, key!));
        }
        return null;
    }

    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    private static string Grouped(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
