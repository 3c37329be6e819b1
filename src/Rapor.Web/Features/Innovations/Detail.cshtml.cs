using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Innovations;

/// <summary>
/// One innovation: owners, replication, and its stages inisiatif → uji coba → penerapan, each with a date and evidence,
/// submitted by the owners and verified (or returned with notes) by a verifikator.
/// </summary>
public sealed class DetailModel(RaporDbContext db, FileStorage storage, EvidenceIntake intake, TimeProvider clock) : PageModel
{
    public Innovation Innovation { get; private set; } = null!;
    public Region Unit { get; private set; } = null!;
    public Dictionary<Guid, Official> Owners { get; private set; } = [];
    public Dictionary<Guid, List<Evidence>> Evidence { get; private set; } = [];
    public (Innovation Item, string Unit)? Origin { get; private set; }
    public List<(Innovation Item, string Unit)> Replicas { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>Only who may see the unit gets the original files and their flags; everyone else the public copy.</summary>
    public bool CanSeeUnit { get; private set; }
    public EvidenceFlags Flags { get; private set; } = EvidenceFlags.Empty;
    public bool CanVerify { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public InnovationStage? NextStage => Innovation.Steps.Count == 0 ? InnovationStage.Inisiatif
        : Innovation.Steps.Max(s => s.Stage) is var top && top < InnovationStage.Penerapan && Innovation.Steps.Single(s => s.Stage == top).Status == StageStatus.Diverifikasi
            ? top + 1 : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Owners submit the next stage (or resubmit a returned one) with its date, description and evidence.</summary>
    public async Task<IActionResult> OnPostSubmitStageAsync(Guid id, InnovationStage stage, DateOnly? date, string? description, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r)
            return r;
        if (!CanEdit)
            return Forbid();
        var step = Innovation.Steps.FirstOrDefault(s => s.Stage == stage);
        var resubmit = step is { Status: StageStatus.Dikembalikan };
        if (step is not null && !resubmit)
            Error = "Tahap ini sudah diajukan.";
        else if (step is null && stage != NextStage)
            Error = "Tahap sebelumnya harus diverifikasi lebih dulu.";
        else if (date is null || date > DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
            Error = "Tanggal tahap wajib diisi dan tidak di masa depan.";
        else if (file is null && (step is null || !Evidence.ContainsKey(step.Id)))
            Error = "Unggah bukti untuk tahap ini.";
        else if (description is { Length: > 2000 })
            Error = "Uraian tahap paling panjang 2000 karakter.";
        else if (!Enum.IsDefined(stage))
            Error = "Tahap tidak dikenal.";
        if (Error is not null)
            return Page();
        step ??= new InnovationStep { InnovationId = Innovation.Id, Stage = stage, UnitCode = Innovation.UnitCode };
        if (!resubmit)
            db.InnovationSteps.Add(step);
        step.Date = date!.Value;
        step.Description = PlainText.From(description);
        step.Status = StageStatus.Diajukan;
        step.ReturnNote = null;
        if (file is not null)
        {
            var fileId = Guid.CreateVersion7();
            await using var s = file.OpenReadStream();
            var (stored, err) = file.Length > EvidenceFormat.MaxBytes ? (null, "Berkas lebih dari 10 MB.") : await storage.SaveAsync(fileId, s, ct);
            if (stored is null)
            {
                Error = err;
                return Page();
            }
            var evidence = new Evidence { Id = fileId, UnitCode = Innovation.UnitCode, InnovationStepId = step.Id, FileName = FileStorage.SafeDisplayName(file.FileName, stored.Extension),
                ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, UploadedBy = User.Identity!.Name!, UploadedAt = clock.GetUtcNow().UtcDateTime };
            await intake.PrepareAsync(evidence, EvidenceContext.ForInnovation(Innovation.UnitCode, step.Date), ct);
            db.Evidence.Add(evidence);
        }
        await db.SaveChangesAsync(ct);
        await intake.CheckReuseAsync(ct);
        TempData["Message"] = $"Tahap {InnovationCompliance.StageText(stage)} diajukan untuk diverifikasi.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, InnovationStage stage, bool approve, string? note, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r)
            return r;
        if (!CanVerify)
            return Forbid();
        var step = Innovation.Steps.FirstOrDefault(s => s.Stage == stage && s.Status == StageStatus.Diajukan);
        if (step is null)
            Error = "Tidak ada tahap yang menunggu verifikasi.";
        else if (!approve && string.IsNullOrWhiteSpace(note))
            Error = "Catatan pengembalian wajib diisi.";
        else if (note is { Length: > 1000 })
            Error = "Catatan pengembalian paling panjang 1000 karakter.";
        if (Error is not null)
            return Page();
        step!.Status = approve ? StageStatus.Diverifikasi : StageStatus.Dikembalikan;
        step.ReturnNote = approve ? null : note!.Trim();
        step.VerifiedBy = approve ? User.Identity!.Name : null;
        step.VerifiedOn = approve ? DateOnly.FromDateTime(clock.GetLocalNow().DateTime) : null;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = approve ? "Tahap diverifikasi." : "Tahap dikembalikan dengan catatan.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var i = await db.Innovations.Include(x => x.Owners).Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null)
            return NotFound();
        var verifiedSomewhere = i.Steps.Any(s => s.Status == StageStatus.Diverifikasi);
        // Verified innovations are public knowledge (the gallery); drafts only for those who see the unit.
        if (!UnitScope.CanView(User, i.UnitCode) && !verifiedSomewhere)
            return Forbid();
        Innovation = i;
        Unit = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == i.UnitCode, ct);
        var ownerIds = i.Owners.Select(o => o.OfficialId).ToList();
        Owners = await db.Officials.AsNoTracking().Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var stepIds = i.Steps.Select(s => (Guid?)s.Id).ToList();
        Evidence = (await db.Evidence.AsNoTracking().Where(e => stepIds.Contains(e.InnovationStepId)).ToListAsync(ct))
            .GroupBy(e => e.InnovationStepId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        if (i.ReplicatedFromId is { } originId)
        {
            var origin = await db.Innovations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == originId, ct);
            if (origin is not null)
                Origin = (origin, await db.Regions.Where(r => r.Code == origin.UnitCode).Select(r => r.Name).FirstAsync(ct));
        }
        Replicas = (await (from x in db.Innovations join r in db.Regions on x.UnitCode equals r.Code where x.ReplicatedFromId == id select new { x, r.Name })
            .AsNoTracking().ToListAsync(ct)).Select(a => (a.x, a.Name)).ToList();
        CanEdit = InnovationAccess.CanEdit(User, i);
        CanSeeUnit = UnitScope.CanView(User, i.UnitCode);
        if (CanSeeUnit)
            Flags = await EvidenceFlags.LoadAsync(db, Evidence.Values.SelectMany(l => l).Select(e => e.Id), ct);
        CanVerify = InnovationAccess.CanVerify(User, i);
        Message = this.Take("Message");
        return null;
    }
}
