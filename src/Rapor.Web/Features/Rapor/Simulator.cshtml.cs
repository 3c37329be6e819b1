using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Scoring;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Rapor;

/// <summary>
/// The pimpinan tries other framework weights (bidang and indicators) on a period's verified results and sees every
/// unit's rank change side by side. Nothing is saved: the weights live in the form only.
/// </summary>
public sealed class SimulatorModel(RaporDbContext db, ScoringService scoring) : PageModel
{
    public List<Period> Periods { get; private set; } = [];
    public Period? Period { get; private set; }
    public ScoringService.Spec? Spec { get; private set; }

    /// <summary>Where the proposed weights started from: next year's framework when there is one.</summary>
    public string? StartedFrom { get; private set; }
    public double[] BidangWeights { get; private set; } = [];
    public double[] IndicatorWeights { get; private set; } = [];
    public List<RankChange>? Result { get; private set; }
    public List<string> Errors { get; } = [];
    public List<string> Notes { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? period, CancellationToken ct)
    {
        if (!Allowed)
            return Forbid();
        if (!await LoadAsync(period, ct))
            return Page();
        (BidangWeights, IndicatorWeights, StartedFrom) = await StartingWeightsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? period, CancellationToken ct)
    {
        if (!Allowed)
            return Forbid();
        if (!await LoadAsync(period, ct))
            return Page();
        var spec = Spec!.Engine;
        BidangWeights = Read("b", spec.Bidang.Count, spec.Bidang.Select(b => b.Weight).ToArray());
        IndicatorWeights = Read("i", spec.Indicators.Count, spec.Indicators.Select(i => i.Weight).ToArray());
        if (BidangWeights.Sum() <= 0)
            Errors.Add("Setidaknya satu bidang harus berbobot lebih dari 0.");
        for (var b = 0; b < spec.Bidang.Count; b++)
        {
            var sum = spec.Indicators.Select((x, i) => (x, i)).Where(t => t.x.Bidang == b).Sum(t => IndicatorWeights[t.i]);
            if (BidangWeights[b] > 0 && sum <= 0)
                Errors.Add($"Bidang {spec.Bidang[b].Number} berbobot tetapi semua indikatornya berbobot 0.");
            else if (BidangWeights[b] > 0 && Math.Abs(sum - 100) > 0.01)
                Notes.Add($"Bobot indikator bidang {spec.Bidang[b].Number} berjumlah {sum.ToString("0.##", CultureInfo.GetCultureInfo("id-ID"))} %, dihitung sebagai 100 %.");
        }
        if (Math.Abs(BidangWeights.Sum() - 100) > 0.01 && BidangWeights.Sum() > 0)
            Notes.Add($"Bobot bidang berjumlah {BidangWeights.Sum().ToString("0.##", CultureInfo.GetCultureInfo("id-ID"))} %, dihitung sebagai 100 %.");
        if (Errors.Count > 0)
            return Page();
        var proposed = spec with
        {
            Bidang = spec.Bidang.Select((b, i) => b with { Weight = BidangWeights[i] }).ToList(),
            Indicators = spec.Indicators.Select((x, i) => x with { Weight = IndicatorWeights[i] }).ToList(),
        };
        var scores = await scoring.ScoreAllAsync(Period!, verified: true, ct);
        Result = WhatIf.Reweigh(spec, proposed, scores!.Value.Scores);
        return Page();
    }

    private bool Allowed => User.IsInRole(Roles.Pimpinan) || User.IsInRole(Roles.Admin);

    /// <summary>Weights as typed ("12,5"); a field left empty or unreadable counts as an error, a negative one too.</summary>
    private double[] Read(string prefix, int count, double[] fallback)
    {
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var raw = Request.Form[$"{prefix}{i}"].ToString();
            if (!FlexibleNumber.TryParse(raw, out var v) || v < 0 || double.IsNaN(v))
            {
                Errors.Add($"Bobot \"{raw}\" tidak valid: isi angka 0 atau lebih.");
                result[i] = fallback[i];
            }
            else
                result[i] = v;
        }
        return result;
    }

    /// <summary>The period to simulate on: the one asked for, else the latest finalized, else the latest with standings.</summary>
    private async Task<bool> LoadAsync(string? key, CancellationToken ct)
    {
        // The platform admin simulates on the tenant chosen in the switcher; with none chosen there is nothing to show.
        if (HttpContext.CurrentTenant() is not { } tenant)
            return false;
        Periods = (await db.Periods.AsNoTracking().Where(p => p.TenantCode == tenant && db.Reports.Any(r => r.PeriodId == p.Id)).ToListAsync(ct))
            .OrderByDescending(p => p.FinalizedAt is not null).ThenByDescending(p => p.Year).ThenByDescending(p => p.Month ?? 13).ToList();
        Period = Periods.FirstOrDefault(p => p.Key == key) ?? Periods.FirstOrDefault();
        if (Period is null)
            return false;
        Spec = await scoring.SpecAsync(tenant, Period.Year, ct);
        return Spec is not null;
    }

    private async Task<(double[], double[], string?)> StartingWeightsAsync(CancellationToken ct)
    {
        var spec = Spec!.Engine;
        var next = await scoring.SpecAsync(Period!.TenantCode, Period.Year + 1, ct);
        if (next is null)
            return (spec.Bidang.Select(b => b.Weight).ToArray(), spec.Indicators.Select(i => i.Weight).ToArray(), null);
        var bidang = spec.Bidang.Select(b => next.Engine.Bidang.FirstOrDefault(x => x.Number == b.Number)?.Weight ?? 0).ToArray();
        var indicators = spec.Indicators.Select(i => next.Engine.Indicators.FirstOrDefault(x => x.Code == i.Code)?.Weight ?? 0).ToArray();
        var missing = next.Engine.Indicators.Count(x => spec.Indicators.All(i => i.Code != x.Code));
        if (missing > 0)
            Notes.Add($"{missing} indikator baru di kerangka {Period.Year + 1} belum punya data di periode ini dan tidak ikut dihitung.");
        return (bidang, indicators, $"Kerangka {Period.Year + 1}");
    }
}
