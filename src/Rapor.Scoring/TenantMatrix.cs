namespace Rapor.Scoring;

/// <summary>
/// One tenant's month held column by column — all values in one unit-major array, each unit attribute and each result
/// in its own array — so a full rescore (after an admin changes a weight or a threshold) is a few tight loops and one
/// sort per level, with no object per unit. Same totals, zones and ranks as <see cref="Engine.Standings"/> (a property
/// test holds them equal); <see cref="Standing(int)"/> builds the record form only for the units someone looks at.
/// </summary>
public sealed class TenantMatrix
{
    private readonly double[] _values;
    private readonly int _width;
    private readonly UnitLevel[] _levels;
    private readonly bool[] _hasReport;
    private readonly int[] _parent;
    private readonly int[] _nameOrder;
    private readonly string[] _codes;
    private readonly string[] _names;
    private readonly string?[] _parentCodes;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _kidCount;

    public double[] Own { get; }
    public double[] Bidang1 { get; }
    public double[] Total { get; }
    public double[] KelurahanMean { get; } // NaN when the unit has no kelurahan (or is one)
    public Zone[] Zones { get; }
    public int[] Rank { get; }
    public int[] Position { get; }
    public bool[] Tied { get; }

    public int Count => _codes.Length;

    public TenantMatrix(IReadOnlyList<UnitInput> units)
    {
        var n = units.Count;
        _width = n == 0 ? 0 : units[0].Values.Length;
        _values = new double[n * _width];
        _levels = new UnitLevel[n];
        _hasReport = new bool[n];
        _parent = new int[n];
        _codes = new string[n];
        _names = new string[n];
        _parentCodes = new string?[n];
        _index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var u = units[i];
            if (u.Values.Length != _width)
                throw new ArgumentException($"Unit {u.Code} has {u.Values.Length} values, expected {_width}", nameof(units));
            u.Values.CopyTo(_values, i * _width);
            (_levels[i], _hasReport[i], _codes[i], _names[i], _parentCodes[i]) = (u.Level, u.HasReport, u.Code, u.Name, u.ParentCode);
            _index.Add(u.Code, i);
        }
        _kidCount = new int[n];
        for (var i = 0; i < n; i++)
        {
            _parent[i] = _levels[i] == UnitLevel.Kelurahan && _parentCodes[i] is { } p && _index.TryGetValue(p, out var pi) ? pi : -1;
            if (_parent[i] >= 0)
                _kidCount[_parent[i]]++;
        }
        // Names never change during a month, so the last tie-breakers (name, code) become one integer compare.
        var byName = Enumerable.Range(0, n).ToArray();
        Array.Sort(byName, (a, b) =>
        {
            var c = string.CompareOrdinal(_names[a], _names[b]);
            return c != 0 ? c : string.CompareOrdinal(_codes[a], _codes[b]);
        });
        _nameOrder = new int[n];
        for (var r = 0; r < n; r++)
            _nameOrder[byName[r]] = r;

        (Own, Bidang1, Total, KelurahanMean) = (new double[n], new double[n], new double[n], new double[n]);
        (Zones, Rank, Position, Tied) = (new Zone[n], new int[n], new int[n], new bool[n]);
    }

    public int IndexOf(string code) => _index[code];

    public UnitLevel Level(int unit) => _levels[unit];

    public ReadOnlySpan<double> Values(int unit) => _values.AsSpan(unit * _width, _width);

    /// <summary>Replaces one unit's values (a verification decision); call <see cref="Rescore"/> afterwards.</summary>
    public void SetValues(int unit, ReadOnlySpan<double> values, bool hasReport)
    {
        values.CopyTo(_values.AsSpan(unit * _width, _width));
        _hasReport[unit] = hasReport;
    }

    /// <summary>Own scores, roll-up, zones and ranks of every unit.</summary>
    public void Rescore(CompiledFramework framework)
    {
        var f = framework.Spec;
        var n = Count;
        var kidSum = new double[n];
        for (var i = 0; i < n; i++)
        {
            (Own[i], Bidang1[i]) = framework.Score(Values(i), _levels[i], _hasReport[i]);
            if (_parent[i] >= 0)
                kidSum[_parent[i]] += Own[i];
        }
        Span<int> levelCount = stackalloc int[2];
        for (var i = 0; i < n; i++)
        {
            var mean = _levels[i] == UnitLevel.Kecamatan && _kidCount[i] > 0 ? kidSum[i] / _kidCount[i] : double.NaN;
            KelurahanMean[i] = mean;
            Total[i] = double.IsNaN(mean) ? Own[i] : Engine.RollUp(Own[i], mean, f.RollUpShare);
            Zones[i] = Engine.ZoneOf(f, Total[i]);
            levelCount[(int)_levels[i]]++;
        }
        RankLevel(UnitLevel.Kecamatan, levelCount[0]);
        RankLevel(UnitLevel.Kelurahan, levelCount[1]);
    }

    private void RankLevel(UnitLevel level, int count)
    {
        var keys = new RankKey[count];
        var k = 0;
        for (var i = 0; i < Count; i++)
        {
            if (_levels[i] == level)
                keys[k++] = new RankKey(Math.Round(Total[i], 2), Bidang1[i], _nameOrder[i], i);
        }
        Array.Sort(keys);
        var rank = 0;
        for (var p = 0; p < keys.Length; p++)
        {
            var u = keys[p].Unit;
            (Rank[u], Tied[u]) = Engine.RankAt(p, keys[p].Rounded, p > 0 ? keys[p - 1].Rounded : null, p + 1 < keys.Length ? keys[p + 1].Rounded : null, ref rank);
            Position[u] = p + 1;
        }
    }

    /// <summary>The record form of one unit's standing, as <see cref="Engine.Standings"/> returns it.</summary>
    public Standing Standing(int i) => new(_codes[i], _names[i], _levels[i], _parentCodes[i], Own[i],
        double.IsNaN(KelurahanMean[i]) ? null : KelurahanMean[i], Total[i], Bidang1[i], Zones[i], Rank[i], Tied[i], Position[i], !_hasReport[i]);

    // Struct with IComparable<T>: Array.Sort specialises on it, no delegate call per comparison.
    private readonly record struct RankKey(double Rounded, double Bidang1, int NameOrder, int Unit) : IComparable<RankKey>
    {
        public int CompareTo(RankKey other)
        {
            var c = other.Rounded.CompareTo(Rounded);
            if (c == 0)
                c = other.Bidang1.CompareTo(Bidang1);
            return c != 0 ? c : NameOrder.CompareTo(other.NameOrder);
        }
    }
}
