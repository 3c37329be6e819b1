using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Onboarding;

/// <summary>
/// Platform admin, wizard step 1: the registered kabupaten/kota with their setup progress, and the national list to
/// pick a new one from (search by name or code); picking it creates its kecamatan and kelurahan/desa in one go.
/// </summary>
public sealed class IndexModel(RaporDbContext db, RegionCatalog catalog, TenantOnboarding onboarding, TimeProvider clock) : PageModel
{
    public sealed record Registered(string Code, string Name, string? Province, DateTime? OnboardedAt, int Done, int Total);

    public List<Registered> Tenants { get; private set; } = [];
    public List<RegionCatalog.KabKota> Results { get; private set; } = [];
    public HashSet<string> Taken { get; private set; } = [];
    public string? Query { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Query = q?.Trim();
        await LoadAsync(ct);
    }

    /// <summary>The search results alone, for htmx as the user types.</summary>
    public async Task<IActionResult> OnGetSearchAsync(string? q, CancellationToken ct)
    {
        Query = q?.Trim();
        await SearchAsync(ct);
        return Partial("_CatalogResults", this);
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!UnitScope.IsPlatformAdmin(User))
            return Forbid();
        var outcome = await onboarding.FromNationalListAsync([code], ct);
        if (!outcome.Ok)
        {
            Errors.AddRange(outcome.Errors);
            Query = code;
            await LoadAsync(ct);
            return Page();
        }
        var t = outcome.Tenants[0];
        TempData["Message"] = $"{t.Name} terdaftar: {Regions.RegionSummary.CountsText(t.Kecamatan, t.Kelurahan, t.Desa)}"
            + (t.Shapes > 0 ? $", {t.Shapes} batas wilayah bawaan." : ".") + " Langkah berikutnya: kerangka penilaian.";
        TenantScope.Remember(Response, t.Code);
        return RedirectToPage("/Onboarding/Framework", new { tenant = t.Code });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var year = clock.GetLocalNow().Year;
        var list = await db.Tenants.AsNoTracking().OrderBy(t => t.Province).ThenBy(t => t.Name).ToListAsync(ct);
        foreach (var t in list)
        {
            var c = await OnboardingChecklist.LoadAsync(db, t.Code, year, ct);
            Tenants.Add(new(t.Code, t.Name, t.Province, t.OnboardedAt, c?.DoneCount ?? 0, c?.Items.Count ?? 0));
        }
        await SearchAsync(ct);
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        Results = catalog.Search(Query);
        var codes = Results.Select(r => r.Code).ToList();
        Taken = (await db.Tenants.Where(t => codes.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct)).ToHashSet();
    }
}
