namespace Rapor.Scoring;

/// <summary>
/// Standings of one tenant and period that can take one changed unit at a time (a verification decision): it
/// recomputes that unit, its kecamatan's roll-up and the ranks of the affected levels, not the whole tenant.
/// The result is the same as <see cref="Engine.Standings"/> over all units (a property test holds it to that).
/// </summary>
public sealed class Scoreboard
{
    private readonly FrameworkSpec _framework;
    private readonly Dictionary<string, UnitScore> _units;
    private readonly Dictionary<string, List<string>> _children;
    private readonly Dictionary<string, Standing> _standings;

    public Scoreboard(FrameworkSpec framework, IEnumerable<UnitScore> units)
    {
        _framework = framework;
        _units = units.ToDictionary(u => u.Code);
        _children = _units.Values.Where(u => u.Level == UnitLevel.Kelurahan && u.ParentCode is not null)
            .GroupBy(u => u.ParentCode!).ToDictionary(g => g.Key, g => g.Select(u => u.Code).ToList());
        _standings = Engine.Standings(framework, _units.Values.ToList()).ToDictionary(s => s.Code);
    }

    public IReadOnlyCollection<Standing> Standings => _standings.Values;

    public Standing this[string code] => _standings[code];

    public UnitScore Unit(string code) => _units[code];

    /// <summary>Replaces one unit's score; returns the standings whose total, zone or rank changed.</summary>
    public IReadOnlyList<Standing> Update(UnitScore changed)
    {
        if (!_units.ContainsKey(changed.Code))
            throw new ArgumentException($"Unknown unit {changed.Code}", nameof(changed));
        _units[changed.Code] = changed;
        var kecamatan = changed.Level == UnitLevel.Kecamatan ? changed.Code : changed.ParentCode;
        var touched = new List<Standing> { Refresh(changed.Code) };
        if (kecamatan is not null && kecamatan != changed.Code && _units.ContainsKey(kecamatan))
            touched.Add(Refresh(kecamatan));
        foreach (var s in touched)
            _standings[s.Code] = s;

        var before = new Dictionary<string, Standing>(_standings);
        foreach (var level in touched.Select(s => s.Level).Distinct())
        {
            foreach (var s in Engine.Rank(_framework, _standings.Values.Where(x => x.Level == level).ToList()))
                _standings[s.Code] = s;
        }
        return _standings.Values.Where(s => !before.TryGetValue(s.Code, out var old) || old != s || touched.Any(t => t.Code == s.Code)).ToList();
    }

    private Standing Refresh(string code)
    {
        var u = _units[code];
        double? mean = null;
        if (u.Level == UnitLevel.Kecamatan && _children.TryGetValue(code, out var kids) && kids.Count > 0)
            mean = kids.Average(k => _units[k].OwnScore);
        var total = u.Level == UnitLevel.Kecamatan ? Engine.RollUp(u.OwnScore, mean, _framework.RollUpShare) : u.OwnScore;
        var old = _standings[code];
        return old with
        {
            OwnScore = u.OwnScore,
            KelurahanMean = mean,
            Total = total,
            Bidang1 = u.Bidang.Count > 0 ? u.Bidang[0].Score : 0,
            Zone = Engine.ZoneOf(_framework, total),
            MissingReport = u.MissingReport,
        };
    }
}
