using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The findings inbox: for a desa what it must answer, for a kecamatan what waits for its review and what is overdue,
/// for the kabupaten everything; filtered by status, exported to Excel with real date cells.
/// </summary>
public sealed class FindingsModel(RaporDbContext db, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public static readonly string[] Filters = ["active", "todo", "review", "overdue", "closed", "all"];

    public Region Unit { get; private set; } = null!;
    public string Status { get; private set; } = "active";
    public List<Temuan> Items { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public Dictionary<string, int> Counts { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsDesa { get; private set; }

    public static string FilterLabel(string f) => f switch
    {
        "todo" => "Perlu tindak lanjut desa",
        "review" => "Menunggu pemeriksaan",
        "overdue" => "Lewat tenggat",
        "closed" => "Selesai",
        "all" => "Semua",
        _ => "Belum selesai",
    };

    public async Task<IActionResult> OnGetAsync(string? unit, string? status, CancellationToken ct) => await LoadAsync(unit, status, ct) ?? Page();

    public async Task<IActionResult> OnGetExcelAsync(string? unit, string? status, CancellationToken ct)
    {
        if (await LoadAsync(unit, status, ct) is { } denied)
            return denied;
        var rows = Items.Select(f => new Dictionary<string, object?>
        {
            ["Kecamatan"] = Names.GetValueOrDefault(f.KecamatanCode, f.KecamatanCode),
            ["Kode desa"] = f.DesaCode,
            ["Desa"] = Names.GetValueOrDefault(f.DesaCode, f.DesaCode),
            ["Bagian"] = f.Section,
            ["Butir"] = $"{f.ItemCode} {f.ItemText}",
            ["Uraian"] = f.Description,
            ["Tingkat"] = f.Severity.ToString().ToLowerInvariant(),
            ["Rekomendasi"] = f.Recommendation,
            // Real date and number cells: the reader sorts and filters them in Excel.
            ["Tanggal temuan"] = f.FoundOn.ToDateTime(TimeOnly.MinValue),
            ["Tenggat"] = f.DueOn.ToDateTime(TimeOnly.MinValue),
            ["Status"] = FindingLabels.Status(f.Status),
            ["Hari lewat tenggat"] = f.DaysOverdue(Today),
            ["Tindak lanjut"] = f.FollowUp,
            ["Tanggal tindak lanjut"] = f.FollowUpOn?.ToDateTime(TimeOnly.MinValue),
            ["Tepat waktu"] = f.ClosedOnTime switch { true => "ya", false => "tidak", _ => null },
        }).ToList();
        var config = new MiniExcelLibs.OpenXml.OpenXmlConfiguration
        {
            DynamicColumns =
            [
                new("Tanggal temuan") { Format = "dd-mm-yyyy", Width = 14 },
                new("Tenggat") { Format = "dd-mm-yyyy", Width = 14 },
                new("Tanggal tindak lanjut") { Format = "dd-mm-yyyy", Width = 14 },
            ],
        };
        var ms = ExcelExport.Save("Temuan", rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["Keterangan"] = "Tidak ada temuan untuk saringan ini." }], config);
        return File(ms, ExcelExport.ContentType, $"temuan-{Unit.Code}-{Status}-{Today:yyyy-MM-dd}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(string? unit, string? status, CancellationToken ct)
    {
        unit ??= User.UnitCode() is { Length: > 0 } own ? own : null;
        if (unit is null)
            return RedirectToPage("/Waspada/Kabupaten");
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit, ct);
        if (u is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.ViewSupervision)).Succeeded)
            return Forbid();
        Unit = u;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        IsDesa = u.Level == RegionLevel.Kelurahan;
        Status = Filters.Contains(status) ? status! : IsDesa ? "todo" : "active";
        var all = WaspadaQueries.FindingsOf(db, unit);
        var today = Today;
        var open = await all.Where(f => f.Status != TemuanStatus.Selesai).Select(f => new { f.Status, f.DueOn }).ToListAsync(ct);
        Counts = new()
        {
            ["active"] = open.Count,
            ["todo"] = open.Count(f => f.Status is TemuanStatus.Terbuka or TemuanStatus.Dikembalikan),
            ["review"] = open.Count(f => f.Status == TemuanStatus.Ditanggapi),
            ["overdue"] = open.Count(f => f.Status != TemuanStatus.Ditanggapi && f.DueOn < today),
        };
        var q = Status switch
        {
            "todo" => all.Where(f => f.Status == TemuanStatus.Terbuka || f.Status == TemuanStatus.Dikembalikan),
            "review" => all.Where(f => f.Status == TemuanStatus.Ditanggapi),
            "overdue" => all.Where(f => (f.Status == TemuanStatus.Terbuka || f.Status == TemuanStatus.Dikembalikan) && f.DueOn < today),
            "closed" => all.Where(f => f.Status == TemuanStatus.Selesai),
            "all" => all,
            _ => all.Where(f => f.Status != TemuanStatus.Selesai),
        };
        Items = await q.OrderBy(f => f.DueOn).ThenBy(f => f.DesaCode).ThenBy(f => f.ItemCode).Take(5000).ToListAsync(ct);
        Names = await WaspadaQueries.NamesAsync(db, Items.SelectMany(f => new[] { f.DesaCode, f.KecamatanCode }), ct);
        return null;
    }
}
