using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rapor.Web.Infrastructure;

/// <summary>
/// The API contract (README "API"): checked by Redocly's recommended ruleset in ./build.sh test and by
/// OpenApiContractTests. Every operation gets an operationId, its security (none for open data, the cookie for
/// signed-in endpoints) and its ProblemDetails 4xx answers here, so a new endpoint is documented without extra work.
/// </summary>
public static class RaporOpenApi
{
    public const string CookieScheme = "cookie";
    public const string AntiforgeryScheme = "antiforgery";

    /// <summary>
    /// Security schemes a signed-in endpoint accepts, each one a requirement on its own (OpenAPI: any one suffices).
    /// API tokens (issue 13) add their scheme here and in <see cref="AddSchemes"/>.
    /// </summary>
    public static readonly List<string[]> SignedInRequirements = [[CookieScheme, AntiforgeryScheme]];

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Regions"] = "Data wilayah Kemendagri (terbuka).",
        ["Frameworks"] = "Kerangka penilaian per kabupaten/kota dan tahun (terbuka).",
        ["Reports"] = "Laporan unit: baca, simpan nilai, ajukan (masuk dengan akun).",
        ["Verification"] = "Keputusan verifikasi per indikator (verifikator).",
        ["Public"] = "Hasil final dan galeri inovasi (terbuka).",
    };

    public static IServiceCollection AddRaporOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, ctx, _) =>
            {
                doc.Info.Title = "Rapor API";
                doc.Info.Description = "Penilaian kinerja kecamatan dan kelurahan. Region data: Kepmendagri 300.2.2-2138/2025.";
                doc.Info.License = new OpenApiLicense { Name = "AGPL-3.0-or-later", Url = new Uri("https://www.gnu.org/licenses/agpl-3.0.html") };
                // The server is wherever the document was fetched from, without a trailing slash.
                doc.Servers = [new OpenApiServer { Url = "/", Description = "Server ini" }];
                AddSchemes(doc);
                doc.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((op, ctx, _) =>
            {
                var endpoint = ctx.Description;
                var metadata = endpoint.ActionDescriptor.EndpointMetadata;
                op.OperationId ??= OperationId(endpoint.HttpMethod ?? "GET", endpoint.RelativePath ?? "");
                var open = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
                op.Security = open
                    ? []
                    : SignedInRequirements.Select(names =>
                    {
                        var r = new OpenApiSecurityRequirement();
                        foreach (var n in names)
                            r[new OpenApiSecuritySchemeReference(n, ctx.Document)] = [];
                        return r;
                    }).ToList();
                op.Responses ??= [];
                var hasParameters = endpoint.ParameterDescriptions.Count > 0;
                if (hasParameters)
                    AddProblem(op, "400", "Permintaan tidak valid (ProblemDetails, pesan dalam Bahasa Indonesia).");
                if (!open)
                {
                    AddProblem(op, "401", "Belum masuk.");
                    AddProblem(op, "403", "Akun tidak berwenang atas unit ini (atau wajib verifikasi dua langkah).");
                }
                if (endpoint.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
                    AddProblem(op, "404", "Tidak ditemukan.");
                if (!op.Responses.Keys.Any(k => k.StartsWith('4')))
                    AddProblem(op, "429", "Terlalu banyak permintaan.");
                return Task.CompletedTask;
            });
        });

    /// <summary>The sign-in cookie, and the antiforgery header that every cookie-authenticated change must carry.</summary>
    private static void AddSchemes(OpenApiDocument doc)
    {
        doc.Components ??= new OpenApiComponents();
        doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!doc.Components.Schemas.ContainsKey("ProblemDetails"))
            doc.Components.Schemas["ProblemDetails"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "RFC 9457 problem details; title and detail in Bahasa Indonesia; errors lists every problem found.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                },
            };
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        doc.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "rapor.auth",
            Description = "Cookie masuk dari /Account/Login (sama dengan aplikasi web).",
        };
        doc.Components.SecuritySchemes[AntiforgeryScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "RequestVerificationToken",
            Description = "Token antiforgery dari halaman aplikasi; wajib untuk setiap POST/PUT/DELETE yang memakai cookie (tanpa itu: 400).",
        };
    }

    private static void AddProblem(OpenApiOperation op, string status, string description)
    {
        if (op.Responses!.ContainsKey(status))
            return;
        op.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails") } },
        };
    }

    /// <summary>"GET api/reports/{unitCode}/{period}/values" → "getReportsUnitCodePeriodValues".</summary>
    public static string OperationId(string method, string path)
    {
        var words = path.Split(['/', '{', '}', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Where(w => w != "api");
        return method.ToLowerInvariant() + string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
