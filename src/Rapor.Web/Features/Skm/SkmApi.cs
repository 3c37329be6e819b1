using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Skm;

/// <summary>Public SKM endpoints: a citizen's response, and a unit's published IKM.</summary>
public static class SkmApi
{
    public sealed record ResponseRequest(List<int>? Answers, string? Ticket, string? Service, string? Gender, int? Age, string? Education, string? Occupation, string? Saran);

    public sealed record ResponseCreated(Guid Id, string Unit, string Message);

    public sealed record IkmDto(string Unit, string UnitName, string Period, int Respondents, double[] Nrr, double Ikm, double IkmConverted, string Mutu, string MutuText,
        string Weighting, string WeightingText, int Population, int MinimumRespondents, bool SampleSuffices, int WeakestUnsur, DateTime PublishedAt);

    public static void MapSkmApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous();
        api.MapPost("/skm/{unit}/responses", Respond)
            .WithSummary("Isi SKM: { answers: 9 bilangan 1–4, ticket?: id tiket antrean, service?: kode layanan, gender?, age?, education?, occupation?, saran? }");
        api.MapGet("/{tenant}/ikm/{unit}/{period}", Ikm).WithSummary("IKM yang diterbitkan unit untuk periode 2026, 2026-S2 atau 2026-T4");
    }

    private static async Task<Results<Created<ResponseCreated>, ProblemHttpResult>> Respond(string unit, ResponseRequest? body, HttpContext http, SkmService skm, CancellationToken ct)
    {
        if (body is null)
            return TypedResults.Problem(statusCode: 400, title: "Tanggapan kosong", detail: "Kirim { \"answers\": [9 bilangan 1–4] }.");
        var saved = await skm.SubmitAsync(unit, new SkmService.Input(body.Answers, body.Ticket, body.Service, body.Gender, body.Age, body.Education, body.Occupation, body.Saran, null),
            string.IsNullOrWhiteSpace(body.Ticket) ? SkmChannel.Tautan : SkmChannel.Tiket, http.Connection.RemoteIpAddress?.ToString(), null, ct);
        if (saved.Response is null)
            return TypedResults.Problem(statusCode: saved.Status, title: saved.Status == 429 ? "Terlalu banyak tanggapan" : "Tanggapan tidak disimpan",
                detail: string.Join(" ", saved.Errors), extensions: new Dictionary<string, object?> { ["errors"] = saved.Errors });
        return TypedResults.Created($"/api/public/skm/{unit}/responses/{saved.Response.Id}", new ResponseCreated(saved.Response.Id, unit, "Terima kasih, tanggapan Anda tersimpan."));
    }

    private static async Task<Results<Ok<IkmDto>, ProblemHttpResult>> Ikm(string tenant, string unit, string period, RaporDbContext db, CancellationToken ct)
    {
        if (!SkmPeriod.TryParse(period, out var p))
            return TypedResults.Problem(statusCode: 400, title: "Periode tidak valid", detail: "Periode berupa 2026, 2026-S1/S2 atau 2026-T1…T4.");
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit && r.TenantCode == tenant, ct);
        if (region is null)
            return TypedResults.Problem(statusCode: 404, title: "Unit tidak ditemukan", detail: $"Tidak ada unit {unit} di {tenant}.");
        var key = p.Key;
        var report = await db.SkmReports.AsNoTracking().FirstOrDefaultAsync(r => r.UnitCode == unit && r.Period == key && r.PublishedAt != null, ct);
        if (SkmService.Deserialize(report?.PublishedFigures) is not { } r)
            return TypedResults.Problem(statusCode: 404, title: "Belum diterbitkan", detail: $"{region.Name} belum menerbitkan hasil SKM {p.Label}; hasil yang belum diterbitkan tidak dibuka untuk umum.");
        return TypedResults.Ok(new IkmDto(unit, region.Name, key, r.Respondents, r.Nrr.Select(x => Math.Round(x, 4)).ToArray(), Math.Round(r.Ikm, 4), Math.Round(r.IkmConverted, 2),
            r.Mutu.ToString(), r.MutuText, r.Weighting == SkmWeighting.Exact ? "1/9" : "0.111", SkmMath.WeightingText(r.Weighting), r.Population, r.MinimumRespondents,
            r.SampleSuffices, r.WeakestUnsur, report!.PublishedAt!.Value));
    }
}
