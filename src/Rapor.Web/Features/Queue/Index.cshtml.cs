using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Queue;

/// <summary>
/// A unit's service desk: whether it runs the queue and the SKM in Rapor (then bidang 1 is computed from them), the
/// display's running text, its counters, and links to the counter, kiosk and display pages.
/// </summary>
public sealed class IndexModel(RaporDbContext db, QueueService queue) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public ServiceDesk Desk { get; private set; } = null!;
    public List<QueueCounter> Counters { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanServe { get; private set; }
    public int WaitingNow { get; private set; }
    public string? Message { get; private set; }

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    public sealed class SettingsInput
    {
        public bool UsesQueue { get; set; }
        public bool UsesSkm { get; set; }

        [StringLength(500, ErrorMessage = "Teks berjalan paling panjang 500 karakter.")]
        public string? RunningText { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? unit, CancellationToken ct)
    {
        if (await LoadAsync(unit ?? User.UnitCode(), ct) is { } r)
            return r;
        Settings = new SettingsInput { UsesQueue = Desk.UsesQueue, UsesSkm = Desk.UsesSkm, RunningText = Desk.RunningText };
        Message = this.Take("queue");
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(string unit, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        if (!CanManage)
            return Forbid();
        if (!ModelState.IsValid)
            return Page();
        var desk = await db.ServiceDesks.FirstOrDefaultAsync(d => d.UnitCode == unit, ct);
        if (desk is null)
        {
            desk = new ServiceDesk { UnitCode = unit, TenantCode = Unit.TenantCode };
            db.ServiceDesks.Add(desk);
        }
        desk.UsesQueue = Settings.UsesQueue;
        desk.UsesSkm = Settings.UsesSkm;
        desk.RunningText = (Settings.RunningText ?? "").Trim();
        await db.SaveChangesAsync(ct);
        TempData["queue"] = "Pengaturan disimpan.";
        return RedirectToPage(new { unit });
    }

    public async Task<IActionResult> OnPostCounterAsync(string unit, int number, string? name, string? groups, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        if (!CanManage)
            return Forbid();
        groups = new string((groups ?? "").ToUpperInvariant().Where(char.IsAsciiLetterUpper).Distinct().ToArray());
        if (number is < 1 or > 99)
        {
            TempData["queue"] = "Nomor loket 1–99.";
            return RedirectToPage(new { unit });
        }
        var counter = await db.QueueCounters.FirstOrDefaultAsync(c => c.UnitCode == unit && c.Number == number, ct);
        if (counter is null)
            db.QueueCounters.Add(new QueueCounter { UnitCode = unit, Number = number, Name = string.IsNullOrWhiteSpace(name) ? $"Loket {number}" : name.Trim(), Groups = groups });
        else
        {
            counter.Name = string.IsNullOrWhiteSpace(name) ? counter.Name : name.Trim();
            counter.Groups = groups;
            counter.Active = true;
        }
        await db.SaveChangesAsync(ct);
        TempData["queue"] = $"Loket {number} disimpan.";
        return RedirectToPage(new { unit });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string unit, int number, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        if (!CanManage)
            return Forbid();
        var counter = await db.QueueCounters.FirstOrDefaultAsync(c => c.UnitCode == unit && c.Number == number, ct);
        if (counter is not null)
        {
            counter.Active = false;
            await db.SaveChangesAsync(ct);
        }
        TempData["queue"] = $"Loket {number} dinonaktifkan.";
        return RedirectToPage(new { unit });
    }

    private async Task<IActionResult?> LoadAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return RedirectToPage("/Services/Index");
        if (!UnitScope.CanView(User, u.Code))
            return Forbid();
        Unit = u;
        CanManage = UnitScope.CanManageServiceDesk(User, u.Code);
        CanServe = UnitScope.CanServeQueue(User, u.Code);
        Desk = await db.ServiceDesks.AsNoTracking().FirstOrDefaultAsync(d => d.UnitCode == unit, ct) ?? new ServiceDesk { UnitCode = unit, TenantCode = u.TenantCode };
        Counters = await db.QueueCounters.AsNoTracking().Where(c => c.UnitCode == unit).OrderBy(c => c.Number).ToListAsync(ct);
        var today = queue.Today;
        WaitingNow = await db.QueueTickets.CountAsync(t => t.UnitCode == unit && t.Day == today && t.Status == TicketStatus.Menunggu, ct);
        return null;
    }
}
