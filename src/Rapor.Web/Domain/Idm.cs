namespace Rapor.Web.Domain;

/// <summary>Status desa of the Indeks Desa Membangun (Permendesa 2/2016), from least to most developed.</summary>
public enum IdmStatus { SangatTertinggal, Tertinggal, Berkembang, Maju, Mandiri }

/// <summary>One desa's IDM for one year, as imported from the yearly sheet, with the status recomputed here.</summary>
public sealed class IdmScore : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantCode { get; init; }
    public required string DesaCode { get; init; }
    public int Year { get; init; }

    /// <summary>Indeks Ketahanan Sosial, Ekonomi, Lingkungan and their mean, each 0–1.</summary>
    public double Iks { get; set; }
    public double Ike { get; set; }
    public double Ikl { get; set; }
    public double Idm { get; set; }

    /// <summary>The status written in the sheet.</summary>
    public IdmStatus SheetStatus { get; set; }

    /// <summary>The status from <see cref="Idm"/> and the thresholds; the one lists filter on.</summary>
    public IdmStatus Status { get; set; }

    /// <summary>The sheet's status differs from the one its own IDM value gives.</summary>
    public bool StatusMismatch { get; set; }

    /// <summary>The sheet's IDM differs from (IKS + IKE + IKL) / 3 by more than rounding.</summary>
    public bool IdmMismatch { get; set; }
    public required string ImportedBy { get; set; }
    public DateTime ImportedAt { get; set; }
    public bool IsDemo { get; set; }

    public string AuditScope => DesaCode;
}

public static class IdmRules
{
    /// <summary>Sheets print four decimals; a mean that differs by more than this is not rounding.</summary>
    public const double MeanTolerance = 0.0006;

    /// <summary>Upper bounds (inclusive) of each status; above the last is mandiri (domain brief §8).</summary>
    public static readonly IReadOnlyList<(double UpTo, IdmStatus Status)> Thresholds =
    [
        (0.4907, IdmStatus.SangatTertinggal), (0.5989, IdmStatus.Tertinggal), (0.7072, IdmStatus.Berkembang), (0.8155, IdmStatus.Maju),
    ];

    public static IdmStatus StatusOf(double idm)
    {
        foreach (var (upTo, status) in Thresholds)
        {
            if (idm <= upTo)
                return status;
        }
        return IdmStatus.Mandiri;
    }

    public static double Mean(double iks, double ike, double ikl) => (iks + ike + ikl) / 3;

    public static string Label(IdmStatus s) => s switch
    {
        IdmStatus.SangatTertinggal => "Sangat Tertinggal",
        IdmStatus.Tertinggal => "Tertinggal",
        IdmStatus.Berkembang => "Berkembang",
        IdmStatus.Maju => "Maju",
        _ => "Mandiri",
    };

    /// <summary>Reads a status as sheets write it ("SANGAT TERTINGGAL", "sangat_tertinggal", "Mandiri" …).</summary>
    public static IdmStatus? Parse(string? text)
    {
        var t = new string((text ?? "").Where(char.IsLetter).ToArray());
        foreach (var s in Enum.GetValues<IdmStatus>())
        {
            if (string.Equals(t, s.ToString(), StringComparison.OrdinalIgnoreCase))
                return s;
        }
        return null;
    }
}
