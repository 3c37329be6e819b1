using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Onboarding;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Innovations;

/// <summary>
/// The innovation obligation of a tenant for a year: every Kasi and Kasubag compliant or not (with the reason), the
/// proposed TPP cut list the admin reviews, excludes from with a reason, approves and exports for the finance office,
/// and the reward list of the year's best innovations.
/// </summary>
public sealed class ComplianceModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Reward(Innovation Innovation, string UnitName, int Replications);

    public string Tenant { get; private set; } = "";
    public string TenantName { get; private set; } = "";
    public int Year { get; private set; }
    public TppPolicy? Policy { get; private set; }
    public List<InnovationCompliance.Verdict> Verdicts { get; private set; } = [];
    public List<InnovationCompliance.Verdict> CutList { get; private set; } = [];
    public List<Reward> Rewards { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    public NextStep? Next { get; private set; }

    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        // "year=abc" or a number beyond int does not bind: the same message as an out-of-range year.
        if (!ModelState.IsValid)
            year = int.MinValue;
        return await LoadAsync(year, ct) ?? Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(int? year, CancellationToken ct)
    {
        if (await LoadAsync(year, ct) is { } r)
            return r;
        var rows = CutList.Select(v => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["NIP"] = v.Nip, ["Nama"] = v.Name, ["Jabatan"] = v.Positions, ["Unit"] = v.UnitCode,
            ["Potongan TPP %"] = Policy!.CutPercent, ["Alasan"] = v.Reason, ["Status daftar"] = Policy.ApprovedAt is null ? "usulan" : $"disetujui {Policy.ApprovedAt:dd-MM-yyyy} oleh {Policy.ApprovedBy}",
        }).ToList();
        return File(ExcelExport.Save("Potongan TPP", rows), ExcelExport.ContentType, $"potongan-tpp-{Tenant}-{Year}.xlsx");
    }

    public async Task<IActionResult> OnPostPolicyAsync(int year, bool enabled, InnovationStage minimumStage, DateOnly? cutOffDate, double cutPercent, int minimumDays, CancellationToken ct)
    {
        if (await LoadAsync(year, ct) is { } r)
            return r;
        if (!IsAdmin)
            return Forbid();
        if (cutOffDate is null || cutOffDate.Value.Year != year)
            Error = $"Tanggal batas harus di tahun {year}.";
        else if (cutPercent is < 0 or > 100)
            Error = "Persentase potongan harus 0–100.";
        else if (minimumDays is < 0 or > 366)
            Error = "Minimal hari menjabat harus 0–366.";
        else if (Policy?.ApprovedAt is not null)
            Error = "Daftar tahun ini sudah disetujui; kebijakan tidak dapat diubah.";
        else if (!Enum.IsDefined(minimumStage))
            Error = "Tahap minimal tidak dikenal.";
        if (Error is not null)
            return Page();
        var p = Policy ?? new TppPolicy { TenantCode = Tenant, Year = year };
        if (Policy is null)
            db.TppPolicies.Add(p);
        p.Enabled = enabled;
        p.MinimumStage = minimumStage;
        p.CutOffDate = cutOffDate!.Value;
        p.CutPercent = cutPercent;
        p.MinimumDays = minimumDays;
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { tenant = Tenant, year });
    }

    public async Task<IActionResult> OnPostExcludeAsync(int year, string nip, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(year, ct) is { } r)
            return r;
        if (!IsAdmin || Policy is null)
            return Forbid();
        if (Policy.ApprovedAt is not null)
            Error = "Daftar sudah disetujui.";
        else if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
            Error = "Alasan pengecualian wajib diisi (minimal 5 karakter).";
        else if (reason.Trim().Length > 500)
            Error = "Alasan pengecualian paling panjang 500 karakter.";
        else if (CutList.All(v => v.Nip != nip))
            Error = "Pejabat ini tidak ada di daftar usulan.";
        if (Error is not null)
            return Page();
        db.TppExclusions.Add(new TppExclusion { PolicyId = Policy.Id, Nip = nip, Reason = reason!.Trim(), TenantCode = Tenant });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { tenant = Tenant, year });
    }

    public async Task<IActionResult> OnPostApproveAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(year, ct) is { } r)
            return r;
        if (!IsAdmin || Policy is null)
            return Forbid();
        if (Policy.ApprovedAt is not null)
        {
            Error = "Daftar sudah disetujui.";
            return Page();
        }
        Policy.ApprovedAt = clock.GetUtcNow().UtcDateTime;
        Policy.ApprovedBy = User.Identity!.Name;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Daftar potongan TPP {year} disetujui: {CutList.Count} pejabat.";
        return RedirectToPage(new { tenant = Tenant, year });
    }

    private async Task<IActionResult?> LoadAsync(int? year, CancellationToken ct)
    {
        if (!(User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Verifikator) || User.IsInRole(Roles.Pimpinan)))
            return Forbid();
        // The platform admin's ?tenant= (kept in every link of this page) or switcher choice; everyone else's own tenant.
        if (HttpContext.CurrentTenant() is not { } current)
        {
            Next = await NextStep.ForAsync(db, HttpContext, null, NextStep.Need.OpenPeriod, ct);
            return Page();
        }
        Tenant = current;
        if (!UnitScope.CanView(User, Tenant))
            return Forbid();
        IsAdmin = UnitScope.CanAdminister(User, Tenant);
        if (year is < MinYear or > MaxYear)
        {
            Error = "Tahun harus antara 2000 dan 2100; ditampilkan tahun ini.";
            year = null;
        }
        TenantName = await db.Tenants.Where(t => t.Code == Tenant).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? Tenant;
        Year = year ?? clock.GetLocalNow().Year;
        var y = Year;
        Policy = await db.TppPolicies.Include(p => p.Exclusions).FirstOrDefaultAsync(p => p.TenantCode == Tenant && p.Year == y, ct);
        Message = this.Take("Message");
        Rewards = await RewardsAsync(ct);
        if (Policy is not { Enabled: true })
            return null;
        var tenures = await db.Officials.AsNoTracking().Where(o => o.Nip != null && (o.UnitCode == Tenant || o.UnitCode.StartsWith(Tenant + ".")))
            .Select(o => new InnovationCompliance.Tenure(o.Nip!, o.Name, o.Position, o.UnitCode, o.StartDate, o.EndDate)).ToListAsync(ct);
        var stages = await (from ow in db.InnovationOwners
                            join o in db.Officials on ow.OfficialId equals o.Id
                            join i in db.Innovations on ow.InnovationId equals i.Id
                            join s in db.InnovationSteps on i.Id equals s.InnovationId
                            where o.Nip != null && i.TenantCode == Tenant
                            select new InnovationCompliance.OwnedStage(o.Nip!, i.Id, i.Name, s.Stage, s.Status, s.VerifiedOn)).AsNoTracking().ToListAsync(ct);
        var owned = await (from ow in db.InnovationOwners join o in db.Officials on ow.OfficialId equals o.Id join i in db.Innovations on ow.InnovationId equals i.Id
                           where o.Nip != null && i.TenantCode == Tenant && !i.Steps.Any()
                           select new InnovationCompliance.OwnedStage(o.Nip!, i.Id, i.Name, InnovationStage.Inisiatif, StageStatus.Diajukan, null)).AsNoTracking().ToListAsync(ct);
        Verdicts = InnovationCompliance.Judge(Policy, tenures, stages.Concat(owned));
        var excluded = Policy.Exclusions.Select(e => e.Nip).ToHashSet();
        CutList = Verdicts.Where(v => v.Subject && !v.Compliant && !excluded.Contains(v.Nip)).ToList();
        return null;
    }

    /// <summary>The year's best: innovations whose penerapan was verified this year, most replicated first.</summary>
    private async Task<List<Reward>> RewardsAsync(CancellationToken ct)
    {
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        var items = await db.Innovations.AsNoTracking().Include(i => i.Steps)
            .Where(i => i.TenantCode == Tenant && i.Steps.Any(s => s.Stage == InnovationStage.Penerapan && s.Status == StageStatus.Diverifikasi && s.VerifiedOn >= from && s.VerifiedOn <= to))
            .ToListAsync(ct);
        var ids = items.Select(i => (Guid?)i.Id).ToList();
        var counts = await db.Innovations.Where(i => ids.Contains(i.ReplicatedFromId)).GroupBy(i => i.ReplicatedFromId).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key!.Value, x => x.C, ct);
        var codes = items.Select(i => i.UnitCode).ToList();
        var names = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return items.Select(i => new Reward(i, names.GetValueOrDefault(i.UnitCode, i.UnitCode), counts.GetValueOrDefault(i.Id)))
            .OrderByDescending(r => r.Replications).ThenBy(r => r.Innovation.Steps.First(s => s.Stage == InnovationStage.Penerapan).VerifiedOn).Take(10).ToList();
    }
}
