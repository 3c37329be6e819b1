using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Reports;

/// <summary>
/// The self-assessment form, generated from the framework for the unit's level and period: each indicator row saves
/// itself (htmx) with its value, note and evidence; Submit checks what is missing.
/// </summary>
public sealed class FillModel(ReportWorkflow workflow, RaporDbContext db, FileStorage storage, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public ReportWorkflow.Context C { get; private set; } = null!;
    public bool CanFill { get; private set; }
    public string? BlockReason { get; private set; }
    public List<string> Problems { get; } = [];
    public string? Success { get; private set; }
    public EvidenceFlags Flags { get; private set; } = EvidenceFlags.Empty;

    public sealed record Row(ReportWorkflow.Context C, Indicator Indicator, bool Editable, string? Message, bool IsError, EvidenceFlags Flags);

    public Row RowFor(Indicator i, string? message = null, bool isError = false) => new(C, i, CanFill && BlockReason is null, message, isError, Flags);

    public async Task<IActionResult> OnGetAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } denied)
            return denied;
        await LoadFlagsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostValueAsync(string unit, string period, Guid indicatorId, string? value, string? note, int? version, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct, forWrite: true, indicatorId) is { } denied)
            return denied;
        // A version that does not bind (beyond int) must not turn into "no version" and skip the conflict check.
        var result = ModelState.IsValid
            ? await workflow.SaveValueAsync(C, indicatorId, value, note, version, ct)
            : new ReportWorkflow.SaveResult(false, "Isian tidak valid. Muat ulang halaman lalu coba lagi.", false);
        if (result.Conflict)
        {
            // Show what is stored now, so nothing the other user wrote is silently overwritten.
            db.ChangeTracker.Clear();
            await LoadAsync(unit, period, ct, forWrite: true, indicatorId);
        }
        var indicator = C.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        if (indicator is null)
            return BadRequest();
        await LoadFlagsAsync(ct);
        var row = RowFor(indicator, result.Saved ? $"Tersimpan {clock.GetLocalNow():HH:mm:ss}" : result.Error, !result.Saved);
        return Partial("_IndicatorRow", row);
    }

    public async Task<IActionResult> OnPostEvidenceAsync(string unit, string period, Guid indicatorId, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct, forWrite: true) is { } denied)
            return denied;
        var indicator = C.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        if (indicator is null)
            return BadRequest();
        var (message, isError) = await AddEvidenceAsync(indicator, file, ct);
        return Partial("_IndicatorRow", RowFor(indicator, message, isError));
    }

    public async Task<IActionResult> OnPostDeleteEvidenceAsync(string unit, string period, Guid evidenceId, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct, forWrite: true) is { } denied)
            return denied;
        var evidence = await db.Evidence.FindAsync([evidenceId], ct);
        var indicator = C.Indicators.FirstOrDefault(i => C.EvidenceOf(i.Id).Any(e => e.Id == evidenceId));
        if (evidence is null || indicator is null || evidence.UnitCode != C.Unit.Code)
            return BadRequest();
        if (BlockReason is not null)
            return Partial("_IndicatorRow", RowFor(indicator, BlockReason, true));
        db.Evidence.Remove(evidence);
        await db.SaveChangesAsync(ct);
        storage.Delete(evidence.Id);
        C.Evidence[evidence.ReportValueId!.Value].RemoveAll(e => e.Id == evidenceId);
        await LoadFlagsAsync(ct);
        return Partial("_IndicatorRow", RowFor(indicator, "Bukti dihapus.", false));
    }

    public async Task<IActionResult> OnPostSubmitAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct, forWrite: true) is { } denied)
            return denied;
        Problems.AddRange(await workflow.SubmitAsync(C, ct));
        if (Problems.Count > 0)
        {
            await LoadFlagsAsync(ct);
            return Page();
        }
        TempData["Success"] = "Laporan berhasil diajukan.";
        return RedirectToPage(new { unit, period });
    }

    private async Task<(string Message, bool IsError)> AddEvidenceAsync(Indicator indicator, IFormFile? file, CancellationToken ct)
    {
        if (BlockReason is not null)
            return (BlockReason, true);
        if (file is null || file.Length == 0)
            return ("Pilih berkas bukti terlebih dahulu.", true);
        await using var stream = file.OpenReadStream();
        var (evidence, error) = await workflow.AddEvidenceAsync(C, indicator, stream, file.FileName, file.Length, ct);
        if (evidence is null)
            return (error!, true);
        await LoadFlagsAsync(ct);
        // The uploader learns of a flag now, while the photo can still be replaced.
        return Flags.HasRisk(evidence.Id)
            ? ("Bukti diunggah, tetapi bertanda; periksa keterangannya atau ganti fotonya.", true)
            : ("Bukti diunggah.", false);
    }

    /// <summary>The provenance flags of every evidence file shown.</summary>
    private async Task LoadFlagsAsync(CancellationToken ct) =>
        Flags = await EvidenceFlags.LoadAsync(db, C.Evidence.Values.SelectMany(l => l).Select(e => e.Id), ct);

    /// <summary>The report's context; with <paramref name="onlyIndicator"/>, only what one field's autosave needs.</summary>
    private async Task<IActionResult?> LoadAsync(string unit, string period, CancellationToken ct, bool forWrite = false, Guid? onlyIndicator = null)
    {
        // Who may see the unit is known from the claims alone: refuse before reading anything.
        if (RegionCode.IsValid(unit) && !(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.View)).Succeeded)
            return Forbid();
        var c = onlyIndicator is { } id ? await workflow.LoadForValueAsync(unit, period, id, ct) : await workflow.LoadAsync(unit, period, ct);
        if (c is null)
            return NotFound();
        CanFill = (await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.FillReport)).Succeeded;
        if (forWrite && !CanFill)
            return Forbid();
        C = c;
        BlockReason = workflow.EditBlockReason(c);
        Success = this.Take("Success");
        return null;
    }
}
