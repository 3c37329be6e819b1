using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Services;

/// <summary>A unit's Standar Pelayanan (or, for the kab/kota, the template every unit adopts).</summary>
public sealed class IndexModel(RaporDbContext db) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public List<ServiceStandard> Items { get; private set; } = [];
    public int TemplateCount { get; private set; }
    public bool CanManage { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? unit, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } denied)
            return denied;
        Message = this.Take("services");
        return Page();
    }

    /// <summary>Copies the template's services the unit does not have yet.</summary>
    public async Task<IActionResult> OnPostAdoptAsync(string unit, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } denied)
            return denied;
        if (!CanManage || Unit.Level == RegionLevel.KabupatenKota)
            return Forbid();
        var n = await ServiceCatalogue.AdoptAsync(db, Unit, ct);
        TempData["services"] = n == 0 ? "Semua layanan templat sudah ada di unit ini." : $"{n} layanan dari templat ditambahkan; sesuaikan bila perlu.";
        return RedirectToPage(new { unit });
    }

    /// <summary>Starts an empty tenant template with the example PATEN list.</summary>
    public async Task<IActionResult> OnPostExampleAsync(string unit, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } denied)
            return denied;
        if (!CanManage || Unit.Level != RegionLevel.KabupatenKota)
            return Forbid();
        if (Items.Count > 0)
        {
            TempData["services"] = "Templat sudah berisi layanan.";
            return RedirectToPage(new { unit });
        }
        db.ServiceStandards.AddRange(ServiceCatalogue.ExampleTemplate(Unit.Code));
        await db.SaveChangesAsync(ct);
        TempData["services"] = "Templat contoh dibuat; sesuaikan persyaratan, waktu dan dasar hukumnya.";
        return RedirectToPage(new { unit });
    }

    private async Task<IActionResult?> LoadAsync(string? unit, CancellationToken ct)
    {
        unit ??= User.UnitCode();
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit, ct);
        if (u is null)
            return NotFound();
        if (!UnitScope.CanView(User, u.Code))
            return Forbid();
        Unit = u;
        CanManage = UnitScope.CanManageServiceDesk(User, u.Code);
        Items = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == u.Code).OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
        TemplateCount = await db.ServiceStandards.CountAsync(s => s.UnitCode == u.TenantCode, ct);
        return null;
    }
}
