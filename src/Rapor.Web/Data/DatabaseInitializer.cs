using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;

namespace Rapor.Web.Data;

public sealed class SeedOptions
{
    /// <summary>Demo accounts and demo officials; on in Development, never on by default elsewhere.</summary>
    public bool DemoData { get; set; }

    /// <summary>Password of every demo account (Development only).</summary>
    public string DemoPassword { get; set; } = "Bandung-Juara-2026";

    /// <summary>Demo reports for every Bandung unit (2025 and this year) and Palembang's December 2025; heavy, so off in most tests.</summary>
    public bool DemoReports { get; set; }

    /// <summary>Which demo kab/kota to onboard (default: all of <see cref="Data.DemoTenants.Lists"/>); a test onboards the others itself.</summary>
    public string[]? DemoTenants { get; set; }

    /// <summary>Outside Development the first platform admin comes from here (Seed__AdminUser / Seed__AdminPassword).</summary>
    public string? AdminUser { get; set; }
    public string? AdminPassword { get; set; }
}

/// <summary>Migrates the database and seeds reference data idempotently (safe on every start, on every instance).</summary>
public sealed class DatabaseInitializer(
    RaporDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    SeedOptions options,
    TimeProvider clock,
    Features.Onboarding.TenantOnboarding onboarding,
    ILogger<DatabaseInitializer> logger)
{
    public static string RegionFile(string file) => Path.Combine(AppContext.BaseDirectory, "Data", "Regions", file);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        // Write-ahead logging lets pages read while a report is saved; it stays set in the database file.
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }
        await SeedActivityKindsAsync(ct);
        // A production installation starts without tenants: the platform admin onboards them from the national list.
        if (options.DemoData)
        {
            await DemoTenants.SeedAsync(db, onboarding, options.DemoTenants, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), logger, ct);
            await SeedBandungFrameworkAsync(ct);
            await DemoData.SeedAsync(db, users, options.DemoPassword, options.DemoReports, ct);
            await DemoInnovations.SeedAsync(db, users, options.DemoPassword, clock.GetLocalNow().Year, ct);
            await DemoPaten.SeedAsync(db, users, options.DemoPassword, options.DemoReports, clock.GetLocalNow().DateTime, clock.LocalTimeZone, ct);
            await DemoWaspada.SeedAsync(db, users, options.DemoPassword, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        }
        if (options.DemoReports)
        {
            await Data.DemoReports.SeedAsync(db, new Features.Rapor.ScoringService(db, clock), clock, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
            await DemoPalembang.SeedAsync(db, new Features.Rapor.ScoringService(db, clock), clock, ct);
        }
        if (options.AdminUser is { Length: > 0 } adminUser && options.AdminPassword is { Length: > 0 } adminPassword)
            await EnsureUserAsync(users, adminUser, "Administrator", "", Roles.Admin, adminPassword);
    }

    private async Task SeedActivityKindsAsync(CancellationToken ct)
    {
        var existing = await db.ActivityKinds.Select(k => k.Code).ToListAsync(ct);
        db.ActivityKinds.AddRange(ActivityKind.BuiltIn.Where(k => !existing.Contains(k.Code)).Select(k => new ActivityKind { Code = k.Code, Name = k.Name }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The example framework for Kota Bandung 2025 (demo), seeded once; admins copy and adapt it.</summary>
    private async Task SeedBandungFrameworkAsync(CancellationToken ct)
    {
        if (await db.Frameworks.AnyAsync(f => f.TenantCode == DemoTenants.Bandung, ct))
            return;
        db.Frameworks.Add(BandungFramework.Create(DemoTenants.Bandung, 2025));
        await db.SaveChangesAsync(ct);
    }

    internal static async Task<AppUser> EnsureUserAsync(UserManager<AppUser> users, string userName, string displayName, string unit, string role, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is not null)
            return user;
        user = new AppUser { UserName = userName, DisplayName = displayName, UnitCode = unit, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password), userName);
        Check(await users.AddToRoleAsync(user, role), userName);
        return user;
    }

    internal static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
