using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.FieldCapture;
using Rapor.Web.Features.Rapor;
using Rapor.Web.Features.Reports;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Verification;

/// <summary>
/// Saving a field verification visit — from the page or from a phone that was offline (same field names:
/// match_/found_/note_ per indicator, notes, latitude, longitude). Completing it turns every value found in the field
/// into the verified value and rescores the unit, in one transaction.
/// </summary>
public sealed class FieldVisitWork(RaporDbContext db, ScoringService scoring, ICurrentUser user, TimeProvider clock)
{
    public sealed record Outcome(SyncState? State, string? Error, bool Conflict);

    public const string ConflictMessage = "Kunjungan ini diubah di server sejak Anda membukanya.";

    public async Task<Outcome> SaveAsync(FieldVisit visit, ReportWorkflow.Context c, FormFields f, bool complete, Guid submissionId, int? baseVersion, CancellationToken ct)
    {
        if (submissionId != Guid.Empty && visit.LastSubmissionId == submissionId)
            return new(StateOf(visit, c), null, false);
        if (visit.Status == VisitStatus.Selesai)
            return baseVersion is null ? new(null, "Kunjungan ini sudah selesai.", false) : new(StateOf(visit, c), "Kunjungan ini sudah selesai di server.", true);
        if (baseVersion is { } b && b != visit.Version)
            return new(StateOf(visit, c), ConflictMessage, true);
        if (c.Period.FinalizedAt is not null)
            return new(null, "Periode sudah difinalisasi.", false);
        double? latitude = null, longitude = null;
        if (f["latitude"] is { } la && (!FlexibleNumber.TryParse(la, out var lat) || lat is < -90 or > 90)
            || f["longitude"] is { } lo && (!FlexibleNumber.TryParse(lo, out var lng) || lng is < -180 or > 180))
            return new(null, "Koordinat GPS tidak valid.", false);
        if (f["latitude"] is { } la2 && FlexibleNumber.TryParse(la2, out var lat2))
            latitude = lat2;
        if (f["longitude"] is { } lo2 && FlexibleNumber.TryParse(lo2, out var lng2))
            longitude = lng2;
        foreach (var i in c.Indicators)
        {
            var note = f[$"note_{i.Id}"];
            var matches = f[$"match_{i.Id}"] == "true";
            if (!ValueParser.TryParse(i, f[$"found_{i.Id}"], out var found, out var err))
                return new(null, $"{i.Code}: {err}", false);
            if (note is { Length: > 1000 })
                return new(null, $"{i.Code}: catatan paling panjang 1000 karakter.", false);
            var finding = visit.Findings.FirstOrDefault(x => x.IndicatorId == i.Id);
            if (finding is null && (found is not null || note is not null || !matches))
            {
                finding = new VisitFinding { VisitId = visit.Id, IndicatorId = i.Id, UnitCode = visit.UnitCode };
                visit.Findings.Add(finding);
            }
            if (finding is null)
                continue;
            finding.Matches = matches && found is null;
            finding.FoundValue = found;
            finding.Note = note;
        }
        if (f["notes"] is { Length: > 2000 })
            return new(null, "Catatan kunjungan paling panjang 2000 karakter.", false);
        visit.Notes = f["notes"];
        visit.Latitude = latitude ?? visit.Latitude;
        visit.Longitude = longitude ?? visit.Longitude;
        var now = clock.GetUtcNow().UtcDateTime;
        if (complete)
        {
            if (c.Report is null)
                return new(null, "Unit belum mengajukan laporan; temuan tidak dapat diterapkan.", false);
            // A value found in the field overrides the claim; the finding's note says why.
            foreach (var x in visit.Findings.Where(x => x.FoundValue is not null))
            {
                var v = c.ValueOf(x.IndicatorId);
                if (v is null)
                    continue;
                v.VerifiedValue = x.FoundValue;
                v.Verification = VerificationStatus.Dikoreksi;
                v.VerificationNote = "Verifikasi lapangan: " + (x.Note ?? "nilai ditemukan berbeda");
                v.VerifiedBy = user.Name;
                v.VerifiedAt = now;
                v.Version++;
            }
            visit.Status = VisitStatus.Selesai;
            visit.CompletedAt = now;
        }
        visit.Version++;
        visit.LastSubmissionId = submissionId == Guid.Empty ? Guid.CreateVersion7() : submissionId;
        try
        {
            // Findings, verified values and the standings they change commit together.
            await using var tx = await db.BeginWriteAsync(ct);
            await db.SaveChangesAsync(ct);
            if (complete)
                await scoring.ApplyDecisionAsync(c.Period, visit.UnitCode, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another submission committed first: its version check, or its findings' unique rows, stopped this one.
            db.ChangeTracker.Clear();
            var current = await db.FieldVisits.Include(x => x.Findings).AsNoTracking().FirstAsync(x => x.Id == visit.Id, ct);
            if (e is not DbUpdateConcurrencyException && current.Version == visit.Version - 1)
                throw;
            return new(StateOf(current, c), ConflictMessage, true);
        }
        return new(StateOf(visit, c), null, false);
    }

    /// <summary>The visit in the page's own field names (an indicator without a finding is shown as "sesuai", as the page does).</summary>
    public static SyncState StateOf(FieldVisit v, ReportWorkflow.Context c)
    {
        var inv = CultureInfo.InvariantCulture;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["notes"] = v.Notes,
            ["latitude"] = v.Latitude?.ToString("0.######", inv),
            ["longitude"] = v.Longitude?.ToString("0.######", inv),
        };
        foreach (var i in c.Indicators)
        {
            var x = v.Findings.FirstOrDefault(x => x.IndicatorId == i.Id);
            if (x?.Matches ?? true)
                fields[$"match_{i.Id}"] = "true";
            fields[$"found_{i.Id}"] = x?.FoundValue?.ToString(inv);
            fields[$"note_{i.Id}"] = x?.Note;
        }
        return new SyncState(v.Version, fields, v.Verifier, v.CompletedAt, v.Status.ToString(), $"/Verification/Visit?id={v.Id}");
    }
}
