using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Skm;

/// <summary>
/// A unit's SKM for a period: NRR per unsur, IKM, mutu, the weakest unsur, the sample against Krejcie–Morgan, saran,
/// and the "Laporan Hasil SKM" with its follow-up plan, published to the unit's public page (figures frozen then).
/// </summary>
public sealed class IndexModel(RaporDbContext db, SkmService skm, TimeProvider clock) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public SkmPeriod Period { get; private set; }
    public string? Service { get; private set; }
    public SkmMath.Result Result { get; private set; } = null!;
    public bool PopulationFromQueue { get; private set; }
    public SkmReport? Report { get; private set; }
    public List<ServiceStandard> Services { get; private set; } = [];
    public List<SkmResponse> Saran { get; private set; } = [];
    public Dictionary<string, int> ByChannel { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanEnter { get; private set; }
    public bool CanSetWeighting { get; private set; }
    public bool PeriodEnded { get; private set; }
    public bool UsesSkm { get; private set; }
    public string? Message { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? unit, string? period, string? service, CancellationToken ct)
    {
        if (await LoadAsync(unit ?? User.UnitCode(), period, service, ct) is { } r)
            return r;
        Message = this.Take("skm");
        return Page();
    }

    public sealed class ReportInput
    {
        [StringLength(4000, ErrorMessage = "Analisis paling panjang 4000 karakter.")]
        public string? Analysis { get; set; }

        [Range(0, 10_000_000, ErrorMessage = "Populasi 0 atau lebih.")]
        public int? Population { get; set; }
    }

    public async Task<IActionResult> OnPostReportAsync(string unit, string period, ReportInput input, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, null, ct) is { } r)
            return r;
        if (!CanManage)
            return Forbid();
        if (!ModelState.IsValid || Report?.PublishedAt is not null)
            return Done(Report?.PublishedAt is not null ? "Laporan sudah diterbitkan dan tidak dapat diubah." : "Periksa isian laporan.");
        var report = await EnsureReportAsync(ct);
        report.Analysis = (input.Analysis ?? "").Trim();
        if (!PopulationFromQueue)
            report.TypedPopulation = input.Population;
        await db.SaveChangesAsync(ct);
        return Done("Laporan disimpan.");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(string unit, string period, int unsur, string? action, string? pic, DateOnly? deadline, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, null, ct) is { } r)
            return r;
        if (!CanManage)
            return Forbid();
        if (Report?.PublishedAt is not null)
            return Done("Laporan sudah diterbitkan dan tidak dapat diubah.");
        if (unsur is < 1 or > 9 || string.IsNullOrWhiteSpace(action) || string.IsNullOrWhiteSpace(pic) || deadline is null || action.Length > 500 || pic.Length > 150)
            return Done("Rencana tindak lanjut: pilih unsur, isi kegiatan (≤ 500 karakter), penanggung jawab dan batas waktu.");
        var report = await EnsureReportAsync(ct);
        db.SkmFollowUps.Add(new SkmFollowUp { ReportId = report.Id, UnitCode = unit, Unsur = unsur, Action = action.Trim(), Pic = pic.Trim(), Deadline = deadline.Value });
        await db.SaveChangesAsync(ct);
        return Done("Rencana tindak lanjut ditambahkan.");
    }

    public async Task<IActionResult> OnPostDeleteFollowUpAsync(string unit, string period, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, null, ct) is { } r)
            return r;
        if (!CanManage)
            return Forbid();
        if (Report?.PublishedAt is not null)
            return Done("Laporan sudah diterbitkan dan tidak dapat diubah.");
        await db.SkmFollowUps.Where(f => f.Id == id && f.UnitCode == unit).ExecuteDeleteAsync(ct);
        return Done("Rencana tindak lanjut dihapus.");
    }

    /// <summary>Publishing freezes the figures: later entries for the period never change a published report.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, null, ct) is { } r)
            return r;
        if (!CanManage)
            return Forbid();
        if (!PeriodEnded)
            return Done($"{Period.Label} belum berakhir; hasil diterbitkan setelah periode selesai.");
        if (Result.Respondents == 0)
            return Done("Belum ada responden pada periode ini.");
        var report = await EnsureReportAsync(ct);
        if (report.PublishedAt is not null)
            return Done("Laporan sudah diterbitkan.");
        if (report.FollowUps.Count == 0 && !await db.SkmFollowUps.AnyAsync(f => f.ReportId == report.Id, ct))
            return Done("Isi rencana tindak lanjut lebih dulu (wajib diterbitkan bersama hasil SKM).");
        report.PublishedAt = clock.GetUtcNow().UtcDateTime;
        report.PublishedBy = User.Identity!.Name;
        report.PublishedFigures = SkmService.Serialize(Result);
        report.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Done("Laporan baru saja diubah pengguna lain; muat ulang lalu terbitkan lagi.");
        }
        return Done("Laporan Hasil SKM diterbitkan di halaman publik unit.");
    }

    public async Task<IActionResult> OnPostWeightingAsync(string unit, string period, SkmWeighting weighting, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, null, ct) is { } r)
            return r;
        if (!CanSetWeighting)
            return Forbid();
        var desk = await db.ServiceDesks.FirstOrDefaultAsync(d => d.UnitCode == Unit.TenantCode, ct);
        if (desk is null)
        {
            desk = new ServiceDesk { UnitCode = Unit.TenantCode, TenantCode = Unit.TenantCode };
            db.ServiceDesks.Add(desk);
        }
        desk.Weighting = weighting;
        await db.SaveChangesAsync(ct);
        return Done("Pembobotan IKM kabupaten/kota disimpan.");
    }

    public async Task<IActionResult> OnGetPdfAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, null, ct) is { } r)
            return r;
        var followUps = Report is null ? [] : await db.SkmFollowUps.AsNoTracking().Where(f => f.ReportId == Report.Id).OrderBy(f => f.Unsur).ToListAsync(ct);
        var figures = SkmService.Deserialize(Report?.PublishedFigures) ?? Result;
        return File(SkmPdf.Render(Unit, Period, figures, Report, followUps, PopulationFromQueue, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)),
            "application/pdf", $"laporan-skm-{Unit.Code}-{Period.Key}.pdf");
    }

    /// <summary>The responses of the period with real number cells, and the result sheet naming the weighting.</summary>
    public async Task<IActionResult> OnGetExcelAsync(string unit, string period, CancellationToken ct)
    {
        if (await LoadAsync(unit, period, null, ct) is { } r)
            return r;
        var rows = await db.SkmResponses.AsNoTracking().Where(x => x.UnitCode == unit && x.Date >= Period.From && x.Date < Period.To).OrderBy(x => x.Date).ToListAsync(ct);
        var responses = rows.Select(x => new Dictionary<string, object?>
        {
            ["Tanggal"] = x.Date.ToDateTime(TimeOnly.MinValue), ["Kanal"] = x.Channel.ToString(), ["Layanan"] = x.ServiceCode,
            ["U1"] = (int)x.U1, ["U2"] = (int)x.U2, ["U3"] = (int)x.U3, ["U4"] = (int)x.U4, ["U5"] = (int)x.U5, ["U6"] = (int)x.U6, ["U7"] = (int)x.U7, ["U8"] = (int)x.U8, ["U9"] = (int)x.U9,
            ["Jenis kelamin"] = x.Gender, ["Usia"] = x.Age, ["Pendidikan"] = x.Education, ["Pekerjaan"] = x.Occupation, ["Saran"] = x.Saran,
        }).ToList();
        var result = Enumerable.Range(0, SkmMath.Unsur).Select(i => new Dictionary<string, object?>
        {
            ["Unsur"] = $"U{i + 1} {SkmMath.UnsurNames[i]}", ["NRR"] = Result.Nrr[i], ["NRR tertimbang"] = Result.WeightedNrr[i],
        }).ToList();
        result.Add(new() { ["Unsur"] = "IKM (1–4)", ["NRR"] = Result.Ikm, ["NRR tertimbang"] = null });
        result.Add(new() { ["Unsur"] = "IKM unit (×25)", ["NRR"] = Result.IkmConverted, ["NRR tertimbang"] = null });
        result.Add(new() { ["Unsur"] = $"Mutu {Result.Mutu} ({Result.MutuText}) · {SkmMath.WeightingText(Result.Weighting)} · responden {Result.Respondents}, minimal {Result.MinimumRespondents} dari populasi {Result.Population}", ["NRR"] = null, ["NRR tertimbang"] = null });
        var sheets = new Dictionary<string, object> { ["Hasil"] = result, ["Tanggapan"] = responses };
        var ms = new MemoryStream();
        await ms.SaveAsAsync(sheets, cancellationToken: ct);
        ms.Position = 0;
        return File(ms, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"skm-{Unit.Code}-{Period.Key}.xlsx");
    }

    private RedirectToPageResult Done(string message)
    {
        TempData["skm"] = message;
        return RedirectToPage(new { unit = Unit.Code, period = Period.Key });
    }

    private async Task<SkmReport> EnsureReportAsync(CancellationToken ct)
    {
        if (Report is not null)
            return await db.SkmReports.FirstAsync(r => r.Id == Report.Id, ct);
        var report = new SkmReport { UnitCode = Unit.Code, TenantCode = Unit.TenantCode, Period = Period.Key };
        db.SkmReports.Add(report);
        return report;
    }

    private async Task<IActionResult?> LoadAsync(string unit, string? period, string? service, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return RedirectToPage("/Services/Index");
        if (!UnitScope.CanView(User, u.Code))
            return Forbid();
        Unit = u;
        var today = skm.Today;
        Period = SkmPeriod.TryParse(period, out var p) ? p : new SkmPeriod(today.Year, 'Y', 1);
        PeriodEnded = today >= Period.To;
        CanManage = UnitScope.CanManageServiceDesk(User, unit);
        CanEnter = UnitScope.CanServeQueue(User, unit) || CanManage;
        CanSetWeighting = UnitScope.CanAdminister(User, u.TenantCode);
        UsesSkm = await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unit && d.UsesSkm, ct);
        Services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit).OrderBy(s => s.Order).ToListAsync(ct);
        Service = Services.Any(s => s.Code == service) ? service : null;
        var key = Period.Key;
        Report = await db.SkmReports.AsNoTracking().Include(r => r.FollowUps).FirstOrDefaultAsync(r => r.UnitCode == unit && r.Period == key, ct);
        Result = await skm.ComputeAsync(u, Period, Service, ct);
        PopulationFromQueue = (await skm.PopulationAsync(unit, Period, ct)).FromQueue;
        var q = db.SkmResponses.AsNoTracking().Where(x => x.UnitCode == unit && x.Date >= Period.From && x.Date < Period.To);
        Saran = await q.Where(x => x.Saran != null).OrderByDescending(x => x.SubmittedAt).Take(20).ToListAsync(ct);
        ByChannel = await q.GroupBy(x => x.Channel).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key.ToString(), x => x.N, ct);
        return null;
    }
}
