using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Reports;

public static class EvidenceEndpoint
{
    /// <summary>GET /files/evidence/{id}: the stored file, only to users who may see its unit.</summary>
    public static void MapEvidenceEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/files/evidence/{id:guid}", async (Guid id, HttpContext http, RaporDbContext db, FileStorage storage, CancellationToken ct) =>
        {
            var e = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
                return Results.NotFound();
            // Supervision photos and follow-up evidence of a desa are also the supervising kecamatan staf's (ADR-030).
            var supervision = e.SupervisionVisitId is not null || e.TemuanEventId is not null;
            if (!UnitScope.CanView(http.User, e.UnitCode) && !(supervision && UnitScope.CanSupervise(http.User, e.UnitCode)))
                return Results.Forbid();
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return Results.File(storage.OpenRead(e.Id), e.ContentType, e.FileName, enableRangeProcessing: true);
        }).RequireAuthorization().ExcludeFromDescription();
}
