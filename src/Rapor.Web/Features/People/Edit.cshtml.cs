using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.People;

/// <summary>Adds an official to a unit or edits a tenure (admin of the tenant, or the camat for his kecamatan).</summary>
public sealed class EditModel(RaporDbContext db, IAuthorizationService authz) : PageModel
{
    [BindProperty]
    public Command Input { get; set; } = new();

    public Region Unit { get; private set; } = null!;
    public IEnumerable<PositionInfo> PositionChoices => Positions.All.Where(p => Positions.FitsLevel(p, Unit.Level));

    public sealed class Command
    {
        public Guid? Id { get; set; }
        public string UnitCode { get; set; } = "";

        [Required(ErrorMessage = "Nama wajib diisi.")]
        [StringLength(150, ErrorMessage = "Nama paling panjang 150 karakter.")]
        public string Name { get; set; } = "";

        public string? Nip { get; set; }

        [Required(ErrorMessage = "Jabatan wajib dipilih.")]
        public string Position { get; set; } = "";

        [Required(ErrorMessage = "Tanggal mulai wajib diisi.")]
        public DateOnly? StartDate { get; set; }

        public DateOnly? EndDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, string? unit, CancellationToken ct)
    {
        if (id is { } existingId)
        {
            var o = await db.Officials.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existingId, ct);
            if (o is null)
                return NotFound();
            Input = new Command { Id = o.Id, UnitCode = o.UnitCode, Name = o.Name, Nip = o.Nip, Position = o.Position, StartDate = o.StartDate, EndDate = o.EndDate };
        }
        else
            Input.UnitCode = unit ?? "";
        return await LoadUnitAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Official? existing = null;
        if (Input.Id is { } id)
        {
            existing = await db.Officials.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (existing is null)
                return NotFound();
            Input.UnitCode = existing.UnitCode; // a tenure never moves between units; a transfer is a new tenure
        }
        if (await LoadUnitAsync(ct) is { } denied)
            return denied;

        await ValidateAsync(ct);
        if (!ModelState.IsValid)
            return Page();

        var official = existing ?? new Official { Name = "", Position = "", UnitCode = Input.UnitCode };
        official.Name = Input.Name.Trim();
        official.Nip = string.IsNullOrWhiteSpace(Input.Nip) ? null : Input.Nip.Trim();
        official.Position = Input.Position;
        official.StartDate = Input.StartDate!.Value;
        official.EndDate = Input.EndDate;
        if (existing is null)
            db.Officials.Add(official);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/People/Index", new { unit = Input.UnitCode });
    }

    private async Task<IActionResult?> LoadUnitAsync(CancellationToken ct)
    {
        var unit = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == Input.UnitCode && r.Level != RegionLevel.KabupatenKota, ct);
        if (unit is null)
            return NotFound();
        if (!(await authz.AuthorizeAsync(User, new UnitResource(unit.Code), UnitOperations.ManagePeople)).Succeeded)
            return Forbid();
        Unit = unit;
        return null;
    }

    private async Task ValidateAsync(CancellationToken ct)
    {
        var position = Positions.Find(Input.Position);
        if (position is null || !Positions.FitsLevel(position, Unit.Level))
        {
            ModelState.AddModelError("Input.Position", "Jabatan tidak sesuai untuk unit ini.");
            return;
        }
        var nip = Input.Nip?.Trim();
        if (position.RequiresNip || !string.IsNullOrEmpty(nip))
        {
            if (Nip.Validate(nip) is { } nipError)
                ModelState.AddModelError("Input.Nip", nipError);
        }
        if (Input.StartDate is { } start && Input.EndDate is { } end && end < start)
            ModelState.AddModelError("Input.EndDate", "Tanggal selesai tidak boleh sebelum tanggal mulai.");
        if (!ModelState.IsValid || !position.IsHead)
            return;
        // One Camat, Lurah, Sekcam … at a time: overlapping tenures would make "who was camat in March" ambiguous.
        var from = Input.StartDate!.Value;
        var to = Input.EndDate ?? DateOnly.MaxValue;
        var overlap = (await db.Officials.AsNoTracking()
                .Where(o => o.UnitCode == Input.UnitCode && o.Position == Input.Position && o.Id != Input.Id).ToListAsync(ct))
            .FirstOrDefault(o => o.StartDate <= to && from <= (o.EndDate ?? DateOnly.MaxValue));
        if (overlap is not null)
            ModelState.AddModelError("Input.StartDate",
                $"Masa jabatan bertumpang tindih dengan {overlap.Name} ({overlap.StartDate:yyyy-MM-dd} s.d. {(overlap.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "sekarang")}). Isi dulu tanggal selesai pejabat sebelumnya.");
    }
}
