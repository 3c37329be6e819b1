namespace Rapor.Web.Domain;

public enum SkmChannel { Tiket, Tautan, Kertas, Impor }

/// <summary>One completed SKM questionnaire (PermenPANRB 14/2017): nine unsur answered 1–4, optional profile and saran.</summary>
public sealed class SkmResponse
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UnitCode { get; init; }
    public required string TenantCode { get; init; }
    public SkmChannel Channel { get; init; }

    /// <summary>The survey date (the paper's date for paper questionnaires).</summary>
    public DateOnly Date { get; init; }
    public DateTime SubmittedAt { get; init; }
    public string? ServiceCode { get; init; }

    /// <summary>The queue ticket rated; unique, so one response per ticket.</summary>
    public Guid? TicketId { get; init; }
    public byte U1 { get; init; }
    public byte U2 { get; init; }
    public byte U3 { get; init; }
    public byte U4 { get; init; }
    public byte U5 { get; init; }
    public byte U6 { get; init; }
    public byte U7 { get; init; }
    public byte U8 { get; init; }
    public byte U9 { get; init; }
    public string? Gender { get; init; }
    public int? Age { get; init; }
    public string? Education { get; init; }
    public string? Occupation { get; init; }
    public string? Saran { get; init; }

    /// <summary>Keyed hash of the client address (public link only), to throttle per client without storing the address.</summary>
    public string? ClientKey { get; init; }
    public string? EnteredBy { get; init; }
    public bool IsDemo { get; init; }

    public byte[] Answers => [U1, U2, U3, U4, U5, U6, U7, U8, U9];
}

/// <summary>"Laporan Hasil SKM" of one unit and period: analysis, follow-up plan, publication with frozen figures.</summary>
public sealed class SkmReport : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UnitCode { get; init; }
    public required string TenantCode { get; init; }

    /// <summary>2026, 2026-S2 or 2026-T4.</summary>
    public required string Period { get; init; }

    /// <summary>Services delivered in the period, typed by a unit without the queue (the queue counts its own).</summary>
    public int? TypedPopulation { get; set; }
    public string Analysis { get; set; } = "";
    public List<SkmFollowUp> FollowUps { get; init; } = [];
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>The figures as published (JSON of <c>SkmResult</c>): later entries never change a published report.</summary>
    public string? PublishedFigures { get; set; }
    public int Version { get; set; }

    public string AuditScope => UnitCode;
}

/// <summary>One row of the rencana tindak lanjut.</summary>
public sealed class SkmFollowUp : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReportId { get; init; }
    public required string UnitCode { get; init; }
    public int Unsur { get; set; }
    public required string Action { get; set; }
    public required string Pic { get; set; }
    public DateOnly Deadline { get; set; }

    public string AuditScope => UnitCode;
}

/// <summary>An SKM period: a year, a semester (S1/S2) or a triwulan (T1–T4).</summary>
public readonly record struct SkmPeriod(int Year, char Kind, int Part)
{
    public DateOnly From => Kind switch
    {
        'S' => new DateOnly(Year, (Part - 1) * 6 + 1, 1),
        'T' => new DateOnly(Year, (Part - 1) * 3 + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>Exclusive end.</summary>
    public DateOnly To => Kind switch
    {
        'S' => From.AddMonths(6),
        'T' => From.AddMonths(3),
        _ => From.AddYears(1),
    };

    public string Key => Kind switch
    {
        'S' => $"{Year}-S{Part}",
        'T' => $"{Year}-T{Part}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    public string Label => Kind switch
    {
        'S' => $"Semester {(Part == 1 ? "I" : "II")} {Year}",
        'T' => $"Triwulan {new[] { "I", "II", "III", "IV" }[Part - 1]} {Year}",
        _ => $"Tahun {Year}",
    };

    public static bool TryParse(string? key, out SkmPeriod period)
    {
        period = default;
        if (string.IsNullOrEmpty(key) || key.Length < 4 || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            return false;
        if (key.Length == 4)
        {
            period = new(year, 'Y', 1);
            return true;
        }
        if (key.Length != 7 || key[4] != '-' || !int.TryParse(key.AsSpan(6, 1), NumberStyles.None, CultureInfo.InvariantCulture, out var part))
            return false;
        var kind = char.ToUpperInvariant(key[5]);
        if ((kind == 'S' && part is >= 1 and <= 2) || (kind == 'T' && part is >= 1 and <= 4))
        {
            period = new(year, kind, part);
            return true;
        }
        return false;
    }

    public static SkmPeriod Containing(DateOnly day, char kind) => kind switch
    {
        'S' => new(day.Year, 'S', day.Month <= 6 ? 1 : 2),
        'T' => new(day.Year, 'T', (day.Month - 1) / 3 + 1),
        _ => new(day.Year, 'Y', 1),
    };
}
