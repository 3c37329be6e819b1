using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// A desa's scorecard: compliance per checklist section over its completed visits, open and overdue findings, the IDM
/// trend, and the visits planned and done.
/// </summary>
public sealed class DesaModel(RaporDbContext db, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public Region Desa { get; private set; } = null!;
    public Region Kecamatan { get; private set; } = null!;
    public string? KepalaDesa { get; private set; }
    public List<SupervisionVisit> Visits { get; private set; } = [];
    public List<SupervisionVisit> Done { get; private set; } = [];
    public List<string> Sections { get; private set; } = [];

    /// <summary>Section → visit id → compliance (0–100, null when nothing applicable answered).</summary>
    public Dictionary<string, Dictionary<Guid, double?>> BySection { get; private set; } = [];
    public List<Temuan> OpenFindings { get; private set; } = [];
    public int ClosedFindings { get; private set; }
    public int ClosedOnTime { get; private set; }
    public List<IdmScore> Idm { get; private set; } = [];
    public string IdmChart { get; private set; } = "{}";
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var desa = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code && r.Level == RegionLevel.Kelurahan, ct);
        if (desa is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(code), UnitOperations.ViewSupervision)).Succeeded)
            return Forbid();
        Desa = desa;
        Kecamatan = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == desa.ParentCode, ct);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        KepalaDesa = (await db.Officials.AsNoTracking().Where(o => o.UnitCode == code && (o.Position == "kepala_desa" || o.Position == "lurah")).ToListAsync(ct))
            .FirstOrDefault(o => o.HeldOn(Today))?.Name;
        Visits = await db.SupervisionVisits.AsNoTracking().Include(v => v.Answers).AsSplitQuery()
            .Where(v => v.DesaCode == code).OrderBy(v => v.ScheduledOn).ToListAsync(ct);
        Done = Visits.Where(v => v.Status == SupervisionVisitStatus.Selesai).OrderBy(v => v.VisitedOn).ToList();
        var templateIds = Done.Select(v => v.TemplateId).Distinct().ToList();
        var items = await db.ChecklistItems.AsNoTracking().Where(i => templateIds.Contains(i.TemplateId)).ToListAsync(ct);
        // Sections are compared by name across checklist versions, in the order of the newest version.
        Sections = items.OrderByDescending(i => templateIds.IndexOf(i.TemplateId)).ThenBy(i => i.SectionOrder).Select(i => i.Section).Distinct().ToList();
        var sectionOf = items.ToDictionary(i => i.Id, i => i.Section);
        BySection = Sections.ToDictionary(s => s, s => Done.ToDictionary(v => v.Id,
            v => SupervisionVisit.ComplianceOf(v.Answers.Where(a => sectionOf.GetValueOrDefault(a.ItemId) == s))));
        var findings = await db.Temuan.AsNoTracking().Where(f => f.DesaCode == code).ToListAsync(ct);
        OpenFindings = findings.Where(f => f.Status != TemuanStatus.Selesai).OrderBy(f => f.DueOn).ToList();
        ClosedFindings = findings.Count(f => f.Status == TemuanStatus.Selesai);
        ClosedOnTime = findings.Count(f => f.ClosedOnTime == true);
        Idm = await db.IdmScores.AsNoTracking().Where(s => s.DesaCode == code).OrderBy(s => s.Year).ToListAsync(ct);
        IdmChart = JsonSerializer.Serialize(new
        {
            labels = Idm.Select(s => s.Year),
            datasets = new object[]
            {
                new { label = "IDM", data = Idm.Select(s => s.Idm), borderColor = "#0b5e8a", borderWidth = 3 },
                new { label = "IKS", data = Idm.Select(s => s.Iks), borderColor = "#1f9d55" },
                new { label = "IKE", data = Idm.Select(s => s.Ike), borderColor = "#f2a200" },
                new { label = "IKL", data = Idm.Select(s => s.Ikl), borderColor = "#7a4fbf" },
            },
        });
        return Page();
    }
}
