using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Queue;

/// <summary>
/// A page for a paired device (kiosk, display). The page itself holds nothing private: the device's token (or an
/// officer's sign-in) is what the API checks when the page's script reads the queue.
/// </summary>
public abstract class DevicePageModel(RaporDbContext db) : PageModel
{
    public Region Unit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        Unit = u;
        return Page();
    }
}
