using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>One finding with its whole history; the desa answers it here, the kecamatan accepts, returns or moves its due date.</summary>
public sealed class FindingModel(RaporDbContext db, FindingService svc, IAuthorizationService authz) : PageModel
{
    public Temuan Finding { get; private set; } = null!;
    public Region Desa { get; private set; } = null!;
    public SupervisionVisit Visit { get; private set; } = null!;
    public Dictionary<Guid, List<Evidence>> Files { get; private set; } = [];
    public bool CanAnswer { get; private set; }
    public bool CanReview { get; private set; }
    public DateOnly Today => svc.Today;
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, string? text, int? version, List<IFormFile> files, CancellationToken ct) =>
        await ActAsync(id, CanAnswerOf, () => svc.FollowUpAsync(Finding, text, files, version, ct), "Tindak lanjut terkirim ke kecamatan.", ct);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, string? note, int? version, CancellationToken ct) =>
        await ActAsync(id, CanReviewOf, () => svc.AcceptAsync(Finding, note, version, ct), "Tindak lanjut diterima; temuan selesai.", ct);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, string? note, DateOnly? newDue, int? version, CancellationToken ct) =>
        await ActAsync(id, CanReviewOf, () => svc.ReturnAsync(Finding, note, newDue, version, ct), "Tindak lanjut dikembalikan ke desa.", ct);

    public async Task<IActionResult> OnPostDueAsync(Guid id, DateOnly? due, string? reason, int? version, CancellationToken ct) =>
        await ActAsync(id, CanReviewOf, () => svc.ChangeDueAsync(Finding, due, reason, version, ct), "Tenggat diubah.", ct);

    private bool CanAnswerOf() => CanAnswer;

    private bool CanReviewOf() => CanReview;

    private async Task<IActionResult> ActAsync(Guid id, Func<bool> allowed, Func<Task<List<string>>> act, string done, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
            return denied;
        if (!allowed())
            return Forbid();
        Errors.AddRange(await act());
        if (Errors.Count > 0)
        {
            // Show the finding as it now stands (another user may have moved it), with the message.
            var errors = Errors.ToList();
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            Errors.Clear();
            Errors.AddRange(errors);
            return Page();
        }
        TempData["Message"] = done;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var f = await svc.LoadAsync(id, ct);
        if (f is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(f.DesaCode), UnitOperations.ViewSupervision)).Succeeded)
            return Forbid();
        Finding = f;
        Desa = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == f.DesaCode, ct);
        Visit = await db.SupervisionVisits.AsNoTracking().FirstAsync(v => v.Id == f.VisitId, ct);
        var steps = f.Events.Select(e => (Guid?)e.Id).ToList();
        Files = (await db.Evidence.AsNoTracking().Where(e => steps.Contains(e.TemuanEventId)).ToListAsync(ct))
            .GroupBy(e => e.TemuanEventId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        CanAnswer = UnitScope.CanAnswerFindings(User, f.DesaCode);
        CanReview = UnitScope.CanSupervise(User, f.DesaCode);
        Message = this.Take("Message");
        return null;
    }
}
