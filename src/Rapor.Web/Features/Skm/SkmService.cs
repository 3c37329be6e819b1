using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Skm;

public sealed class SkmOptions
{
    /// <summary>Responses one client (address) may send through the public link per hour; Development raises it.</summary>
    public int PublicLimitPerHour { get; set; } = 10;
}

/// <summary>Taking SKM responses from every channel with the same checks, and computing a unit's results.</summary>
public sealed class SkmService(RaporDbContext db, TimeProvider clock, SkmOptions options)
{
    public sealed record Input(IReadOnlyList<int>? Answers, string? Ticket, string? Service, string? Gender, int? Age, string? Education, string? Occupation,
        string? Saran, DateOnly? Date);

    public sealed record Saved(SkmResponse? Response, List<string> Errors, int Status = 400);

    public static readonly string[] Educations = ["SD", "SMP", "SMA", "D1-D3", "D4/S1", "S2", "S3"];
    public static readonly string[] Occupations = ["PNS", "TNI/Polri", "Pegawai swasta", "Wiraswasta", "Pelajar/Mahasiswa", "Ibu rumah tangga", "Lainnya"];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Checks one questionnaire; returns the row to store, or every problem found (in Bahasa Indonesia).</summary>
    public async Task<(SkmResponse? Row, List<string> Errors)> ValidateAsync(Region unit, Input input, SkmChannel channel, string? enteredBy, CancellationToken ct)
    {
        var errors = new List<string>();
        var answers = input.Answers ?? [];
        if (answers.Count != SkmMath.Unsur)
            errors.Add($"Jawaban harus tepat 9 (satu per unsur), diterima {answers.Count}.");
        else
        {
            for (var i = 0; i < answers.Count; i++)
            {
                if (answers[i] is < 1 or > 4)
                    errors.Add($"Jawaban unsur {i + 1} ({SkmMath.UnsurNames[i]}) harus 1–4, diterima {answers[i]}.");
            }
        }
        Guid? ticketId = null;
        string? service = string.IsNullOrWhiteSpace(input.Service) ? null : input.Service.Trim().ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(input.Ticket))
        {
            if (!Guid.TryParse(input.Ticket, out var tid))
                errors.Add("Tiket tidak dikenal.");
            else
            {
                var ticket = await db.QueueTickets.AsNoTracking().Where(t => t.Id == tid).Select(t => new { t.UnitCode, t.Status, t.ServiceCode }).FirstOrDefaultAsync(ct);
                if (ticket is null || ticket.UnitCode != unit.Code)
                    errors.Add("Tiket tidak dikenal di unit ini.");
                else if (ticket.Status != TicketStatus.Selesai)
                    errors.Add("Tiket ini belum selesai dilayani; survei dapat diisi setelah layanan selesai.");
                else if (await db.SkmResponses.AnyAsync(r => r.TicketId == tid, ct))
                    errors.Add("Tiket ini sudah dipakai untuk mengisi survei (satu tanggapan per tiket).");
                else
                {
                    ticketId = tid;
                    service ??= ticket.ServiceCode;
                }
            }
        }
        if (service is not null && !await db.ServiceStandards.AnyAsync(s => s.UnitCode == unit.Code && s.Code == service, ct))
            errors.Add($"Layanan \"{service}\" tidak ada di unit ini.");
        var gender = input.Gender?.Trim().ToUpperInvariant();
        if (gender is { Length: > 0 } && gender is not ("L" or "P"))
            errors.Add("Jenis kelamin L atau P.");
        if (input.Age is { } age && age is < 15 or > 100)
            errors.Add("Usia 15–100 tahun.");
        var education = Educations.FirstOrDefault(e => string.Equals(e, input.Education?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(input.Education) && education is null)
            errors.Add($"Pendidikan salah satu dari: {string.Join(", ", Educations)}.");
        var occupation = Occupations.FirstOrDefault(e => string.Equals(e, input.Occupation?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(input.Occupation) && occupation is null)
            errors.Add($"Pekerjaan salah satu dari: {string.Join(", ", Occupations)}.");
        if (input.Saran is { Length: > 1000 })
            errors.Add("Saran paling panjang 1000 karakter.");
        var date = input.Date ?? Today;
        if (date > Today || date < Today.AddYears(-2))
            errors.Add("Tanggal survei tidak boleh di masa depan atau lebih dari dua tahun lalu.");
        if (errors.Count > 0)
            return (null, errors);
        byte A(int i) => (byte)answers[i];
        return (new SkmResponse
        {
            UnitCode = unit.Code, TenantCode = unit.TenantCode, Channel = channel, Date = date, SubmittedAt = clock.GetUtcNow().UtcDateTime, ServiceCode = service,
            TicketId = ticketId, U1 = A(0), U2 = A(1), U3 = A(2), U4 = A(3), U5 = A(4), U6 = A(5), U7 = A(6), U8 = A(7), U9 = A(8),
            Gender = gender is { Length: > 0 } ? gender : null, Age = input.Age, Education = education, Occupation = occupation,
            Saran = string.IsNullOrWhiteSpace(input.Saran) ? null : input.Saran.Trim(), EnteredBy = enteredBy,
        }, errors);
    }

    /// <summary>One response from the ticket link, the public link or a staff member's paper entry.</summary>
    public async Task<Saved> SubmitAsync(string unitCode, Input input, SkmChannel channel, string? clientAddress, string? enteredBy, CancellationToken ct)
    {
        var unit = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unitCode && r.Level != RegionLevel.KabupatenKota, ct);
        if (unit is null)
            return new(null, [$"Unit {unitCode} tidak dikenal."]);
        if (!await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unitCode && d.UsesSkm, ct))
            return new(null, ["Unit ini belum membuka survei kepuasan masyarakat di Rapor."]);
        var (row, errors) = await ValidateAsync(unit, input, channel, enteredBy, ct);
        if (row is null)
            return new(null, errors);
        string? clientKey = null;
        if (channel == SkmChannel.Tautan)
        {
            // Counted over stored responses, so the limit holds across app instances.
            clientKey = ClientKey(clientAddress);
            var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
            if (await db.SkmResponses.CountAsync(r => r.ClientKey == clientKey && r.SubmittedAt > since, ct) >= options.PublicLimitPerHour)
                return new(null, [$"Terlalu banyak tanggapan dari perangkat ini dalam satu jam (batas {options.PublicLimitPerHour}). Coba lagi nanti."], 429);
        }
        var stored = clientKey is null ? row : Copy(row, clientKey);
        db.SkmResponses.Add(stored);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (stored.TicketId is not null)
        {
            // The unique ticket index: the same ticket rated twice at the same moment.
            db.Entry(stored).State = EntityState.Detached;
            return new(null, ["Tiket ini sudah dipakai untuk mengisi survei (satu tanggapan per tiket)."]);
        }
        return new(stored, []);
    }

    private static SkmResponse Copy(SkmResponse r, string clientKey) => new()
    {
        UnitCode = r.UnitCode, TenantCode = r.TenantCode, Channel = r.Channel, Date = r.Date, SubmittedAt = r.SubmittedAt, ServiceCode = r.ServiceCode, TicketId = r.TicketId,
        U1 = r.U1, U2 = r.U2, U3 = r.U3, U4 = r.U4, U5 = r.U5, U6 = r.U6, U7 = r.U7, U8 = r.U8, U9 = r.U9, Gender = r.Gender, Age = r.Age, Education = r.Education,
        Occupation = r.Occupation, Saran = r.Saran, EnteredBy = r.EnteredBy, ClientKey = clientKey,
    };

    /// <summary>A daily-changing hash of the client address: enough to throttle, useless to identify anyone later.</summary>
    private string ClientKey(string? address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"rapor-skm|{Today:yyyy-MM-dd}|{address}")))[..32];

    public async Task<SkmWeighting> WeightingAsync(string tenant, CancellationToken ct) =>
        await db.ServiceDesks.AsNoTracking().Where(d => d.UnitCode == tenant).Select(d => (SkmWeighting?)d.Weighting).FirstOrDefaultAsync(ct) ?? SkmWeighting.Exact;

    /// <summary>Sums per unsur added up by the database: 10,000 responses never travel to the app.</summary>
    public static async Task<SkmMath.Totals> TotalsAsync(RaporDbContext db, string unit, DateOnly from, DateOnly to, string? service, CancellationToken ct)
    {
        var q = db.SkmResponses.AsNoTracking().Where(r => r.UnitCode == unit && r.Date >= from && r.Date < to);
        if (service is not null)
            q = q.Where(r => r.ServiceCode == service);
        var t = await q.GroupBy(r => 1).Select(g => new
        {
            N = g.Count(), S1 = g.Sum(r => (int)r.U1), S2 = g.Sum(r => (int)r.U2), S3 = g.Sum(r => (int)r.U3), S4 = g.Sum(r => (int)r.U4), S5 = g.Sum(r => (int)r.U5),
            S6 = g.Sum(r => (int)r.U6), S7 = g.Sum(r => (int)r.U7), S8 = g.Sum(r => (int)r.U8), S9 = g.Sum(r => (int)r.U9),
        }).FirstOrDefaultAsync(ct);
        return t is null ? new SkmMath.Totals(new long[SkmMath.Unsur], 0) : new SkmMath.Totals([t.S1, t.S2, t.S3, t.S4, t.S5, t.S6, t.S7, t.S8, t.S9], t.N);
    }

    /// <summary>Services delivered in the period: from the queue when the unit runs it, else as typed on the SKM report.</summary>
    public async Task<(int Population, bool FromQueue)> PopulationAsync(string unit, SkmPeriod period, CancellationToken ct)
    {
        if (await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unit && d.UsesQueue, ct))
            return (await db.QueueTickets.CountAsync(t => t.UnitCode == unit && t.Day >= period.From && t.Day < period.To && t.Status == TicketStatus.Selesai && t.Outcome == TicketOutcome.Selesai, ct), true);
        var key = period.Key;
        return (await db.SkmReports.AsNoTracking().Where(r => r.UnitCode == unit && r.Period == key).Select(r => r.TypedPopulation).FirstOrDefaultAsync(ct) ?? 0, false);
    }

    public async Task<SkmMath.Result> ComputeAsync(Region unit, SkmPeriod period, string? service, CancellationToken ct)
    {
        var totals = await TotalsAsync(db, unit.Code, period.From, period.To, service, ct);
        var (population, _) = await PopulationAsync(unit.Code, period, ct);
        return SkmMath.Compute(totals, await WeightingAsync(unit.TenantCode, ct), population);
    }

    public static string Serialize(SkmMath.Result r) => JsonSerializer.Serialize(r);

    public static SkmMath.Result? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<SkmMath.Result>(json);
}
