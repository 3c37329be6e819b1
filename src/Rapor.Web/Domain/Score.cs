namespace Rapor.Web.Domain;

public enum VerificationStatus { Belum, Diterima, Dikoreksi, Ditolak }

/// <summary>
/// A unit's standing in one period as last computed (derived data, rebuilt from verified values at any time);
/// after finalization it is the frozen snapshot the public sees.
/// </summary>
public sealed class ScoreRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PeriodId { get; init; }
    public required string UnitCode { get; init; }
    public required string Name { get; set; }
    public RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }
    public double OwnScore { get; set; }
    public double? KelurahanMean { get; set; }
    public double Total { get; set; }
    public double Bidang1 { get; set; }

    /// <summary>Bidang scores in number order, "70.00;100.00;…" (invariant), for tables and the weakest-bidang view.</summary>
    public string BidangScores { get; set; } = "";
    public required string Zone { get; set; }
    public int Rank { get; set; }
    public bool Tied { get; set; }
    public int Position { get; set; }
    public bool MissingReport { get; set; }
    public DateTime ComputedAt { get; set; }
}
