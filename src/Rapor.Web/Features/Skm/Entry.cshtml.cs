using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Skm;

/// <summary>Staff type in paper questionnaires one by one (answers as digits 1–4 for speed), with the survey date.</summary>
public sealed class EntryModel(RaporDbContext db, SkmService skm) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public List<ServiceStandard> Services { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public int EnteredToday { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unit, CancellationToken ct) => await LoadAsync(unit, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string unit, string? answers, DateOnly? date, string? service, string? gender, int? age, string? education,
        string? occupation, string? saran, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        // "3 4 3 3 4 3 4 3 2" or "343343432": nine digits in the order of the questionnaire.
        var digits = (answers ?? "").Where(c => !char.IsWhiteSpace(c) && c != ',').Select(c => char.IsAsciiDigit(c) ? c - '0' : -1).ToList();
        var saved = await skm.SubmitAsync(unit, new SkmService.Input(digits, null, service, gender, age, education, occupation, saran, date ?? skm.Today),
            SkmChannel.Kertas, null, User.Identity!.Name, ct);
        if (saved.Response is null)
        {
            Errors = saved.Errors;
            return Page();
        }
        TempData["skm-entry"] = "Kuesioner tersimpan.";
        return RedirectToPage(new { unit });
    }

    private async Task<IActionResult?> LoadAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        if (!UnitScope.CanServeQueue(User, unit) && !UnitScope.CanManageServiceDesk(User, unit))
            return Forbid();
        Unit = u;
        Services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit && s.Active).OrderBy(s => s.Order).ToListAsync(ct);
        var today = skm.Today;
        EnteredToday = await db.SkmResponses.CountAsync(x => x.UnitCode == unit && x.Channel == SkmChannel.Kertas && x.SubmittedAt >= today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Local).ToUniversalTime(), ct);
        Message = this.Take("skm-entry");
        return null;
    }
}
