using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Maps;
using Rapor.Web.Features.Onboarding;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Regions;

/// <summary>Leaflet map of a kab/kota's kecamatan (or kelurahan/desa) from its stored shapes, and which units have none.</summary>
public sealed class MapModel(RaporDbContext db) : PageModel
{
    public string TenantCode { get; private set; } = "";
    public string TenantName { get; private set; } = "";
    public RegionLevel Level { get; private set; } = RegionLevel.Kecamatan;
    public string? GeoJsonUrl { get; private set; }
    public List<Region> Missing { get; private set; } = [];
    public bool HasVillageShapes { get; private set; }
    public bool CanUpload { get; private set; }
    public TenantTerms Terms { get; private set; } = TenantTerms.Unknown;
    public NextStep? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tenant, string? level, CancellationToken ct)
    {
        var code = tenant ?? HttpContext.CurrentTenant();
        if (code is null)
        {
            Next = await NextStep.ForAsync(db, HttpContext, null, NextStep.Need.OpenPeriod, ct);
            return Page();
        }
        if (!TenantScope.IsTenantCode(code))
            return NotFound();
        var name = await db.Tenants.Where(t => t.Code == code).Select(t => t.Name).FirstOrDefaultAsync(ct);
        if (name is null)
            return NotFound();
        TenantCode = code;
        TenantName = name;
        Terms = await TenantTerms.LoadAsync(db.Regions, code, ct);
        HasVillageShapes = await RegionShapes.AnyAsync(db, code, RegionLevel.Kelurahan, ct);
        Level = level is "kelurahan" or "desa" && HasVillageShapes ? RegionLevel.Kelurahan : RegionLevel.Kecamatan;
        if (await RegionShapes.AnyAsync(db, code, Level, ct))
            GeoJsonUrl = $"/api/regions/{code}/shapes?level={(Level == RegionLevel.Kecamatan ? "kecamatan" : "kelurahan")}";
        Missing = await RegionShapes.WithoutShapeAsync(db, code, Level, ct);
        CanUpload = UnitScope.CanAdminister(User, code);
        return Page();
    }
}
