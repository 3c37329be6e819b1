using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;

namespace Rapor.Web.Data;

/// <summary>
/// Demo accounts and officials for Development and tests. Names are invented and marked "(demo)";
/// the regions they sit in are real.
/// </summary>
public static class DemoData
{
    public const string Cinambo = "32.73.29";
    public const string CisarantenWetan = "32.73.29.1001";
    public const string Sukamulya = "32.73.29.1003";

    public static readonly IReadOnlyList<(string User, string Name, string Unit, string Role)> Accounts =
    [
        ("admin", "Admin Platform (demo)", "", Roles.Admin),
        ("admin.bandung", "Admin Bagian Pemerintahan Kota Bandung (demo)", "32.73", Roles.Admin),
        ("verifikator", "Verifikator Bagian Pemerintahan (demo)", "32.73", Roles.Verifikator),
        ("pimpinan", "Asisten Pemerintahan (demo)", "32.73", Roles.Pimpinan),
        ("camat.cinambo", "Camat Cinambo (demo)", Cinambo, Roles.Camat),
        ("lurah.cisarantenwetan", "Lurah Cisaranten Wetan (demo)", CisarantenWetan, Roles.Lurah),
        ("staf.cinambo", "Staf Kecamatan Cinambo (demo)", Cinambo, Roles.Staf),
        ("staf.cisarantenwetan", "Staf Kelurahan Cisaranten Wetan (demo)", CisarantenWetan, Roles.Staf),
        ("lurah.sukamulya", "Lurah Sukamulya (demo)", Sukamulya, Roles.Lurah),
    ];

    public static async Task SeedAsync(RaporDbContext db, UserManager<AppUser> users, string password, bool seedEveryUnit, CancellationToken ct)
    {
        foreach (var a in Accounts)
            await DatabaseInitializer.EnsureUserAsync(users, a.User, a.Name, a.Unit, a.Role, password);

        if (seedEveryUnit)
            await SeedUnitAccountsAsync(db, users, password, ct);
        if (await db.Officials.AnyAsync(o => o.UnitCode == Cinambo, ct))
            return;
        db.Officials.AddRange(
            new Official { Name = "Dedi Kurniawan (demo)", Nip = "197203151998031004", Position = "camat", UnitCode = Cinambo, StartDate = new(2023, 1, 2), EndDate = new(2026, 2, 28) },
            new Official { Name = "Asep Saepudin (demo)", Nip = "197811042003121002", Position = "camat", UnitCode = Cinambo, StartDate = new(2026, 3, 1) },
            new Official { Name = "Rina Marlina (demo)", Nip = "198205122006042013", Position = "sekcam", UnitCode = Cinambo, StartDate = new(2024, 7, 1) },
            new Official { Name = "Yusuf Hidayat (demo)", Nip = "198507232010011009", Position = "kasi_pemerintahan", UnitCode = Cinambo, StartDate = new(2022, 5, 9) },
            new Official { Name = "Siti Nurhasanah (demo)", Nip = "198812302011012008", Position = "lurah", UnitCode = CisarantenWetan, StartDate = new(2025, 1, 6) },
            new Official { Name = "Ujang Suryana (demo)", Nip = "197905052005011011", Position = "lurah", UnitCode = Sukamulya, StartDate = new(2024, 2, 1) });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One camat or lurah account per Bandung unit ("lurah.32.73.29.1001"), so a demo (or a load test) can act as any
    /// unit. Hashing the one demo password once keeps this to a second instead of 181 key derivations.
    /// </summary>
    private static async Task SeedUnitAccountsAsync(RaporDbContext db, UserManager<AppUser> users, string password, CancellationToken ct)
    {
        var have = await db.Users.Select(u => u.UserName).ToHashSetAsync(ct);
        var units = await db.Regions.AsNoTracking().Where(r => r.TenantCode == "32.73" && r.Level != RegionLevel.KabupatenKota)
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.Level, r.Type }).ToListAsync(ct);
        string? hash = null;
        foreach (var u in units)
        {
            var (prefix, role, title) = u.Level == RegionLevel.Kecamatan ? ("camat", Roles.Camat, "Camat") : ("lurah", Roles.Lurah, u.Type == "desa" ? "Kepala Desa" : "Lurah");
            var name = $"{prefix}.{u.Code}";
            if (have.Contains(name))
                continue;
            var user = new AppUser { UserName = name, DisplayName = $"{title} {u.Name} (demo)", UnitCode = u.Code, EmailConfirmed = true };
            user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, password);
            DatabaseInitializer.Check(await users.CreateAsync(user), name);
            DatabaseInitializer.Check(await users.AddToRoleAsync(user, role), name);
        }
    }
}
