using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Audit;

/// <summary>Browse the audit trail (admin); a tenant admin sees only changes within his kab/kota.</summary>
public sealed class IndexModel(RaporDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Query(string? Entity, string? User, string? Key, DateOnly? From, DateOnly? To, int Page = 1);

    public Query Filter { get; private set; } = new(null, null, null, null, null);
    public List<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public List<string> EntityNames { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>Dates a filter may name; outside, the range end would overflow (9999-12-31 + 1 day).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2100, 12, 31);

    public async Task OnGetAsync(string? entity, string? user, string? key, DateOnly? from, DateOnly? to, int page = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || from is { } a && (a < Earliest || a > Latest) || to is { } b && (b < Earliest || b > Latest))
        {
            Error = "Tanggal tidak valid (antara 01-01-2000 dan 31-12-2100); saringan tanggal diabaikan.";
            from = to = null;
        }
        Filter = new Query(entity, user, key, from, to, Math.Clamp(page, 1, 100_000));
        var tenant = UnitScope.TenantOf(User);
        var q = db.AuditEntries.AsNoTracking().Where(a => tenant == null || a.Scope == tenant || a.Scope.StartsWith(tenant + "."));
        EntityNames = await q.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(entity))
            q = q.Where(a => a.Entity == entity);
        if (!string.IsNullOrWhiteSpace(user))
            q = q.Where(a => a.UserName == user.Trim());
        if (!string.IsNullOrWhiteSpace(key))
            q = q.Where(a => a.EntityKey.StartsWith(key.Trim()));
        if (from is { } f)
            q = q.Where(a => a.At >= f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (to is { } t)
            q = q.Where(a => a.At < t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        Total = await q.CountAsync(ct);
        Entries = await q.OrderByDescending(a => a.Id).Skip((Filter.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
