using System.Text.RegularExpressions;
using MiniExcelLibs;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// Reads the yearly IDM sheet (kode desa, IKS, IKE, IKL, IDM, status) as Kemendesa publishes it: headers may carry the
/// year ("IKS 2024"), codes may be written with or without dots. Rows are streamed and capped; every row is checked
/// against the region list and nothing is returned for saving when any row fails. A status that differs from the one
/// its IDM gives is not an error but flagged, as is an IDM that is not the mean of its three indices.
/// </summary>
public static partial class IdmImport
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;
    public const int MaxColumns = 40;
    public const int MaxCellChars = 200;
    public const int MaxErrorsListed = 50;

    public sealed record Row(int Line, string DesaCode, double Iks, double Ike, double Ikl, double Idm, IdmStatus SheetStatus)
    {
        public IdmStatus Status => IdmRules.StatusOf(Idm);

        public bool StatusMismatch => Status != SheetStatus;

        public bool IdmMismatch => Math.Abs(IdmRules.Mean(Iks, Ike, Ikl) - Idm) > IdmRules.MeanTolerance;
    }

    /// <summary>The rows when every one is valid; otherwise the errors (the first <see cref="MaxErrorsListed"/>, then a count).</summary>
    public sealed record Result(List<Row> Rows, List<string> Errors);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["KODEDESA"] = "code", ["KODE"] = "code", ["KODEWILAYAH"] = "code", ["KODEDESAKEL"] = "code", ["KODEKEMENDAGRI"] = "code",
        ["IKS"] = "iks", ["IKE"] = "ike", ["IKL"] = "ikl", ["IDM"] = "idm", ["NILAIIDM"] = "idm", ["SKORIDM"] = "idm",
        ["STATUS"] = "status", ["STATUSIDM"] = "status", ["STATUSDESA"] = "status",
    };

    private static readonly string[] Required = ["code", "iks", "ike", "ikl", "idm", "status"];

    private static readonly string[] Indices = ["iks", "ike", "ikl", "idm"];

    [GeneratedRegex(@"(19|20)\d\d")]
    private static partial Regex YearPattern();

    /// <param name="desa">The tenant's units of the kelurahan/desa level by code (a kelurahan is refused: IDM is for desa).</param>
    public static Result Read(Stream xlsx, int year, IReadOnlyDictionary<string, Region> desa)
    {
        var errors = new List<string>();
        var extra = 0;
        void Error(string e)
        {
            if (errors.Count < MaxErrorsListed)
                errors.Add(e);
            else
                extra++;
        }
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var example = ExampleCode(desa.Values);
        Dictionary<string, string>? columns = null;
        var line = 1;
        try
        {
            foreach (IDictionary<string, object?> raw in xlsx.Query(useHeaderRow: true))
            {
                line++;
                if (columns is null)
                {
                    if (raw.Count > MaxColumns)
                        return new([], [$"Lembar memiliki {raw.Count} kolom; paling banyak {MaxColumns}."]);
                    columns = Map(raw.Keys, year, out var headerError);
                    if (headerError is not null)
                        return new([], [headerError]);
                }
                if (line - 1 > MaxRows)
                    return new([], [$"Lembar lebih dari {MaxRows} baris; pecah per kabupaten."]);
                string Cell(string field) => Text(raw[columns[field]]);
                if (Required.All(f => Cell(f).Length == 0))
                    continue; // empty row
                var where = $"Baris {line}";
                if (Required.Select(Cell).FirstOrDefault(c => c.Length > MaxCellChars) is not null)
                {
                    Error($"{where}: isi sel lebih dari {MaxCellChars} karakter.");
                    continue;
                }
                var code = NormalizeCode(Cell("code"));
                if (code is null)
                {
                    Error($"{where}: kode desa \"{Cell("code")}\" bukan kode Kemendagri (contoh {example} atau {example.Replace(".", "", StringComparison.Ordinal)}).");
                    continue;
                }
                if (!desa.TryGetValue(code, out var region))
                    Error($"{where}: kode desa {code} tidak ada dalam daftar wilayah kabupaten/kota ini.");
                else if (region.Type != "desa")
                    Error($"{where}: {code} {region.Name} adalah kelurahan; IDM hanya untuk desa.");
                if (seen.TryGetValue(code, out var first))
                    Error($"{where}: desa {code} sudah ada di baris {first}.");
                else
                    seen[code] = line;
                var values = new double[4];
                var ok = true;
                foreach (var (field, n) in Indices.Select((f, n) => (f, n)))
                {
                    var text = Cell(field);
                    if (!FlexibleNumber.TryParse(text, out var v))
                    {
                        Error($"{where}: {field.ToUpperInvariant()} \"{text}\" bukan angka.");
                        ok = false;
                    }
                    else if (v is < 0 or > 1)
                    {
                        Error($"{where}: {field.ToUpperInvariant()} {text} di luar rentang 0–1.");
                        ok = false;
                    }
                    values[n] = v;
                }
                var status = IdmRules.Parse(Cell("status"));
                if (status is null)
                {
                    Error($"{where}: status \"{Cell("status")}\" tidak dikenal (sangat tertinggal, tertinggal, berkembang, maju, mandiri).");
                    ok = false;
                }
                if (ok && region?.Type == "desa")
                    rows.Add(new Row(line, code, values[0], values[1], values[2], values[3], status!.Value));
            }
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException or KeyNotFoundException
                                   or InvalidCastException or NotSupportedException or ArgumentException)
        {
            return new([], ["Berkas bukan Excel .xlsx yang dapat dibaca."]);
        }
        if (columns is null)
            return new([], ["Lembar IDM kosong."]);
        if (extra > 0)
            errors.Add($"… dan {extra} kesalahan lain.");
        return errors.Count > 0 ? new([], errors) : new(rows, []);
    }

    private static Dictionary<string, string> Map(ICollection<string> headers, int year, out string? error)
    {
        error = null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var h in headers)
        {
            var match = YearPattern().Match(h);
            if (match.Success && match.Value != year.ToString(CultureInfo.InvariantCulture) && Aliases.ContainsKey(Key(h)))
            {
                error = $"Kolom \"{h}\" menyebut tahun {match.Value}, tetapi yang dipilih tahun {year}.";
                return map;
            }
            if (Aliases.TryGetValue(Key(h), out var field) && !map.ContainsKey(field))
                map[field] = h;
        }
        var missing = Required.Where(f => !map.ContainsKey(f)).ToList();
        if (missing.Count > 0)
            error = $"Kolom wajib tidak ditemukan: {string.Join(", ", missing.Select(f => f switch { "code" => "Kode Desa", "status" => "Status", _ => f.ToUpperInvariant() }))}. Baris pertama harus judul kolom: Kode Desa, IKS, IKE, IKL, IDM, Status.";
        return map;
    }

    /// <summary>The header without spaces, punctuation and year: "Nilai IDM 2024" → "NILAIIDM".</summary>
    private static string Key(string header) =>
        new(YearPattern().Replace(header, "").Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());

    /// <summary>An example desa code for help texts, the tenant's own first desa: no tenant's code is written into the app.</summary>
    public static string ExampleCode(IEnumerable<Region> units) =>
        units.Where(r => r.Type == "desa").Select(r => r.Code).Order(StringComparer.Ordinal).FirstOrDefault()
        ?? units.Select(r => r.Code).Order(StringComparer.Ordinal).FirstOrDefault()
        ?? "PP.KK.CC.DDDD";

    /// <summary>"PP.KK.CC.DDDD" or "PPKKCCDDDD" (as text or as a number cell) → "PP.KK.CC.DDDD"; null when it is neither.</summary>
    public static string? NormalizeCode(string text)
    {
        var t = text.Trim();
        if (RegionCode.IsValid(t) && t.Length == 13)
            return t;
        if (t.Length == 10 && t.All(char.IsAsciiDigit))
            return $"{t[..2]}.{t[2..4]}.{t[4..6]}.{t[6..]}";
        return null;
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) >= 1e9 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() ?? "",
    };
}
