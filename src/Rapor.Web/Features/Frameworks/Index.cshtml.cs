using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Frameworks;

/// <summary>Frameworks of the admin's tenant by year: open, export, import, copy to the next year or to another tenant.</summary>
public sealed class IndexModel(RaporDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string TenantCode, string TenantName, int Year, string Name, int Indicators, bool Frozen, string? CopiedFrom);

    public List<Row> Rows { get; private set; } = [];
    public List<Tenant> Tenants { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        var f = await LoadFrameworkAsync(id, ct);
        if (f is null)
            return NotFound();
        if (!UnitScope.CanAdminister(User, f.TenantCode))
            return Forbid();
        return File(FrameworkExcel.Export(f), ExcelExport.ContentType, $"kerangka-{f.TenantCode}-{f.Year}.xlsx");
    }

    /// <summary>Copies a framework to another year and/or tenant; the copy starts unfrozen so it can be edited.</summary>
    public async Task<IActionResult> OnPostCopyAsync(Guid id, string? toTenant, int toYear, CancellationToken ct)
    {
        var f = await LoadFrameworkAsync(id, ct);
        if (f is null)
            return NotFound();
        toTenant = string.IsNullOrWhiteSpace(toTenant) ? f.TenantCode : toTenant.Trim();
        if (!UnitScope.CanAdminister(User, f.TenantCode) || !UnitScope.CanAdminister(User, toTenant))
            return Forbid();
        if (toYear is < 2020 or > 2100)
            Errors.Add("Tahun tujuan tidak valid.");
        else if (!await db.Tenants.AnyAsync(t => t.Code == toTenant, ct))
            Errors.Add($"Kabupaten/kota {toTenant} tidak terdaftar.");
        else if (await db.Frameworks.AnyAsync(x => x.TenantCode == toTenant && x.Year == toYear, ct))
            Errors.Add($"{toTenant} sudah memiliki kerangka tahun {toYear}; tidak ada yang diubah.");
        else
        {
            var copy = FrameworkCopy.Copy(f, toTenant, toYear);
            db.Frameworks.Add(copy);
            await db.SaveChangesAsync(ct);
            return RedirectToPage("/Frameworks/Edit", new { id = copy.Id });
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Creates (or replaces, when not frozen) the framework of a year from an exported workbook: all or nothing.</summary>
    public async Task<IActionResult> OnPostImportAsync(int year, IFormFile? file, CancellationToken ct)
    {
        var tenant = UnitScope.TenantOf(User) ?? Request.Form["tenant"].ToString();
        if (!ModelState.IsValid)
            year = 0; // "2025x" or a number beyond int: refused below as an invalid year
        if (!UnitScope.CanAdminister(User, tenant) || !await db.Tenants.AnyAsync(t => t.Code == tenant, ct))
            return Forbid();
        if (file is null || file.Length is 0 or > 2 * 1024 * 1024)
            Errors.Add("Pilih berkas Excel kerangka (≤ 2 MB).");
        else if (year is < 2020 or > 2100)
            Errors.Add("Tahun tidak valid.");
        else
        {
            var existing = await LoadFrameworkAsync(tenant, year, ct);
            if (existing is not null && await FrameworkFreeze.IsFrozenAsync(db, existing, ct))
                Errors.Add($"Kerangka {year} sudah dibekukan karena periodenya telah dibuka; impor ke tahun lain.");
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var (framework, errors) = FrameworkExcel.Import(buffer, tenant, year);
                Errors.AddRange(errors);
                if (framework is not null)
                    Errors.AddRange(FrameworkText.Check(db, framework).Take(ImportLimits.MaxErrors));
                if (framework is not null && Errors.Count == 0)
                {
                    if (existing is not null)
                        db.Frameworks.Remove(existing);
                    db.Frameworks.Add(framework);
                    await db.SaveChangesAsync(ct);
                    Message = $"Kerangka {year} diimpor: {framework.Indicators.Count()} indikator.";
                }
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private Task<Framework?> LoadFrameworkAsync(Guid id, CancellationToken ct) =>
        db.Frameworks.Include(f => f.Bidang).ThenInclude(b => b.Indicators).AsSplitQuery().FirstOrDefaultAsync(f => f.Id == id, ct);

    private Task<Framework?> LoadFrameworkAsync(string tenant, int year, CancellationToken ct) =>
        db.Frameworks.Include(f => f.Bidang).ThenInclude(b => b.Indicators).AsSplitQuery().FirstOrDefaultAsync(f => f.TenantCode == tenant && f.Year == year, ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var tenant = UnitScope.TenantOf(User);
        Tenants = await db.Tenants.AsNoTracking().Where(t => tenant == null || t.Code == tenant).OrderBy(t => t.Name).ToListAsync(ct);
        var names = Tenants.ToDictionary(t => t.Code, t => t.Name);
        var list = await db.Frameworks.AsNoTracking().Where(f => tenant == null || f.TenantCode == tenant)
            .Select(f => new { f.Id, f.TenantCode, f.Year, f.Name, f.FrozenAt, f.CopiedFromId, Count = f.Bidang.SelectMany(b => b.Indicators).Count() })
            .ToListAsync(ct);
        var sources = list.ToDictionary(f => f.Id, f => $"{f.TenantCode} {f.Year}");
        Rows = list.OrderBy(f => f.TenantCode).ThenByDescending(f => f.Year)
            .Select(f => new Row(f.Id, f.TenantCode, names.GetValueOrDefault(f.TenantCode, f.TenantCode), f.Year, f.Name, f.Count, f.FrozenAt is not null,
                f.CopiedFromId is { } c ? sources.GetValueOrDefault(c, "kabupaten/kota lain") : null)).ToList();
    }
}

/// <summary>A year's framework freezes once a period of that year has opened (or a report exists).</summary>
public static class FrameworkFreeze
{
    public static async Task<bool> IsFrozenAsync(RaporDbContext db, Framework f, CancellationToken ct)
    {
        if (f.FrozenAt is not null)
            return true;
        var today = DateOnly.FromDateTime(DateTime.Now);
        return await db.Periods.AnyAsync(p => p.TenantCode == f.TenantCode && p.Year == f.Year && p.OpensOn <= today, ct)
            || await db.Reports.AnyAsync(r => r.FrameworkId == f.Id, ct);
    }
}
