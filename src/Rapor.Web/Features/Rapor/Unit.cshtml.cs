using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Rapor;

/// <summary>The rapor of one unit for one period: total, zone, rank, bidang, indicators, trend, kelurahan, "Mengapa nilai ini?".</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.Policy)]
public sealed class UnitModel(RaporDbContext db, ScoringService scoring, IAuthorizationService authz, TimeProvider clock, Infrastructure.FileStorage files) : PageModel
{
    public RaporView V { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unit, string period, CancellationToken ct) => await LoadAsync(unit, period, ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } r)
            return r;
        byte[]? logo = null;
        if (V.Tenant.LogoId is { } logoId && files.TryOpenRead(logoId) is { } stream)
        {
            await using (stream)
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                logo = buffer.ToArray();
            }
        }
        return File(RaporPdf.Render(V, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), logo), "application/pdf", $"rapor-{V.Unit.Code}-{V.Period.Key}.pdf");
    }

    public async Task<IActionResult> OnGetExcelAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } r)
            return r;
        var summary = new IDictionary<string, object?>[]
        {
            Cell("Unit", $"{V.LevelWord} {V.Unit.Name} ({V.Unit.Code})"), Cell("Periode", V.Period.Label),
            Cell("Nilai akhir", V.Score?.Total), Cell("Zona", V.Score?.Zone), Cell("Peringkat", V.RankText),
            Cell("Nilai mandiri (klaim)", V.ClaimedTotal), Cell("Status", V.Finalized ? "final" : "sementara"),
        };
        var bidang = V.Verified.Bidang.Select(b => (IDictionary<string, object?>)new Dictionary<string, object?> { ["Bidang"] = b.Number, ["Nama"] = b.Name, ["Bobot %"] = b.Weight, ["Nilai"] = b.Score, ["Kontribusi"] = b.Contribution });
        var indicators = V.Verified.Indicators.Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Kode"] = i.Code, ["Indikator"] = V.IndicatorOf(i.Code).Name, ["Target"] = i.Target,
            ["Klaim"] = V.Claimed.Indicators.FirstOrDefault(c => c.Code == i.Code)?.Value, ["Terverifikasi"] = i.Value,
            ["Skor"] = i.Score, ["Bobot dalam bidang %"] = i.WeightInBidang, ["Kontribusi"] = i.Contribution,
        });
        var sheets = new Dictionary<string, IEnumerable<IDictionary<string, object?>>> { ["Rapor"] = summary, ["Bidang"] = bidang.ToList(), ["Indikator"] = indicators.ToList() };
        if (V.Children.Count > 0)
            sheets[V.ChildrenWord.Replace('/', '-')] = V.Children.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?> { ["Kode"] = c.UnitCode, ["Nama"] = c.Name, ["Nilai"] = c.Total, ["Zona"] = c.Zone, ["Peringkat"] = c.Rank }).ToList();
        return File(ExcelExport.Save(sheets), ExcelExport.ContentType, $"rapor-{V.Unit.Code}-{V.Period.Key}.xlsx");
    }

    private static Dictionary<string, object?> Cell(string key, object? value) => new() { ["Keterangan"] = key, ["Nilai"] = value };

    private async Task<IActionResult?> LoadAsync(string unit, string period, CancellationToken ct)
    {
        if (!RegionCode.IsValid(unit))
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.View)).Succeeded)
            return Forbid();
        var v = await RaporView.LoadAsync(db, scoring, unit, period, ct);
        if (v is null)
            return NotFound();
        V = v;
        await v.LoadFlaggedAsync(db, ct);
        return null;
    }
}
