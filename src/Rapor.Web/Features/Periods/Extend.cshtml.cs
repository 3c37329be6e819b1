using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Periods;

/// <summary>Admin grants one unit a later deadline for one period, with a recorded reason.</summary>
public sealed class ExtendModel(RaporDbContext db, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public Period Period { get; private set; } = null!;
    public Region Unit { get; private set; } = null!;

    [BindProperty]
    [Required(ErrorMessage = "Tanggal batas baru wajib diisi.")]
    public DateOnly? NewDeadline { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Alasan perpanjangan wajib diisi.")]
    [StringLength(500, MinimumLength = 5, ErrorMessage = "Alasan 5–500 karakter.")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string period, string unit, CancellationToken ct)
    {
        if (await LoadAsync(period, unit, ct) is { } r)
            return r;
        var existing = await db.DeadlineExtensions.AsNoTracking().FirstOrDefaultAsync(e => e.PeriodId == Period.Id && e.UnitCode == unit, ct);
        NewDeadline = existing?.NewDeadline ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(7);
        Reason = existing?.Reason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string period, string unit, CancellationToken ct)
    {
        if (await LoadAsync(period, unit, ct) is { } r)
            return r;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (NewDeadline is { } d && (d <= Period.Deadline || d < today))
            ModelState.AddModelError(nameof(NewDeadline), $"Batas baru harus setelah {Period.Deadline:dd-MM-yyyy} dan tidak di masa lalu.");
        if (Period.FinalizedAt is not null)
            ModelState.AddModelError("", "Periode sudah difinalisasi.");
        if (!ModelState.IsValid)
            return Page();
        var existing = await db.DeadlineExtensions.FirstOrDefaultAsync(e => e.PeriodId == Period.Id && e.UnitCode == unit, ct);
        if (existing is null)
            db.DeadlineExtensions.Add(new DeadlineExtension { PeriodId = Period.Id, UnitCode = unit, NewDeadline = NewDeadline!.Value, Reason = Reason!.Trim(), GrantedBy = User.Identity!.Name! });
        else
        {
            existing.NewDeadline = NewDeadline!.Value;
            existing.Reason = Reason!.Trim();
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Periods/Index", new { period });
    }

    private async Task<IActionResult?> LoadAsync(string period, string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == unit && x.Level != RegionLevel.KabupatenKota, ct);
        if (u is null || !Domain.Period.TryParseKey(period, out var year, out var month))
            return NotFound();
        var p = await db.Periods.AsNoTracking().FirstOrDefaultAsync(x => x.TenantCode == u.TenantCode && x.Year == year && x.Month == month, ct);
        if (p is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.Administer)).Succeeded)
            return Forbid();
        (Period, Unit) = (p, u);
        return null;
    }
}
