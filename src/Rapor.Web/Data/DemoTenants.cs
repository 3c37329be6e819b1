using Microsoft.EntityFrameworkCore;
using Rapor.Web.Features.Onboarding;
using Rapor.Web.Features.Regions;

namespace Rapor.Web.Data;

/// <summary>
/// The kabupaten/kota of the demo, onboarded from the national list through the same code path the platform admin
/// uses (<see cref="TenantOnboarding"/>), then given their 2022 names from the per-area lists in Data/Regions through
/// the code-list update (<see cref="RegionUpdate"/>). Development and tests only; a production installation starts
/// empty and the platform admin onboards its kabupaten/kota.
/// </summary>
public static class DemoTenants
{
    public const string Bandung = "32.73";
    public const string Palembang = "16.71";
    public const string BandungBarat = "32.17";
    public const string KabBandung = "32.04";

    /// <summary>Tenant code → per-area list (same codes as the national list, plus name_kepmendagri_2022).</summary>
    public static readonly IReadOnlyList<(string Code, string File)> Lists =
    [
        (Bandung, "bandung_wilayah.csv"),
        (Palembang, "palembang_wilayah.csv"),
        (BandungBarat, "bandung_barat_wilayah.csv"),
        (KabBandung, "kab_bandung_wilayah.csv"),
    ];

    public static async Task SeedAsync(RaporDbContext db, TenantOnboarding onboarding, IReadOnlyCollection<string>? only, DateOnly today, ILogger logger, CancellationToken ct)
    {
        var codes = Lists.Select(l => l.Code).Where(c => only is null || only.Contains(c)).ToList();
        var have = await db.Tenants.Where(t => codes.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
        var missing = codes.Except(have).ToList();
        if (missing.Count == 0)
            return;
        var outcome = await onboarding.FromNationalListAsync(missing, ct);
        if (!outcome.Ok)
            throw new InvalidOperationException("Demo onboarding failed: " + string.Join("; ", outcome.Errors));
        foreach (var (code, file) in Lists.Where(l => missing.Contains(l.Code)))
        {
            using var reader = new StreamReader(DatabaseInitializer.RegionFile(file));
            var parsed = RegionCsv.Parse(reader, code);
            if (!parsed.Ok)
                throw new InvalidOperationException($"Shipped region list {file} is invalid: {string.Join("; ", parsed.Errors.Take(5))}");
            var plan = await RegionUpdate.PlanAsync(db, code, parsed.Regions, ct);
            if (plan.Changes.Count > 0)
                throw new InvalidOperationException($"{file} differs from the national list: {plan.Changes.Count} changes");
            await RegionUpdate.ApplyAsync(db, plan, today, ct);
        }
        logger.LogInformation("Demo tenants onboarded: {Tenants}", string.Join(", ", outcome.Tenants.Select(t => $"{t.Name} ({t.Kecamatan} kecamatan)")));
    }
}
