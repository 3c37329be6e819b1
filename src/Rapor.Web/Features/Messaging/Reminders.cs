using Microsoft.EntityFrameworkCore;
using Quartz;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Messaging;

/// <summary>
/// What the daily and weekly jobs send. Every reminder carries a once-only key (the occasion and the user), so a job
/// that runs twice — a retry, a second instance, a restart — sends nothing twice. "Today" comes from the injected
/// <see cref="TimeProvider"/>, so tests move the clock instead of waiting.
/// </summary>
public sealed class Reminders(RaporDbContext db, Messenger messenger, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Days before a unit's deadline at which it is reminded; a missed run still sends the nearest one once.</summary>
    public static readonly int[] Thresholds = [7, 3, 1];

    /// <summary>
    /// H-7, H-3, H-1 and overdue reminders to the accounts of every unit that has not submitted (a draft or a returned
    /// report is not submitted), each against the unit's own deadline — its extension when it has one.
    /// </summary>
    public async Task<int> DeadlinesAsync(CancellationToken ct)
    {
        var today = Today;
        var sent = 0;
        var periods = await db.Periods.AsNoTracking().Where(p => p.FinalizedAt == null && p.OpensOn <= today && p.LocksOn >= today).ToListAsync(ct);
        foreach (var period in periods)
        {
            var units = await db.Regions.AsNoTracking().Where(r => r.TenantCode == period.TenantCode && r.Level != RegionLevel.KabupatenKota)
                .Select(r => new { r.Code, r.Name, r.Level, r.Type }).ToListAsync(ct);
            var submitted = (await db.Reports.AsNoTracking()
                .Where(r => r.PeriodId == period.Id && r.Status != ReportStatus.Draf && r.Status != ReportStatus.Dikembalikan)
                .Select(r => r.UnitCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var extensions = await db.DeadlineExtensions.AsNoTracking().Where(e => e.PeriodId == period.Id)
                .ToDictionaryAsync(e => e.UnitCode, ct);
            var people = await ReportersAsync(period.TenantCode, ct);
            foreach (var unit in units.Where(u => !submitted.Contains(u.Code)))
            {
                if (!people.TryGetValue(unit.Code, out var users))
                    continue;
                var deadline = period.DeadlineFor(extensions.GetValueOrDefault(unit.Code));
                var days = deadline.DayNumber - today.DayNumber;
                var parameters = new Dictionary<string, string>
                {
                    ["periode"] = period.Key, ["unit"] = UnitLabel(unit.Level, unit.Type, unit.Name), ["batas"] = MessageCatalog.Date(deadline),
                    ["kunci"] = MessageCatalog.Date(period.LocksOn), ["hari"] = MessageCatalog.Number(days),
                };
                var link = $"/Reports/Fill/{unit.Code}/{period.Key}";
                OutgoingMessage message;
                if (days < 0)
                    message = new(MessageCatalog.Overdue, parameters, link, $"overdue:{period.Key}:{unit.Code}:{MessageCatalog.Date(deadline)}");
                else if (Thresholds.Where(t => days <= t).DefaultIfEmpty(0).Min() is var threshold and > 0)
                    // The deadline is part of the occasion: an extension earns fresh reminders against the new date.
                    message = new(MessageCatalog.DeadlineSoon, parameters, link, $"deadline:{period.Key}:{unit.Code}:H-{threshold}:{MessageCatalog.Date(deadline)}");
                else
                    continue;
                foreach (var user in users)
                    sent += await messenger.SendAsync(user, message, ct) ? 1 : 0;
            }
        }
        return sent;
    }

    /// <summary>Each camat with kelurahan/desa reports waiting for his approval: one reminder a day with the count.</summary>
    public async Task<int> PendingApprovalsAsync(CancellationToken ct)
    {
        var today = Today;
        var waiting = await (from r in db.Reports
                             join p in db.Periods on r.PeriodId equals p.Id
                             join u in db.Regions on r.UnitCode equals u.Code
                             where p.FinalizedAt == null && r.Level == RegionLevel.Kelurahan && r.Status == ReportStatus.Diajukan && u.ParentCode != null
                             group r by u.ParentCode into g
                             select new { Kecamatan = g.Key!, Count = g.Count() }).ToListAsync(ct);
        var sent = 0;
        foreach (var w in waiting)
        {
            var message = new OutgoingMessage(MessageCatalog.PendingApproval, new Dictionary<string, string> { ["jumlah"] = MessageCatalog.Number(w.Count) },
                "/Reports", $"approval:{w.Kecamatan}:{MessageCatalog.Date(today)}");
            foreach (var user in await UsersAsync(Roles.Camat, u => u.UnitCode == w.Kecamatan, ct))
                sent += await messenger.SendAsync(user, message, ct) ? 1 : 0;
        }
        return sent;
    }

    /// <summary>Each tenant's verifikators, when reports wait for the city: one reminder a day with the count.</summary>
    public async Task<int> WaitingVerificationAsync(CancellationToken ct)
    {
        var today = Today;
        var waiting = await (from r in db.Reports
                             join p in db.Periods on r.PeriodId equals p.Id
                             where p.FinalizedAt == null
                                   && ((r.Level == RegionLevel.Kecamatan && r.Status == ReportStatus.Diajukan) || (r.Level == RegionLevel.Kelurahan && r.Status == ReportStatus.DisetujuiCamat))
                             group r by p.TenantCode into g
                             select new { Tenant = g.Key, Count = g.Count() }).ToListAsync(ct);
        var sent = 0;
        foreach (var w in waiting)
        {
            var message = new OutgoingMessage(MessageCatalog.WaitingVerification, new Dictionary<string, string> { ["jumlah"] = MessageCatalog.Number(w.Count) },
                "/Verification", $"verification:{w.Tenant}:{MessageCatalog.Date(today)}");
            var prefix = w.Tenant + ".";
            foreach (var user in await UsersAsync(Roles.Verifikator, u => u.UnitCode == w.Tenant || u.UnitCode.StartsWith(prefix), ct))
                sent += await messenger.SendAsync(user, message, ct) ? 1 : 0;
        }
        return sent;
    }

    /// <summary>
    /// The pimpinan's week: how far the month being collected has come (submitted, verified, late). Counts only —
    /// no score of an unfinished month is sent as if it were a result.
    /// </summary>
    public async Task<int> WeeklyDigestAsync(CancellationToken ct)
    {
        var today = Today;
        var week = System.Globalization.ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)) + "-W" + System.Globalization.ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture);
        var sent = 0;
        foreach (var tenant in await db.Tenants.AsNoTracking().Select(t => t.Code).ToListAsync(ct))
        {
            var period = (await db.Periods.AsNoTracking()
                    .Where(p => p.TenantCode == tenant && p.Month != null && p.FinalizedAt == null && p.OpensOn <= today && p.LocksOn >= today).ToListAsync(ct))
                .OrderBy(p => p.Deadline).FirstOrDefault();
            if (period is null)
                continue;
            var units = await db.Regions.AsNoTracking().Where(r => r.TenantCode == tenant && r.Level != RegionLevel.KabupatenKota).Select(r => r.Code).ToListAsync(ct);
            var reports = await db.Reports.AsNoTracking().Where(r => r.PeriodId == period.Id).Select(r => new { r.UnitCode, r.Status }).ToListAsync(ct);
            var submitted = reports.Where(r => r.Status is not (ReportStatus.Draf or ReportStatus.Dikembalikan)).Select(r => r.UnitCode).ToHashSet(StringComparer.Ordinal);
            var extensions = await db.DeadlineExtensions.AsNoTracking().Where(e => e.PeriodId == period.Id).ToDictionaryAsync(e => e.UnitCode, ct);
            var late = units.Count(u => !submitted.Contains(u) && period.DeadlineFor(extensions.GetValueOrDefault(u)) < today);
            var message = new OutgoingMessage(MessageCatalog.WeeklyDigest, new Dictionary<string, string>
            {
                ["periode"] = period.Key, ["jumlah_unit"] = MessageCatalog.Number(units.Count), ["diajukan"] = MessageCatalog.Number(submitted.Count),
                ["diverifikasi"] = MessageCatalog.Number(reports.Count(r => r.Status == ReportStatus.Diverifikasi)), ["terlambat"] = MessageCatalog.Number(late),
                ["batas"] = MessageCatalog.Date(period.Deadline),
            }, "/Dashboard", $"digest:{tenant}:{week}");
            var prefix = tenant + ".";
            foreach (var user in await UsersAsync(Roles.Pimpinan, u => u.UnitCode == tenant || u.UnitCode.StartsWith(prefix), ct))
                sent += await messenger.SendAsync(user, message, ct) ? 1 : 0;
        }
        return sent;
    }

    /// <summary>Accounts that fill a unit's report (its camat or lurah and its staf), by unit.</summary>
    private async Task<Dictionary<string, List<string>>> ReportersAsync(string tenant, CancellationToken ct)
    {
        var prefix = tenant + ".";
        var roles = new[] { Roles.Camat, Roles.Lurah, Roles.Staf };
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.UnitCode.StartsWith(prefix) && roles.Contains(r.Name!) && u.LockoutEnd == null
                          select new { u.Id, u.UnitCode }).Distinct().ToListAsync(ct);
        return rows.GroupBy(r => r.UnitCode).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList(), StringComparer.Ordinal);
    }

    private async Task<List<string>> UsersAsync(string role, System.Linq.Expressions.Expression<Func<AppUser, bool>> where, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        return await db.Users.Where(where).Where(u => u.LockoutEnd == null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>"Kecamatan Cinambo", "Kelurahan Sukamulya", "Desa Batujajar Timur": the word follows the unit's type.</summary>
    public static string UnitLabel(RegionLevel level, string type, string name) =>
        (level == RegionLevel.Kecamatan ? "Kecamatan" : type == "desa" ? "Desa" : "Kelurahan") + " " + name;
}

/// <summary>The Quartz jobs: thin shells that run one <see cref="Reminders"/> method in a scope of their own.</summary>
[DisallowConcurrentExecution]
public sealed class DeadlineReminderJob(Reminders reminders) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => new(reminders.DeadlinesAsync(cancellationToken));
}

[DisallowConcurrentExecution]
public sealed class PendingApprovalJob(Reminders reminders) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => new(reminders.PendingApprovalsAsync(cancellationToken));
}

[DisallowConcurrentExecution]
public sealed class WaitingVerificationJob(Reminders reminders) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => new(reminders.WaitingVerificationAsync(cancellationToken));
}

[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(Reminders reminders) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => new(reminders.WeeklyDigestAsync(cancellationToken));
}
