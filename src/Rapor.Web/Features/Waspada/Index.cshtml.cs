using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The kecamatan's supervision plan for a year: what is late and what is due soon, a calendar of visits per desa and
/// month, and planning (one visit, or a recurring schedule for several desa with one team).
/// </summary>
public sealed class IndexModel(RaporDbContext db, SupervisionService svc, IAuthorizationService authz) : PageModel
{
    public const int DueSoonDays = 14;

    public Region Kecamatan { get; private set; } = null!;
    public int Year { get; private set; }
    public DateOnly Today { get; private set; }
    public List<Region> Desa { get; private set; } = [];
    public List<SupervisionVisit> Visits { get; private set; } = [];
    public List<SupervisionVisit> Overdue { get; private set; } = [];
    public List<SupervisionVisit> DueSoon { get; private set; } = [];
    public Dictionary<Guid, string> TeamNames { get; private set; } = [];
    public List<Official> Candidates { get; private set; } = [];
    public bool CanPlan { get; private set; }
    public int OpenFindings { get; private set; }
    public int OverdueFindings { get; private set; }
    public int ToReview { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public string NameOf(string code) => Desa.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(string? unit, int? year, CancellationToken ct)
    {
        var own = User.UnitCode();
        unit ??= own.Length == 8 ? own : null;
        if (unit is null)
            return own.Length == 13 ? RedirectToPage("/Waspada/Findings") : RedirectToPage("/Waspada/Kabupaten");
        return await LoadAsync(unit, year, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string unit, int? year, List<string> desa, DateOnly? date, List<Guid> team, CancellationToken ct)
    {
        if (await LoadAsync(unit, year, ct) is { } denied)
            return denied;
        if (!CanPlan)
            return Forbid();
        if (date is null)
            Errors.Add("Tanggal kunjungan wajib diisi.");
        if (desa.Count == 0)
            Errors.Add("Pilih desa yang dikunjungi.");
        if (Errors.Count > 0)
            return Page();
        var (added, errors) = await svc.PlanAsync(unit, desa.Select(d => (d, date!.Value)).ToList(), team, ct);
        Errors.AddRange(errors);
        if (Errors.Count > 0)
            return Page();
        TempData["Message"] = $"{added} kunjungan dijadwalkan.";
        return RedirectToPage(new { unit, year = date!.Value.Year });
    }

    /// <summary>A recurring schedule: every selected desa (all when none) every N months from a start date, staggered by a few days per desa.</summary>
    public async Task<IActionResult> OnPostGenerateAsync(string unit, int? year, List<string> desa, DateOnly? start, int every, int count, int stagger, List<Guid> team, CancellationToken ct)
    {
        if (await LoadAsync(unit, year, ct) is { } denied)
            return denied;
        if (!CanPlan)
            return Forbid();
        if (start is null)
            Errors.Add("Tanggal mulai wajib diisi.");
        if (every is < 1 or > 12)
            Errors.Add("Selang kunjungan 1–12 bulan.");
        if (count is < 1 or > 24)
            Errors.Add("Jumlah kunjungan per desa 1–24.");
        if (stagger is < 0 or > 14)
            Errors.Add("Jarak antar-desa 0–14 hari.");
        if (Errors.Count > 0)
            return Page();
        var chosen = desa.Count == 0 ? Desa.Select(d => d.Code).ToList() : desa;
        var visits = new List<(string, DateOnly)>();
        foreach (var (code, n) in chosen.Select((c, n) => (c, n)))
        {
            for (var k = 0; k < count; k++)
                visits.Add((code, SkipWeekend(start!.Value.AddMonths(k * every).AddDays(n * stagger))));
        }
        var (added, errors) = await svc.PlanAsync(unit, visits, team, ct);
        Errors.AddRange(errors);
        if (Errors.Count > 0)
            return Page();
        TempData["Message"] = $"{added} kunjungan dijadwalkan.";
        return RedirectToPage(new { unit, year = start!.Value.Year });
    }

    private static DateOnly SkipWeekend(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(2),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };

    private async Task<IActionResult?> LoadAsync(string unit, int? year, CancellationToken ct)
    {
        var k = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level == RegionLevel.Kecamatan, ct);
        if (k is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.ViewSupervision)).Succeeded)
            return Forbid();
        Kecamatan = k;
        Today = svc.Today;
        Year = year is >= 2000 and <= 2100 ? year.Value : Today.Year;
        CanPlan = UnitScope.CanSupervise(User, unit);
        Desa = await svc.DesaOfAsync(unit, ct);
        var from = new DateOnly(Year, 1, 1);
        var to = from.AddYears(1);
        Visits = await db.SupervisionVisits.AsNoTracking().Include(v => v.Team)
            .Where(v => v.KecamatanCode == unit && v.ScheduledOn >= from && v.ScheduledOn < to).OrderBy(v => v.ScheduledOn).ToListAsync(ct);
        // Late and coming visits regardless of the year shown: the work does not stop at 31 December.
        var soon = Today.AddDays(DueSoonDays);
        var open = await db.SupervisionVisits.AsNoTracking().Include(v => v.Team)
            .Where(v => v.KecamatanCode == unit && v.Status == SupervisionVisitStatus.Dijadwalkan && v.ScheduledOn <= soon).OrderBy(v => v.ScheduledOn).ToListAsync(ct);
        Overdue = open.Where(v => v.ScheduledOn < Today).ToList();
        DueSoon = open.Where(v => v.ScheduledOn >= Today).ToList();
        var officialIds = Visits.Concat(open).SelectMany(v => v.Team).Select(m => m.OfficialId).Distinct().ToList();
        TeamNames = await db.Officials.AsNoTracking().Where(o => officialIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        if (CanPlan)
            Candidates = await svc.TeamCandidatesAsync(unit, Today, ct);
        var findings = await db.Temuan.AsNoTracking().Where(f => f.KecamatanCode == unit && f.Status != TemuanStatus.Selesai)
            .Select(f => new { f.Status, f.DueOn }).ToListAsync(ct);
        OpenFindings = findings.Count;
        OverdueFindings = findings.Count(f => f.Status != TemuanStatus.Ditanggapi && f.DueOn < Today);
        ToReview = findings.Count(f => f.Status == TemuanStatus.Ditanggapi);
        Message = this.Take("Message");
        return null;
    }

    public string Team(SupervisionVisit v) => string.Join(", ", v.Team.Select(m => TeamNames.GetValueOrDefault(m.OfficialId, "?")));
}
