using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;
using Rapor.Web.Features.Services;

namespace Rapor.Web.Data;

/// <summary>
/// DATA DEMO for the PATEN desks of Kec. Cinambo (Kota Bandung) and Kec. Batujajar (KBB, home of CERAH): the tenants'
/// example catalogue adopted, two counters each, the counter-officer accounts, and — with the demo reports — three
/// months of queue history (arrivals by hour as a kecamatan office sees them, two counters simulated) and SKM
/// responses. Every ticket and response is flagged IsDemo; the figures are plausible, not real.
/// </summary>
public static class DemoPaten
{
    public static readonly (string User, string Name, string Kecamatan, string Tenant)[] Accounts =
    [
        ("loket.cinambo", "Petugas Loket Cinambo (demo)", "Cinambo", "32.73"),
        ("loket.batujajar", "Petugas Loket Batujajar (demo)", "Batujajar", "32.17"),
    ];

    // Share of the day's arrivals per local hour: a morning peak, the midday break, a smaller afternoon wave.
    private static readonly (int Hour, double Share)[] Arrivals = [(8, 0.15), (9, 0.21), (10, 0.18), (11, 0.13), (12, 0.05), (13, 0.13), (14, 0.10), (15, 0.05)];

    public static async Task SeedAsync(RaporDbContext db, UserManager<AppUser> users, string password, bool history, DateTime nowLocal, TimeZoneInfo zone, CancellationToken ct)
    {
        foreach (var (user, name, kecamatan, tenant) in Accounts)
        {
            // Found by name and type in the region list, as an admin would.
            var unit = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.TenantCode == tenant && r.Type == "kecamatan" && r.Name == kecamatan, ct);
            if (unit is null)
                continue;
            await DatabaseInitializer.EnsureUserAsync(users, user, name, unit.Code, Roles.Loket, password);
            if (await db.ServiceDesks.AnyAsync(d => d.UnitCode == unit.Code, ct))
                continue;
            if (!await db.ServiceStandards.AnyAsync(s => s.UnitCode == tenant, ct))
            {
                db.ServiceStandards.AddRange(ServiceCatalogue.ExampleTemplate(tenant));
                await db.SaveChangesAsync(ct);
            }
            await ServiceCatalogue.AdoptAsync(db, unit, ct);
            db.ServiceDesks.Add(new ServiceDesk
            {
                UnitCode = unit.Code, TenantCode = tenant, UsesQueue = true, UsesSkm = true,
                RunningText = kecamatan == "Batujajar" ? "CERAH: Cepat, Ramah, Humanis. Siapkan berkas persyaratan sebelum dipanggil. (DATA DEMO)"
                    : "Selamat datang di Kecamatan Cinambo. Layanan PATEN tidak dipungut biaya. (DATA DEMO)",
            });
            var counters = new[]
            {
                new QueueCounter { UnitCode = unit.Code, Number = 1, Name = "Loket 1", Groups = "A" },
                new QueueCounter { UnitCode = unit.Code, Number = 2, Name = "Loket 2", Groups = "AB" },
            };
            db.QueueCounters.AddRange(counters);
            await db.SaveChangesAsync(ct);
            if (history)
                await HistoryAsync(db, unit, counters, kecamatan == "Cinambo" ? 0.9 : 0.75, nowLocal, zone, ct);
        }
    }

    internal static async Task HistoryAsync(RaporDbContext db, Region unit, QueueCounter[] counters, double quality, DateTime nowLocal, TimeZoneInfo zone, CancellationToken ct)
    {
        var services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit.Code && s.Active).OrderBy(s => s.Order).ToListAsync(ct);
        var rng = new Random(unit.Code.Aggregate(17, (h, c) => h * 31 + c));
        var today = DateOnly.FromDateTime(nowLocal);
        var tickets = new List<QueueTicket>();
        var responses = new List<SkmResponse>();
        for (var day = today.AddMonths(-3); day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                continue;
            // Mondays are busiest; 25–45 visitors a day.
            var visitors = (int)((25 + rng.Next(20)) * (day.DayOfWeek == DayOfWeek.Monday ? 1.3 : 1.0));
            var arrivals = Enumerable.Range(0, visitors).Select(_ => Arrival(rng, day)).OrderBy(t => t).ToList();
            var free = counters.Select(_ => day.ToDateTime(new TimeOnly(8, 0))).ToArray();
            var seq = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var arrival in arrivals)
            {
                var s = services[Pick(rng, services.Count)];
                var n = seq[s.QueueGroup] = seq.GetValueOrDefault(s.QueueGroup) + 1;
                var priority = rng.NextDouble() < 0.08 ? (TicketPriority)(1 + rng.Next(3)) : TicketPriority.Umum;
                // The counter that frees first and serves the group takes it.
                var c = Enumerable.Range(0, counters.Length).Where(k => counters[k].Serves(s.QueueGroup)).MinBy(k => free[k]);
                var called = (free[c] > arrival ? free[c] : arrival).AddSeconds(20 + rng.Next(60));
                var roll = rng.NextDouble();
                var noShow = roll < 0.04;
                var minutes = s.SlaUnit == SlaUnit.Menit ? s.SlaValue * (0.25 + rng.NextDouble() * (1.1 - quality)) : 8 + rng.Next(14);
                var started = called.AddSeconds(30 + rng.Next(90));
                var finished = started.AddMinutes(minutes);
                free[c] = noShow ? called.AddMinutes(2) : finished;
                var outcome = roll < 0.09 ? TicketOutcome.Ditolak : roll < 0.12 ? TicketOutcome.Diteruskan : TicketOutcome.Selesai;
                var t = new QueueTicket
                {
                    UnitCode = unit.Code, Day = day, Group = s.QueueGroup, Seq = n, ServiceId = s.Id, ServiceCode = s.Code, Priority = priority,
                    Channel = rng.NextDouble() < 0.85 ? TicketChannel.Kiosk : TicketChannel.Petugas, Status = noShow ? TicketStatus.TidakHadir : TicketStatus.Selesai,
                    Outcome = noShow ? null : outcome, TakenAt = Utc(arrival, zone), FirstCalledAt = Utc(called, zone), CalledAt = Utc(called, zone), CallCount = noShow ? 3 : 1,
                    CounterId = counters[c].Id, StartedAt = noShow ? null : Utc(started, zone), FinishedAt = Utc(noShow ? called.AddMinutes(2) : finished, zone),
                    IssuedBy = "kios", CalledBy = "loket (demo)", ServedBy = noShow ? null : "loket (demo)", IsDemo = true,
                };
                tickets.Add(t);
                if (!noShow && outcome == TicketOutcome.Selesai && rng.NextDouble() < 0.35)
                    responses.Add(Response(rng, unit, day, t, quality, SkmChannel.Tiket));
            }
            if (rng.NextDouble() < 0.3)
                responses.Add(Response(rng, unit, day, null, quality, SkmChannel.Kertas));
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.QueueTickets.AddRange(tickets);
            db.SkmResponses.AddRange(responses);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
    }

    private static DateTime Arrival(Random rng, DateOnly day)
    {
        var x = rng.NextDouble();
        foreach (var (hour, share) in Arrivals)
        {
            if (x < share)
                return day.ToDateTime(new TimeOnly(hour, rng.Next(60), rng.Next(60)));
            x -= share;
        }
        return day.ToDateTime(new TimeOnly(15, rng.Next(30)));
    }

    /// <summary>Letters and domicile certificates are most asked for; permits less.</summary>
    private static int Pick(Random rng, int count)
    {
        var weights = Enumerable.Range(0, count).Select(i => i < 2 ? 4.0 : i < 5 ? 1.5 : 0.7).ToArray();
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < count; i++)
        {
            if (x < weights[i])
                return i;
            x -= weights[i];
        }
        return count - 1;
    }

    private static SkmResponse Response(Random rng, Region unit, DateOnly day, QueueTicket? t, double quality, SkmChannel channel)
    {
        // Mostly 3s and 4s; waiting time (U3) and facilities (U8) rated lower, fees (U4) highest: the service is free.
        byte A(double bias)
        {
            var x = rng.NextDouble() * 0.9 + quality * 0.35 + bias;
            return (byte)(x < 0.35 ? 2 : x < 0.85 ? 3 : 4);
        }
        return new SkmResponse
        {
            UnitCode = unit.Code, TenantCode = unit.TenantCode, Channel = channel, Date = day, SubmittedAt = t?.FinishedAt?.AddMinutes(3) ?? day.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc),
            ServiceCode = t?.ServiceCode, TicketId = t?.Id,
            U1 = A(0), U2 = A(0), U3 = A(-0.25), U4 = A(0.3), U5 = A(0), U6 = A(0.05), U7 = A(0.1), U8 = A(-0.2), U9 = A(-0.1),
            Gender = rng.NextDouble() < 0.52 ? "P" : "L", Age = 18 + rng.Next(50), Education = new[] { "SMA", "SMA", "D4/S1", "SMP", "SD", "D1-D3" }[rng.Next(6)],
            Occupation = new[] { "Wiraswasta", "Pegawai swasta", "Ibu rumah tangga", "Pelajar/Mahasiswa", "Lainnya" }[rng.Next(5)],
            Saran = rng.NextDouble() < 0.1 ? "Ruang tunggu agak panas, mohon ditambah kipas. (DATA DEMO)" : null, IsDemo = true,
            EnteredBy = channel == SkmChannel.Kertas ? "staf (demo)" : null,
        };
    }

    private static DateTime Utc(DateTime local, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
}
