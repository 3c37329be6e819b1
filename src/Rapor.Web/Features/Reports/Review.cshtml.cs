using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Domain;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Reports;

/// <summary>The camat reviews a kelurahan report of his kecamatan: approve it to the city, or return it with a note.</summary>
public sealed class ReviewModel(ReportWorkflow workflow, RaporDbContext db, IAuthorizationService authz) : PageModel
{
    public ReportWorkflow.Context C { get; private set; } = null!;
    public string? Error { get; private set; }
    public Provenance.EvidenceFlags Flags { get; private set; } = Provenance.EvidenceFlags.Empty;

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string unit, string period, CancellationToken ct) => await LoadAsync(unit, period, ct) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(string unit, string period, CancellationToken ct) =>
        ActAsync(unit, period, c => workflow.ApproveAsync(c, Note, ct), "Laporan disetujui dan diteruskan ke verifikasi kota.", ct);

    public Task<IActionResult> OnPostReturnAsync(string unit, string period, CancellationToken ct) =>
        ActAsync(unit, period, c => workflow.ReturnAsync(c, Note ?? "", ct), "Laporan dikembalikan ke lurah/kepala desa.", ct);

    private async Task<IActionResult> ActAsync(string unit, string period, Func<ReportWorkflow.Context, Task> act, string done, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } denied)
            return denied;
        if (C.Report is null)
            return NotFound();
        try
        {
            await act(C);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            return Page();
        }
        TempData["Success"] = done;
        return RedirectToPage("/Reports/Index");
    }

    private async Task<IActionResult?> LoadAsync(string unit, string period, CancellationToken ct)
    {
        var c = await workflow.LoadAsync(unit, period, ct);
        if (c is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.ApproveReport)).Succeeded)
            return Forbid();
        C = c;
        Flags = await Provenance.EvidenceFlags.LoadAsync(db, c.Evidence.Values.SelectMany(l => l).Select(e => e.Id), ct);
        return null;
    }
}
