using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Onboarding;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

/// <summary>The verifier's inbox: reports waiting for the city, riskiest first; clean ones can be accepted in bulk.</summary>
public sealed class IndexModel(RaporDbContext db, ReportWorkflow workflow, VerificationService verification) : PageModel
{
    public sealed record Row(string UnitCode, string UnitName, string Kecamatan, RegionLevel Level, DateTime? SubmittedAt, int Returns, List<RiskFlags.Flag> Flags,
        int FlaggedEvidence)
    {
        /// <summary>A recycled or misplaced photo weighs more than a jump in a value: it questions the evidence itself.</summary>
        public int Risk => Flags.Count + 2 * FlaggedEvidence;
    }

    public List<Period> Periods { get; private set; } = [];
    public Period? Current { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public string? Message { get; private set; }
    public NextStep? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? period, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Verifikator))
            return Forbid();
        await LoadAsync(period, ct);
        Message = this.Take("Message");
        return Page();
    }

    /// <summary>Accepts every selected report as claimed; a report with risk flags is skipped and must be opened.</summary>
    public async Task<IActionResult> OnPostBulkAcceptAsync(string period, List<string> units, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Verifikator))
            return Forbid();
        await LoadAsync(period, ct);
        var accepted = 0;
        var skipped = 0;
        foreach (var row in Rows.Where(r => units.Contains(r.UnitCode)))
        {
            if (row.Risk > 0 || !UnitScope.CanVerifyReport(User, row.UnitCode))
            {
                skipped++;
                continue;
            }
            var c = await workflow.LoadAsync(row.UnitCode, period, ct);
            await verification.CompleteAsync(c!, acceptRest: true, "Diterima massal (tanpa tanda risiko).", ct);
            accepted++;
        }
        TempData["Message"] = $"{accepted} laporan diverifikasi." + (skipped > 0 ? $" {skipped} dilewati karena bertanda risiko." : "");
        return RedirectToPage(new { period });
    }

    private async Task LoadAsync(string? periodKey, CancellationToken ct)
    {
        var tenant = HttpContext.CurrentTenant();
        if (tenant is null)
        {
            Next = await NextStep.ForAsync(db, HttpContext, tenant, NextStep.Need.OpenPeriod, ct);
            return;
        }
        Periods = (await db.Periods.AsNoTracking().Where(p => p.TenantCode == tenant && p.FinalizedAt == null).ToListAsync(ct))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month ?? 13).ToList();
        Current = Periods.FirstOrDefault(p => p.Key == periodKey) ?? Periods.FirstOrDefault(p => p.Kind == PeriodKind.Monthly);
        if (Current is null)
        {
            Next = await NextStep.ForAsync(db, HttpContext, tenant, NextStep.Need.OpenPeriod, ct);
            return;
        }
        var periodId = Current.Id;
        var waiting = await (from r in db.Reports
                             join u in db.Regions on r.UnitCode equals u.Code
                             where r.PeriodId == periodId
                                   && ((r.Level == RegionLevel.Kecamatan && r.Status == ReportStatus.Diajukan) || (r.Level == RegionLevel.Kelurahan && r.Status == ReportStatus.DisetujuiCamat))
                             select new { r.Id, r.UnitCode, u.Name, u.ParentCode, r.Level, r.SubmittedAt }).AsNoTracking().ToListAsync(ct);
        var ids = waiting.Select(w => w.Id).ToList();
        var returns = await db.ReportEvents.Where(e => ids.Contains(e.ReportId) && e.Action == "Dikembalikan")
            .GroupBy(e => e.ReportId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var kecamatan = await db.Regions.AsNoTracking().Where(r => r.TenantCode == tenant && r.Level == RegionLevel.Kecamatan).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var flags = await RiskFlags.ForPeriodAsync(db, Current, ct);
        var flaggedEvidence = await Provenance.EvidenceRisk.FlaggedEvidencePerUnitAsync(db, periodId, ct);
        Rows = waiting.Select(w => new Row(w.UnitCode, w.Name, w.Level == RegionLevel.Kecamatan ? w.Name : kecamatan.GetValueOrDefault(w.ParentCode ?? "", ""), w.Level,
                w.SubmittedAt, returns.GetValueOrDefault(w.Id), flags.GetValueOrDefault(w.UnitCode) ?? [], flaggedEvidence.GetValueOrDefault(w.UnitCode)))
            .OrderByDescending(r => r.Risk).ThenBy(r => r.SubmittedAt).ToList();
    }
}
