using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Regions;

/// <summary>Leaflet map of a kab/kota's kecamatan from the shipped GeoJSON (only Kota Bandung ships boundaries).</summary>
public sealed class MapModel(RaporDbContext db) : PageModel
{
    private static readonly Dictionary<string, string> GeoJsonByTenant = new() { ["32.73"] = "/geo/bandung_kecamatan.geojson" };

    public static bool HasGeoJson(string tenant) => GeoJsonByTenant.ContainsKey(tenant);

    public static string? GeoJsonFor(string tenant) => GeoJsonByTenant.GetValueOrDefault(tenant);

    public string TenantCode { get; private set; } = "";
    public string TenantName { get; private set; } = "";
    public string? GeoJsonUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tenant, CancellationToken ct)
    {
        TenantCode = tenant ?? (UnitScope.TenantOf(User) is { Length: > 0 } own ? own : "32.73");
        if (!RegionCode.IsValid(TenantCode))
            return NotFound();
        var name = await db.Tenants.Where(t => t.Code == TenantCode).Select(t => t.Name).FirstOrDefaultAsync(ct);
        if (name is null)
            return NotFound();
        TenantName = name;
        GeoJsonUrl = GeoJsonByTenant.GetValueOrDefault(TenantCode);
        return Page();
    }
}
