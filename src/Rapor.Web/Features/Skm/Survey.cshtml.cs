using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Skm;

/// <summary>The public SKM questionnaire of a unit: from the ticket's QR (one response per ticket) or the unit's poster link.</summary>
[AllowAnonymous]
public sealed class SurveyModel(RaporDbContext db, SkmService skm) : PageModel
{
    public Region Unit { get; private set; } = null!;
    public List<ServiceStandard> Services { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    public bool Done { get; private set; }
    public bool Open { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Tiket { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public sealed class Form
    {
        public int[] Answers { get; set; } = new int[SkmMath.Unsur];
        public string? Service { get; set; }
        public string? Gender { get; set; }
        public int? Age { get; set; }
        public string? Education { get; set; }
        public string? Occupation { get; set; }
        public string? Saran { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string unit, CancellationToken ct) => await LoadAsync(unit, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string unit, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } r)
            return r;
        var saved = await skm.SubmitAsync(unit, new SkmService.Input(Input.Answers, Tiket, Input.Service, Input.Gender, Input.Age, Input.Education, Input.Occupation, Input.Saran, null),
            string.IsNullOrWhiteSpace(Tiket) ? SkmChannel.Tautan : SkmChannel.Tiket, HttpContext.Connection.RemoteIpAddress?.ToString(), null, ct);
        Errors = saved.Errors;
        Done = saved.Response is not null;
        if (!Done)
            Response.StatusCode = saved.Status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        Unit = u;
        Open = await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unit && d.UsesSkm, ct);
        Services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit && s.Active).OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
        return null;
    }
}
