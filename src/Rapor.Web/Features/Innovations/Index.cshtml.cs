using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Innovations;

/// <summary>The innovation registry of one unit (a kecamatan shows its kelurahan/desa too) with its innovation index.</summary>
public sealed class IndexModel(RaporDbContext db) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public List<Innovation> Items { get; private set; } = [];
    public Dictionary<Guid, string> OwnerNames { get; private set; } = [];
    public double Index { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? unit, CancellationToken ct)
    {
        unit ??= User.UnitCode();
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return RedirectToPage("/Innovations/Gallery");
        if (!UnitScope.CanView(User, u.Code))
            return Forbid();
        Unit = u;
        Items = await db.Innovations.AsNoTracking().Include(i => i.Owners).Include(i => i.Steps)
            .Where(i => i.UnitCode == u.Code || i.UnitCode.StartsWith(u.Code + ".")).OrderBy(i => i.Name).ToListAsync(ct);
        var officialIds = Items.SelectMany(i => i.Owners).Select(o => o.OfficialId).Distinct().ToList();
        OwnerNames = await db.Officials.AsNoTracking().Where(o => officialIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Index = InnovationIndex.Of(Items.Select(i => i.VerifiedStage).ToList());
        CanCreate = InnovationAccess.CanCreate(User, u.Code);
        return Page();
    }
}
