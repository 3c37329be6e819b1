using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

/// <summary>Desk verification of one report: accept, correct (value + reason) or reject (reason) each indicator, then close or return it.</summary>
public sealed class ReportModel(ReportWorkflow workflow, VerificationService verification, RaporDbContext db, IAuthorizationService authz) : PageModel
{
    public ReportWorkflow.Context C { get; private set; } = null!;
    public Dictionary<Guid, List<RiskFlags.Flag>> Flags { get; private set; } = [];

    /// <summary>Provenance flags of the report's evidence, and the other side of each duplicate for the side-by-side view.</summary>
    public Provenance.EvidenceFlags Provenance { get; private set; } = Features.Provenance.EvidenceFlags.Empty;
    public Dictionary<Guid, Evidence> Others { get; private set; } = [];
    public string? Error { get; private set; }
    public bool Open => C.Report is { } r && VerificationService.AwaitsCity(r) && C.Period.FinalizedAt is null;

    public sealed record Row(ReportModel Page, Indicator Indicator, string? Message, bool IsError, object[]? Args = null);

    public async Task<IActionResult> OnGetAsync(string unit, string period, CancellationToken ct) => await LoadAsync(unit, period, ct) ?? Page();

    public async Task<IActionResult> OnPostDecideAsync(string unit, string period, Guid indicatorId, Decision decision, string? value, string? note, int? version, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } denied)
            return denied;
        var indicator = C.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        if (indicator is null)
            return BadRequest();
        // A decision or version that did not bind (decision=99, a version beyond int) must not save as something else.
        // The page's form always sends the version it shows; a client that sends none decides without the check.
        if (!ModelState.IsValid)
            return Partial("_DecisionRow", new Row(this, indicator, "Isian keputusan tidak valid. Muat ulang halaman lalu coba lagi.", true));
        try
        {
            await verification.DecideAsync(C, indicatorId, decision, value, note, version, ct);
            return Partial("_DecisionRow", new Row(this, indicator, "Keputusan tersimpan; skor diperbarui.", false));
        }
        catch (DecisionConflictException e)
        {
            // Show the decision that stands now, next to the message.
            if (await LoadAsync(unit, period, ct) is { } gone)
                return gone;
            return Partial("_DecisionRow", new Row(this, indicator, DecisionConflictException.Template, true, e.Args));
        }
        catch (DomainException e)
        {
            return Partial("_DecisionRow", new Row(this, indicator, e.Message, true));
        }
    }

    public Task<IActionResult> OnPostCompleteAsync(string unit, string period, bool acceptRest, string? note, CancellationToken ct) =>
        ActAsync(unit, period, () => verification.CompleteAsync(C, acceptRest, note, ct), "Laporan diverifikasi; skor dan peringkat diperbarui.", ct);

    public Task<IActionResult> OnPostReturnAsync(string unit, string period, string? note, CancellationToken ct) =>
        ActAsync(unit, period, () => verification.ReturnAsync(C, note ?? "", ct), "Laporan dikembalikan ke unit.", ct);

    private async Task<IActionResult> ActAsync(string unit, string period, Func<Task> act, string done, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } denied)
            return denied;
        try
        {
            await act();
        }
        catch (DomainException e)
        {
            Error = e.Message;
            return Page();
        }
        TempData["Message"] = done;
        return RedirectToPage("/Verification/Index", new { period });
    }

    private async Task<IActionResult?> LoadAsync(string unit, string period, CancellationToken ct)
    {
        var c = await workflow.LoadAsync(unit, period, ct);
        if (c is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.VerifyReport)).Succeeded)
            return Forbid();
        C = c;
        Provenance = await Features.Provenance.EvidenceFlags.LoadAsync(db, c.Evidence.Values.SelectMany(l => l).Select(e => e.Id), ct);
        var others = Provenance.All.Where(f => f.OtherEvidenceId != null).Select(f => f.OtherEvidenceId!.Value).Distinct().ToList();
        Others = others.Count == 0 ? [] : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.Evidence.Where(e => others.Contains(e.Id)), e => e.Id, ct);
        Flags = (await RiskFlags.ForPeriodAsync(db, c.Period, ct)).GetValueOrDefault(unit)?.GroupBy(f => f.IndicatorId).ToDictionary(g => g.Key, g => g.ToList()) ?? [];
        return null;
    }
}
