using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Activities;

/// <summary>Field activities of one unit for one month, with how many count toward each activity indicator.</summary>
public sealed class IndexModel(RaporDbContext db, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public DateOnly Month { get; private set; }
    public List<FieldActivity> Items { get; private set; } = [];
    public Dictionary<Guid, List<Evidence>> Photos { get; private set; } = [];
    public Provenance.EvidenceFlags Flags { get; private set; } = Provenance.EvidenceFlags.Empty;
    public Dictionary<string, string> KindNames { get; private set; } = [];
    public bool CanRecord { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? unit, string? month, CancellationToken ct)
    {
        unit ??= User.UnitCode();
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return RegionCode.LevelOf(User.UnitCode()) == RegionLevel.KabupatenKota || UnitScope.IsPlatformAdmin(User)
                ? RedirectToPage("/Regions/Index") : NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(u.Code), UnitOperations.View)).Succeeded)
            return Forbid();
        Unit = u;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Month = new DateOnly(today.Year, today.Month, 1);
        if (month is not null)
        {
            // A month the calendar allows but the app never has (9999-12 has no next month to end the range).
            if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is >= 2000 and <= 2100)
                Month = m;
            else
                Error = "Bulan tidak valid (format tahun-bulan antara 2000 dan 2100); ditampilkan bulan ini.";
        }
        var end = Month.AddMonths(1);
        Items = await db.FieldActivities.AsNoTracking().Where(a => a.UnitCode == u.Code && a.Date >= Month && a.Date < end)
            .OrderByDescending(a => a.Date).ToListAsync(ct);
        var ids = Items.Select(a => (Guid?)a.Id).ToList();
        Photos = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.FieldActivityId)).ToListAsync(ct))
            .GroupBy(e => e.FieldActivityId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        Flags = await Provenance.EvidenceFlags.LoadAsync(db, Photos.Values.SelectMany(l => l).Select(e => e.Id), ct);
        KindNames = await KindsAsync(db, u.TenantCode, ct);
        CanRecord = UnitScope.CanFillReport(User, u.Code);
        return Page();
    }

    public static async Task<Dictionary<string, string>> KindsAsync(RaporDbContext db, string tenant, CancellationToken ct) =>
        await db.ActivityKinds.AsNoTracking().Where(k => k.TenantCode == null || k.TenantCode == tenant).ToDictionaryAsync(k => k.Code, k => k.Name, ct);
}
