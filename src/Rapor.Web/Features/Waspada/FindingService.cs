using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Notifications;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// Moves findings through follow-up (desa), review (kecamatan) and escalation; every step notifies the side that
/// must act next. Authorization is the caller's job.
/// </summary>
public sealed class FindingService(RaporDbContext db, TimeProvider clock, ICurrentUser user, Notifier notifier, FileStorage storage, IStringLocalizer<SharedResource> t)
{
    public const int MaxFiles = 5;

    public const string ConflictMessage = "Temuan ini baru saja diubah oleh pengguna lain. Halaman menampilkan keadaan terbaru; periksa lalu ulangi.";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Temuan?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Temuan.Include(f => f.Events).FirstOrDefaultAsync(f => f.Id == id, ct);

    /// <summary>The desa answers with what it did and, optionally, evidence (photos, PDF, documents).</summary>
    public async Task<List<string>> FollowUpAsync(Temuan f, string? text, IReadOnlyList<IFormFile> files, int? expectedVersion, CancellationToken ct)
    {
        if (expectedVersion is { } v && v != f.Version)
            return [t[ConflictMessage]];
        if (files.Count > MaxFiles)
            return [t["Paling banyak {0} berkas bukti sekaligus.", MaxFiles]];
        try
        {
            f.SubmitFollowUp(text ?? "", Today, user.Name, Now);
        }
        catch (DomainException e)
        {
            return [t[e.Message]];
        }
        var step = f.Events[^1];
        var stored = new List<Guid>();
        try
        {
            foreach (var file in files)
            {
                var id = Guid.CreateVersion7();
                await using var s = file.OpenReadStream();
                var (saved, error) = await storage.SaveAsync(id, s, ct);
                if (saved is null)
                    return [$"{FileStorage.SafeDisplayName(file.FileName, "")}: {t[error!]}"];
                stored.Add(id);
                db.Evidence.Add(new Evidence
                {
                    Id = id, UnitCode = f.DesaCode, TemuanEventId = step.Id, FileName = FileStorage.SafeDisplayName(file.FileName, saved.Extension),
                    ContentType = saved.ContentType, Size = saved.Size, Sha256 = saved.Sha256, UploadedBy = user.Name, UploadedAt = Now,
                });
            }
            var desa = await NameOfAsync(f.DesaCode, ct);
            await notifier.NotifyUnitAsync(f.KecamatanCode, [Roles.Camat, Roles.Staf],
                $"Desa {desa} menanggapi temuan {f.ItemCode} ({f.ItemText}); menunggu pemeriksaan.", Link(f), ct);
            if (!await SaveAsync(ct))
                return [t[ConflictMessage]];
            stored.Clear();
            return [];
        }
        finally
        {
            foreach (var id in stored)
                storage.Delete(id); // nothing saved: no orphan files
        }
    }

    public async Task<List<string>> AcceptAsync(Temuan f, string? note, int? expectedVersion, CancellationToken ct) =>
        await ReviewAsync(f, expectedVersion, () => f.Accept(note, user.Name, Now),
            $"Tindak lanjut temuan {f.ItemCode} ({f.ItemText}) diterima kecamatan; temuan selesai.", ct);

    public async Task<List<string>> ReturnAsync(Temuan f, string? note, DateOnly? newDue, int? expectedVersion, CancellationToken ct) =>
        await ReviewAsync(f, expectedVersion, () => f.Return(note ?? "", newDue, Today, user.Name, Now),
            $"Tindak lanjut temuan {f.ItemCode} dikembalikan kecamatan: {note?.Trim()}", ct);

    public async Task<List<string>> ChangeDueAsync(Temuan f, DateOnly? due, string? reason, int? expectedVersion, CancellationToken ct)
    {
        if (due is null)
            return [t["Tanggal tenggat baru wajib diisi."]];
        return await ReviewAsync(f, expectedVersion, () => f.ChangeDue(due.Value, reason ?? "", Today, user.Name, Now),
            $"Tenggat temuan {f.ItemCode} diubah menjadi {due:dd-MM-yyyy}.", ct);
    }

    private async Task<List<string>> ReviewAsync(Temuan f, int? expectedVersion, Action change, string message, CancellationToken ct)
    {
        if (expectedVersion is { } v && v != f.Version)
            return [t[ConflictMessage]];
        try
        {
            change();
        }
        catch (DomainException e)
        {
            return [t[e.Message]];
        }
        await notifier.NotifyUnitAsync(f.DesaCode, null, message, Link(f), ct);
        return await SaveAsync(ct) ? [] : [t[ConflictMessage]];
    }

    /// <summary>
    /// Raises every overdue finding to the escalation it deserves on <paramref name="now"/>'s day: once overdue the
    /// desa and its camat are told, after <see cref="Temuan.KabupatenEscalationDays"/> days the kabupaten admin too.
    /// Idempotent — a level is raised (and told) once, so running it twice a day, or on two instances at once, tells
    /// nobody twice: each finding is saved on its own under its version, and the loser of a race skips it.
    /// </summary>
    public async Task<int> EscalateOverdueFindingsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, clock.LocalTimeZone).DateTime);
        var candidates = await db.Temuan.AsNoTracking()
            .Where(f => (f.Status == TemuanStatus.Terbuka || f.Status == TemuanStatus.Dikembalikan) && f.DueOn < today && f.EscalationLevel < 2)
            .Select(f => f.Id).ToListAsync(ct);
        var raised = 0;
        foreach (var id in candidates)
        {
            db.ChangeTracker.Clear();
            var f = await db.Temuan.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (f is null || !f.Escalate(f.EscalationDue(today), today, now.UtcDateTime))
                continue;
            var desa = await NameOfAsync(f.DesaCode, ct);
            var text = $"Temuan {f.ItemCode} Desa {desa} lewat tenggat {f.DueOn:dd-MM-yyyy} ({f.DaysOverdue(today)} hari) dan belum ditindaklanjuti.";
            if (f.EscalationLevel == 1)
                await notifier.NotifyUnitAsync(f.DesaCode, null, text, Link(f), ct);
            await notifier.NotifyUnitAsync(f.KecamatanCode, [Roles.Camat], text, Link(f), ct);
            if (f.EscalationLevel == 2)
                await notifier.NotifyUnitAsync(f.TenantCode, [Roles.Admin], text, Link(f), ct);
            if (await SaveAsync(ct))
                raised++;
        }
        db.ChangeTracker.Clear();
        return raised;
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
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

    private Task<string> NameOfAsync(string code, CancellationToken ct) => db.Regions.Where(r => r.Code == code).Select(r => r.Name).FirstAsync(ct);

    public static string Link(Temuan f) => $"/Waspada/Finding/{f.Id}";
}
