using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Maps;

/// <summary>
/// A tenant admin uploads the boundaries of its kecamatan (or kelurahan/desa) as a GeoJSON FeatureCollection whose
/// features carry the Kemendagri code in <c>kode</c> (or <c>code</c>). Every feature is checked against the tenant's
/// own units and its geometry; any error and nothing is saved. Afterwards the page lists the units still without shape.
/// </summary>
public sealed class UploadModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxErrors = 50;

    public string TenantCode { get; private set; } = "";
    public string TenantName { get; private set; } = "";
    public List<string> Errors { get; } = [];
    public string? Success { get; private set; }
    public List<Region> Missing { get; private set; } = [];
    public RegionLevel Level { get; private set; } = RegionLevel.Kecamatan;

    public async Task<IActionResult> OnGetAsync(string? tenant, CancellationToken ct) => await LoadAsync(tenant, null, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string? tenant, string? level, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(tenant, level, ct) is { } denied)
            return denied;
        if (file is null || file.Length == 0)
            Errors.Add("Pilih berkas GeoJSON.");
        else if (file.Length > MaxBytes)
            Errors.Add($"Berkas lebih dari {MaxBytes / 1024 / 1024} MB; sederhanakan batas wilayah dulu (mis. mapshaper -simplify).");
        if (Errors.Count > 0)
            return Page();
        JsonDocument doc;
        try
        {
            await using var stream = file!.OpenReadStream();
            doc = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 16 }, ct);
        }
        catch (JsonException)
        {
            Errors.Add("Berkas bukan GeoJSON (JSON tidak valid).");
            return Page();
        }
        using (doc)
        {
            var shapes = Read(doc.RootElement, await UnitsAsync(ct));
            if (Errors.Count > 0)
                return Page();
            var codes = shapes.Select(s => s.Code).ToList();
            var existing = await db.RegionShapes.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var source = $"unggahan {User.Identity?.Name} {file!.FileName}";
            source = source.Length > 200 ? source[..200] : source;
            foreach (var (code, geometry, shape) in shapes)
            {
                if (existing.TryGetValue(code, out var row))
                {
                    row.Geometry = geometry;
                    (row.MinLng, row.MinLat, row.MaxLng, row.MaxLat) = (shape.MinLng, shape.MinLat, shape.MaxLng, shape.MaxLat);
                    row.Source = source;
                    row.UpdatedAt = now;
                }
                else
                    db.RegionShapes.Add(RegionShapes.New(code, geometry, shape, source, now));
            }
            await db.SaveChangesAsync(ct);
            Success = $"{shapes.Count} batas wilayah disimpan ({existing.Count} diganti, {shapes.Count - existing.Count} baru).";
        }
        Missing = await RegionShapes.WithoutShapeAsync(db, TenantCode, Level, ct);
        return Page();
    }

    private Task<Dictionary<string, string>> UnitsAsync(CancellationToken ct) =>
        db.Regions.AsNoTracking().Where(r => r.TenantCode == TenantCode && r.Level == Level && r.IsActive).ToDictionaryAsync(r => r.Code, r => r.Name, ct);

    private List<(string Code, string Geometry, ShapeGeometry Shape)> Read(JsonElement root, Dictionary<string, string> units)
    {
        var result = new List<(string, string, ShapeGeometry)>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
            || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            Errors.Add("Berkas harus GeoJSON FeatureCollection (\"type\": \"FeatureCollection\" dengan \"features\").");
            return result;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var f in features.EnumerateArray())
        {
            n++;
            if (Errors.Count >= MaxErrors)
            {
                Errors.Add($"… dan mungkin kesalahan lain (berhenti setelah {MaxErrors}).");
                break;
            }
            var code = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
                ? (p.TryGetProperty("kode", out var k) ? k : p.TryGetProperty("code", out var c) ? c : default) is { ValueKind: JsonValueKind.String } s ? s.GetString()!.Trim() : null
                : null;
            if (code is null)
            {
                Errors.Add($"Fitur ke-{n}: tidak ada properti \"kode\" (kode Kemendagri).");
                continue;
            }
            if (!units.ContainsKey(code))
            {
                Errors.Add(RegionCode.IsWithin(code, TenantCode)
                    ? $"Fitur ke-{n}: kode {code} bukan {(Level == RegionLevel.Kecamatan ? "kecamatan" : "kelurahan/desa")} aktif {TenantName}."
                    : $"Fitur ke-{n}: kode {code} bukan bagian dari {TenantName} ({TenantCode}).");
                continue;
            }
            if (!seen.Add(code))
            {
                Errors.Add($"Fitur ke-{n}: kode {code} muncul lebih dari sekali.");
                continue;
            }
            if (!f.TryGetProperty("geometry", out var geometry))
            {
                Errors.Add($"Fitur ke-{n} ({code} {units[code]}): tidak ada geometri.");
                continue;
            }
            var (shape, error) = ShapeGeometry.Parse(geometry);
            if (shape is null)
            {
                Errors.Add($"Fitur ke-{n} ({code} {units[code]}): {error}");
                continue;
            }
            result.Add((code, geometry.GetRawText(), shape));
        }
        if (n == 0)
            Errors.Add("FeatureCollection tidak berisi fitur.");
        return result;
    }

    private async Task<IActionResult?> LoadAsync(string? tenant, string? level, CancellationToken ct)
    {
        var code = tenant ?? HttpContext.CurrentTenant();
        if (code is null || !TenantScope.IsTenantCode(code))
            return NotFound();
        if (!UnitScope.CanAdminister(User, code))
            return Forbid();
        var name = await db.Tenants.Where(t => t.Code == code).Select(t => t.Name).FirstOrDefaultAsync(ct);
        if (name is null)
            return NotFound();
        (TenantCode, TenantName) = (code, name);
        Level = level is "kelurahan" or "desa" ? RegionLevel.Kelurahan : RegionLevel.Kecamatan;
        Missing = await RegionShapes.WithoutShapeAsync(db, code, Level, ct);
        return null;
    }
}
