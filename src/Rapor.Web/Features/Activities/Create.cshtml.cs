using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Provenance;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Activities;

/// <summary>Records a field activity of the user's own unit, with GPS from the phone when allowed and photos.</summary>
public sealed class CreateModel(RaporDbContext db, FileStorage storage, EvidenceIntake intake, TimeProvider clock) : PageModel
{
    public const int MaxPhotos = 5;

    [BindProperty]
    public Command Input { get; set; } = new();

    public Dictionary<string, string> Kinds { get; private set; } = [];
    public string? Error { get; private set; }

    public sealed class Command
    {
        [Required(ErrorMessage = "Jenis kegiatan wajib dipilih.")]
        public string Kind { get; set; } = "";

        [Required(ErrorMessage = "Tanggal wajib diisi.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Tempat wajib diisi.")]
        [StringLength(200, ErrorMessage = "Tempat paling panjang 200 karakter.")]
        public string Place { get; set; } = "";

        [Range(-90, 90, ErrorMessage = "Lintang tidak valid.")]
        public double? Latitude { get; set; }

        [Range(-180, 180, ErrorMessage = "Bujur tidak valid.")]
        public double? Longitude { get; set; }

        [Range(0, 100000, ErrorMessage = "Jumlah peserta 0–100.000.")]
        public int Participants { get; set; }

        [StringLength(2000, ErrorMessage = "Uraian paling panjang 2000 karakter.")]
        public string? Description { get; set; }

        public List<IFormFile> Photos { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!CanRecord())
            return Forbid();
        Input.Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Kinds = await IndexModel.KindsAsync(db, RegionCode.TenantOf(User.UnitCode()), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanRecord())
            return Forbid();
        var unit = User.UnitCode();
        Kinds = await IndexModel.KindsAsync(db, RegionCode.TenantOf(unit), ct);
        CheckRules(Input, Kinds, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ModelState.AddModelError);
        if (Input.Photos.Count > MaxPhotos)
            ModelState.AddModelError("Input.Photos", $"Paling banyak {MaxPhotos} foto.");
        if (!ModelState.IsValid)
            return Page();

        var activity = NewActivity(Input, Guid.CreateVersion7(), unit, User.Identity!.Name!, clock.GetUtcNow().UtcDateTime);
        db.FieldActivities.Add(activity);
        var stored = new List<Guid>();
        try
        {
            foreach (var photo in Input.Photos)
            {
                var id = Guid.CreateVersion7();
                await using var s = photo.OpenReadStream();
                var (file, error) = await storage.SaveAsync(id, s, ct);
                if (file is null)
                {
                    Error = $"{photo.FileName}: {error}";
                    return Page(); // nothing saved: the activity is only added to the context
                }
                stored.Add(id);
                var evidence = new Evidence
                {
                    Id = id, UnitCode = unit, FieldActivityId = activity.Id, FileName = FileStorage.SafeDisplayName(photo.FileName, file.Extension),
                    ContentType = file.ContentType, Size = file.Size, Sha256 = file.Sha256, UploadedBy = activity.CreatedBy, UploadedAt = activity.CreatedAt,
                };
                await intake.PrepareAsync(evidence, EvidenceContext.ForActivity(unit, activity.Date), ct);
                db.Evidence.Add(evidence);
            }
            await db.SaveChangesAsync(ct);
            stored.Clear();
        }
        finally
        {
            foreach (var id in stored)
                storage.Delete(id); // a failed save leaves no orphan files
        }
        await intake.CheckReuseAsync(ct);
        TempData["Success"] = "Kegiatan tercatat.";
        return RedirectToPage("/Activities/Index", new { month = activity.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture) });
    }

    private bool CanRecord() => UnitScope.CanFillReport(User, User.UnitCode());

    /// <summary>The rules beyond the annotations; the offline sync (ActivitiesApi) applies the same ones.</summary>
    public static void CheckRules(Command input, IReadOnlyDictionary<string, string> kinds, DateOnly today, Action<string, string> error)
    {
        if (!kinds.ContainsKey(input.Kind))
            error("Input.Kind", "Jenis kegiatan tidak dikenal.");
        if (input.Date > today)
            error("Input.Date", "Tanggal kegiatan tidak boleh di masa depan.");
    }

    public static FieldActivity NewActivity(Command input, Guid id, string unit, string user, DateTime now) => new()
    {
        Id = id,
        UnitCode = unit,
        Kind = input.Kind,
        Date = input.Date!.Value,
        Place = input.Place.Trim(),
        Latitude = input.Latitude,
        Longitude = input.Longitude,
        Participants = input.Participants,
        Description = input.Description?.Trim(),
        CreatedBy = user,
        CreatedAt = now,
    };
}
