using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Rapor.Tests.Infrastructure;

/// <summary>
/// Nothing in the product assumes a kabupaten/kota: no real Kemendagri kab/kota code (or a unit code below one) appears
/// in the source outside seed/demo data. Checked against the national list, so "70.00" in a comment is not a code.
/// </summary>
public sealed partial class NoTenantAssumedTests
{
    // Demo and example data may name real places; migrations are generated.
    private static readonly string[] Allowed = ["Data/Demo", "Data/BandungFramework.cs", "Data/Migrations/"];

    [GeneratedRegex(@"(?<![\d.])(\d{2}\.\d{2})(\.\d{2}(\.\d{4})?)?(?![\d])")]
    private static partial Regex CodeLike();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rapor.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Rapor.sln not found above " + AppContext.BaseDirectory);
    }

    private static HashSet<string> KabKotaCodes(string root)
    {
        using var gz = new GZipStream(File.OpenRead(Path.Combine(root, "src/Rapor.Web/Data/Regions/indonesia_wilayah.csv.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            if (f.Length > 2 && f[2] == "kabupaten_kota")
                codes.Add(f[0]);
        }
        return codes;
    }

    [Fact]
    public void No_tenant_or_unit_code_in_the_source_outside_demo_data()
    {
        var root = RepoRoot();
        var kabKota = KabKotaCodes(root);
        Assert.Equal(514, kabKota.Count);
        var src = Path.Combine(root, "src");
        var files = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Select(f => (Full: f, Rel: Path.GetRelativePath(Path.Combine(src, "Rapor.Web"), f).Replace('\\', '/')))
            .Where(f => !f.Rel.Contains("/bin/", StringComparison.Ordinal) && !f.Rel.Contains("/obj/", StringComparison.Ordinal)
                && !f.Rel.StartsWith("bin/", StringComparison.Ordinal) && !f.Rel.StartsWith("obj/", StringComparison.Ordinal)
                && !f.Rel.StartsWith("wwwroot/lib/", StringComparison.Ordinal) && !Allowed.Any(a => f.Rel.StartsWith(a, StringComparison.Ordinal)))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} files scanned");
        var found = new List<string>();
        foreach (var (full, rel) in files)
        {
            var lineNo = 0;
            foreach (var line in File.ReadLines(full))
            {
                lineNo++;
                foreach (Match m in CodeLike().Matches(line))
                {
                    if (kabKota.Contains(m.Groups[1].Value))
                        found.Add($"{rel}:{lineNo}: {m.Value}");
                }
            }
        }
        Assert.True(found.Count == 0, "Tenant or unit codes in the source (move them to Data/Demo*.cs or derive them):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_a_code_where_there_is_one()
    {
        Assert.Matches(CodeLike(), "var tenant = \"32.73\";");
        Assert.Equal("32.73", CodeLike().Match("href=\"/Publik/32.73.29.1001\"").Groups[1].Value);
        Assert.DoesNotMatch(CodeLike(), "Range(0, 100000)");
    }
}
