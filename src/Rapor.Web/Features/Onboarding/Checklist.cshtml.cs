using Microsoft.AspNetCore.Mvc;
using Rapor.Web.Data;

namespace Rapor.Web.Features.Onboarding;

/// <summary>The last wizard page, and the one to come back to: what the tenant still lacks, each with where to fix it.</summary>
public sealed class ChecklistModel(RaporDbContext db, TimeProvider clock) : OnboardingStep(db, clock)
{
    public override OnboardingChecklist.Step? Step => null;

    public async Task<IActionResult> OnGetAsync(string tenant, CancellationToken ct) => await LoadAsync(tenant, ct) ?? Page();
}
