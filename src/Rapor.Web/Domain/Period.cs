using System.Globalization;

namespace Rapor.Web.Domain;

public enum PeriodKind { Monthly, Annual }

/// <summary>A reporting period of one tenant: a month or a year, with open date, deadline and lock date.</summary>
public sealed class Period : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantCode { get; init; }
    public int Year { get; init; }

    /// <summary>1–12 for a monthly period; null for the annual one.</summary>
    public int? Month { get; init; }
    public PeriodKind Kind => Month is null ? PeriodKind.Annual : PeriodKind.Monthly;
    public DateOnly OpensOn { get; set; }
    public DateOnly Deadline { get; set; }

    /// <summary>
    /// After this day nothing more is accepted from a unit without an extension; a unit whose extension runs past it
    /// may still edit and submit until its new deadline (docs/decisions/ADR-008-extensions-past-the-lock-date.md).
    /// </summary>
    public DateOnly LocksOn { get; set; }

    /// <summary>Set by finalization: scores are frozen as a snapshot and nothing changes any more.</summary>
    public DateTime? FinalizedAt { get; set; }
    public string? FinalizedBy { get; set; }

    /// <summary>Why a finalized period was opened again (kept in the audit trail with every change of it).</summary>
    public string? ReopenReason { get; set; }

    public string AuditScope => TenantCode;

    /// <summary>"2025-06" or "2025", as used in URLs and the API.</summary>
    public string Key => Month is { } m ? $"{Year}-{m:00}" : Year.ToString(CultureInfo.InvariantCulture);

    public string Label => Month is { } m
        ? CultureInfo.GetCultureInfo("id-ID").DateTimeFormat.GetMonthName(m) + " " + Year.ToString(CultureInfo.InvariantCulture)
        : "Tahun " + Year.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseKey(string? key, out int year, out int? month)
    {
        month = null;
        year = 0;
        // Null when binding was cut short (a client that hung up mid-request): not a period.
        if (key is null)
            return false;
        if (key.Length == 4)
            return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is > 2000 and < 2100;
        if (key.Length == 7 && key[4] == '-'
            && int.TryParse(key[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(key[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
        {
            month = m;
            return year is > 2000 and < 2100;
        }
        return false;
    }

    /// <summary>Default calendar: a month is filled during the month, due on the 10th of the next month, locked on the 20th.</summary>
    public static Period Monthly(string tenant, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new Period { TenantCode = tenant, Year = year, Month = month, OpensOn = first, Deadline = first.AddMonths(1).AddDays(9), LocksOn = first.AddMonths(1).AddDays(19) };
    }

    /// <summary>The deadline that applies to one unit: its extension if granted, else the period's.</summary>
    public DateOnly DeadlineFor(DeadlineExtension? extension) => extension?.NewDeadline ?? Deadline;

    public bool IsOpenOn(DateOnly day) => OpensOn <= day && day <= LocksOn && FinalizedAt is null;

    public static Period Annual(string tenant, int year) => new()
    {
        TenantCode = tenant, Year = year, OpensOn = new(year, 12, 1), Deadline = new(year + 1, 1, 31), LocksOn = new(year + 1, 2, 28),
    };
}

/// <summary>A later deadline for one unit in one period, granted by the admin with a recorded reason.</summary>
public sealed class DeadlineExtension : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PeriodId { get; init; }
    public required string UnitCode { get; init; }
    public DateOnly NewDeadline { get; set; }
    public required string Reason { get; set; }
    public required string GrantedBy { get; init; }

    public string AuditScope => UnitCode;
}
