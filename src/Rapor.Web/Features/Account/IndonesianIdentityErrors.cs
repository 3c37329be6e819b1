using Microsoft.AspNetCore.Identity;

namespace Rapor.Web.Features.Account;

/// <summary>Identity's messages in Bahasa Indonesia (users read them when an admin sets a password).</summary>
public sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Kata sandi minimal {length} karakter." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Kata sandi harus memuat angka." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Kata sandi harus memuat huruf kecil." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Nama pengguna \"{userName}\" sudah dipakai." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Nama pengguna \"{userName}\" hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung." };
}
