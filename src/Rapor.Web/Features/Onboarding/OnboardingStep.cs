using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Onboarding;

/// <summary>What every wizard step page shares: the tenant from the route, the admin check and the checklist for the step bar.</summary>
public abstract class OnboardingStep(RaporDbContext db, TimeProvider clock) : PageModel
{
    protected RaporDbContext Db => db;
    protected TimeProvider Clock => clock;

    public OnboardingChecklist Checklist { get; private set; } = null!;
    /// <summary>The step this page is; null for the checklist page.</summary>
    public abstract OnboardingChecklist.Step? Step { get; }
    public string? Message { get; protected set; }
    public List<string> Errors { get; } = [];

    /// <summary>The year the wizard prepares: this year.</summary>
    public int Year => clock.GetLocalNow().Year;

    /// <summary>Null when the page may go on; otherwise 404 (unknown tenant) or 403 (not its admin).</summary>
    protected async Task<IActionResult?> LoadAsync(string tenant, CancellationToken ct)
    {
        if (!TenantScope.IsTenantCode(tenant))
            return NotFound();
        if (!UnitScope.CanAdminister(User, tenant))
            return Forbid();
        var checklist = await OnboardingChecklist.LoadAsync(db, tenant, Year, ct);
        if (checklist is null)
            return NotFound();
        Checklist = checklist;
        Message ??= this.Take("Message");
        return null;
    }
}
