using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Rapor;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Public;

/// <summary>Open data: finalized rankings and rapor of a kabupaten/kota. Unfinalized periods answer 404.</summary>
public static class PublicApi
{
    public sealed record RankingItem(string Code, string Name, double Score, string Zone, int Rank, bool Tied);

    public sealed record BidangItem(int Number, string Name, double Weight, double Score);

    public sealed record IndicatorItem(string Code, string Name, double Target, double? Claimed, double? Verified, double Score, double WeightInBidang, double Contribution);

    public sealed record RaporDto(string Code, string Name, string Level, string Period, double Score, string Zone, int Rank, int Of, double OwnScore,
        double? KelurahanMean, double ClaimedScore, List<BidangItem> Bidang, List<IndicatorItem> Indicators);

    public static void MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/{tenantCode}").WithTags("Public").AllowAnonymous().CacheOutput(PageCache.Policy);
        api.MapGet("/rankings/{period}", Rankings).WithSummary("Peringkat final (period 2025-06 atau 2025), level=kecamatan|kelurahan");
        api.MapGet("/rapor/{unitCode}/{period}", Rapor).WithSummary("Rapor final satu unit dengan rincian bidang dan indikator");
    }

    private static async Task<Results<Ok<List<RankingItem>>, ProblemHttpResult>> Rankings(string tenantCode, string period, string? level, RaporDbContext db, CancellationToken ct)
    {
        if (level is not (null or "kecamatan" or "kelurahan"))
            return TypedResults.Problem(statusCode: 400, title: "Level tidak valid", detail: "level harus kecamatan atau kelurahan.");
        var p = await FinalizedAsync(db, tenantCode, period, ct);
        if (p is null)
            return NotFinal(tenantCode, period);
        var lvl = level == "kelurahan" ? RegionLevel.Kelurahan : RegionLevel.Kecamatan;
        var rows = await db.Scores.AsNoTracking().Where(s => s.PeriodId == p.Id && s.Level == lvl).OrderBy(s => s.Position).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new RankingItem(r.UnitCode, r.Name, Math.Round(r.Total, 2), r.Zone.ToLowerInvariant(), r.Rank, r.Tied)).ToList());
    }

    private static async Task<Results<Ok<RaporDto>, ProblemHttpResult>> Rapor(string tenantCode, string unitCode, string period, RaporDbContext db, ScoringService scoring, CancellationToken ct)
    {
        if (!unitCode.StartsWith(tenantCode + ".", StringComparison.Ordinal) || await FinalizedAsync(db, tenantCode, period, ct) is null)
            return NotFinal(tenantCode, period);
        var v = await RaporView.LoadAsync(db, scoring, unitCode, period, ct);
        if (v?.Score is not { } s)
            return TypedResults.Problem(statusCode: 404, title: "Rapor tidak ditemukan", detail: $"Tidak ada unit {unitCode} di {tenantCode}.");
        return TypedResults.Ok(new RaporDto(v.Unit.Code, v.Unit.Name, v.Unit.Level == RegionLevel.Kecamatan ? "kecamatan" : "kelurahan", v.Period.Key,
            Math.Round(s.Total, 2), s.Zone.ToLowerInvariant(), s.Rank, v.PeerCount, Math.Round(s.OwnScore, 2), s.KelurahanMean is { } m ? Math.Round(m, 2) : null,
            Math.Round(v.ClaimedTotal, 2),
            v.Verified.Bidang.Select(b => new BidangItem(b.Number, b.Name, b.Weight, Math.Round(b.Score, 2))).ToList(),
            v.Verified.Indicators.Select(i => new IndicatorItem(i.Code, v.IndicatorOf(i.Code).Name, i.Target,
                v.Claimed.Indicators.FirstOrDefault(c => c.Code == i.Code)?.Value, i.Value, Math.Round(i.Score, 2), Math.Round(i.WeightInBidang, 2), Math.Round(i.Contribution, 4))).ToList()));
    }

    private static async Task<Period?> FinalizedAsync(RaporDbContext db, string tenant, string key, CancellationToken ct)
    {
        if (!Period.TryParseKey(key, out var y, out var m))
            return null;
        return await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.TenantCode == tenant && p.Year == y && p.Month == m && p.FinalizedAt != null, ct);
    }

    private static ProblemHttpResult NotFinal(string tenant, string period) => TypedResults.Problem(statusCode: 404, title: "Periode belum final",
        detail: $"Tidak ada hasil final untuk {tenant} periode {period} (format 2025-06 atau 2025).");
}
