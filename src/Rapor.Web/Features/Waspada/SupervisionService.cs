using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.FieldCapture;
using Rapor.Web.Features.Notifications;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The rules of planning and filling supervision visits, shared by the pages and the offline sync API so both
/// behave the same. Authorization is the caller's job.
/// </summary>
public sealed class SupervisionService(RaporDbContext db, TimeProvider clock, ICurrentUser user, Notifier notifier, IStringLocalizer<SharedResource> t)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The checklist new visits of the tenant use: its highest version, the shipped default when it has none.</summary>
    public async Task<ChecklistTemplate> CurrentTemplateAsync(string tenant, CancellationToken ct)
    {
        var current = await db.ChecklistTemplates.Include(x => x.Items).Where(x => x.TenantCode == tenant).OrderByDescending(x => x.Number).FirstOrDefaultAsync(ct);
        if (current is not null)
            return current;
        var created = DefaultChecklist.Create(tenant, user.Name, Now);
        db.ChecklistTemplates.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
            return created;
        }
        catch (DbUpdateException)
        {
            // Another request (or instance) created the tenant's first version at the same moment: use that one.
            db.ChangeTracker.Clear();
            return await db.ChecklistTemplates.Include(x => x.Items).Where(x => x.TenantCode == tenant).OrderByDescending(x => x.Number).FirstAsync(ct);
        }
    }

    /// <summary>The desa a kecamatan supervises (units of type desa; kelurahan are part of the kecamatan itself).</summary>
    public Task<List<Region>> DesaOfAsync(string kecamatan, CancellationToken ct) =>
        db.Regions.AsNoTracking().Where(r => r.ParentCode == kecamatan && r.Type == "desa").OrderBy(r => r.Name).ToListAsync(ct);

    /// <summary>Officials of the kecamatan in office on <paramref name="day"/>: who can be on a visit's team.</summary>
    public async Task<List<Official>> TeamCandidatesAsync(string kecamatan, DateOnly day, CancellationToken ct) =>
        (await db.Officials.AsNoTracking().Where(o => o.UnitCode == kecamatan).ToListAsync(ct))
            .Where(o => o.HeldOn(day)).OrderBy(o => Positions.OrderOf(o.Position)).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Plans visits of the kecamatan's desa with one team; every visit is checked first and none is saved when one
    /// fails. A desa already visited or planned on the same day is skipped, not doubled.
    /// </summary>
    public async Task<(int Added, List<string> Errors)> PlanAsync(string kecamatan, IReadOnlyList<(string Desa, DateOnly Date)> visits, IReadOnlyList<Guid> team, CancellationToken ct)
    {
        var errors = new List<string>();
        var desa = (await DesaOfAsync(kecamatan, ct)).ToDictionary(d => d.Code);
        if (visits.Count == 0)
            errors.Add(t["Pilih desa dan tanggal kunjungan."]);
        if (visits.Count > 400)
            errors.Add(t["Paling banyak 400 kunjungan sekaligus."]);
        if (team.Count == 0)
            errors.Add(t["Pilih minimal satu anggota tim dari pejabat kecamatan."]);
        var officials = await db.Officials.AsNoTracking().Where(o => team.Contains(o.Id)).ToListAsync(ct);
        foreach (var (desaCode, date) in visits)
        {
            if (!desa.ContainsKey(desaCode))
                errors.Add(t["{0} bukan desa di kecamatan ini.", desaCode]);
            if (date < Today.AddYears(-1) || date > Today.AddYears(2))
                errors.Add(t["Tanggal {0} di luar rentang perencanaan (setahun lalu sampai dua tahun ke depan).", date.ToString("dd-MM-yyyy", Inv)]);
            foreach (var id in team)
            {
                var o = officials.FirstOrDefault(x => x.Id == id);
                if (o is null || o.UnitCode != kecamatan)
                    errors.Add(t["Anggota tim harus pejabat kecamatan ini."]);
                else if (!o.HeldOn(date))
                    errors.Add(t["{0} tidak menjabat pada {1}.", o.Name, date.ToString("dd-MM-yyyy", Inv)]);
            }
        }
        if (errors.Count > 0)
            return (0, errors.Distinct(StringComparer.Ordinal).Take(20).ToList());
        var tenant = RegionCode.TenantOf(kecamatan);
        var template = await CurrentTemplateAsync(tenant, ct);
        var codes = visits.Select(v => v.Desa).Distinct().ToList();
        var days = visits.Select(v => v.Date).Distinct().ToList();
        var existing = await db.SupervisionVisits.Where(v => codes.Contains(v.DesaCode) && days.Contains(v.ScheduledOn) && v.Status != SupervisionVisitStatus.Dibatalkan)
            .Select(v => new { v.DesaCode, v.ScheduledOn }).ToListAsync(ct);
        var added = 0;
        foreach (var (desaCode, date) in visits.Distinct())
        {
            if (existing.Any(e => e.DesaCode == desaCode && e.ScheduledOn == date))
                continue;
            var visit = new SupervisionVisit
            {
                KecamatanCode = kecamatan, DesaCode = desaCode, TenantCode = tenant, TemplateId = template.Id, ScheduledOn = date,
                CreatedBy = user.Name, CreatedAt = Now,
            };
            foreach (var id in team.Distinct())
                visit.Team.Add(new SupervisionTeamMember { VisitId = visit.Id, OfficialId = id, DesaCode = desaCode });
            db.SupervisionVisits.Add(visit);
            added++;
        }
        // Answers must keep meaning what they meant: the checklist a visit uses is frozen from now on.
        template.FrozenAt ??= Now;
        await db.SaveChangesAsync(ct);
        return (added, []);
    }

    public Task<SupervisionVisit?> LoadVisitAsync(Guid id, CancellationToken ct) =>
        db.SupervisionVisits.Include(v => v.Answers).Include(v => v.Team).AsSplitQuery().FirstOrDefaultAsync(v => v.Id == id, ct);

    public Task<ChecklistTemplate> TemplateAsync(Guid id, CancellationToken ct) =>
        db.ChecklistTemplates.AsNoTracking().Include(x => x.Items).FirstAsync(x => x.Id == id, ct);

    /// <summary>Changes the date or the team of a planned visit (bumps its version: a phone holding it will see both versions).</summary>
    public async Task<List<string>> ReplanAsync(SupervisionVisit visit, DateOnly date, IReadOnlyList<Guid> team, CancellationToken ct)
    {
        if (!visit.IsOpen)
            return [t["Kunjungan yang sudah selesai atau dibatalkan tidak dapat diubah."]];
        var errors = new List<string>();
        if (team.Count == 0)
            errors.Add(t["Pilih minimal satu anggota tim dari pejabat kecamatan."]);
        var officials = await db.Officials.AsNoTracking().Where(o => team.Contains(o.Id)).ToListAsync(ct);
        foreach (var id in team)
        {
            var o = officials.FirstOrDefault(x => x.Id == id);
            if (o is null || o.UnitCode != visit.KecamatanCode)
                errors.Add(t["Anggota tim harus pejabat kecamatan ini."]);
            else if (!o.HeldOn(date))
                errors.Add(t["{0} tidak menjabat pada {1}.", o.Name, date.ToString("dd-MM-yyyy", Inv)]);
        }
        if (date < Today.AddYears(-1) || date > Today.AddYears(2))
            errors.Add(t["Tanggal {0} di luar rentang perencanaan (setahun lalu sampai dua tahun ke depan).", date.ToString("dd-MM-yyyy", Inv)]);
        if (errors.Count > 0)
            return errors.Distinct(StringComparer.Ordinal).ToList();
        var teamChanged = false;
        foreach (var m in visit.Team.Where(m => !team.Contains(m.OfficialId)).ToList())
        {
            visit.Team.Remove(m);
            db.SupervisionTeamMembers.Remove(m);
            teamChanged = true;
        }
        foreach (var id in team.Distinct().Where(id => visit.Team.All(m => m.OfficialId != id)))
        {
            visit.Team.Add(new SupervisionTeamMember { VisitId = visit.Id, OfficialId = id, DesaCode = visit.DesaCode });
            teamChanged = true;
        }
        if (date != visit.ScheduledOn)
            visit.Reschedule(date, user.Name, Now);
        else if (teamChanged)
            visit.Touch(user.Name, Now);
        else
            return [];
        return await SaveOrConflictAsync(ct) ? [] : [t[ConflictMessage]];
    }

    public async Task<List<string>> CancelAsync(SupervisionVisit visit, string? reason, CancellationToken ct)
    {
        try
        {
            visit.Cancel(reason ?? "", user.Name, Now);
        }
        catch (DomainException e)
        {
            return [t[e.Message]];
        }
        return await SaveOrConflictAsync(ct) ? [] : [t[ConflictMessage]];
    }

    public const string ConflictMessage = "Kunjungan ini baru saja diubah oleh pengguna lain. Muat ulang halaman lalu ulangi.";

    private async Task<bool> SaveOrConflictAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public sealed record Outcome(SyncState? State, IReadOnlyList<string> Errors, bool Conflict)
    {
        public bool Ok => State is not null && !Conflict && Errors.Count == 0;
    }

    /// <summary>
    /// Applies what the team entered (answers, notes, proposed findings, GPS, summary) — from the page or from a phone
    /// that was offline. The submission is the whole form: an item without an answer is unanswered. Completing the
    /// visit needs every item answered and a note on every "tidak sesuai"; it turns those into findings for the desa.
    /// A submission already applied (a retry after a lost answer) changes nothing and answers as before; one that
    /// started from an older version than the server's answers 409 with the server's state.
    /// </summary>
    public async Task<Outcome> SubmitAsync(SupervisionVisit visit, ChecklistTemplate template, Guid submissionId, int? baseVersion, bool complete, FormFields f, CancellationToken ct)
    {
        if (submissionId != Guid.Empty && visit.LastSubmissionId == submissionId)
            return new(StateOf(visit), [], false);
        if ((baseVersion is { } b && b != visit.Version) || !visit.IsOpen)
            return new(StateOf(visit), [t[visit.IsOpen ? "Kunjungan ini diubah di server sejak Anda membukanya." : "Kunjungan ini sudah selesai atau dibatalkan di server."]], true);

        var errors = new List<string>();
        var unanswered = new List<string>();
        var parsed = new List<(ChecklistItem Item, ChecklistAnswer? Answer, string? Note, TemuanSeverity? Severity, string? Recommendation, DateOnly? Due)>();
        var visitedOn = ParseDate(f["visitedOn"]) ?? Today;
        if (f.Has("visitedOn") && ParseDate(f["visitedOn"]) is null)
            errors.Add(t["Tanggal kunjungan tidak valid."]);
        else if (visitedOn > Today || visitedOn < Today.AddYears(-1))
            errors.Add(t["Tanggal kunjungan harus antara setahun lalu dan hari ini."]);
        foreach (var item in template.Items.OrderBy(i => i.SectionOrder).ThenBy(i => i.Order))
        {
            var id = item.Id.ToString();
            var raw = f["answer." + id];
            ChecklistAnswer? answer = null;
            if (raw is not null)
            {
                if (ParseAnswer(raw) is { } a)
                    answer = a;
                else
                    errors.Add(t["{0}: jawaban \"{1}\" tidak dikenal (sesuai / tidak sesuai / tidak berlaku).", item.Code, raw]);
            }
            else if (complete)
                unanswered.Add(item.Code);
            var note = f["note." + id];
            if (note is { Length: > 1000 })
                errors.Add(t["{0}: catatan paling panjang 1000 karakter.", item.Code]);
            TemuanSeverity? severity = null;
            string? recommendation = null;
            DateOnly? due = null;
            if (answer == ChecklistAnswer.TidakSesuai)
            {
                if (f["severity." + id] is { } sv)
                {
                    if (Enum.TryParse<TemuanSeverity>(sv, true, out var s) && Enum.IsDefined(s))
                        severity = s;
                    else
                        errors.Add(t["{0}: tingkat temuan \"{1}\" tidak dikenal (ringan / sedang / berat).", item.Code, sv]);
                }
                recommendation = f["recommendation." + id];
                if (recommendation is { Length: > 1000 })
                    errors.Add(t["{0}: rekomendasi paling panjang 1000 karakter.", item.Code]);
                if (f["due." + id] is { } dueRaw)
                {
                    due = ParseDate(dueRaw);
                    if (due is null)
                        errors.Add(t["{0}: tenggat tindak lanjut tidak valid.", item.Code]);
                    else if (due < visitedOn || due > visitedOn.AddYears(1))
                        errors.Add(t["{0}: tenggat tindak lanjut harus setelah tanggal kunjungan dan paling lama setahun.", item.Code]);
                }
                if (complete && note is null)
                    errors.Add(t["{0}: tulis catatan apa yang tidak sesuai; catatan itu menjadi uraian temuan.", item.Code]);
            }
            parsed.Add((item, answer, note, severity, recommendation, due));
        }
        if (unanswered.Count > 0)
            errors.Insert(0, t["Belum dijawab: {0}.", string.Join(", ", unanswered)]);
        var lat = ParseNumber(f["latitude"], -90, 90, "Lintang", errors);
        var lng = ParseNumber(f["longitude"], -180, 180, "Bujur", errors);
        var accuracy = ParseNumber(f["accuracy"], 0, 100_000, "Akurasi GPS", errors);
        var summary = f["summary"];
        if (summary is { Length: > 4000 })
            errors.Add(t["Ringkasan paling panjang 4000 karakter."]);
        if (errors.Count > 0)
            return new(null, errors, false);

        foreach (var (item, answer, note, severity, recommendation, due) in parsed)
        {
            var row = visit.Answers.FirstOrDefault(a => a.ItemId == item.Id);
            if (answer is null)
            {
                if (row is not null)
                {
                    visit.Answers.Remove(row);
                    db.VisitAnswers.Remove(row);
                }
                continue;
            }
            if (row is null)
            {
                row = new VisitAnswer { VisitId = visit.Id, ItemId = item.Id, DesaCode = visit.DesaCode };
                visit.Answers.Add(row);
            }
            row.Answer = answer.Value;
            row.Note = note;
            row.Severity = severity;
            row.Recommendation = recommendation;
            row.DueOn = due;
        }
        visit.Latitude = lat;
        visit.Longitude = lng;
        visit.GpsAccuracy = accuracy;
        visit.Summary = summary;
        visit.Applied(submissionId == Guid.Empty ? Guid.CreateVersion7() : submissionId, user.Name, Now);
        var findings = 0;
        if (complete)
        {
            visit.Complete(visitedOn, user.Name, Now);
            foreach (var (item, answer, _, _, _, _) in parsed.Where(p => p.Answer == ChecklistAnswer.TidakSesuai))
            {
                db.Temuan.Add(Domain.Temuan.Create(visit, item, visit.Answers.First(a => a.ItemId == item.Id), visitedOn, user.Name, Now));
                findings++;
            }
            var desaName = await db.Regions.Where(r => r.Code == visit.DesaCode).Select(r => r.Name).FirstAsync(ct);
            await notifier.NotifyUnitAsync(visit.DesaCode, null, findings == 0
                    ? $"Hasil pengawasan kecamatan di Desa {desaName} ({visitedOn:dd-MM-yyyy}): semua butir sesuai."
                    : $"Hasil pengawasan kecamatan di Desa {desaName} ({visitedOn:dd-MM-yyyy}): {findings} temuan perlu ditindaklanjuti.",
                findings == 0 ? $"/Waspada/Visit/{visit.Id}" : "/Waspada/Findings", ct);
        }
        var loadedVersion = visit.Version - 1;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another submission committed first: its version check, or its answers' unique rows, stopped this one.
            db.ChangeTracker.Clear();
            var current = await LoadVisitAsync(visit.Id, ct);
            if (e is not DbUpdateConcurrencyException && current?.Version == loadedVersion)
                throw;
            return new(current is null ? null : StateOf(current), [t["Kunjungan ini diubah di server sejak Anda membukanya."]], true);
        }
        return new(StateOf(visit), [], false);
    }

    /// <summary>The visit in the form's own field names (the phone compares its version with this one).</summary>
    public static SyncState StateOf(SupervisionVisit v)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["visitedOn"] = v.VisitedOn?.ToString("yyyy-MM-dd", Inv),
            ["latitude"] = v.Latitude?.ToString("0.######", Inv),
            ["longitude"] = v.Longitude?.ToString("0.######", Inv),
            ["accuracy"] = v.GpsAccuracy?.ToString("0", Inv),
            ["summary"] = v.Summary,
        };
        foreach (var a in v.Answers)
        {
            var id = a.ItemId.ToString();
            fields["answer." + id] = a.Answer.ToString();
            fields["note." + id] = a.Note;
            if (a.Answer == ChecklistAnswer.TidakSesuai)
            {
                fields["severity." + id] = a.Severity?.ToString();
                fields["recommendation." + id] = a.Recommendation;
                fields["due." + id] = a.DueOn?.ToString("yyyy-MM-dd", Inv);
            }
        }
        return new SyncState(v.Version, fields, v.UpdatedBy ?? v.CreatedBy, v.UpdatedAt ?? v.CreatedAt, v.Status.ToString(), $"/Waspada/Visit/{v.Id}");
    }

    public static ChecklistAnswer? ParseAnswer(string raw) =>
        raw.Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "sesuai" => ChecklistAnswer.Sesuai,
            "tidaksesuai" => ChecklistAnswer.TidakSesuai,
            "tidakberlaku" => ChecklistAnswer.TidakBerlaku,
            _ => null,
        };

    public static DateOnly? ParseDate(string? raw) =>
        DateOnly.TryParseExact(raw, ["yyyy-MM-dd", "dd-MM-yyyy"], Inv, DateTimeStyles.None, out var d) ? d : null;

    private double? ParseNumber(string? raw, double min, double max, string label, List<string> errors)
    {
        if (raw is null)
            return null;
        if (!FlexibleNumber.TryParse(raw, out var v) || v < min || v > max)
        {
            errors.Add(t["{0} tidak valid.", t[label]]);
            return null;
        }
        return v;
    }
}
