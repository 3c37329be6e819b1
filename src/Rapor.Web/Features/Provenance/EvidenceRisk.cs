using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Provenance;

/// <summary>How flagged evidence weighs on verification: which values need a reason, which reports rise in the inbox.</summary>
public static class EvidenceRisk
{
    /// <summary>The report values (of <paramref name="valueIds"/>) with at least one piece of evidence carrying a risk flag.</summary>
    public static async Task<HashSet<Guid>> FlaggedValuesAsync(RaporDbContext db, List<Guid> valueIds, CancellationToken ct) =>
        valueIds.Count == 0 ? [] : (await (
            from e in db.Evidence
            where e.ReportValueId != null && valueIds.Contains(e.ReportValueId.Value)
                  && db.EvidenceFlags.Any(f => f.EvidenceId == e.Id && (f.Kind == EvidenceFlagKind.Duplicate || f.Kind == EvidenceFlagKind.OutsideArea || f.Kind == EvidenceFlagKind.DateMismatch))
            select e.ReportValueId!.Value).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>Per unit, how many evidence files of its report in the period carry a risk flag.</summary>
    public static async Task<Dictionary<string, int>> FlaggedEvidencePerUnitAsync(RaporDbContext db, Guid periodId, CancellationToken ct) =>
        await (from r in db.Reports
               join v in db.ReportValues on r.Id equals v.ReportId
               join e in db.Evidence on v.Id equals e.ReportValueId
               where r.PeriodId == periodId
                     && db.EvidenceFlags.Any(f => f.EvidenceId == e.Id && (f.Kind == EvidenceFlagKind.Duplicate || f.Kind == EvidenceFlagKind.OutsideArea || f.Kind == EvidenceFlagKind.DateMismatch))
               group e by r.UnitCode into g
               select new { g.Key, Count = g.Count() }).AsNoTracking().ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
