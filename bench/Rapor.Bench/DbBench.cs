using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapor.Scoring;

namespace Rapor.Bench;

/// <summary>
/// Cold full rescore of one national month from a database: the engine (partitioned parallel reads + compiled
/// scoring) against the same computation written as one SQL statement executed by the database, results checked equal.
/// </summary>
public sealed class DbBench(NationalData data, int seed, int months = 1)
{
    private readonly CompiledFramework _compiled = new(data.Framework, monthly: true);
    private readonly List<(int Id, int Tenant, int Parent, UnitInput Unit)> _units = Flatten(data);

    private static List<(int, int, int, UnitInput)> Flatten(NationalData data)
    {
        var list = new List<(int, int, int, UnitInput)>();
        var ids = new Dictionary<string, int>();
        for (var t = 0; t < data.ByTenant.Count; t++)
        {
            foreach (var u in data.ByTenant[t])
            {
                ids[u.Code] = list.Count;
                list.Add((list.Count, t, u.Level == UnitLevel.Kecamatan ? -1 : ids[u.ParentCode!], u));
            }
        }
        return list;
    }

    public sealed record Result(string Database, double LoadSeconds, long Rows, double EngineMs, double SqlMs, int Mismatches,
        double AnnualEngineMs = 0, double AnnualSqlMs = 0, int AnnualMismatches = 0);

    /// <summary>A month's value: the generated (month 1) value varied deterministically by ±10 % per month.</summary>
    private static double ValueIn(int month, int unit, int indicator, double baseValue)
    {
        if (month == 1 || double.IsNaN(baseValue))
            return baseValue;
        var h = (uint)(unit * 73856093 ^ indicator * 19349663 ^ month * 83492791);
        h ^= h >> 13;
        h *= 0x5bd1e995;
        return Math.Round(baseValue * (0.9 + (h % 2001) / 10000.0), 1);
    }

    private double[] MonthValues(int month, int id, UnitInput u)
    {
        var v = new double[u.Values.Length];
        for (var i = 0; i < v.Length; i++)
            v[i] = ValueIn(month, id, i, u.Values[i]);
        return v;
    }

    // ---------- PostgreSQL ----------

    public Result Postgres(string serverConnectionString)
    {
        // Its own database: the test role may create databases but not tables in "postgres".
        using (var admin = new NpgsqlConnection(serverConnectionString))
        {
            admin.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'rapor_bench'", admin);
            if (exists.ExecuteScalar() is null)
                Exec(admin, "CREATE DATABASE rapor_bench");
        }
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "rapor_bench" }.ToString();
        using (var c = new NpgsqlConnection(connectionString))
        {
            c.Open();
            Exec(c, "DROP TABLE IF EXISTS vals; DROP TABLE IF EXISTS units; DROP TABLE IF EXISTS spec;");
            Exec(c, "CREATE UNLOGGED TABLE units(id int PRIMARY KEY, tenant int, parent int, level smallint, has_report boolean);");
            Exec(c, "CREATE UNLOGGED TABLE spec(indicator smallint PRIMARY KEY, rule smallint, target double precision, coef0 double precision, coef1 double precision, b10 double precision, b11 double precision);");
            Exec(c, "CREATE UNLOGGED TABLE vals(month smallint, unit int, indicator smallint, value double precision);");
            Exec(c, "DROP TABLE IF EXISTS packed; CREATE UNLOGGED TABLE packed(month smallint, unit int, vals bytea);");
        }
        var sw = Stopwatch.StartNew();
        long rows;
        using (var c = new NpgsqlConnection(connectionString))
        {
            c.Open();
            using (var w = c.BeginBinaryImport("COPY units FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (id, tenant, parent, u) in _units)
                {
                    w.StartRow();
                    w.Write(id);
                    w.Write(tenant);
                    w.Write(parent);
                    w.Write((short)u.Level);
                    w.Write(u.HasReport);
                }
                w.Complete();
            }
            using (var w = c.BeginBinaryImport("COPY spec FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < data.Framework.Indicators.Count; i++)
                {
                    var s = data.Framework.Indicators[i];
                    w.StartRow();
                    w.Write((short)i);
                    w.Write((short)s.Rule);
                    w.Write(s.Target);
                    w.Write(_compiled.Coefficient(UnitLevel.Kecamatan, i));
                    w.Write(_compiled.Coefficient(UnitLevel.Kelurahan, i));
                    w.Write(_compiled.Bidang1Coefficient(UnitLevel.Kecamatan, i));
                    w.Write(_compiled.Bidang1Coefficient(UnitLevel.Kelurahan, i));
                }
                w.Complete();
            }
            using (var w = c.BeginBinaryImport("COPY vals FROM STDIN (FORMAT BINARY)"))
            {
                rows = 0;
                for (short month = 1; month <= months; month++)
                {
                    foreach (var (id, _, _, u) in _units)
                    {
                        var values = MonthValues(month, id, u);
                        for (short i = 0; i < values.Length; i++)
                        {
                            if (double.IsNaN(values[i]))
                                continue;
                            w.StartRow();
                            w.Write(month);
                            w.Write(id);
                            w.Write(i);
                            w.Write(values[i]);
                            rows++;
                        }
                    }
                }
                w.Complete();
            }
            // The engine's own layout: one row per unit and month, its 40 verified values packed (NaN = missing).
            using (var w = c.BeginBinaryImport("COPY packed FROM STDIN (FORMAT BINARY)"))
            {
                for (short month = 1; month <= months; month++)
                {
                    foreach (var (id, _, _, u) in _units)
                    {
                        w.StartRow();
                        w.Write(month);
                        w.Write(id);
                        w.Write(Pack(MonthValues(month, id, u)), NpgsqlTypes.NpgsqlDbType.Bytea);
                    }
                }
                w.Complete();
            }
            Exec(c, "CREATE INDEX vals_month_unit ON vals(month, unit); CREATE INDEX packed_month_unit ON packed(month, unit); ANALYZE;");
        }
        var load = sw.Elapsed.TotalSeconds;

        var engine = Time(() => EngineFromPostgres(connectionString, 1));
        var sql = Time(() => SqlPostgres(connectionString, 1));
        if (months < 12)
            return new Result("PostgreSQL", load, rows, engine.Ms, sql.Ms, Compare(engine.Value, sql.Value));
        var annualEngine = Time(() => EngineFromPostgres(connectionString, 12));
        var annualSql = Time(() => SqlPostgres(connectionString, 12));
        return new Result("PostgreSQL", load, rows, engine.Ms, sql.Ms, Compare(engine.Value, sql.Value), annualEngine.Ms, annualSql.Ms, Compare(annualEngine.Value, annualSql.Value));
    }

    private Dictionary<int, (double Total, int Rank)> EngineFromPostgres(string cs, int upToMonth)
    {
        var n = _units.Count;
        var k = data.Framework.Indicators.Count;
        var owns = new double[n];
        var firsts = new double[n];
        var meta = new (int Tenant, int Parent, short Level, bool HasReport)[n];
        using (var c = new NpgsqlConnection(cs))
        {
            c.Open();
            using var r = c.BeginBinaryExport("COPY units TO STDOUT (FORMAT BINARY)");
            while (r.StartRow() != -1)
            {
                var id = r.Read<int>();
                meta[id] = (r.Read<int>(), r.Read<int>(), r.Read<short>(), r.Read<bool>());
            }
        }
        // Two partitions read at once (one per core), each over its own connection.
        var parts = 2;
        Parallel.For(0, parts, p =>
        {
            var from = n * p / parts;
            var to = n * (p + 1) / parts;
            using var c = new NpgsqlConnection(cs);
            c.Open();
            using var r = c.BeginBinaryExport($"COPY (SELECT unit, vals FROM packed WHERE month <= {upToMonth} AND unit >= {from} AND unit < {to}) TO STDOUT (FORMAT BINARY)");
            Span<double> row = stackalloc double[k];
            while (r.StartRow() != -1)
            {
                var unit = r.Read<int>();
                Unpack(r.Read<byte[]>(), row);
                Accumulate(unit, row, meta, owns, firsts);
            }
        });
        return Standings(owns, firsts, meta, upToMonth);
    }

    private static Dictionary<int, (double Total, int Rank)> SqlPostgres(string cs, int upToMonth)
    {
        const string sql = """
            WITH s AS (
              SELECT v.unit, u.tenant, u.parent, u.level,
                CASE WHEN NOT u.has_report THEN 0 ELSE CASE sp.rule
                  WHEN 0 THEN CASE WHEN sp.target <= 0 THEN 100 ELSE LEAST(100, GREATEST(0, 100 * v.value / sp.target)) END
                  WHEN 1 THEN CASE WHEN v.value <= 0 THEN 100 WHEN sp.target <= 0 THEN 0 ELSE LEAST(100, GREATEST(0, 100 * sp.target / v.value)) END
                  WHEN 2 THEN CASE WHEN v.value >= 0.5 THEN 100 ELSE 0 END
                  ELSE CASE WHEN v.value >= 60 THEN 100 WHEN v.value >= 40 THEN 75 WHEN v.value >= 20 THEN 50 ELSE 0 END
                END END AS score,
                CASE WHEN u.level = 0 THEN sp.coef0 ELSE sp.coef1 END AS coef,
                CASE WHEN u.level = 0 THEN sp.b10 ELSE sp.b11 END AS b1
              FROM vals v JOIN units u ON u.id = v.unit JOIN spec sp ON sp.indicator = v.indicator
              WHERE v.month <= @months),
            own AS (SELECT unit, tenant, parent, level, SUM(coef * score) / @months AS own FROM s GROUP BY unit, tenant, parent, level),
            kid AS (SELECT parent, AVG(own) AS m FROM own WHERE level = 1 GROUP BY parent),
            tot AS (SELECT o.unit, o.tenant, o.level, CASE WHEN o.level = 0 AND k.m IS NOT NULL THEN 0.7 * o.own + 0.3 * k.m ELSE o.own END AS total
                    FROM own o LEFT JOIN kid k ON k.parent = o.unit)
            SELECT unit, total, RANK() OVER (PARTITION BY tenant, level ORDER BY ROUND(total::numeric, 2) DESC)::int FROM tot
            """;
        var result = new Dictionary<int, (double, int)>();
        using var c = new NpgsqlConnection(cs);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 600 };
        cmd.Parameters.AddWithValue("months", upToMonth);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            result[r.GetInt32(0)] = (r.GetDouble(1), r.GetInt32(2));
        return result;
    }

    // ---------- SQLite ----------

    public Result Sqlite(string path)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(f);
        var cs = $"Data Source={path};Pooling=False";
        var sw = Stopwatch.StartNew();
        long rows = 0;
        using (var c = new SqliteConnection(cs))
        {
            c.Open();
            Exec(c, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
            Exec(c, "CREATE TABLE units(id INTEGER PRIMARY KEY, tenant INT, parent INT, level INT, has_report INT);");
            Exec(c, "CREATE TABLE spec(indicator INTEGER PRIMARY KEY, rule INT, target REAL, coef0 REAL, coef1 REAL, b10 REAL, b11 REAL);");
            // Clustered by (month, unit, indicator): a month is one contiguous range of the table.
            Exec(c, "CREATE TABLE vals(month INT, unit INT, indicator INT, value REAL, PRIMARY KEY(month, unit, indicator)) WITHOUT ROWID;");
            Exec(c, "CREATE TABLE packed(month INT, unit INT, vals BLOB, PRIMARY KEY(month, unit)) WITHOUT ROWID;");
            using var tx = c.BeginTransaction();
            Insert(c, tx, "INSERT INTO units VALUES ($a, $b, $c, $d, $e)", _units.Select(x => new object[] { x.Id, x.Tenant, x.Parent, (int)x.Unit.Level, x.Unit.HasReport ? 1 : 0 }));
            Insert(c, tx, "INSERT INTO spec VALUES ($a, $b, $c, $d, $e, $f, $g)", data.Framework.Indicators.Select((s, i) => new object[]
            {
                i, (int)s.Rule, s.Target, _compiled.Coefficient(UnitLevel.Kecamatan, i), _compiled.Coefficient(UnitLevel.Kelurahan, i),
                _compiled.Bidang1Coefficient(UnitLevel.Kecamatan, i), _compiled.Bidang1Coefficient(UnitLevel.Kelurahan, i),
            }));
            tx.Commit();
            using var insert = c.CreateCommand();
            insert.CommandText = "INSERT INTO vals VALUES ($m, $u, $i, $v)";
            var pu = insert.Parameters.Add("$u", SqliteType.Integer);
            var pi = insert.Parameters.Add("$i", SqliteType.Integer);
            var pv = insert.Parameters.Add("$v", SqliteType.Real);
            var batch = c.BeginTransaction();
            insert.Transaction = batch;
            var pm = insert.Parameters.Add("$m", SqliteType.Integer);
            insert.Prepare();
            foreach (var month in Enumerable.Range(1, months))
            foreach (var (id, _, _, u) in _units)
            {
                var monthValues = MonthValues(month, id, u);
                for (var i = 0; i < monthValues.Length; i++)
                {
                    if (double.IsNaN(monthValues[i]))
                        continue;
                    pm.Value = month;
                    pu.Value = id;
                    pi.Value = i;
                    pv.Value = monthValues[i];
                    insert.ExecuteNonQuery();
                    if (++rows % 500_000 == 0)
                    {
                        batch.Commit();
                        batch = c.BeginTransaction();
                        insert.Transaction = batch;
                    }
                }
            }
            batch.Commit();
            using (var packTx = c.BeginTransaction())
            using (var pack = c.CreateCommand())
            {
                pack.Transaction = packTx;
                pack.CommandText = "INSERT INTO packed VALUES ($m, $u, $v)";
                var ppm = pack.Parameters.Add("$m", SqliteType.Integer);
                var ppu = pack.Parameters.Add("$u", SqliteType.Integer);
                var ppv = pack.Parameters.Add("$v", SqliteType.Blob);
                foreach (var month in Enumerable.Range(1, months))
                foreach (var (id, _, _, u) in _units)
                {
                    ppm.Value = month;
                    ppu.Value = id;
                    ppv.Value = Pack(MonthValues(month, id, u));
                    pack.ExecuteNonQuery();
                }
                packTx.Commit();
            }
            Exec(c, "ANALYZE;");
        }
        var load = sw.Elapsed.TotalSeconds;
        var engine = Time(() => EngineFromSqlite(cs, 1));
        var sql = Time(() => SqlSqlite(cs, 1));
        if (months < 12)
            return new Result("SQLite", load, rows, engine.Ms, sql.Ms, Compare(engine.Value, sql.Value));
        var annualEngine = Time(() => EngineFromSqlite(cs, 12));
        var annualSql = Time(() => SqlSqlite(cs, 12));
        return new Result("SQLite", load, rows, engine.Ms, sql.Ms, Compare(engine.Value, sql.Value), annualEngine.Ms, annualSql.Ms, Compare(annualEngine.Value, annualSql.Value));
    }

    private Dictionary<int, (double Total, int Rank)> EngineFromSqlite(string cs, int upToMonth)
    {
        var n = _units.Count;
        var k = data.Framework.Indicators.Count;
        var owns = new double[n];
        var firsts = new double[n];
        var meta = new (int Tenant, int Parent, short Level, bool HasReport)[n];
        using (var c = new SqliteConnection(cs))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT id, tenant, parent, level, has_report FROM units";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                meta[r.GetInt32(0)] = (r.GetInt32(1), r.GetInt32(2), (short)r.GetInt32(3), r.GetInt32(4) == 1);
        }
        var parts = 2;
        Parallel.For(0, parts, p =>
        {
            using var c = new SqliteConnection(cs);
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT unit, vals FROM packed WHERE month <= {upToMonth} AND unit >= $a AND unit < $b";
            cmd.Parameters.AddWithValue("$a", n * p / parts);
            cmd.Parameters.AddWithValue("$b", n * (p + 1) / parts);
            using var r = cmd.ExecuteReader();
            var buffer = new byte[k * sizeof(double)];
            var row = new double[k];
            while (r.Read())
            {
                r.GetBytes(1, 0, buffer, 0, buffer.Length);
                Unpack(buffer, row);
                Accumulate(r.GetInt32(0), row, meta, owns, firsts);
            }
        });
        return Standings(owns, firsts, meta, upToMonth);
    }

    private static Dictionary<int, (double Total, int Rank)> SqlSqlite(string cs, int upToMonth)
    {
        const string sql = """
            WITH s AS (
              SELECT v.unit, u.tenant, u.parent, u.level,
                CASE WHEN u.has_report = 0 THEN 0 ELSE CASE sp.rule
                  WHEN 0 THEN CASE WHEN sp.target <= 0 THEN 100 ELSE MIN(100, MAX(0, 100 * v.value / sp.target)) END
                  WHEN 1 THEN CASE WHEN v.value <= 0 THEN 100 WHEN sp.target <= 0 THEN 0 ELSE MIN(100, MAX(0, 100 * sp.target / v.value)) END
                  WHEN 2 THEN CASE WHEN v.value >= 0.5 THEN 100 ELSE 0 END
                  ELSE CASE WHEN v.value >= 60 THEN 100 WHEN v.value >= 40 THEN 75 WHEN v.value >= 20 THEN 50 ELSE 0 END
                END END AS score,
                CASE WHEN u.level = 0 THEN sp.coef0 ELSE sp.coef1 END AS coef
              FROM vals v JOIN units u ON u.id = v.unit JOIN spec sp ON sp.indicator = v.indicator
              WHERE v.month <= $months),
            own AS (SELECT unit, tenant, parent, level, SUM(coef * score) / $months AS own FROM s GROUP BY unit),
            kid AS (SELECT parent, AVG(own) AS m FROM own WHERE level = 1 GROUP BY parent),
            tot AS (SELECT o.unit, o.tenant, o.level, CASE WHEN o.level = 0 AND k.m IS NOT NULL THEN 0.7 * o.own + 0.3 * k.m ELSE o.own END AS total
                    FROM own o LEFT JOIN kid k ON k.parent = o.unit)
            SELECT unit, total, RANK() OVER (PARTITION BY tenant, level ORDER BY ROUND(total, 2) DESC) FROM tot
            """;
        var result = new Dictionary<int, (double, int)>();
        using var c = new SqliteConnection(cs);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        cmd.Parameters.AddWithValue("$months", (double)upToMonth);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            result[r.GetInt32(0)] = (r.GetDouble(1), r.GetInt32(2));
        return result;
    }

    // ---------- incremental rescoring including the database transaction ----------

    /// <summary>
    /// Random single-value verifications, each one transaction: the unit's packed values rewritten, its score, its
    /// kecamatan and its tenant's ranks updated in memory, every changed standing written back. Latencies in ms.
    /// </summary>
    public double[] Incremental(System.Data.Common.DbConnection c, int count, bool postgres)
    {
        var units = _units.Select(x => x.Unit).ToArray();
        var tenantOf = _units.Select(x => x.Tenant).ToArray();
        var ids = _units.ToDictionary(x => x.Unit.Code, x => x.Id);
        var boards = data.ByTenant.Select((t, i) => new Scoreboard(data.Framework, t.Select(_compiled.Light))).ToArray();
        Exec(c, postgres ? "DROP TABLE IF EXISTS scores; CREATE UNLOGGED TABLE scores(unit int PRIMARY KEY, total double precision, rank int);"
                         : "DROP TABLE IF EXISTS scores; CREATE TABLE scores(unit INTEGER PRIMARY KEY, total REAL, rank INT);");
        using (var tx = c.BeginTransaction())
        {
            using var ins = c.CreateCommand();
            ins.Transaction = tx;
            ins.CommandText = postgres
                ? "INSERT INTO scores SELECT * FROM unnest(@u, @t, @r)"
                : "INSERT INTO scores VALUES ($u, $t, $r)";
            var all = boards.SelectMany(b => b.Standings).ToList();
            if (postgres)
            {
                AddArrays(ins, all.Select(x => ids[x.Code]).ToArray(), all.Select(x => x.Total).ToArray(), all.Select(x => x.Rank).ToArray());
                ins.ExecuteNonQuery();
            }
            else
            {
                foreach (var x in all)
                {
                    ins.Parameters.Clear();
                    ins.Parameters.Add(new SqliteParameter("$u", ids[x.Code]));
                    ins.Parameters.Add(new SqliteParameter("$t", x.Total));
                    ins.Parameters.Add(new SqliteParameter("$r", x.Rank));
                    ins.ExecuteNonQuery();
                }
            }
            tx.Commit();
        }
        var rng = new Random(seed + 7);
        var latencies = new double[count];
        for (var n = 0; n < count; n++)
        {
            var id = rng.Next(units.Length);
            var values = (double[])units[id].Values.Clone();
            values[rng.Next(values.Length)] = Math.Round(rng.NextDouble() * 100, 1);
            units[id] = units[id] with { Values = values };
            var start = Stopwatch.GetTimestamp();
            using (var tx = c.BeginTransaction())
            {
                using (var up = c.CreateCommand())
                {
                    up.Transaction = tx;
                    up.CommandText = postgres ? "UPDATE packed SET vals = @v WHERE month = 1 AND unit = @u" : "UPDATE packed SET vals = $v WHERE month = 1 AND unit = $u";
                    AddParameter(up, postgres ? "@v" : "$v", Pack(values));
                    AddParameter(up, postgres ? "@u" : "$u", id);
                    up.ExecuteNonQuery();
                }
                var changed = boards[tenantOf[id]].Update(_compiled.Light(units[id]));
                using (var sc = c.CreateCommand())
                {
                    sc.Transaction = tx;
                    if (postgres)
                    {
                        sc.CommandText = "UPDATE scores s SET total = x.t, rank = x.r FROM unnest(@u, @t, @r) AS x(u, t, r) WHERE s.unit = x.u";
                        AddArrays(sc, changed.Select(x => ids[x.Code]).ToArray(), changed.Select(x => x.Total).ToArray(), changed.Select(x => x.Rank).ToArray());
                        sc.ExecuteNonQuery();
                    }
                    else
                    {
                        sc.CommandText = "UPDATE scores SET total = $t, rank = $r WHERE unit = $u";
                        foreach (var x in changed)
                        {
                            sc.Parameters.Clear();
                            AddParameter(sc, "$u", ids[x.Code]);
                            AddParameter(sc, "$t", x.Total);
                            AddParameter(sc, "$r", x.Rank);
                            sc.ExecuteNonQuery();
                        }
                    }
                }
                tx.Commit();
            }
            latencies[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(latencies);
        return latencies;
    }

    public (double[] Postgres, double[] Sqlite) IncrementalBoth(int count)
    {
        var pg = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("RAPOR_BENCH_PG") ?? "Host=127.0.0.1;Port=5432;Username=rapor_test;Password=rapor_test") { Database = "rapor_bench" }.ToString();
        double[] p, q;
        using (var c = new NpgsqlConnection(pg))
        {
            c.Open();
            p = Incremental(c, count, postgres: true);
        }
        using (var c = new SqliteConnection($"Data Source={Path.Combine(Path.GetTempPath(), "rapor-bench.db")};Pooling=False"))
        {
            c.Open();
            Exec(c, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            q = Incremental(c, count, postgres: false);
        }
        return (p, q);
    }

    private static void AddParameter(System.Data.Common.DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static void AddArrays(System.Data.Common.DbCommand cmd, int[] u, double[] t, int[] r)
    {
        AddParameter(cmd, "u", u);
        AddParameter(cmd, "t", t);
        AddParameter(cmd, "r", r);
    }

    // ---------- shared ----------

    private static byte[] Pack(double[] values) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static void Unpack(ReadOnlySpan<byte> packed, Span<double> target) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(packed).CopyTo(target);

    /// <summary>Adds one unit-month's compiled own and bidang (1) scores (each partition owns its units, so no locking).</summary>
    private void Accumulate(int unit, ReadOnlySpan<double> values, (int Tenant, int Parent, short Level, bool HasReport)[] meta, double[] owns, double[] firsts)
    {
        var m = meta[unit];
        var (own, b1) = _compiled.Score(values, (UnitLevel)m.Level, m.HasReport);
        owns[unit] += own;
        firsts[unit] += b1;
    }

    /// <summary>
    /// Roll-up and ranks per tenant. With every indicator monthly, the annual own score is the mean of the monthly own
    /// scores (Engine.ScoreAnnual averages each indicator's monthly scores; the weights are the same each month).
    /// </summary>
    private Dictionary<int, (double Total, int Rank)> Standings(double[] owns, double[] firsts, (int Tenant, int Parent, short Level, bool HasReport)[] meta, int monthCount)
    {
        var scores = new UnitScore[meta.Length];
        for (var id = 0; id < meta.Length; id++)
        {
            var m = meta[id];
            scores[id] = new UnitScore(id.ToString(CultureInfo.InvariantCulture), _units[id].Unit.Name, (UnitLevel)m.Level,
                m.Parent < 0 ? "T" + m.Tenant : m.Parent.ToString(CultureInfo.InvariantCulture), !m.HasReport, owns[id] / monthCount,
                [new BidangResult(1, "", 0, firsts[id] / monthCount, 0)], []);
        }
        var result = new Dictionary<int, (double, int)>(meta.Length);
        var byTenant = Enumerable.Range(0, meta.Length).GroupBy(id => meta[id].Tenant).ToList();
        var partial = new List<Standing>[byTenant.Count];
        Parallel.For(0, byTenant.Count, t => partial[t] = Engine.Standings(data.Framework, byTenant[t].Select(id => scores[id]).ToList()));
        foreach (var s in partial.SelectMany(p => p))
            result[int.Parse(s.Code, CultureInfo.InvariantCulture)] = (s.Total, s.Rank);
        return result;
    }

    private static int Compare(Dictionary<int, (double Total, int Rank)> a, Dictionary<int, (double Total, int Rank)> b) =>
        a.Count(x => !b.TryGetValue(x.Key, out var y) || Math.Abs(x.Value.Total - y.Total) > 1e-6 || x.Value.Rank != y.Rank) + Math.Abs(a.Count - b.Count);

    /// <summary>Second of two runs: JIT and the database's page cache are warm for the engine and SQL alike.</summary>
    private static (double Ms, T Value) Time<T>(Func<T> work)
    {
        work();
        GC.Collect();
        var sw = Stopwatch.StartNew();
        var v = work();
        return (sw.Elapsed.TotalMilliseconds, v);
    }

    private static void Exec(System.Data.Common.DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        cmd.ExecuteNonQuery();
    }

    private static void Insert(SqliteConnection c, SqliteTransaction tx, string sql, IEnumerable<object[]> rows)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        var names = new[] { "$a", "$b", "$c", "$d", "$e", "$f", "$g" };
        foreach (var row in rows)
        {
            cmd.Parameters.Clear();
            for (var i = 0; i < row.Length; i++)
                cmd.Parameters.AddWithValue(names[i], row[i]);
            cmd.ExecuteNonQuery();
        }
    }

    public int Seed => seed;
}
