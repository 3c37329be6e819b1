using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Periods;

namespace Rapor.Web.Features.Onboarding;

/// <summary>Wizard step 3: the year's monthly and annual periods on the default calendar (deadlines editable per unit later).</summary>
public sealed class PeriodsModel(RaporDbContext db, TimeProvider clock) : OnboardingStep(db, clock)
{
    public override OnboardingChecklist.Step? Step => OnboardingChecklist.Step.Periods;
    public List<Period> Periods { get; private set; } = [];
    public bool HasFramework { get; private set; }

    public async Task<IActionResult> OnGetAsync(string tenant, CancellationToken ct) => await LoadAsync(tenant, ct) ?? await ShowAsync(tenant, ct);

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        var (added, message) = await PeriodCalendar.OpenYearAsync(Db, tenant, Year, ct);
        if (added == 0)
        {
            Errors.Add(message);
            return await ShowAsync(tenant, ct);
        }
        TempData["Message"] = message;
        return RedirectToPage(new { tenant });
    }

    private async Task<IActionResult> ShowAsync(string tenant, CancellationToken ct)
    {
        var year = Year;
        HasFramework = await Db.Frameworks.AnyAsync(f => f.TenantCode == tenant && f.Year == year, ct);
        Periods = (await Db.Periods.AsNoTracking().Where(p => p.TenantCode == tenant && p.Year == year).ToListAsync(ct))
            .OrderBy(p => p.Month ?? 13).ToList();
        return Page();
    }
}
