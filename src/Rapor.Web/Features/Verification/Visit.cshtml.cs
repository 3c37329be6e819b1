using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Features.Rapor;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

/// <summary>
/// One visit on the phone: a checklist of the report's indicators (matches / value found / note), GPS and photos.
/// Completing it turns every found value into the verified value and rescores the unit.
/// </summary>
public sealed class VisitModel(RaporDbContext db, ReportWorkflow workflow, ScoringService scoring, FileStorage storage, EvidenceIntake intake,
    IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public FieldVisit Visit { get; private set; } = null!;
    public ReportWorkflow.Context C { get; private set; } = null!;
    public List<Evidence> Photos { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, bool complete, string? notes, double? latitude, double? longitude, List<IFormFile>? photos, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
            return denied;
        if (Visit.Status == VisitStatus.Selesai)
        {
            Error = "Kunjungan ini sudah selesai.";
            return Page();
        }
        if (C.Period.FinalizedAt is not null)
        {
            Error = "Periode sudah difinalisasi.";
            return Page();
        }
        if (!ModelState.IsValid || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            Error = "Koordinat GPS tidak valid.";
            return Page();
        }
        if (notes is { Length: > 2000 })
        {
            Error = "Catatan kunjungan paling panjang 2000 karakter.";
            return Page();
        }
        foreach (var i in C.Indicators)
        {
            var raw = Request.Form[$"found_{i.Id}"].ToString();
            var note = Request.Form[$"note_{i.Id}"].ToString();
            var matches = Request.Form[$"match_{i.Id}"].ToString() == "true";
            if (!ValueParser.TryParse(i, raw, out var found, out var err))
            {
                Error = $"{i.Code}: {err}";
                return Page();
            }
            if (note.Length > 1000)
            {
                Error = $"{i.Code}: catatan temuan paling panjang 1000 karakter.";
                return Page();
            }
            var finding = Visit.Findings.FirstOrDefault(f => f.IndicatorId == i.Id);
            if (finding is null && (found is not null || !string.IsNullOrWhiteSpace(note) || !matches))
            {
                finding = new VisitFinding { VisitId = Visit.Id, IndicatorId = i.Id, UnitCode = Visit.UnitCode };
                Visit.Findings.Add(finding);
            }
            if (finding is null)
                continue;
            finding.Matches = matches && found is null;
            finding.FoundValue = found;
            finding.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        }
        Visit.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Visit.Latitude = latitude ?? Visit.Latitude;
        Visit.Longitude = longitude ?? Visit.Longitude;
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
        if (complete)
        {
            if (C.Report is null)
            {
                Error = "Unit belum mengajukan laporan; temuan tidak dapat diterapkan.";
                return Page();
            }
            // A value found in the field overrides the claim; the finding's note says why.
            foreach (var f in Visit.Findings.Where(f => f.FoundValue is not null))
            {
                var v = C.ValueOf(f.IndicatorId);
                if (v is null)
                    continue;
                v.VerifiedValue = f.FoundValue;
                v.Verification = VerificationStatus.Dikoreksi;
                v.VerificationNote = "Verifikasi lapangan: " + (f.Note ?? "nilai ditemukan berbeda");
                v.VerifiedBy = User.Identity!.Name;
                v.VerifiedAt = clock.GetUtcNow().UtcDateTime;
                v.Version++;
            }
            Visit.Status = VisitStatus.Selesai;
            Visit.CompletedAt = clock.GetUtcNow().UtcDateTime;
        }
        // Findings, verified values and the standings they change commit together.
        await using (var tx = await db.BeginWriteAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            if (complete)
                await scoring.ApplyDecisionAsync(C.Period, Visit.UnitCode, ct);
            await tx.CommitAsync(ct);
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
