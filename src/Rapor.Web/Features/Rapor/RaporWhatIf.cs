using Rapor.Scoring;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Rapor;

/// <summary>
/// "What would lift this unit most?" on a rapor: per indicator the gain from meeting its target and the rank it would
/// reach, and the fewest indicators that bring it to the next zone. Computed by the engine (<see cref="WhatIf"/>) from
/// the rapor's own verified scores; nothing is stored.
/// </summary>
public sealed class RaporWhatIf
{
    public sealed record Step(Indicator Indicator, double Score, double? Value, bool Full);

    public required RaporView View { get; init; }
    public required List<(IndicatorGain Gain, Indicator Indicator, double? TargetValue)> Gains { get; init; }
    public PathToZone? Path { get; init; }
    public List<Step> PathSteps { get; init; } = [];
    public int Rank { get; init; }

    public static RaporWhatIf? For(RaporView v)
    {
        if (v.Score is not { } score || v.Peers.Count == 0)
            return null;
        var f = v.Spec.Engine;
        var peers = v.Peers.Select(Standing).ToList();
        var current = peers.First(p => p.Code == v.Unit.Code);
        var specs = f.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var monthlyInYear = v.Period.Kind == PeriodKind.Annual;
        double? ValueFor(string code, double s) =>
            monthlyInYear && v.IndicatorOf(code).Frequency == Frequency.Monthly ? null : WhatIf.ValueFor(specs[code], s);
        var gains = WhatIf.Gains(f, v.Verified, current, peers)
            .Select(g => (g, v.IndicatorOf(g.Code), ValueFor(g.Code, 100))).ToList();
        // The next zone up: hijau from kuning, kuning from merah.
        var target = current.Zone switch { Zone.Merah => Zone.Kuning, Zone.Kuning => Zone.Hijau, _ => (Zone?)null };
        var path = target is { } z ? WhatIf.ToZone(f, v.Verified, current, z) : null;
        var steps = new List<Step>();
        if (path is not null)
        {
            steps.AddRange(path.FullCodes.Select(c => new Step(v.IndicatorOf(c), 100, ValueFor(c, 100), true)));
            if (path.LastCode is { } last)
                steps.Add(new Step(v.IndicatorOf(last), path.LastScore, ValueFor(last, path.LastScore), path.LastScore >= 100 - 1e-9));
        }
        return new RaporWhatIf { View = v, Gains = gains, Path = path, PathSteps = steps, Rank = score.Rank };
    }

    private static Standing Standing(ScoreRecord s) => new(s.UnitCode, s.Name, ScoringService.LevelOf(s.Level), s.ParentCode, s.OwnScore, s.KelurahanMean,
        s.Total, s.Bidang1, Enum.Parse<Zone>(s.Zone), s.Rank, s.Tied, s.Position, s.MissingReport);
}
