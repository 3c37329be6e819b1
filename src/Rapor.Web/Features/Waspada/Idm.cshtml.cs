using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>IDM of the desa of a kabupaten or a kecamatan for one year, filterable by status, next to their supervision results.</summary>
public sealed class IdmModel(RaporDbContext db, IAuthorizationService authz) : PageModel
{
    public sealed record Row(Region Desa, string Kecamatan, IdmScore Score, IdmScore? Previous, SupervisionVisit? Latest, int OpenFindings);

    public Region Unit { get; private set; } = null!;
    public int? Year { get; private set; }
    public List<int> Years { get; private set; } = [];
    public IdmStatus? Filter { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public Dictionary<IdmStatus, int> Spread { get; private set; } = [];
    public bool CanImport { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? unit, int? year, string? status, CancellationToken ct)
    {
        unit ??= User.UnitCode() is { Length: 5 or 8 } own ? own : null;
        if (unit is null)
            return RedirectToPage("/Waspada/Kabupaten");
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.Kelurahan, ct);
        if (u is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.ViewSupervision)).Succeeded)
            return Forbid();
        Unit = u;
        CanImport = UnitScope.CanAdminister(User, u.TenantCode);
        var tenant = u.TenantCode;
        var scores = db.IdmScores.AsNoTracking().Where(s => s.TenantCode == tenant && (unit.Length == 5 || EF.Functions.Like(s.DesaCode, unit + ".%")));
        Years = await scores.Select(s => s.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        Year = year is { } y && Years.Contains(y) ? y : Years.Count > 0 ? Years[0] : null;
        Filter = Enum.TryParse<IdmStatus>(status, true, out var st) ? st : null;
        if (Year is null)
            return Page();
        var all = await scores.Where(s => s.Year == Year || s.Year == Year - 1).ToListAsync(ct);
        var current = all.Where(s => s.Year == Year).ToList();
        Spread = current.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count());
        var shown = current.Where(s => Filter is null || s.Status == Filter).ToList();
        var codes = shown.Select(s => s.DesaCode).ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        var kecNames = await WaspadaQueries.NamesAsync(db, codes.Select(c => RegionCode.ParentOf(c)!), ct);
        var latest = await WaspadaQueries.LatestCompletedAsync(db, unit, ct);
        var open = await WaspadaQueries.FindingsOf(db, unit).Where(x => x.Status != TemuanStatus.Selesai).GroupBy(x => x.DesaCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Rows = shown.Where(s => regions.ContainsKey(s.DesaCode)).OrderBy(s => s.DesaCode, StringComparer.Ordinal)
            .Select(s => new Row(regions[s.DesaCode], kecNames.GetValueOrDefault(RegionCode.ParentOf(s.DesaCode)!, ""), s,
                all.FirstOrDefault(p => p.DesaCode == s.DesaCode && p.Year == Year - 1), latest.GetValueOrDefault(s.DesaCode), open.GetValueOrDefault(s.DesaCode))).ToList();
        return Page();
    }
}
