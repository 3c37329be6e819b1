using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Regions;

/// <summary>Region browser, step 2: the kecamatan of one kabupaten/kota.</summary>
public sealed class TenantModel(RaporDbContext db, IAuthorizationService authz) : PageModel
{
    public RegionSummary Summary { get; private set; } = null!;
    public List<RegionSummary> Kecamatan { get; private set; } = [];
    public bool HasMap { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct);
        if (tenant is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(code), UnitOperations.View)).Succeeded)
            return Forbid();
        Summary = (await RegionSummary.ForTenantsAsync(db, code, ct)).Single();
        Kecamatan = await RegionSummary.ForChildrenAsync(db, code, ct);
        HasMap = await Maps.RegionShapes.AnyAsync(db, code, Domain.RegionLevel.Kecamatan, ct);
        return Page();
    }
}
