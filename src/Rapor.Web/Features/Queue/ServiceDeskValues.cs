using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Reports;
using Rapor.Web.Features.Skm;

namespace Rapor.Web.Features.Queue;

/// <summary>A unit's service-desk figures for one report period: what bidang 1's computed indicators take at submission.</summary>
public sealed record ServiceDeskFigures(bool UsesQueue, bool UsesSkm, QueueStats.Figures Queue, SkmMath.Result Skm)
{
    /// <summary>Whether the desk gives this source a value; otherwise the unit types it (no desk, or no data in the period).</summary>
    public bool Feeds(ValueSource source) => source switch
    {
        ValueSource.QueueSla => UsesQueue && Queue.SlaPercent is not null,
        ValueSource.QueueWait => UsesQueue && Queue.AvgWaitMinutes is not null,
        ValueSource.Ikm => UsesSkm && Skm.Respondents > 0,
        _ => false,
    };

    public double? ValueOf(ValueSource source) => source switch
    {
        ValueSource.QueueSla => Queue.SlaPercent is { } p ? Math.Round(p, 2) : null,
        ValueSource.QueueWait => Queue.AvgWaitMinutes is { } w ? Math.Round(w, 1) : null,
        ValueSource.Ikm => Skm.Respondents > 0 ? Math.Round(Skm.IkmConverted, 2) : null,
        _ => null,
    };

    /// <summary>The derivation as a code with its numbers, stored with the value and rendered in the reader's language.</summary>
    public string? Derivation(ValueSource source) => source switch
    {
        ValueSource.QueueSla => JsonSerializer.Serialize(new ServiceDeskValues.Derived("queue.sla", Queue.Served, Queue.WithinSla, null)),
        ValueSource.QueueWait => JsonSerializer.Serialize(new ServiceDeskValues.Derived("queue.wait", Queue.Tickets - CountNotCalled, null, null)),
        ValueSource.Ikm => JsonSerializer.Serialize(new ServiceDeskValues.Derived("skm.ikm", Skm.Respondents, null, Skm.Weighting == SkmWeighting.Exact ? "1/9" : "0,111")),
        _ => null,
    };

    /// <summary>Tickets never called (waiting or cancelled) carry no waiting time.</summary>
    public int CountNotCalled { get; init; }
}

/// <summary>Loads the figures for a report and writes the computed values at submission (ADR-021).</summary>
public static class ServiceDeskValues
{
    public sealed record Derived(string Code, int N, int? Within, string? Weighting);

    public static async Task<ServiceDeskFigures> LoadAsync(RaporDbContext db, Region unit, Period period, TimeZoneInfo zone, CancellationToken ct)
    {
        var desk = await db.ServiceDesks.AsNoTracking().FirstOrDefaultAsync(d => d.UnitCode == unit.Code, ct);
        var from = new DateOnly(period.Year, period.Month ?? 1, 1);
        var to = period.Month is null ? from.AddYears(1) : from.AddMonths(1);
        var queue = new QueueStats.Figures("", 0, 0, 0, 0, 0, null, null, 0, null);
        var notCalled = 0;
        if (desk?.UsesQueue == true)
        {
            var rows = await QueueStats.LoadAsync(db, unit.Code, from, to, ct);
            var services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit.Code).ToDictionaryAsync(s => s.Id, ct);
            queue = QueueStats.Compute(unit.Name, rows, services, zone);
            notCalled = rows.Count(r => r.FirstCalledAt is null);
        }
        var skm = SkmMath.Compute(new SkmMath.Totals(new long[SkmMath.Unsur], 0), SkmWeighting.Exact, 0);
        if (desk?.UsesSkm == true)
        {
            var totals = await SkmService.TotalsAsync(db, unit.Code, from, to, null, ct);
            var weighting = await db.ServiceDesks.AsNoTracking().Where(d => d.UnitCode == unit.TenantCode).Select(d => (SkmWeighting?)d.Weighting).FirstOrDefaultAsync(ct) ?? SkmWeighting.Exact;
            skm = SkmMath.Compute(totals, weighting, 0);
        }
        return new ServiceDeskFigures(desk?.UsesQueue == true, desk?.UsesSkm == true, queue, skm) { CountNotCalled = notCalled };
    }

    /// <summary>At submission: every service-desk indicator the desk feeds gets its value and derivation.</summary>
    public static void Apply(ReportWorkflow.Context c, ReportWorkflow workflow)
    {
        if (c.ServiceDesk is not { } desk)
            return;
        foreach (var i in c.Indicators.Where(i => i.IsServiceDeskFed && desk.Feeds(i.Source)))
        {
            var v = workflow.EnsureValue(c, i);
            v.Value = desk.ValueOf(i.Source);
            v.Derivation = desk.Derivation(i.Source);
        }
    }

    /// <summary>"dihitung dari 1.243 tiket antrean …" in the reader's language.</summary>
    public static string? Describe(string? derivation, IStringLocalizer t)
    {
        if (string.IsNullOrEmpty(derivation))
            return null;
        var d = JsonSerializer.Deserialize<Derived>(derivation);
        return d?.Code switch
        {
            "queue.sla" => t["dihitung dari {0} tiket antrean yang selesai dilayani ({1} dalam SLA)", d.N.ToString("N0", CultureInfo.CurrentCulture), (d.Within ?? 0).ToString("N0", CultureInfo.CurrentCulture)].Value,
            "queue.wait" => t["rata-rata dari {0} tiket antrean yang dipanggil", d.N.ToString("N0", CultureInfo.CurrentCulture)].Value,
            "skm.ikm" => t["dihitung dari {0} responden SKM (bobot {1})", d.N.ToString("N0", CultureInfo.CurrentCulture), d.Weighting ?? ""].Value,
            _ => null,
        };
    }
}
