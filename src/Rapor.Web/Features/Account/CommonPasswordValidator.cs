using System.IO.Compression;
using Microsoft.AspNetCore.Identity;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Account;

/// <summary>
/// ASVS 2.1: at least <see cref="MinLength"/> characters, at most <see cref="MaxLength"/>, not one of the 49,233 most
/// common breached passwords (Data/Passwords/PROVENANCE.md) — also not with only digits or symbols added at the
/// end ("monkey2026!") — and not containing the user name. No composition rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int ListSize => List.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length > MaxLength)
            errors.Add(new() { Code = "PasswordTooLong", Description = $"Kata sandi paling panjang {MaxLength} karakter." });
        if (IsCommon(password))
            errors.Add(new() { Code = "PasswordCommon", Description = "Kata sandi ini termasuk daftar kata sandi yang paling sering dipakai atau bocor. Pilih kalimat sandi lain." });
        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            errors.Add(new() { Code = "PasswordContainsUserName", Description = "Kata sandi tidak boleh memuat nama pengguna." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password)
    {
        var p = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(p))
            return true;
        // "qwertyuiop123!" is the list entry "qwertyuiop" with a suffix: still a guessable password.
        var stem = p.TrimEnd("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        return stem.Length >= 4 && stem.Length < p.Length && List.Value.Contains(stem);
    }

    private static HashSet<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Passwords", "common-passwords.txt.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                set.Add(line);
        }
        return set;
    }
}
