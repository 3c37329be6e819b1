using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Provenance;

/// <summary>Where stored evidence belongs: its unit, report/activity/visit/innovation, period and what it backs.</summary>
public static class EvidenceOrigins
{
    /// <param name="Ref">Indicator code, activity kind or innovation name.</param>
    /// <param name="Owner">The row it hangs on (report value, activity, visit, innovation stage).</param>
    public sealed record Origin(Guid EvidenceId, string UnitCode, EvidenceSource Source, string PeriodKey, string? Ref, string UploadedBy, Guid? Owner);

    public static async Task<List<Origin>> LoadAsync(RaporDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var files = await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        var valueIds = files.Where(f => f.ReportValueId != null).Select(f => f.ReportValueId!.Value).ToList();
        var values = valueIds.Count == 0 ? [] : await (
                from v in db.ReportValues
                join r in db.Reports on v.ReportId equals r.Id
                join p in db.Periods on r.PeriodId equals p.Id
                join i in db.Indicators on v.IndicatorId equals i.Id
                where valueIds.Contains(v.Id)
                select new { v.Id, p.Year, p.Month, i.Code }).AsNoTracking().ToDictionaryAsync(x => x.Id, ct);
        var activityIds = files.Where(f => f.FieldActivityId != null).Select(f => f.FieldActivityId!.Value).ToList();
        var activities = activityIds.Count == 0 ? [] : await db.FieldActivities.AsNoTracking().Where(a => activityIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Date, a.Kind }).ToDictionaryAsync(x => x.Id, ct);
        var visitIds = files.Where(f => f.FieldVisitId != null).Select(f => f.FieldVisitId!.Value).ToList();
        var visits = visitIds.Count == 0 ? [] : await (
                from v in db.FieldVisits
                join p in db.Periods on v.PeriodId equals p.Id
                where visitIds.Contains(v.Id)
                select new { v.Id, p.Year, p.Month }).AsNoTracking().ToDictionaryAsync(x => x.Id, ct);
        var stepIds = files.Where(f => f.InnovationStepId != null).Select(f => f.InnovationStepId!.Value).ToList();
        var steps = stepIds.Count == 0 ? [] : await (
                from s in db.InnovationSteps
                join i in db.Innovations on s.InnovationId equals i.Id
                where stepIds.Contains(s.Id)
                select new { s.Id, s.Date, i.Name }).AsNoTracking().ToDictionaryAsync(x => x.Id, ct);

        var result = new List<Origin>();
        foreach (var f in files)
        {
            if (f.ReportValueId is { } vid && values.TryGetValue(vid, out var v))
                result.Add(new(f.Id, f.UnitCode, EvidenceSource.Report, Key(v.Year, v.Month), v.Code, f.UploadedBy, vid));
            else if (f.FieldActivityId is { } aid && activities.TryGetValue(aid, out var a))
                result.Add(new(f.Id, f.UnitCode, EvidenceSource.Activity, EvidenceContext.MonthKey(a.Date), a.Kind, f.UploadedBy, aid));
            else if (f.FieldVisitId is { } fid && visits.TryGetValue(fid, out var fv))
                result.Add(new(f.Id, f.UnitCode, EvidenceSource.Visit, Key(fv.Year, fv.Month), null, f.UploadedBy, fid));
            else if (f.InnovationStepId is { } sid && steps.TryGetValue(sid, out var s))
                result.Add(new(f.Id, f.UnitCode, EvidenceSource.Innovation, EvidenceContext.MonthKey(s.Date), s.Name, f.UploadedBy, sid));
        }
        return result;
    }

    private static string Key(int year, int? month) => month is { } m ? $"{year:0000}-{m:00}" : year.ToString("0000", CultureInfo.InvariantCulture);
}
