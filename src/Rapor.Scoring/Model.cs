namespace Rapor.Scoring;

public enum Rule { LinearToTarget, LowerIsBetter, YesNo, Bands }

public enum UnitLevel { Kecamatan, Kelurahan }

public enum Zone { Hijau, Kuning, Merah }

/// <summary>One indicator as the engine needs it. <see cref="Weight"/> is its percent within its bidang.</summary>
public sealed record IndicatorSpec(
    string Code,
    int Bidang,
    Rule Rule,
    double Target,
    double Weight,
    bool ForKecamatan,
    bool ForKelurahan,
    bool Monthly,
    IReadOnlyList<(double From, double Score)>? Bands = null)
{
    public bool AppliesTo(UnitLevel level) => level == UnitLevel.Kecamatan ? ForKecamatan : ForKelurahan;
}

/// <summary><see cref="Weight"/> is the bidang's percent of the total.</summary>
public sealed record BidangSpec(int Number, string Name, double Weight);

/// <summary>Everything configurable per framework: bidang, indicators, roll-up share s and zone thresholds.</summary>
public sealed record FrameworkSpec(
    IReadOnlyList<BidangSpec> Bidang,
    IReadOnlyList<IndicatorSpec> Indicators,
    double RollUpShare = 0.3,
    double GreenFrom = 80,
    double YellowFrom = 65);

/// <summary>
/// One unit's values, aligned with <see cref="FrameworkSpec.Indicators"/>; NaN means no value.
/// <see cref="HasReport"/> false scores every indicator 0 and flags the unit (missing report).
/// </summary>
public sealed record UnitInput(string Code, string Name, UnitLevel Level, string? ParentCode, bool HasReport, double[] Values);

/// <summary>How one indicator contributed: the numbers behind "Mengapa nilai ini?".</summary>
public sealed record IndicatorResult(
    string Code,
    double? Value,
    double Target,
    Rule Rule,
    double Score,
    double WeightInBidang,
    double Contribution,
    bool Missing);

public sealed record BidangResult(int Number, string Name, double Weight, double Score, double Contribution);

public sealed record UnitScore(
    string Code,
    string Name,
    UnitLevel Level,
    string? ParentCode,
    bool MissingReport,
    double OwnScore,
    IReadOnlyList<BidangResult> Bidang,
    IReadOnlyList<IndicatorResult> Indicators);

/// <summary>A unit's place in the tenant: total after roll-up, zone and rank among its level.</summary>
public sealed record Standing(
    string Code,
    string Name,
    UnitLevel Level,
    string? ParentCode,
    double OwnScore,
    double? KelurahanMean,
    double Total,
    double Bidang1,
    Zone Zone,
    int Rank,
    bool Tied,
    int Position,
    bool MissingReport);
