using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Onboarding;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Periods;

/// <summary>
/// Compliance board: who has and has not submitted for a period (admin and city roles: the whole tenant; a camat: his
/// kecamatan and its kelurahan). Admins also open a year's periods here.
/// </summary>
public sealed class IndexModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Code, string Name, string Kecamatan, RegionLevel Level, ReportStatus? Status, DateTime? SubmittedAt,
        bool SubmittedLate, DateOnly Deadline, string? ExtensionReason, bool Overdue, bool IsDemo);

    public string TenantCode { get; private set; } = "";
    public string TenantName { get; private set; } = "";
    public List<Period> Periods { get; private set; } = [];
    public Period? Current { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public bool OnlyMissing { get; private set; }
    public bool IsAdmin { get; private set; }
    public string? Message { get; private set; }
    public NextStep? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? period, bool missing = false, CancellationToken ct = default)
    {
        if (!HasBoard())
            return RedirectToPage("/Reports/Index");
        if (Scope() is not { } scope)
        {
            Next = await NextStep.ForAsync(db, HttpContext, null, NextStep.Need.OpenPeriod, ct);
            return Page();
        }
        OnlyMissing = missing;
        await LoadAsync(scope, period, ct);
        return Page();
    }

    /// <summary>Admin: create the 12 monthly periods and the annual period of a year (default calendar, editable later).</summary>
    public async Task<IActionResult> OnPostOpenYearAsync(int year, CancellationToken ct)
    {
        if (Scope() is not { } scope || !UnitScope.CanAdminister(User, scope))
            return Forbid();
        Message = (await PeriodCalendar.OpenYearAsync(db, TenantOf(scope), year, ct)).Message;
        await LoadAsync(scope, null, ct);
        return Page();
    }

    private bool HasBoard() => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Verifikator) || User.IsInRole(Roles.Pimpinan) || User.IsInRole(Roles.Camat);

    /// <summary>The code whose units the board shows: the tenant for city roles, the kecamatan for a camat; null without one.</summary>
    private string? Scope()
    {
        if (User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Verifikator) || User.IsInRole(Roles.Pimpinan))
        {
            var tenant = HttpContext.CurrentTenant();
            IsAdmin = tenant is not null && UnitScope.CanAdminister(User, tenant);
            return tenant;
        }
        return User.IsInRole(Roles.Camat) ? User.UnitCode() : null;
    }

    private static string TenantOf(string scope) => RegionCode.TenantOf(scope);

    private async Task LoadAsync(string scope, string? periodKey, CancellationToken ct)
    {
        TenantCode = TenantOf(scope);
        TenantName = await db.Tenants.Where(t => t.Code == TenantCode).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? TenantCode;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Periods = (await db.Periods.AsNoTracking().Where(p => p.TenantCode == TenantCode).ToListAsync(ct))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month ?? 13).ToList();
        Current = periodKey is not null ? Periods.FirstOrDefault(p => p.Key == periodKey)
            : Periods.Where(p => p.OpensOn <= today).OrderBy(p => p.Kind).ThenByDescending(p => p.OpensOn).FirstOrDefault();
        if (Current is null)
        {
            Next = await NextStep.ForAsync(db, HttpContext, TenantCode, NextStep.Need.OpenPeriod, ct);
            return;
        }
        var periodId = Current.Id;
        var units = await db.Regions.AsNoTracking()
            .Where(r => r.TenantCode == TenantCode && r.Level != RegionLevel.KabupatenKota && r.IsActive && (r.Code == scope || r.Code.StartsWith(scope + ".")))
            .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct);
        var kecNames = await db.Regions.AsNoTracking().Where(r => r.TenantCode == TenantCode && r.Level == RegionLevel.Kecamatan)
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.PeriodId == periodId)
            .Select(r => new { r.UnitCode, r.Status, r.SubmittedAt, r.SubmittedLate, r.IsDemo }).ToDictionaryAsync(r => r.UnitCode, ct);
        var extensions = await db.DeadlineExtensions.AsNoTracking().Where(e => e.PeriodId == periodId).ToDictionaryAsync(e => e.UnitCode, ct);
        Rows = units.Select(u =>
            {
                var r = reports.GetValueOrDefault(u.Code);
                var ext = extensions.GetValueOrDefault(u.Code);
                var deadline = Current.DeadlineFor(ext);
                var notIn = r is null || r.Status is ReportStatus.Draf or ReportStatus.Dikembalikan;
                return new Row(u.Code, u.Name, u.Level == RegionLevel.Kecamatan ? u.Name : kecNames.GetValueOrDefault(u.ParentCode ?? "", ""), u.Level,
                    r?.Status, r?.SubmittedAt, r?.SubmittedLate ?? false, deadline, ext?.Reason, notIn && today > deadline, r?.IsDemo ?? false);
            })
            .Where(r => !OnlyMissing || r.Status is null or ReportStatus.Draf or ReportStatus.Dikembalikan)
            .OrderBy(r => r.Overdue ? 0 : 1).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }
}
