using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Features.Frameworks;

namespace Rapor.Web.Features.Onboarding;

/// <summary>
/// Wizard step 2: the tenant's framework for the year — a copy of another tenant's year (Palembang copies Bandung 2026)
/// or of the built-in example — to be edited in the framework editor before its first period opens.
/// </summary>
public sealed class FrameworkModel(RaporDbContext db, TimeProvider clock) : OnboardingStep(db, clock)
{
    public sealed record Source(Guid Id, string TenantName, int Year, string Name, int Indicators);

    public override OnboardingChecklist.Step? Step => OnboardingChecklist.Step.Framework;
    public List<Source> Sources { get; private set; } = [];
    public (Guid Id, string Name, int Indicators)? Existing { get; private set; }

    /// <summary>The value of the "example" choice in the form.</summary>
    public const string Example = "contoh";

    public async Task<IActionResult> OnGetAsync(string tenant, CancellationToken ct) => await LoadAsync(tenant, ct) ?? await ShowAsync(tenant, ct);

    public async Task<IActionResult> OnPostAsync(string tenant, string? source, int year, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        if (year < Year - 1 || year > Year + 1)
            Errors.Add($"Tahun harus antara {Year - 1} dan {Year + 1}.");
        else if (await Db.Frameworks.AnyAsync(f => f.TenantCode == tenant && f.Year == year, ct))
            Errors.Add($"Kerangka tahun {year} sudah ada; ubah di editor kerangka.");
        else if (source == Example)
        {
            Db.Frameworks.Add(BandungFramework.Create(tenant, year));
            await Db.SaveChangesAsync(ct);
            TempData["Message"] = $"Contoh kerangka {year} dibuat. Sesuaikan indikatornya di editor, lalu buka periode.";
            return RedirectToPage(new { tenant });
        }
        else if (!Guid.TryParse(source, out var id)
            || await Db.Frameworks.Include(f => f.Bidang).ThenInclude(b => b.Indicators).AsSplitQuery().FirstOrDefaultAsync(f => f.Id == id, ct) is not { } from)
            Errors.Add("Pilih kerangka sumber.");
        else
        {
            Db.Frameworks.Add(FrameworkCopy.Copy(from, tenant, year));
            await Db.SaveChangesAsync(ct);
            TempData["Message"] = $"Kerangka {from.TenantCode} {from.Year} disalin ke {year}: {from.Indicators.Count()} indikator. Sesuaikan di editor, lalu buka periode.";
            return RedirectToPage(new { tenant });
        }
        return await ShowAsync(tenant, ct);
    }

    private async Task<IActionResult> ShowAsync(string tenant, CancellationToken ct)
    {
        var year = Year;
        var existing = await Db.Frameworks.AsNoTracking().Where(f => f.TenantCode == tenant && f.Year == year)
            .Select(f => new { f.Id, f.Name, Count = f.Bidang.SelectMany(b => b.Indicators).Count() }).FirstOrDefaultAsync(ct);
        Existing = existing is null ? null : (existing.Id, existing.Name, existing.Count);
        var names = await Db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        Sources = (await Db.Frameworks.AsNoTracking().Where(f => f.TenantCode != tenant)
                .Select(f => new { f.Id, f.TenantCode, f.Year, f.Name, Count = f.Bidang.SelectMany(b => b.Indicators).Count() }).ToListAsync(ct))
            .OrderByDescending(f => f.Year).ThenBy(f => names.GetValueOrDefault(f.TenantCode, f.TenantCode), StringComparer.Ordinal)
            .Select(f => new Source(f.Id, names.GetValueOrDefault(f.TenantCode, f.TenantCode), f.Year, f.Name, f.Count)).ToList();
        return Page();
    }
}
