using System.Globalization;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;
using static Rapor.Web.Features.Frameworks.FrameworkLabels;

namespace Rapor.Web.Features.Frameworks;

/// <summary>A framework as a workbook (sheets Pengaturan, Bidang, Indikator) and back; import reports every bad row.</summary>
public static class FrameworkExcel
{
    public static MemoryStream Export(Framework f)
    {
        var settings = new IDictionary<string, object?>[]
        {
            Row(("Pengaturan", "Nama"), ("Nilai", f.Name)),
            Row(("Pengaturan", "Porsi kelurahan dalam nilai kecamatan (0–1)"), ("Nilai", f.RollUpShare)),
            Row(("Pengaturan", "Hijau mulai"), ("Nilai", f.GreenFrom)),
            Row(("Pengaturan", "Kuning mulai"), ("Nilai", f.YellowFrom)),
        };
        var bidang = f.Bidang.OrderBy(b => b.Number).Select(b => (IDictionary<string, object?>)Row(("Nomor", b.Number), ("Nama", b.Name), ("Bobot", b.Weight))).ToList();
        var indicators = f.Bidang.OrderBy(b => b.Number).SelectMany(b => b.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => (IDictionary<string, object?>)Row(
            ("Bidang", b.Number), ("Kode", i.Code), ("Nama", i.Name), ("Deskripsi", i.Description), ("Satuan", i.Unit),
            ("Tipe", Types[i.Type]), ("Arah", Directions[i.Direction]), ("Target", i.Target), ("Bobot", i.Weight),
            ("Frekuensi", Frequencies[i.Frequency]), ("Level", Levels[i.Level]), ("Wajib bukti", i.EvidenceRequired ? "ya" : "tidak"),
            ("Aturan", Rules[i.Rule]), ("Rentang", i.Bands), ("Sumber", Sources[i.Source]), ("Jenis kegiatan", i.ActivityKind)))).ToList();
        return ExcelExport.Save(new Dictionary<string, IEnumerable<IDictionary<string, object?>>> { ["Pengaturan"] = settings, ["Bidang"] = bidang, ["Indikator"] = indicators });
    }

    private static readonly string[] Sheets = ["Pengaturan", "Bidang", "Indikator"];

    private static object? Cell(IDictionary<string, object?> row, string key) => row.TryGetValue(key, out var v) ? v : null;

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);

    /// <summary>Four bidang and a few dozen indicators is the norm; these caps leave room for any real framework.</summary>
    public static readonly ImportLimits Limits = new(MaxRows: 500, MaxColumns: 30, MaxCellChars: 2000);

    /// <summary>
    /// Builds a framework from a workbook; returns it with no errors, or null with the errors found (at most
    /// <see cref="ImportLimits.MaxErrors"/>). Sheets are streamed within <see cref="Limits"/>. Text lengths are checked
    /// by the caller against the database columns (<see cref="Infrastructure.TextLimits"/>).
    /// </summary>
    public static (Framework? Framework, List<string> Errors) Import(Stream xlsx, string tenantCode, int year)
    {
        try
        {
            return ImportChecked(xlsx, tenantCode, year);
        }
        catch (ImportRefusedException e)
        {
            return (null, [e.Message]);
        }
    }

    private static (Framework? Framework, List<string> Errors) ImportChecked(Stream xlsx, string tenantCode, int year)
    {
        var errors = new ImportErrors();
        IEnumerable<IDictionary<string, object?>> Sheet(string name) => ExcelImport.Rows(xlsx, name, Limits).Select(r => r.Cells);
        var names = ExcelImport.SheetNames(xlsx);
        foreach (var required in Sheets.Where(s => !names.Contains(s)))
            errors.Add($"Lembar \"{required}\" tidak ditemukan.");
        if (errors.Count > 0)
            return (null, errors.ToList());

        var settings = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var r in Sheet("Pengaturan"))
            settings[Text(Cell(r, "Pengaturan"))] = Cell(r, "Nilai");
        var f = new Framework
        {
            TenantCode = tenantCode,
            Year = year,
            Name = Text(settings.GetValueOrDefault("Nama")) is { Length: > 0 } n ? n : $"Kerangka {year}",
            RollUpShare = Number(settings.GetValueOrDefault("Porsi kelurahan dalam nilai kecamatan (0–1)")) ?? 0.3,
            GreenFrom = Number(settings.GetValueOrDefault("Hijau mulai")) ?? 80,
            YellowFrom = Number(settings.GetValueOrDefault("Kuning mulai")) ?? 65,
        };
        foreach (var (line, r) in ExcelImport.Rows(xlsx, "Bidang", Limits))
        {
            var number = Number(Cell(r, "Nomor"));
            var weight = Number(Cell(r, "Bobot"));
            if (number is null || weight is null || Text(Cell(r, "Nama")).Length == 0)
                errors.Add($"Bidang baris {line}: Nomor, Nama dan Bobot wajib diisi dengan benar.");
            else
                f.Bidang.Add(new Bidang { Number = (int)number, Name = Text(Cell(r, "Nama")), Weight = weight.Value, TenantCode = tenantCode });
        }
        foreach (var (line, r) in ExcelImport.Rows(xlsx, "Indikator", Limits))
        {
            if (errors.Full)
                break;
            var where = $"Indikator baris {line}";
            var bidang = f.Bidang.FirstOrDefault(b => b.Number == (int)(Number(Cell(r, "Bidang")) ?? -1));
            var type = Parse(Types, Text(Cell(r, "Tipe")));
            var direction = Parse(Directions, Text(Cell(r, "Arah")));
            var frequency = Parse(Frequencies, Text(Cell(r, "Frekuensi")));
            var level = Parse(Levels, Text(Cell(r, "Level")));
            var rule = Parse(Rules, Text(Cell(r, "Aturan")));
            var source = Parse(Sources, Text(Cell(r, "Sumber")));
            var target = Number(Cell(r, "Target"));
            var weight = Number(Cell(r, "Bobot"));
            var missing = new List<string>();
            if (bidang is null) missing.Add("Bidang");
            if (type is null) missing.Add("Tipe");
            if (direction is null) missing.Add("Arah");
            if (frequency is null) missing.Add("Frekuensi");
            if (level is null) missing.Add("Level");
            if (rule is null) missing.Add("Aturan");
            if (source is null) missing.Add("Sumber");
            if (target is null) missing.Add("Target");
            if (weight is null) missing.Add("Bobot");
            if (missing.Count > 0)
            {
                errors.Add($"{where}: kolom {string.Join(", ", missing)} kosong atau tidak dikenal.");
                continue;
            }
            bidang!.Indicators.Add(new Indicator
            {
                Code = Text(Cell(r, "Kode")),
                Name = Text(Cell(r, "Nama")),
                Description = Text(Cell(r, "Deskripsi")) is { Length: > 0 } d ? d : null,
                Unit = Text(Cell(r, "Satuan")),
                Type = type!.Value, Direction = direction!.Value, Frequency = frequency!.Value, Level = level!.Value, Rule = rule!.Value, Source = source!.Value,
                Target = target!.Value, Weight = weight!.Value,
                EvidenceRequired = Text(Cell(r, "Wajib bukti")).Equals("ya", StringComparison.OrdinalIgnoreCase),
                Bands = Text(Cell(r, "Rentang")) is { Length: > 0 } b ? b : null,
                ActivityKind = Text(Cell(r, "Jenis kegiatan")) is { Length: > 0 } k ? k : null,
                TenantCode = tenantCode,
            });
        }
        if (errors.Count == 0)
            errors.AddRange(FrameworkRules.Validate(f));
        return errors.Count == 0 ? (f, []) : (null, errors.ToList());
    }

    private static string Text(object? v) => ExcelImport.Text(v);

    private static double? Number(object? v) => v switch
    {
        double d => d,
        int i => i,
        long l => l,
        decimal m => (double)m,
        string s when Infrastructure.FlexibleNumber.TryParse(s, out var x) => x,
        _ => null,
    };
}
