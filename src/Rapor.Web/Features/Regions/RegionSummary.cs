using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Regions;

/// <summary>Counts of units below a region, phrased as users say it: "Kota Bandung — 30 kecamatan, 151 kelurahan".</summary>
public sealed record RegionSummary(string Code, string Name, int Kecamatan, int Kelurahan, int Desa)
{
    public string Counts => CountsText(Kecamatan, Kelurahan, Desa);

    /// <summary>"30 kecamatan, 151 kelurahan"; "16 kecamatan, 165 desa"; zero counts left out.</summary>
    public static string CountsText(int kecamatan, int kelurahan, int desa) => string.Join(", ", new[]
    {
        kecamatan > 0 ? $"{kecamatan} kecamatan" : null,
        kelurahan > 0 ? $"{kelurahan} kelurahan" : null,
        desa > 0 ? $"{desa} desa" : null,
    }.Where(s => s is not null));

    public string Text => Counts.Length > 0 ? $"{Name} — {Counts}" : Name;

    /// <summary>Summaries of every kab/kota (tenantFilter null) or of one.</summary>
    public static async Task<List<RegionSummary>> ForTenantsAsync(RaporDbContext db, string? tenantFilter, CancellationToken ct)
    {
        var counts = await db.Regions.Where(r => (tenantFilter == null || r.TenantCode == tenantFilter) && r.IsActive)
            .GroupBy(r => new { r.TenantCode, r.Type })
            .Select(g => new { g.Key.TenantCode, g.Key.Type, Count = g.Count() })
            .ToListAsync(ct);
        var tenants = await db.Tenants.Where(t => tenantFilter == null || t.Code == tenantFilter).OrderBy(t => t.Name).ToListAsync(ct);
        return tenants.Select(t =>
        {
            int Of(string type) => counts.Where(c => c.TenantCode == t.Code && c.Type == type).Sum(c => c.Count);
            return new RegionSummary(t.Code, t.Name, Of("kecamatan"), Of("kelurahan"), Of("desa"));
        }).ToList();
    }

    /// <summary>Summaries of the children of one region (a kecamatan's villages are counted per kecamatan).</summary>
    public static async Task<List<RegionSummary>> ForChildrenAsync(RaporDbContext db, string parentCode, CancellationToken ct)
    {
        var children = await db.Regions.Where(r => r.ParentCode == parentCode && r.IsActive).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var villages = await db.Regions.Where(r => r.Level == RegionLevel.Kelurahan && r.IsActive && r.ParentCode!.StartsWith(parentCode + "."))
            .GroupBy(r => new { r.ParentCode, r.Type })
            .Select(g => new { g.Key.ParentCode, g.Key.Type, Count = g.Count() })
            .ToListAsync(ct);
        return children.Select(c => new RegionSummary(c.Code, c.Name, 0,
            villages.Where(v => v.ParentCode == c.Code && v.Type == "kelurahan").Sum(v => v.Count),
            villages.Where(v => v.ParentCode == c.Code && v.Type == "desa").Sum(v => v.Count))).ToList();
    }
}
