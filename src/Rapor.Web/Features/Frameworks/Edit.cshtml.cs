using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Frameworks;

/// <summary>
/// Edits one year's framework in a single form: settings, bidang weights and every indicator. The whole form is
/// checked by <see cref="FrameworkRules"/> and saved only when it all holds (weights summing to 100 % included).
/// </summary>
public sealed class EditModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Form Input { get; set; } = new();

    public Framework Framework { get; private set; } = null!;
    public bool Frozen { get; private set; }
    public List<string> Errors { get; } = [];
    public Dictionary<string, string> ActivityKinds { get; private set; } = [];
    public string? Message { get; private set; }

    public sealed class Form
    {
        // Nullable: an emptied field binds as null and FrameworkRules names what is missing.
        public string? Name { get; set; } = "";
        public double RollUpShare { get; set; }
        public double GreenFrom { get; set; }
        public double YellowFrom { get; set; }
        public int Version { get; set; }
        public List<BidangForm> Bidang { get; set; } = [];
    }

    public sealed class BidangForm
    {
        public Guid Id { get; set; }
        public string? Name { get; set; } = "";
        public double Weight { get; set; }
        public List<IndicatorForm> Indicators { get; set; } = [];
    }

    public sealed class IndicatorForm
    {
        public Guid? Id { get; set; }
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Unit { get; set; }
        public IndicatorType Type { get; set; }
        public Direction Direction { get; set; }
        public double Target { get; set; }
        public double Weight { get; set; }
        public Frequency Frequency { get; set; }
        public UnitLevel Level { get; set; } = UnitLevel.Both;
        public bool EvidenceRequired { get; set; }
        public ScoringRule Rule { get; set; }
        public string? Bands { get; set; }
        public ValueSource Source { get; set; }
        public string? ActivityKind { get; set; }
        public bool Delete { get; set; }

        public bool IsBlankNew => Id is null && string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r)
            return r;
        Input = ToForm(Framework);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r)
            return r;
        if (Frozen)
        {
            Errors.Add("Kerangka ini sudah dibekukan karena periode tahunnya telah dibuka; salin ke tahun berikutnya untuk mengubah.");
            Input = ToForm(Framework);
            return Page();
        }
        // Enums that did not bind (a type of 99) or numbers that are not numbers: say so instead of saving defaults.
        if (!ModelState.IsValid)
        {
            Errors.AddRange(ModelState.Where(m => m.Value!.Errors.Count > 0).Select(m => $"{m.Key.Replace("Input.", "", StringComparison.Ordinal)}: {m.Value!.Errors[0].ErrorMessage}").Take(20));
            return Page();
        }
        if (Input.Version != Framework.Version)
        {
            Errors.Add("Kerangka baru saja diubah oleh admin lain. Muat ulang halaman; perubahan Anda belum disimpan.");
            return Page();
        }
        Apply(Framework, Input);
        Errors.AddRange(FrameworkRules.Validate(Framework));
        Errors.AddRange(FrameworkText.Check(db, Framework));
        if (Errors.Count > 0)
            return Page(); // nothing saved: the tracked changes are dropped with this request's DbContext
        Framework.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Errors.Add("Kerangka baru saja diubah oleh admin lain. Muat ulang halaman; perubahan Anda belum disimpan.");
            return Page();
        }
        TempData["Message"] = "Kerangka tersimpan.";
        return RedirectToPage(new { id });
    }

    private void Apply(Framework f, Form form)
    {
        f.Name = form.Name?.Trim() ?? "";
        f.RollUpShare = form.RollUpShare;
        f.GreenFrom = form.GreenFrom;
        f.YellowFrom = form.YellowFrom;
        foreach (var bf in form.Bidang)
        {
            var b = f.Bidang.FirstOrDefault(x => x.Id == bf.Id);
            if (b is null)
                continue;
            b.Name = bf.Name?.Trim() ?? "";
            b.Weight = bf.Weight;
            foreach (var inf in bf.Indicators.Where(i => !i.IsBlankNew))
            {
                var i = inf.Id is { } iid ? b.Indicators.FirstOrDefault(x => x.Id == iid) : null;
                if (inf.Delete)
                {
                    if (i is not null)
                        b.Indicators.Remove(i);
                    continue;
                }
                if (i is null)
                {
                    i = new Indicator { Code = "", Name = "", BidangId = b.Id, TenantCode = f.TenantCode };
                    b.Indicators.Add(i);
                    db.Indicators.Add(i);
                }
                i.Code = inf.Code?.Trim() ?? "";
                i.Name = inf.Name?.Trim() ?? "";
                i.Description = string.IsNullOrWhiteSpace(inf.Description) ? null : inf.Description.Trim();
                i.Unit = inf.Unit?.Trim() ?? "";
                i.Type = inf.Type;
                i.Direction = inf.Direction;
                i.Target = inf.Target;
                i.Weight = inf.Weight;
                i.Frequency = inf.Frequency;
                i.Level = inf.Level;
                i.EvidenceRequired = inf.EvidenceRequired;
                i.Rule = inf.Rule;
                i.Bands = string.IsNullOrWhiteSpace(inf.Bands) ? null : inf.Bands.Trim();
                i.Source = inf.Source;
                i.ActivityKind = inf.Source == ValueSource.FieldActivities ? inf.ActivityKind : null;
            }
        }
    }

    private static Form ToForm(Framework f) => new()
    {
        Name = f.Name,
        RollUpShare = f.RollUpShare,
        GreenFrom = f.GreenFrom,
        YellowFrom = f.YellowFrom,
        Version = f.Version,
        Bidang = f.Bidang.OrderBy(b => b.Number).Select(b => new BidangForm
        {
            Id = b.Id,
            Name = b.Name,
            Weight = b.Weight,
            Indicators = b.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new IndicatorForm
            {
                Id = i.Id, Code = i.Code, Name = i.Name, Description = i.Description, Unit = i.Unit, Type = i.Type, Direction = i.Direction,
                Target = i.Target, Weight = i.Weight, Frequency = i.Frequency, Level = i.Level, EvidenceRequired = i.EvidenceRequired,
                Rule = i.Rule, Bands = i.Bands, Source = i.Source, ActivityKind = i.ActivityKind,
            }).Append(new IndicatorForm()).ToList(),
        }).ToList(),
    };

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var f = await db.Frameworks.Include(x => x.Bidang).ThenInclude(b => b.Indicators).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null)
            return NotFound();
        if (!UnitScope.CanAdminister(User, f.TenantCode))
            return Forbid();
        Framework = f;
        Frozen = await FrameworkFreeze.IsFrozenAsync(db, f, ct);
        if (Frozen && f.FrozenAt is null)
        {
            f.FrozenAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        ActivityKinds = await db.ActivityKinds.AsNoTracking().Where(k => k.TenantCode == null || k.TenantCode == f.TenantCode).ToDictionaryAsync(k => k.Code, k => k.Name, ct);
        Message = this.Take("Message");
        return null;
    }
}
