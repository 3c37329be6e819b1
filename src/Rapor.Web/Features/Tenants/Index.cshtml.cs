using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Tenants;

/// <summary>The platform admin picks the kabupaten/kota he works on; the choice is remembered in a cookie.</summary>
public sealed class IndexModel(RaporDbContext db) : PageModel
{
    public sealed record Row(string Code, string Name, string? Province);

    public List<Row> Rows { get; private set; } = [];
    public string? Current { get; private set; }
    public string? Query { get; private set; }
    public string? ReturnUrl { get; private set; }

    public async Task OnGetAsync(string? q, string? returnUrl, CancellationToken ct)
    {
        Query = q?.Trim();
        ReturnUrl = returnUrl;
        Current = HttpContext.CurrentTenant();
        var all = await db.Tenants.AsNoTracking().OrderBy(t => t.Province).ThenBy(t => t.Name)
            .Select(t => new Row(t.Code, t.Name, t.Province)).ToListAsync(ct);
        Rows = Query is { Length: > 0 } term
            ? all.Where(t => t.Code.StartsWith(term, StringComparison.Ordinal) || t.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || (t.Province ?? "").Contains(term, StringComparison.OrdinalIgnoreCase)).ToList()
            : all;
    }

    public async Task<IActionResult> OnPostAsync(string code, string? returnUrl, CancellationToken ct)
    {
        if (!TenantScope.IsTenantCode(code) || !await db.Tenants.AnyAsync(t => t.Code == code, ct))
            return BadRequest();
        TenantScope.Remember(Response, code);
        return LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static bool IsLocal(string? url) => url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
