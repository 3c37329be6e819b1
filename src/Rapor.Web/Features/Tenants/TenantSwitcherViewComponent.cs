using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Tenants;

/// <summary>In the menu of the platform admin: the kabupaten/kota he is working on, and a link to switch.</summary>
public sealed class TenantSwitcherViewComponent(RaporDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!UnitScope.IsPlatformAdmin(UserClaimsPrincipal))
            return Content("");
        var code = HttpContext.CurrentTenant();
        var name = code is null ? null : await db.Tenants.Where(t => t.Code == code).Select(t => t.Name).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return View((code, name));
    }
}
