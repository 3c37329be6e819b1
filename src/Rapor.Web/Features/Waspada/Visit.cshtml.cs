using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// One supervision visit. While it is planned, the team fills it on the phone — also without signal (offline.js keeps
/// it and sends it later through the API); at the desk its date and team can be changed or it can be cancelled.
/// Once completed: the result per section, the findings it raised, the Berita Acara as PDF.
/// </summary>
public sealed class VisitModel(RaporDbContext db, SupervisionService svc, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public SupervisionVisit Visit { get; private set; } = null!;
    public ChecklistTemplate Template { get; private set; } = null!;
    public Region Desa { get; private set; } = null!;
    public Region Kecamatan { get; private set; } = null!;
    public List<Official> Team { get; private set; } = [];
    public List<Official> Candidates { get; private set; } = [];
    public List<Evidence> Photos { get; private set; } = [];
    public List<Temuan> Findings { get; private set; } = [];
    public string? KepalaDesa { get; private set; }
    public bool CanEdit { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }
    public DateOnly Today { get; private set; }

    public VisitAnswer? AnswerOf(Guid item) => Visit.Answers.FirstOrDefault(a => a.ItemId == item);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>The Berita Acara of a completed visit (items, findings, signatures of the team and the kepala desa).</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
            return denied;
        if (Visit.Status != SupervisionVisitStatus.Selesai)
            return NotFound();
        var pdf = BeritaAcaraPdf.Render(this, await TenantNameAsync(ct), clock.GetLocalNow().DateTime);
        return File(pdf, "application/pdf", $"berita-acara-{Desa.Code}-{Visit.VisitedOn:yyyy-MM-dd}.pdf");
    }

    public async Task<IActionResult> OnPostReplanAsync(Guid id, DateOnly? date, List<Guid> team, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
            return denied;
        if (!CanEdit)
            return Forbid();
        if (date is null)
        {
            Errors.Add("Tanggal kunjungan wajib diisi.");
            return Page();
        }
        Errors.AddRange(await svc.ReplanAsync(Visit, date.Value, team, ct));
        if (Errors.Count > 0)
            return Page();
        TempData["Message"] = "Jadwal dan tim kunjungan disimpan.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
            return denied;
        if (!CanEdit)
            return Forbid();
        Errors.AddRange(await svc.CancelAsync(Visit, reason, ct));
        if (Errors.Count > 0)
            return Page();
        TempData["Message"] = "Kunjungan dibatalkan.";
        return RedirectToPage("/Waspada/Index", new { unit = Visit.KecamatanCode, year = Visit.Year });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var visit = await svc.LoadVisitAsync(id, ct);
        if (visit is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(visit.DesaCode), UnitOperations.ViewSupervision)).Succeeded)
            return Forbid();
        Visit = visit;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        CanEdit = visit.IsOpen && UnitScope.CanSupervise(User, visit.DesaCode);
        Template = await svc.TemplateAsync(visit.TemplateId, ct);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code == visit.DesaCode || r.Code == visit.KecamatanCode).ToListAsync(ct);
        Desa = regions.First(r => r.Code == visit.DesaCode);
        Kecamatan = regions.First(r => r.Code == visit.KecamatanCode);
        var ids = visit.Team.Select(m => m.OfficialId).ToList();
        Team = (await db.Officials.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct)).OrderBy(o => Positions.OrderOf(o.Position)).ToList();
        if (CanEdit)
            Candidates = await svc.TeamCandidatesAsync(visit.KecamatanCode, visit.ScheduledOn, ct);
        Photos = await db.Evidence.AsNoTracking().Where(e => e.SupervisionVisitId == id).OrderBy(e => e.UploadedAt).ToListAsync(ct);
        Findings = await db.Temuan.AsNoTracking().Where(f => f.VisitId == id).OrderBy(f => f.ItemCode).ToListAsync(ct);
        var day = visit.VisitedOn ?? visit.ScheduledOn;
        KepalaDesa = (await db.Officials.AsNoTracking().Where(o => o.UnitCode == visit.DesaCode && (o.Position == "kepala_desa" || o.Position == "lurah")).ToListAsync(ct))
            .FirstOrDefault(o => o.HeldOn(day))?.Name;
        Message = this.Take("Message");
        return null;
    }

    private Task<string> TenantNameAsync(CancellationToken ct) => db.Tenants.Where(t => t.Code == Visit.TenantCode).Select(t => t.Name).FirstAsync(ct);

    /// <summary>Compliance per section (0–100 %, null when nothing applicable was answered), in checklist order.</summary>
    public List<(string Section, double? Compliance, int Answered, int Items)> BySection() =>
        Template.Sections.Select(s =>
        {
            var answers = s.Select(i => AnswerOf(i.Id)).Where(a => a is not null).Cast<VisitAnswer>().ToList();
            return (s.Key, SupervisionVisit.ComplianceOf(answers), answers.Count, s.Count());
        }).ToList();
}
