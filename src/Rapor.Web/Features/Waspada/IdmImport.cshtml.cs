using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>The tenant admin imports the yearly IDM sheet: all rows or none; a re-import of a year replaces that year's values.</summary>
public sealed class IdmImportModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    public Tenant Tenant { get; private set; } = null!;
    public List<string> Errors { get; } = [];

    /// <summary>The tenant's own first desa code, the example in the help text.</summary>
    public string ExampleCode { get; private set; } = "";
    public int? Year { get; private set; }
    public int Imported { get; private set; }
    public List<IdmImport.Row> Flagged { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? tenant, CancellationToken ct) => await LoadAsync(tenant, ct) ?? Page();

    public async Task<IActionResult> OnGetTemplateAsync(string? tenant, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        var desa = await db.Regions.AsNoTracking().Where(r => r.TenantCode == Tenant.Code && r.Type == "desa").OrderBy(r => r.Code).Take(3).ToListAsync(ct);
        var rows = desa.Select(d => (IDictionary<string, object?>)new Dictionary<string, object?> { ["Kode Desa"] = d.Code, ["Nama Desa"] = d.Name, ["IKS"] = 0.7, ["IKE"] = 0.6, ["IKL"] = 0.65, ["IDM"] = 0.65, ["Status"] = "Berkembang" }).ToList();
        var ms = ExcelExport.Save("IDM", rows);
        return File(ms, ExcelExport.ContentType, $"idm-contoh-{Tenant.Code}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(string? tenant, int? year, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        var now = clock.GetLocalNow();
        if (year is null || year < 2015 || year > now.Year)
            Errors.Add($"Pilih tahun IDM 2015–{now.Year}.");
        if (file is null || file.Length == 0)
            Errors.Add("Pilih berkas Excel lembar IDM (.xlsx).");
        else if (file.Length > IdmImport.MaxBytes)
            Errors.Add($"Berkas lebih dari {IdmImport.MaxBytes / 1024 / 1024} MB.");
        if (Errors.Count > 0)
            return Page();
        Year = year;
        var units = await db.Regions.AsNoTracking().Where(r => r.TenantCode == Tenant.Code && r.Level == RegionLevel.Kelurahan).ToDictionaryAsync(r => r.Code, ct);
        IdmImport.Result result;
        await using (var s = file!.OpenReadStream())
        {
            // MiniExcel needs a seekable stream (the xlsx is a zip); the upload is capped above.
            using var buffer = new MemoryStream();
            await s.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            result = IdmImport.Read(buffer, year!.Value, units);
        }
        if (result.Errors.Count > 0)
        {
            Errors.AddRange(result.Errors);
            return Page();
        }
        if (result.Rows.Count == 0)
        {
            Errors.Add("Lembar tidak berisi baris IDM.");
            return Page();
        }
        var codes = result.Rows.Select(r => r.DesaCode).ToList();
        var existing = await db.IdmScores.Where(x => x.Year == year && codes.Contains(x.DesaCode)).ToDictionaryAsync(x => x.DesaCode, ct);
        var user = User.Identity!.Name!;
        foreach (var r in result.Rows)
        {
            if (!existing.TryGetValue(r.DesaCode, out var score))
            {
                score = new IdmScore { TenantCode = Tenant.Code, DesaCode = r.DesaCode, Year = year!.Value, ImportedBy = user };
                db.IdmScores.Add(score);
            }
            score.Iks = r.Iks;
            score.Ike = r.Ike;
            score.Ikl = r.Ikl;
            score.Idm = r.Idm;
            score.SheetStatus = r.SheetStatus;
            score.Status = r.Status;
            score.StatusMismatch = r.StatusMismatch;
            score.IdmMismatch = r.IdmMismatch;
            score.ImportedBy = user;
            score.ImportedAt = now.UtcDateTime;
            score.IsDemo = false;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            Errors.Add("Impor lain untuk tahun yang sama sedang berjalan; ulangi sebentar lagi.");
            return Page();
        }
        Imported = result.Rows.Count;
        Flagged = result.Rows.Where(r => r.StatusMismatch || r.IdmMismatch).ToList();
        Names = units.Where(u => Flagged.Any(f => f.DesaCode == u.Key)).ToDictionary(u => u.Key, u => u.Value.Name);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string? tenant, CancellationToken ct)
    {
        var own = UnitScope.TenantOf(User);
        if (own is not null && tenant is not null && tenant != own)
            return Forbid();
        var code = own ?? tenant;
        var t = code is null ? null : await db.Tenants.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (t is null)
            return NotFound();
        if (!UnitScope.CanAdminister(User, t.Code))
            return Forbid();
        Tenant = t;
        ExampleCode = IdmImport.ExampleCode(await db.Regions.AsNoTracking().Where(r => r.TenantCode == t.Code && r.Level == RegionLevel.Kelurahan)
            .OrderBy(r => r.Type == "desa" ? 0 : 1).ThenBy(r => r.Code).Take(1).ToListAsync(ct));
        return null;
    }
}
