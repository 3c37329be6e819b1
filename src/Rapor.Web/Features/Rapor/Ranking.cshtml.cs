using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Onboarding;
using Rapor.Web.Features.Regions;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Rapor;

/// <summary>What the ranking table and the zone map need; shared by the signed-in and the public page.</summary>
public sealed record RankingTable(List<ScoreRecord> Rows, string PeriodKey, string? GeoJson, string MapData, string LinkBase);

/// <summary>Rankings per period and level, zone summary, top 10, choropleth map; the admin finalizes or reopens here.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.Policy)]
public sealed class RankingModel(RaporDbContext db, ScoringService scoring, TimeProvider clock) : PageModel
{
    public string TenantCode { get; private set; } = "";
    public string TenantName { get; private set; } = "";
    public List<Period> Periods { get; private set; } = [];
    public Period? Current { get; private set; }
    public string Level { get; private set; } = "kecamatan";
    public List<ScoreRecord> Rows { get; private set; } = [];
    public string? GeoJson { get; private set; }
    public string MapData { get; private set; } = "{}";
    public bool IsAdmin { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    public NextStep? Next { get; private set; }
    public TenantTerms Terms { get; private set; } = TenantTerms.Unknown;

    public string ZoneSummary => ZoneText(Rows);

    public static string ZoneText(IEnumerable<ScoreRecord> rows)
    {
        var list = rows.ToList();
        return $"{list.Count(r => r.Zone == "Hijau")} hijau, {list.Count(r => r.Zone == "Kuning")} kuning, {list.Count(r => r.Zone == "Merah")} merah";
    }

    public async Task<IActionResult> OnGetAsync(string? period, string? level, CancellationToken ct)
    {
        await LoadAsync(period, level, ct);
        Message = this.Take("Message");
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(string? period, string? level, CancellationToken ct)
    {
        await LoadAsync(period, level, ct);
        if (Current is null)
            return NotFound();
        // The rank is a number cell; a shared rank is marked in its own column ("=7" would read as a formula).
        var rows = Rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Peringkat"] = r.Rank, ["Peringkat sama"] = r.Tied ? "ya" : "", ["Kode"] = r.UnitCode, ["Nama"] = r.Name, ["Nilai"] = Math.Round(r.Total, 2),
            ["Zona"] = r.Zone, ["10 terbaik"] = r.Position <= 10 ? "ya" : "", ["Laporan"] = r.MissingReport ? "tidak ada" : "ada",
        }).ToList();
        return File(ExcelExport.Save("Peringkat", rows), ExcelExport.ContentType, $"peringkat-{Level}-{TenantCode}-{Current.Key}.xlsx");
    }

    /// <summary>Admin: recompute from verified values, freeze the snapshot and lock the period.</summary>
    public async Task<IActionResult> OnPostFinalizeAsync(string period, CancellationToken ct)
    {
        var p = await PeriodForAdminAsync(period, ct);
        if (p is null)
            return Forbid();
        if (p.FinalizedAt is not null)
            Error = "Periode sudah difinalisasi.";
        else
        {
            await scoring.RecomputeAsync(p, ct);
            p.FinalizedAt = clock.GetUtcNow().UtcDateTime;
            p.FinalizedBy = User.Identity!.Name;
            p.ReopenReason = null;
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"{p.Label} difinalisasi: nilai dibekukan dan periode dikunci.";
            return RedirectToPage(new { period });
        }
        await LoadAsync(period, null, ct);
        return Page();
    }

    /// <summary>Admin: open a finalized period again for a correction; the reason is required and audited.</summary>
    public async Task<IActionResult> OnPostReopenAsync(string period, string? reason, CancellationToken ct)
    {
        var p = await PeriodForAdminAsync(period, ct);
        if (p is null)
            return Forbid();
        if (p.FinalizedAt is null)
            Error = "Periode belum difinalisasi.";
        else if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
            Error = "Alasan membuka kembali wajib diisi (minimal 10 karakter).";
        else if (reason.Trim().Length > (TextLimits.MaxLength<Period>(db, nameof(Period.ReopenReason)) ?? int.MaxValue))
            Error = $"Alasan membuka kembali paling panjang {TextLimits.MaxLength<Period>(db, nameof(Period.ReopenReason))} karakter.";
        else
        {
            p.FinalizedAt = null;
            p.ReopenReason = reason.Trim();
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"{p.Label} dibuka kembali untuk koreksi.";
            return RedirectToPage(new { period });
        }
        await LoadAsync(period, null, ct);
        return Page();
    }

    private async Task<Period?> PeriodForAdminAsync(string key, CancellationToken ct)
    {
        var tenant = HttpContext.CurrentTenant();
        if (tenant is null || !UnitScope.CanAdminister(User, tenant) || !Period.TryParseKey(key, out var y, out var m))
            return null;
        return await db.Periods.FirstOrDefaultAsync(p => p.TenantCode == tenant && p.Year == y && p.Month == m, ct);
    }

    private async Task LoadAsync(string? periodKey, string? level, CancellationToken ct)
    {
        var tenant = HttpContext.CurrentTenant();
        Next = await NextStep.ForAsync(db, HttpContext, tenant, NextStep.Need.OpenPeriod, ct);
        if (tenant is null)
            return;
        TenantCode = tenant;
        IsAdmin = UnitScope.CanAdminister(User, tenant);
        TenantName = await db.Tenants.Where(x => x.Code == TenantCode).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? TenantCode;
        Terms = await TenantTerms.LoadAsync(db.Regions, TenantCode, ct);
        Level = level == "kelurahan" ? "kelurahan" : "kecamatan";
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Periods = (await db.Periods.AsNoTracking().Where(p => p.TenantCode == TenantCode && p.OpensOn <= today).ToListAsync(ct))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month ?? 13).ToList();
        Current = Periods.FirstOrDefault(p => p.Key == periodKey)
            ?? Periods.FirstOrDefault(p => p.FinalizedAt is not null && p.Kind == PeriodKind.Monthly) ?? Periods.FirstOrDefault();
        if (Current is null)
            return;
        var lvl = Level == "kelurahan" ? RegionLevel.Kelurahan : RegionLevel.Kecamatan;
        Rows = (await scoring.StandingsAsync(Current, ct)).Where(r => r.Level == lvl).OrderBy(r => r.Position).ToList();
        (GeoJson, MapData) = await MapOfAsync(db, TenantCode, lvl, Rows, ct);
    }

    /// <summary>Zone colours per unit for the choropleth, at either level; no map where the tenant has no shapes.</summary>
    public static async Task<(string? GeoJson, string Data)> MapOfAsync(RaporDbContext db, string tenant, RegionLevel level, List<ScoreRecord> rows, CancellationToken ct) =>
        await Maps.RegionShapes.AnyAsync(db, tenant, level, ct)
            ? ($"/api/regions/{tenant}/shapes?level={(level == RegionLevel.Kecamatan ? "kecamatan" : "kelurahan")}",
                JsonSerializer.Serialize(rows.ToDictionary(r => r.UnitCode, r => new { zone = r.Zone, total = Math.Round(r.Total, 2), rank = r.Rank, name = r.Name })))
            : (null, "{}");
}
