using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Reports;

/// <summary>Download the unit's own monthly template, fill it offline, upload it: all rows or none.</summary>
public sealed class ExcelModel(ReportWorkflow workflow, IAuthorizationService authz) : PageModel
{
    public const long MaxBytes = 2 * 1024 * 1024;
    private static readonly string[] Columns = ["Kode", "Indikator", "Satuan", "Target", "Nilai", "Catatan"];

    public ReportWorkflow.Context C { get; private set; } = null!;
    public ImportErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string unit, string period, CancellationToken ct) => await LoadAsync(unit, period, ct) ?? Page();

    public async Task<IActionResult> OnGetTemplateAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, ct) is { } denied)
            return denied;
        var rows = C.Indicators.Where(C.IsTyped).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Kode"] = i.Code,
            ["Indikator"] = i.Name,
            ["Satuan"] = i.Type is Domain.IndicatorType.YesNo or Domain.IndicatorType.Document ? "ya/tidak" : i.Unit,
            ["Target"] = i.Target,
            ["Nilai"] = C.ValueOf(i.Id)?.Value,
            ["Catatan"] = C.ValueOf(i.Id)?.Note,
        }).ToList();
        var info = new IDictionary<string, object?>[]
        {
            new Dictionary<string, object?> { ["Keterangan"] = "Unit", ["Isi"] = $"{C.Unit.Code} {C.Unit.Name}" },
            new Dictionary<string, object?> { ["Keterangan"] = "Periode", ["Isi"] = C.Period.Key },
            new Dictionary<string, object?> { ["Keterangan"] = "Petunjuk", ["Isi"] = "Isi kolom Nilai dan Catatan di lembar Laporan saja; jangan ubah kolom Kode. Indikator kegiatan lapangan dihitung otomatis dan tidak ada di lembar ini." },
        };
        var stream = ExcelExport.Save(new Dictionary<string, IEnumerable<IDictionary<string, object?>>> { ["Laporan"] = rows, ["Info"] = info });
        return File(stream, ExcelExport.ContentType, $"laporan-{C.Unit.Code}-{C.Period.Key}.xlsx");
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
            try
            {
                var entries = await ReadAsync(file, ct);
                if (entries is null)
                    Errors.Add("Berkas bukan Excel .xlsx yang dapat dibaca, atau lembar \"Laporan\" tidak ditemukan.");
                else
                    Errors.AddRange(await workflow.SaveManyAsync(C, entries, ct));
            }
            catch (ImportRefusedException e)
            {
                Errors.Add(e.Message);
            }
        }
        if (Errors.Count > 0)
            return Page();
        TempData["Success"] = "Isian dari Excel tersimpan sebagai draf. Periksa lalu ajukan.";
        return Redirect(ReportWorkflow.FillLink(C));
    }

    /// <summary>A template has one row per indicator; a few hundred rows is already far more than any framework has.</summary>
    public static readonly ImportLimits Limits = new(MaxRows: 500, MaxColumns: 20);

    private static async Task<List<ReportWorkflow.Entry>?> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = await ExcelImport.BufferAsync(file, MaxBytes, ct);
        if (buffer is null || !ExcelImport.SheetNames(buffer).Contains("Laporan"))
            return null;
        var entries = new List<ReportWorkflow.Entry>();
        foreach (var (line, r) in ExcelImport.Rows(buffer, "Laporan", Limits))
        {
            if (!Columns.All(r.ContainsKey))
                return null;
            var code = ExcelImport.Text(r["Kode"]);
            if (code.Length > 0)
                entries.Add(new ReportWorkflow.Entry(code, ExcelImport.Text(r["Nilai"]) is { Length: > 0 } v ? v : null, ExcelImport.Text(r["Catatan"]), null, $"Baris {line}"));
        }
        return entries;
    }

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
