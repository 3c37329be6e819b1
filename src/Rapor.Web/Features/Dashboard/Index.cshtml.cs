using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Onboarding;
using Rapor.Web.Features.Rapor;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Dashboard;

/// <summary>For the wali kota and his staff: the city's average, zone counts month by month, and each kecamatan's weakest bidang.</summary>
public sealed class IndexModel(RaporDbContext db) : PageModel
{
    public sealed record Weak(string Code, string Name, double Total, string Zone, string Bidang, double Score);

    public int Year { get; private set; }
    public List<int> Years { get; private set; } = [];
    public string TrendConfig { get; private set; } = "{}";
    public string ZonesConfig { get; private set; } = "{}";
    public List<Weak> Weakest { get; private set; } = [];
    public Period? Latest { get; private set; }
    public NextStep? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        if (!(User.IsInRole(Roles.Pimpinan) || User.IsInRole(Roles.Admin)))
            return Forbid();
        var tenant = HttpContext.CurrentTenant();
        Next = await NextStep.ForAsync(db, HttpContext, tenant, NextStep.Need.FinalizedPeriod, ct);
        if (tenant is null)
            return Page();
        var periods = await db.Periods.AsNoTracking().Where(p => p.TenantCode == tenant && p.Month != null && db.Scores.Any(s => s.PeriodId == p.Id)).ToListAsync(ct);
        Years = periods.Select(p => p.Year).Distinct().OrderDescending().ToList();
        Year = year is { } y && Years.Contains(y) ? y : Years.FirstOrDefault();
        var months = periods.Where(p => p.Year == Year).OrderBy(p => p.Month).ToList();
        var ids = months.Select(p => p.Id).ToList();
        var scores = await db.Scores.AsNoTracking().Where(s => ids.Contains(s.PeriodId) && s.Level == RegionLevel.Kecamatan).ToListAsync(ct);
        var labels = months.Select(p => p.Label).ToList();
        double Avg(Guid id) => Math.Round(scores.Where(s => s.PeriodId == id).Select(s => s.Total).DefaultIfEmpty().Average(), 2);
        int Count(Guid id, string zone) => scores.Count(s => s.PeriodId == id && s.Zone == zone);
        TrendConfig = JsonSerializer.Serialize(new { labels, datasets = new[] { new { label = "Rata-rata nilai kecamatan", data = months.Select(p => Avg(p.Id)), borderColor = "#0b5e8a" } } });
        ZonesConfig = JsonSerializer.Serialize(new
        {
            labels,
            datasets = new[] { ("Hijau", "#1f9d55"), ("Kuning", "#f2c200"), ("Merah", "#d64545") }
                .Select(z => new { label = z.Item1, data = months.Select(p => Count(p.Id, z.Item1)), backgroundColor = z.Item2 }),
        });
        Latest = months.LastOrDefault();
        if (Latest is not null)
        {
            var bidang = await db.Frameworks.AsNoTracking().Where(f => f.TenantCode == tenant && f.Year == Year)
                .SelectMany(f => f.Bidang).OrderBy(b => b.Number).Select(b => b.Name).ToListAsync(ct);
            Weakest = scores.Where(s => s.PeriodId == Latest.Id && s.BidangScores.Length > 0).Select(s =>
            {
                var b = ScoringService.ParseBidang(s.BidangScores);
                var i = Array.IndexOf(b, b.Min());
                return new Weak(s.UnitCode, s.Name, s.Total, s.Zone, i < bidang.Count ? $"{i + 1}. {bidang[i]}" : $"{i + 1}", b[i]);
            }).OrderBy(w => w.Score).ToList();
        }
        return Page();
    }
}
