using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.FieldCapture;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

/// <summary>
/// One visit on the phone: a checklist of the report's indicators (matches / value found / note), GPS and photos.
/// Completing it turns every found value into the verified value and rescores the unit.
/// </summary>
public sealed class VisitModel(RaporDbContext db, ReportWorkflow workflow, FieldVisitWork work, FileStorage storage, EvidenceIntake intake,
    IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public FieldVisit Visit { get; private set; } = null!;
    public ReportWorkflow.Context C { get; private set; } = null!;
    public List<Evidence> Photos { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, bool complete, List<IFormFile>? photos, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
            return denied;
        // Photos first (the page without JavaScript); the offline form sends each photo on its own.
        var saved = new List<Guid>();
        foreach (var photo in photos ?? [])
        {
            var pid = Guid.CreateVersion7();
            await using var s = photo.OpenReadStream();
            var (file, err) = await storage.SaveAsync(pid, s, ct);
            if (file is null)
            {
                foreach (var x in saved)
                    storage.Delete(x);
                Error = $"{photo.FileName}: {err}";
                return Page();
            }
            saved.Add(pid);
            var evidence = new Evidence { Id = pid, UnitCode = Visit.UnitCode, FieldVisitId = Visit.Id, FileName = FileStorage.SafeDisplayName(photo.FileName, file.Extension),
                ContentType = file.ContentType, Size = file.Size, Sha256 = file.Sha256, UploadedBy = User.Identity!.Name!, UploadedAt = clock.GetUtcNow().UtcDateTime };
            await intake.PrepareAsync(evidence, EvidenceContext.ForVisit(Visit.UnitCode, C.Period.Key, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)), ct);
            db.Evidence.Add(evidence);
        }
        var outcome = await work.SaveAsync(Visit, C, FormFields.From(Request.Form), complete, Guid.Empty, null, ct);
        if (outcome.Error is not null)
        {
            foreach (var x in saved)
                storage.Delete(x);
            Error = outcome.Error;
            return Page();
        }
        await intake.CheckReuseAsync(ct);
        TempData["Message"] = complete ? "Kunjungan selesai; temuan diterapkan ke nilai terverifikasi." : "Temuan tersimpan.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var visit = await db.FieldVisits.Include(v => v.Findings).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(visit.UnitCode), UnitOperations.VerifyReport)).Succeeded)
            return Forbid();
        var period = await db.Periods.AsNoTracking().FirstAsync(p => p.Id == visit.PeriodId, ct);
        C = (await workflow.LoadAsync(visit.UnitCode, period.Key, ct))!;
        Visit = visit;
        Photos = await db.Evidence.AsNoTracking().Where(e => e.FieldVisitId == id).ToListAsync(ct);
        Message = this.Take("Message");
        return null;
    }
}
