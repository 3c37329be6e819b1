using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Reports;

/// <summary>Download the unit's own monthly template, fill it offline, upload it: all rows or none.</summary>
public sealed class ExcelModel(ReportWorkflow workflow, IAuthorizationService authz) : PageModel
{
    public const long MaxBytes = 2 * 1024 * 1024;
    private static readonly string[] Columns = ["Kode", "Indikator", "Satuan", "Target", "Nilai", "Catatan"];

    public ReportWorkflow.Context C { get; private set; } = null!;
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string unit, string period, CancellationToken ct) => await LoadAsync(unit, period, ct) ?? Page();

    public async Task<IActionResult> OnGetTemplateAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } denied)
            return denied;
        var rows = C.Indicators.Where(C.IsTyped).Select(i => new Dictionary<string, object?>
        {
            ["Kode"] = i.Code,
            ["Indikator"] = i.Name,
            ["Satuan"] = i.Type is Domain.IndicatorType.YesNo or Domain.IndicatorType.Document ? "ya/tidak" : i.Unit,
            ["Target"] = i.Target,
            ["Nilai"] = C.ValueOf(i.Id)?.Value,
            ["Catatan"] = C.ValueOf(i.Id)?.Note,
        }).ToList();
        var info = new[]
        {
            new Dictionary<string, object?> { ["Keterangan"] = "Unit", ["Isi"] = $"{C.Unit.Code} {C.Unit.Name}" },
            new Dictionary<string, object?> { ["Keterangan"] = "Periode", ["Isi"] = C.Period.Key },
            new Dictionary<string, object?> { ["Keterangan"] = "Petunjuk", ["Isi"] = "Isi kolom Nilai dan Catatan di lembar Laporan saja; jangan ubah kolom Kode. Indikator kegiatan lapangan dihitung otomatis dan tidak ada di lembar ini." },
        };
        var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Laporan"] = rows, ["Info"] = info });
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"laporan-{C.Unit.Code}-{C.Period.Key}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(string unit, string period, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } denied)
            return denied;
        if (file is null || file.Length == 0)
            Errors.Add("Pilih berkas Excel (.xlsx).");
        else if (file.Length > MaxBytes)
            Errors.Add("Berkas Excel lebih dari 2 MB.");
        else
        {
            var entries = await ReadAsync(file, ct);
            if (entries is null)
                Errors.Add("Berkas bukan Excel .xlsx yang dapat dibaca, atau lembar \"Laporan\" tidak ditemukan.");
            else
                Errors.AddRange(await workflow.SaveManyAsync(C, entries, ct));
        }
        if (Errors.Count > 0)
            return Page();
        TempData["Success"] = "Isian dari Excel tersimpan sebagai draf. Periksa lalu ajukan.";
        return Redirect(ReportWorkflow.FillLink(C));
    }

    private static async Task<List<ReportWorkflow.Entry>?> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        try
        {
            if (!MiniExcel.GetSheetNames(buffer).Contains("Laporan"))
                return null;
            buffer.Position = 0;
            var rows = buffer.Query(useHeaderRow: true, sheetName: "Laporan").Cast<IDictionary<string, object?>>().ToList();
            if (rows.Count > 0 && !Columns.All(rows[0].ContainsKey))
                return null;
            return rows.Select((r, n) => new ReportWorkflow.Entry(
                    Text(r["Kode"]), Text(r["Nilai"]) is { Length: > 0 } v ? v : null, Text(r["Catatan"]), null, $"Baris {n + 2}"))
                .Where(e => e.Code.Length > 0).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() ?? "",
    };

    private async Task<IActionResult?> LoadAsync(string unit, string period, CancellationToken ct)
    {
        var c = await workflow.LoadAsync(unit, period, ct);
        if (c is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit), UnitOperations.FillReport)).Succeeded)
            return Forbid();
        C = c;
        return null;
    }
}
