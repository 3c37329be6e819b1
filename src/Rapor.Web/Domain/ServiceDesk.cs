namespace Rapor.Web.Domain;

public enum ServiceKind { Perizinan, NonPerizinan }

/// <summary>How a service's completion time (SLA) is stated in its Standar Pelayanan.</summary>
public enum SlaUnit { Menit, HariKerja }

/// <summary>
/// One service of a Standar Pelayanan (PermenPANRB 15/2014 components: requirements, procedure, time, fee, product,
/// responsible official, legal basis). A row whose unit is the kab/kota itself is the tenant's template, which each
/// kecamatan (or kelurahan/desa that serves) adopts as its own copy and adjusts.
/// </summary>
public sealed class ServiceStandard : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantCode { get; init; }

    /// <summary>The serving unit, or the tenant code for the template.</summary>
    public required string UnitCode { get; init; }

    /// <summary>Short code used by the kiosk and the API, unique per unit (e.g. "SKTM").</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public ServiceKind Kind { get; set; }

    /// <summary>The queue group letter its tickets are numbered in (A-001, B-001 …).</summary>
    public string QueueGroup { get; set; } = "A";

    /// <summary>One requirement per line.</summary>
    public string Requirements { get; set; } = "";

    /// <summary>One step per line.</summary>
    public string Procedure { get; set; } = "";
    public int SlaValue { get; set; }
    public SlaUnit SlaUnit { get; set; }
    public decimal Fee { get; set; }
    public string Product { get; set; } = "";
    public string Responsible { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public bool Active { get; set; } = true;
    public int Order { get; set; }
    public Guid? AdoptedFromId { get; set; }

    public string AuditScope => UnitCode;

    public bool IsTemplate => UnitCode == TenantCode;

    /// <summary>
    /// Whether a ticket taken at <paramref name="taken"/> and finished at <paramref name="finished"/> met the SLA. The
    /// queue measures the whole visit (taken → finished, PermenPANRB 15/2014: "seluruh proses pelayanan"); a service
    /// stated in working days is met when the desk finishes it within that many working days (Mon–Fri).
    /// </summary>
    public bool WithinSla(DateTime taken, DateTime finished, TimeZoneInfo zone) => SlaUnit == SlaUnit.Menit
        ? (finished - taken).TotalMinutes <= SlaValue
        : WorkingDaysBetween(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(taken, zone)), DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(finished, zone))) <= SlaValue;

    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var d = from; d < to; d = d.AddDays(1))
        {
            if (d.AddDays(1).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                days++;
        }
        return days;
    }
}

/// <summary>Which SKM weighting an IKM is computed with (PermenPANRB 14/2017: 1/9 per unsur; the official sheets round it to 0,111).</summary>
public enum SkmWeighting { Exact, Rounded }

/// <summary>
/// A unit's service-desk settings: whether it runs the digital queue and the SKM in Rapor (then bidang 1 is computed
/// from them, otherwise typed), the display's running text. On the kab/kota's own row only
/// <see cref="Weighting"/> matters: one weighting per tenant keeps every unit's IKM comparable.
/// </summary>
public sealed class ServiceDesk : IAudited
{
    public required string UnitCode { get; init; }
    public required string TenantCode { get; init; }
    public bool UsesQueue { get; set; }
    public bool UsesSkm { get; set; }
    public string RunningText { get; set; } = "";
    public SkmWeighting Weighting { get; set; }

    public string AuditScope => UnitCode;
}

/// <summary>A service counter (loket) of a unit; it calls tickets of its groups (empty: every group).</summary>
public sealed class QueueCounter : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UnitCode { get; init; }
    public int Number { get; set; }
    public required string Name { get; set; }

    /// <summary>Group letters served, e.g. "AB"; empty serves all.</summary>
    public string Groups { get; set; } = "";
    public bool Active { get; set; } = true;

    public string AuditScope => UnitCode;

    public bool Serves(string group) => Groups.Length == 0 || Groups.Contains(group, StringComparison.Ordinal);
}

public enum TicketPriority { Umum, Lansia, Difabel, IbuHamil }

/// <summary>Menunggu → Dipanggil (recall keeps it) → Dilayani → Selesai; Dipanggil → TidakHadir; a transfer puts it back to Menunggu for one counter.</summary>
public enum TicketStatus { Menunggu, Dipanggil, Dilayani, Selesai, TidakHadir }

public enum TicketOutcome { Selesai, Ditolak, Diteruskan }

public enum TicketChannel { Kiosk, Petugas }

/// <summary>
/// One visit in the queue. The row is its own history (taken, called, started, finished, by whom); it is written by
/// single SQL statements so that two counters can never claim it twice (ADR-020), hence not <see cref="IAudited"/>.
/// </summary>
public sealed class QueueTicket
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UnitCode { get; init; }

    /// <summary>The local service day; numbers restart every day per group.</summary>
    public DateOnly Day { get; init; }
    public required string Group { get; init; }
    public int Seq { get; init; }
    public Guid ServiceId { get; init; }
    public required string ServiceCode { get; init; }
    public TicketPriority Priority { get; init; }
    public TicketChannel Channel { get; init; }
    public TicketStatus Status { get; set; }
    public TicketOutcome? Outcome { get; set; }
    public string? OutcomeNote { get; set; }
    public DateTime TakenAt { get; init; }
    public DateTime? FirstCalledAt { get; set; }
    public DateTime? CalledAt { get; set; }
    public int CallCount { get; set; }
    public Guid? CounterId { get; set; }

    /// <summary>Set by a transfer: only that counter calls the ticket next (before its own queue).</summary>
    public Guid? TransferredToCounterId { get; set; }
    public int Transfers { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? IssuedBy { get; init; }
    public string? CalledBy { get; set; }
    public string? ServedBy { get; set; }
    public bool IsDemo { get; init; }

    public string Number => FormatNumber(Group, Seq);

    public static string FormatNumber(string group, int seq) => $"{group}-{seq.ToString("000", CultureInfo.InvariantCulture)}";
}

/// <summary>The last number issued per unit, day and group: incremented atomically in the database (ADR-020).</summary>
public sealed class QueueSequence
{
    public required string UnitCode { get; init; }
    public DateOnly Day { get; init; }
    public required string Group { get; init; }
    public int Last { get; set; }
}
