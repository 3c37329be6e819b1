using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Onboarding;

/// <summary>
/// Where a tenant stands in its setup, read from its data alone (nothing is stored about the wizard), so every step can
/// be left and resumed, by the platform admin or later by the tenant's own admin.
/// </summary>
public sealed record OnboardingChecklist(string TenantCode, string TenantName, int Year, IReadOnlyList<OnboardingChecklist.Item> Items)
{
    public enum Step { Regions, Framework, Periods, Admin, Branding, Map, Accounts }

    /// <param name="Title">A resource key.</param>
    /// <param name="Detail">Indonesian text with the figures, e.g. "30 dari 30 kecamatan".</param>
    /// <param name="Required">Steps the tenant cannot run without; the others make it complete.</param>
    public sealed record Item(Step Step, string Title, bool Done, string Detail, string Link, bool Required);

    /// <summary>The wizard's own pages, in order; Map and Accounts link to the feature pages.</summary>
    public static readonly Step[] WizardSteps = [Step.Regions, Step.Framework, Step.Periods, Step.Admin, Step.Branding];

    public int DoneCount => Items.Count(i => i.Done);
    public bool Ready => Items.Where(i => i.Required).All(i => i.Done);
    public Item? FirstMissing => Items.FirstOrDefault(i => !i.Done);
    public Item Of(Step step) => Items.First(i => i.Step == step);

    public static async Task<OnboardingChecklist?> LoadAsync(RaporDbContext db, string tenantCode, int year, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == tenantCode, ct);
        if (tenant is null)
            return null;
        var units = await db.Regions.Where(r => r.TenantCode == tenantCode && r.IsActive && r.Level != RegionLevel.KabupatenKota)
            .GroupBy(r => r.Type).Select(g => new { Type = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Type, g => g.Count, ct);
        int Units(string type) => units.GetValueOrDefault(type);
        var kecamatan = Units("kecamatan");
        var villages = Units("kelurahan") + Units("desa");
        var terms = TenantTerms.For(RegionCode.TenantTypeOf(tenantCode), Units("kelurahan") > 0, Units("desa") > 0);

        var framework = await db.Frameworks.AsNoTracking().Where(f => f.TenantCode == tenantCode && f.Year == year)
            .Select(f => new { f.Name, Indicators = f.Bidang.SelectMany(b => b.Indicators).Count() }).FirstOrDefaultAsync(ct);
        var periods = await db.Periods.CountAsync(p => p.TenantCode == tenantCode && p.Year == year, ct);

        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var admins = await db.Users.Where(u => u.UnitCode == tenantCode && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole))
            .Select(u => new { u.UserName, Active = u.PasswordHash != null }).ToListAsync(ct);

        var shaped = await db.RegionShapes.CountAsync(s => s.TenantCode == tenantCode && s.Level == RegionLevel.Kecamatan
            && db.Regions.Any(r => r.Code == s.Code && r.IsActive), ct);

        var camatRole = await db.Roles.Where(r => r.Name == Roles.Camat).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var lurahRole = await db.Roles.Where(r => r.Name == Roles.Lurah).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var prefix = tenantCode + ".";
        var camatUnits = await db.Users.Where(u => u.UnitCode.StartsWith(prefix) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == camatRole))
            .Select(u => u.UnitCode).Distinct().CountAsync(ct);
        var lurahUnits = await db.Users.Where(u => u.UnitCode.StartsWith(prefix) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == lurahRole))
            .Select(u => u.UnitCode).Distinct().CountAsync(ct);

        var missingBranding = new[]
        {
            tenant.OfficialName is { Length: > 0 } ? null : "nama resmi",
            tenant.SignatoryTitle is { Length: > 0 } ? null : "jabatan penandatangan",
            tenant.SignatoryName is { Length: > 0 } ? null : "nama penandatangan",
            tenant.LogoId is null ? "logo" : null,
        }.Where(x => x is not null).ToList();
        var code = tenantCode;
        List<Item> items =
        [
            new(Step.Regions, "Wilayah", kecamatan > 0,
                kecamatan > 0 ? $"{kecamatan} kecamatan, {villages} {terms.Village.Id.ToLowerInvariant()}" + (tenant.RegionSource is { } src ? $" ({src})" : "") : "belum ada kecamatan",
                $"/Regions/Tenant/{code}", true),
            new(Step.Framework, "Kerangka penilaian", framework is not null,
                framework is null ? $"belum ada kerangka tahun {year}" : $"{framework.Name}: {framework.Indicators} indikator", $"/Onboarding/Framework/{code}", true),
            new(Step.Periods, "Periode penilaian", periods > 0, periods > 0 ? $"{periods} periode" : $"belum ada periode tahun {year}", $"/Onboarding/Periods/{code}", true),
            new(Step.Admin, "Admin kabupaten/kota", admins.Any(a => a.Active),
                admins.Count == 0 ? "belum ada admin" : string.Join(", ", admins.Select(a => a.UserName + (a.Active ? "" : " (undangan belum diterima)"))),
                $"/Onboarding/Admin/{code}", true),
            new(Step.Branding, "Identitas dan penandatangan rapor", missingBranding.Count == 0,
                missingBranding.Count == 0 ? $"{tenant.OfficialName}; {tenant.SignatoryTitle}: {tenant.SignatoryName}" : "belum diisi: " + string.Join(", ", missingBranding),
                $"/Onboarding/Branding/{code}", false),
            new(Step.Map, "Peta kecamatan", kecamatan > 0 && shaped >= kecamatan, $"{shaped} dari {kecamatan} kecamatan memiliki batas wilayah", $"/Regions/Map?tenant={code}", false),
            new(Step.Accounts, "Akun camat, lurah dan kepala desa", kecamatan > 0 && camatUnits >= kecamatan && lurahUnits >= villages,
                $"{camatUnits} dari {kecamatan} kecamatan, {lurahUnits} dari {villages} {terms.Village.Id.ToLowerInvariant()} memiliki akun", "/Users", false),
        ];
        return new(tenantCode, tenant.Name, year, items);
    }
}
