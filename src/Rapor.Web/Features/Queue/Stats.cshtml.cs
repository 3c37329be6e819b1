using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Queue;

/// <summary>Queue statistics of a unit for a date range: overall, per service, counter, day and month, and the peak-hour heatmap.</summary>
public sealed class StatsModel(RaporDbContext db, QueueService queue, TimeProvider clock) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public QueueStats.Figures Total { get; private set; } = null!;
    public List<QueueStats.Figures> ByService { get; private set; } = [];
    public List<QueueStats.Figures> ByCounter { get; private set; } = [];
    public List<QueueStats.Figures> ByDay { get; private set; } = [];
    public List<QueueStats.Figures> ByMonth { get; private set; } = [];
    public int[,] Heat { get; private set; } = new int[7, 24];

    public async Task<IActionResult> OnGetAsync(string? unit, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        await LoadAsync(unit ?? User.UnitCode(), from, to, ct) ?? Page();

    /// <summary>Every table as its own sheet, with numbers and dates as real cells.</summary>
    public async Task<IActionResult> OnGetExcelAsync(string unit, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (await LoadAsync(unit, from, to, ct) is { } r)
            return r;
        static List<Dictionary<string, object?>> Sheet(IEnumerable<QueueStats.Figures> rows, string keyName) => rows.Select(f => new Dictionary<string, object?>
        {
            [keyName] = f.Key, ["Tiket"] = f.Tickets, ["Selesai"] = f.Served, ["Ditolak"] = f.Rejected, ["Diteruskan"] = f.Forwarded, ["Tidak hadir"] = f.NoShow,
            ["Rata-rata tunggu (menit)"] = f.AvgWaitMinutes is { } w ? Math.Round(w, 2) : null,
            ["Rata-rata layanan (menit)"] = f.AvgServiceMinutes is { } s ? Math.Round(s, 2) : null,
            ["Sesuai SLA"] = f.WithinSla, ["% sesuai SLA"] = f.SlaPercent is { } p ? Math.Round(p, 2) : null,
        }).ToList();
        var days = ByDay.Select(f => new Dictionary<string, object?>(Sheet([f], "Tanggal")[0]) { ["Tanggal"] = DateOnly.ParseExact(f.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue) }).ToList();
        var heat = Enumerable.Range(0, 7).Select(d =>
        {
            var row = new Dictionary<string, object?> { ["Hari"] = DayNames[d] };
            for (var h = 6; h <= 18; h++)
                row[$"{h:00}:00"] = Heat[d, h];
            return row;
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Ringkasan"] = Sheet([Total], "Unit"), ["Per layanan"] = Sheet(ByService, "Layanan"), ["Per loket"] = Sheet(ByCounter, "Loket"),
            ["Per hari"] = days, ["Per bulan"] = Sheet(ByMonth, "Bulan"), ["Jam sibuk"] = heat,
        };
        var ms = new MemoryStream();
        await ms.SaveAsAsync(sheets, cancellationToken: ct);
        ms.Position = 0;
        return File(ms, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"antrean-{unit}-{From:yyyyMMdd}-{To.AddDays(-1):yyyyMMdd}.xlsx");
    }

    public static readonly string[] DayNames = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];

    private async Task<IActionResult?> LoadAsync(string unit, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return RedirectToPage("/Services/Index");
        if (!UnitScope.CanView(User, u.Code))
            return Forbid();
        Unit = u;
        var today = queue.Today;
        From = from ?? new DateOnly(today.Year, today.Month, 1);
        // "to" is inclusive in the form, exclusive here.
        To = (to ?? today).AddDays(1);
        if (To <= From || To.DayNumber - From.DayNumber > 800)
            To = From.AddMonths(1);
        var rows = await QueueStats.LoadAsync(db, unit, From, To, ct);
        var services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit).ToDictionaryAsync(s => s.Id, ct);
        var counters = await db.QueueCounters.AsNoTracking().Where(c => c.UnitCode == unit).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var zone = clock.LocalTimeZone;
        Total = QueueStats.Compute(u.Name, rows, services, zone);
        ByService = rows.GroupBy(r => r.ServiceId).Select(g => QueueStats.Compute(services.TryGetValue(g.Key, out var s) ? s.Name : g.First().ServiceCode, g.ToList(), services, zone))
            .OrderByDescending(f => f.Tickets).ToList();
        ByCounter = rows.Where(r => r.CounterId is not null).GroupBy(r => r.CounterId!.Value)
            .Select(g => QueueStats.Compute(counters.GetValueOrDefault(g.Key, "?"), g.ToList(), services, zone)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        ByDay = rows.GroupBy(r => r.Day).OrderBy(g => g.Key).Select(g => QueueStats.Compute(g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.ToList(), services, zone)).ToList();
        ByMonth = rows.GroupBy(r => r.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => QueueStats.Compute(g.Key, g.ToList(), services, zone)).ToList();
        Heat = QueueStats.Heatmap(rows, zone);
        return null;
    }
}
