using Rapor.Web.Domain;

namespace Rapor.Web.Features.Regions;

/// <summary>
/// Reads a region list in the shipped format (code,name,level,parent_code,type,name_kepmendagri_2022)
/// and checks every row; used by the seeder and by the admin import, so both accept exactly the same files.
/// </summary>
public static class RegionCsv
{
    public const string Header = "code,name,level,parent_code,type,name_kepmendagri_2022";
    public const int MaxRows = 20_000;

    /// <summary>A real line is under 150 characters; anything far longer is not a region list.</summary>
    public const int MaxLineChars = 1000;

    public sealed record Result(IReadOnlyList<Region> Regions, IReadOnlyList<string> Errors)
    {
        public bool Ok => Errors.Count == 0;
        public int KecamatanCount => Regions.Count(r => r.Level == RegionLevel.Kecamatan);
        public int VillageCount => Regions.Count(r => r.Level == RegionLevel.Kelurahan);
    }

    /// <summary>Reads line by line; at most <see cref="ImportLimits.MaxErrors"/> errors are listed (then it stops).</summary>
    public static Result Parse(TextReader reader, string tenantCode)
    {
        var errors = new Infrastructure.ImportErrors();
        var regions = new List<Region>();
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Trim();
        if (header is null)
            return new([], ["Berkas kosong."]);
        if (!IsText(header))
            return new([], [NotText]);
        var columns = Csv.Split(header);
        if (columns.Count < 5 || !Header.Split(',').Take(columns.Count).SequenceEqual(columns.Select(c => c.Trim().ToLowerInvariant())))
            return new([], [$"Baris 1: judul kolom harus \"{Header}\"."]);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNo = 1;
        while (!errors.Full && reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (line.Length > MaxLineChars)
            {
                errors.Add($"Baris {lineNo}: lebih dari {MaxLineChars} karakter.");
                continue;
            }
            if (!IsText(line))
            {
                errors.Add(NotText);
                break;
            }
            if (regions.Count >= MaxRows)
            {
                errors.Add($"Berkas melebihi {MaxRows} baris.");
                break;
            }
            var f = Csv.Split(line);
            if (f.Count < 5)
            {
                errors.Add($"Baris {lineNo}: harus ada minimal 5 kolom, ditemukan {f.Count}.");
                continue;
            }
            var row = new Row(lineNo, f[0].Trim(), f[1].Trim(), f[2].Trim().ToLowerInvariant(), f[3].Trim(), f[4].Trim().ToLowerInvariant(),
                f.Count > 5 && f[5].Trim().Length > 0 ? f[5].Trim() : null);
            var error = Check(row, tenantCode);
            if (error is null && seen.TryGetValue(row.Code, out var firstLine))
                error = $"kode {row.Code} ganda (sudah ada di baris {firstLine}).";
            if (error is not null)
            {
                errors.Add($"Baris {lineNo}: {error}");
                continue;
            }
            seen[row.Code] = lineNo;
            regions.Add(new Region
            {
                Code = row.Code,
                Name = row.Name,
                Level = row.Level == "kecamatan" ? RegionLevel.Kecamatan : RegionLevel.Kelurahan,
                Type = row.Level == "kecamatan" ? "kecamatan" : row.Type,
                ParentCode = row.Parent,
                TenantCode = tenantCode,
                NameKepmendagri2022 = row.Name2022,
            });
        }

        var kecamatan = regions.Where(r => r.Level == RegionLevel.Kecamatan).Select(r => r.Code).ToHashSet();
        foreach (var village in regions.Where(r => r.Level == RegionLevel.Kelurahan && !kecamatan.Contains(r.ParentCode!)))
            errors.Add($"Baris {seen[village.Code]}: kecamatan induk {village.ParentCode} tidak ada di berkas.");
        if (errors.Count == 0 && kecamatan.Count == 0)
            errors.Add("Berkas tidak berisi satu pun kecamatan.");
        return new(errors.Count == 0 ? regions : [], errors.ToList());
    }

    private const string NotText = "Berkas bukan CSV teks (UTF-8).";

    /// <summary>A NUL byte or invalid UTF-8 (decoded as U+FFFD): a binary file, not a region list.</summary>
    private static bool IsText(string line) => !line.Contains('\0', StringComparison.Ordinal) && !line.Contains('\uFFFD', StringComparison.Ordinal);

    private sealed record Row(int Line, string Code, string Name, string Level, string Parent, string Type, string? Name2022);

    private static string? Check(Row r, string tenantCode)
    {
        if (!RegionCode.IsValid(r.Code) || r.Code.Length < 8)
            return $"kode \"{r.Code}\" tidak sesuai format Kemendagri (NN.NN.NN atau NN.NN.NN.NNNN).";
        if (!RegionCode.IsWithin(r.Code, tenantCode))
            return $"kode {r.Code} bukan bagian dari {tenantCode}.";
        if (r.Name.Length == 0)
            return "nama wajib diisi.";
        if (r.Name.Length > 120)
            return "nama lebih dari 120 karakter.";
        var expectedLevel = r.Code.Length == 8 ? "kecamatan" : "kelurahan";
        if (r.Level != expectedLevel)
            return $"level harus \"{expectedLevel}\" untuk kode {r.Code}, tertulis \"{r.Level}\".";
        if (r.Parent != RegionCode.ParentOf(r.Code))
            return $"parent_code harus {RegionCode.ParentOf(r.Code)}, tertulis \"{r.Parent}\".";
        if (r.Level == "kecamatan" && r.Type.Length > 0)
            return "type harus kosong untuk kecamatan.";
        if (r.Level == "kelurahan" && r.Type != RegionCode.VillageTypeOf(r.Code))
            return $"type harus \"{RegionCode.VillageTypeOf(r.Code)}\" untuk kode {r.Code} (segmen 1xxx = kelurahan, 2xxx = desa), tertulis \"{r.Type}\".";
        return null;
    }
}

/// <summary>Minimal RFC 4180 field splitter: quoted fields may hold commas and doubled quotes.</summary>
public static class Csv
{
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    current.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
                current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
