using System.Text.Json;
using Rapor.TestSupport;

namespace Rapor.Tests.Security;

/// <summary>
/// The API contract: the rules of Redocly's recommended ruleset that matter most, checked on /openapi/v1.json itself
/// (./build.sh test also runs Redocly on the document this test saves to artifacts/openapi.json).
/// </summary>
[Trait("Category", "Integration")]
public sealed class OpenApiContractTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_its_security_and_its_4xx_answers()
    {
        var text = await factory.Anonymous().GetStringAsync("/openapi/v1.json", Ct);
        var artifacts = Path.Combine(HeadersAndSmallFindingsTests.RepoRoot(), "artifacts");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "openapi.json"), text, Ct);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.True(schemes.TryGetProperty("cookie", out _));
        Assert.True(schemes.TryGetProperty("antiforgery", out _));
        foreach (var server in root.GetProperty("servers").EnumerateArray())
            Assert.False(server.GetProperty("url").GetString()!.Length > 1 && server.GetProperty("url").GetString()!.EndsWith('/'), "server URL ends with a slash");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var where = $"{op.Name.ToUpperInvariant()} {path.Name}";
                if (!op.Value.TryGetProperty("operationId", out var id) || !ids.Add(id.GetString()!))
                    problems.Add(where + ": operationId missing or repeated");
                if (!op.Value.TryGetProperty("summary", out _))
                    problems.Add(where + ": summary missing");
                if (!op.Value.TryGetProperty("security", out var security))
                    problems.Add(where + ": security not stated");
                else if (path.Name.StartsWith("/api/reports", StringComparison.Ordinal) && security.GetArrayLength() == 0)
                    problems.Add(where + ": a signed-in endpoint documented as open");
                if (!op.Value.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('4')))
                    problems.Add(where + ": no 4xx response");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("/api/verification/{unitCode}/{period}/decisions", text, StringComparison.Ordinal);
    }
}
