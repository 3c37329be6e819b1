using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;
using Rapor.Web.Features.Regions;

namespace Rapor.Web.Data;

public sealed class SeedOptions
{
    /// <summary>Demo accounts and demo officials; on in Development, never on by default elsewhere.</summary>
    public bool DemoData { get; set; }

    /// <summary>Password of every demo account (Development only).</summary>
    public string DemoPassword { get; set; } = "Bandung-Juara-2026";

    /// <summary>Demo reports for every Bandung unit (2025 and this year); heavy, so off in most tests.</summary>
    public bool DemoReports { get; set; }

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
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>The shipped region lists (Kepmendagri 300.2.2-2138/2025 via cahyadsn/wilayah, MIT; see Data/Regions/PROVENANCE.md).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Province, string File)> ShippedTenants =
    [
        ("32.73", "Kota Bandung", "Jawa Barat", "bandung_wilayah.csv"),
        ("16.71", "Kota Palembang", "Sumatera Selatan", "palembang_wilayah.csv"),
        ("32.17", "Kabupaten Bandung Barat", "Jawa Barat", "bandung_barat_wilayah.csv"),
        ("32.04", "Kabupaten Bandung", "Jawa Barat", "kab_bandung_wilayah.csv"),
    ];

    public static string RegionFile(string file) => Path.Combine(AppContext.BaseDirectory, "Data", "Regions", file);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        // Write-ahead logging lets pages read while a report is saved; it stays set in the database file.
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        foreach (var tenant in ShippedTenants)
            await SeedTenantAsync(tenant.Code, tenant.Name, tenant.Province, tenant.File, ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }
        await SeedActivityKindsAsync(ct);
        await SeedBandungFrameworkAsync(ct);
        if (options.DemoData)
        {
            await DemoData.SeedAsync(db, users, options.DemoPassword, options.DemoReports, ct);
            await DemoInnovations.SeedAsync(db, users, options.DemoPassword, clock.GetLocalNow().Year, ct);
            await DemoWaspada.SeedAsync(db, users, options.DemoPassword, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        }
        if (options.DemoReports)
            await Data.DemoReports.SeedAsync(db, new Features.Rapor.ScoringService(db, clock), clock, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        if (options.AdminUser is { Length: > 0 } adminUser && options.AdminPassword is { Length: > 0 } adminPassword)
            await EnsureUserAsync(users, adminUser, "Administrator", "", Roles.Admin, adminPassword);
    }

    private async Task SeedTenantAsync(string code, string name, string province, string file, CancellationToken ct)
    {
        // Inserts only what is missing: names an admin corrected later are not overwritten.
        var existing = await db.Regions.Where(r => r.TenantCode == code).Select(r => r.Code).ToHashSetAsync(ct);
        using var reader = new StreamReader(RegionFile(file));
        var parsed = RegionCsv.Parse(reader, code);
        if (!parsed.Ok)
            throw new InvalidOperationException($"Shipped region list {file} is invalid: {string.Join("; ", parsed.Errors.Take(5))}");
        if (!await db.Tenants.AnyAsync(t => t.Code == code, ct))
            db.Tenants.Add(new Tenant { Code = code, Name = name, Province = province });
        if (!existing.Contains(code))
            db.Regions.Add(TenantRegion(code, name));
        var missing = parsed.Regions.Where(r => !existing.Contains(r.Code)).ToList();
        db.Regions.AddRange(missing);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Seeded {Tenant}: {Count} regions", name, missing.Count);
        }
    }

    private async Task SeedActivityKindsAsync(CancellationToken ct)
    {
        var existing = await db.ActivityKinds.Select(k => k.Code).ToListAsync(ct);
        db.ActivityKinds.AddRange(ActivityKind.BuiltIn.Where(k => !existing.Contains(k.Code)).Select(k => new ActivityKind { Code = k.Code, Name = k.Name }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The example framework for Kota Bandung 2025, seeded once; admins copy and adapt it.</summary>
    private async Task SeedBandungFrameworkAsync(CancellationToken ct)
    {
        if (await db.Frameworks.AnyAsync(f => f.TenantCode == DemoReports.Tenant, ct))
            return;
        db.Frameworks.Add(BandungFramework.Create(DemoReports.Tenant, 2025));
        await db.SaveChangesAsync(ct);
    }

    public static Region TenantRegion(string code, string name) => new()
    {
        Code = code,
        Name = name,
        Level = RegionLevel.KabupatenKota,
        Type = name.StartsWith("Kota", StringComparison.OrdinalIgnoreCase) ? "kota" : "kabupaten",
        TenantCode = code,
    };

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
