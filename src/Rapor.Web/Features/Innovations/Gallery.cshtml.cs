using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Innovations;

/// <summary>Verified innovations of every tenant, searchable; "replikasi" copies one into the user's own unit as a new inisiatif.</summary>
public sealed class GalleryModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    /// <param name="Photos">Photos of its verified stages; shown only through /files/photo (no EXIF location).</param>
    public sealed record Item(Innovation Innovation, string UnitName, string TenantName, InnovationStage Stage, int Replications, List<Guid> Photos);

    public List<Item> Items { get; private set; } = [];
    public List<Tenant> Tenants { get; private set; } = [];
    public bool CanReplicate { get; private set; }

    public async Task OnGetAsync(string? q, string? tenant, InnovationBentuk? bentuk, InnovationJenis? jenis, InnovationStage? stage, CancellationToken ct)
    {
        Tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        Items = await SearchAsync(db, q, tenant, bentuk, jenis, stage, ct);
        CanReplicate = InnovationAccess.CanCreate(User, User.UnitCode());
    }

    public async Task<IActionResult> OnPostReplicateAsync(Guid id, CancellationToken ct)
    {
        var unit = User.UnitCode();
        if (!InnovationAccess.CanCreate(User, unit))
            return Forbid();
        var source = await db.Innovations.AsNoTracking().Include(i => i.Steps).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (source is null || source.VerifiedStage is null)
            return NotFound();
        var copy = new Innovation
        {
            TenantCode = RegionCode.TenantOf(unit), UnitCode = unit, Name = source.Name, Bentuk = source.Bentuk, Jenis = source.Jenis,
            Problem = source.Problem, Approach = source.Approach, ReplicatedFromId = source.Id,
            CreatedBy = User.Identity!.Name!, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (User.OfficialId() is { } me)
            copy.Owners.Add(new InnovationOwner { InnovationId = copy.Id, OfficialId = me, UnitCode = unit });
        db.Innovations.Add(copy);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"\"{source.Name}\" direplikasi ke unit Anda sebagai inisiatif baru; ajukan tahap inisiatif dengan buktinya.";
        return RedirectToPage("/Innovations/Detail", new { id = copy.Id });
    }

    /// <summary>Verified innovations matching the filters, most replicated and most advanced first (gallery and public API).</summary>
    public static async Task<List<Item>> SearchAsync(RaporDbContext db, string? q, string? tenant, InnovationBentuk? bentuk, InnovationJenis? jenis, InnovationStage? stage, CancellationToken ct)
    {
        var query = db.Innovations.AsNoTracking().Include(i => i.Steps)
            .Where(i => i.Steps.Any(s => s.Status == StageStatus.Diverifikasi));
        if (!string.IsNullOrWhiteSpace(tenant))
            query = query.Where(i => i.TenantCode == tenant || i.UnitCode.StartsWith(tenant + "."));
        if (bentuk is { } b)
            query = query.Where(i => i.Bentuk == b);
        if (jenis is { } j)
            query = query.Where(i => i.Jenis == j);
        var list = await query.ToListAsync(ct);
        // Stages are stored as text: "at least" is compared in memory, in stage order.
        if (stage is { } st)
            list = list.Where(i => i.VerifiedStage >= st).ToList();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            list = list.Where(i => i.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || (i.Problem ?? "").Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        var ids = list.Select(i => (Guid?)i.Id).ToList();
        var replications = await db.Innovations.Where(i => ids.Contains(i.ReplicatedFromId)).GroupBy(i => i.ReplicatedFromId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key!.Value, x => x.Count, ct);
        var codes = list.Select(i => i.UnitCode).Concat(list.Select(i => i.TenantCode)).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var verifiedSteps = list.SelectMany(i => i.Steps.Where(s => s.Status == StageStatus.Diverifikasi)).ToDictionary(s => s.Id, s => s.InnovationId);
        var stepIds = verifiedSteps.Keys.Select(k => (Guid?)k).ToList();
        var photos = (await db.Evidence.AsNoTracking().Where(e => stepIds.Contains(e.InnovationStepId) && (e.ContentType == "image/jpeg" || e.ContentType == "image/png"))
                .OrderBy(e => e.UploadedAt).Select(e => new { e.Id, e.InnovationStepId }).ToListAsync(ct))
            .GroupBy(e => verifiedSteps[e.InnovationStepId!.Value]).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToList());
        return list.Select(i => new Item(i, names.GetValueOrDefault(i.UnitCode, i.UnitCode), names.GetValueOrDefault(i.TenantCode, i.TenantCode), i.VerifiedStage!.Value,
                replications.GetValueOrDefault(i.Id), photos.GetValueOrDefault(i.Id) ?? []))
            .OrderByDescending(x => x.Replications).ThenByDescending(x => x.Stage).ThenBy(x => x.Innovation.Name, StringComparer.Ordinal).ToList();
    }
}
