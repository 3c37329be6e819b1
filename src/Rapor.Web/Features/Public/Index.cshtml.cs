using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Rapor;

using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Public;

/// <summary>Public (no login): finalized rankings, zone summary and map of a kabupaten/kota; without one, the list of them.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(RaporDbContext db) : PageModel
{
    public Tenant Tenant { get; private set; } = null!;
    public List<Period> Periods { get; private set; } = [];
    public Period? Current { get; private set; }
    public string Level { get; private set; } = "kecamatan";
    public RankingTable? Table { get; private set; }
    public TenantTerms Terms { get; private set; } = TenantTerms.Unknown;

    /// <summary>Without a tenant in the URL: every kabupaten/kota, and whether it has published results.</summary>
    public List<(string Code, string Name, string? Province, bool HasResults)>? Directory { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tenant, string? period, string? level, CancellationToken ct)
    {
        if (tenant is null)
        {
            var published = await db.Periods.Where(p => p.FinalizedAt != null).Select(p => p.TenantCode).Distinct().ToListAsync(ct);
            Directory = (await db.Tenants.AsNoTracking().OrderBy(x => x.Province).ThenBy(x => x.Name).Select(x => new { x.Code, x.Name, x.Province }).ToListAsync(ct))
                .Select(x => (x.Code, x.Name, x.Province, published.Contains(x.Code))).ToList();
            return Page();
        }
        var t = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(x => x.Code == tenant, ct);
        if (t is null)
            return NotFound();
        Tenant = t;
        Terms = await TenantTerms.LoadAsync(db.Regions, t.Code, ct);
        Level = level == "kelurahan" ? "kelurahan" : "kecamatan";
        Periods = (await db.Periods.AsNoTracking().Where(p => p.TenantCode == t.Code && p.FinalizedAt != null).ToListAsync(ct))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month ?? 13).ToList();
        Current = Periods.FirstOrDefault(p => p.Key == period) ?? Periods.FirstOrDefault();
        if (Current is null)
            return Page();
        var lvl = Level == "kelurahan" ? RegionLevel.Kelurahan : RegionLevel.Kecamatan;
        var periodId = Current.Id;
        var rows = await db.Scores.AsNoTracking().Where(s => s.PeriodId == periodId && s.Level == lvl).OrderBy(s => s.Position).ToListAsync(ct);
        var (geo, data) = await RankingModel.MapOfAsync(db, t.Code, lvl, rows, ct);
        Table = new RankingTable(rows, Current.Key, geo, data, "/Publik/Rapor/");
        return Page();
    }
}
