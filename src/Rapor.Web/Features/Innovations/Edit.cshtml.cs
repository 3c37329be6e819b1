using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Innovations;

/// <summary>Registers an innovation of the user's unit, or edits one the user may change; at least one ASN owner.</summary>
public sealed class EditModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Form Input { get; set; } = new();

    public Region Unit { get; private set; } = null!;
    public List<Official> Candidates { get; private set; } = [];

    public sealed class Form
    {
        public Guid? Id { get; set; }
        public string UnitCode { get; set; } = "";

        [Required(ErrorMessage = "Nama inovasi wajib diisi.")]
        [StringLength(200, ErrorMessage = "Nama paling panjang 200 karakter.")]
        public string Name { get; set; } = "";

        public InnovationBentuk Bentuk { get; set; }
        public InnovationJenis Jenis { get; set; }

        [StringLength(4000, ErrorMessage = "Masalah paling panjang 4000 karakter.")]
        public string? Problem { get; set; }

        [StringLength(4000, ErrorMessage = "Pendekatan paling panjang 4000 karakter.")]
        public string? Approach { get; set; }

        [StringLength(4000, ErrorMessage = "Hasil paling panjang 4000 karakter.")]
        public string? Results { get; set; }

        public List<Guid> Owners { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, string? unit, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var i = await db.Innovations.AsNoTracking().Include(x => x.Owners).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (i is null)
                return NotFound();
            if (!InnovationAccess.CanEdit(User, i))
                return Forbid();
            Input = new Form { Id = i.Id, UnitCode = i.UnitCode, Name = i.Name, Bentuk = i.Bentuk, Jenis = i.Jenis, Problem = i.Problem, Approach = i.Approach, Results = i.Results, Owners = i.Owners.Select(o => o.OfficialId).ToList() };
        }
        else
        {
            Input.UnitCode = unit ?? User.UnitCode();
            if (!InnovationAccess.CanCreate(User, Input.UnitCode))
                return Forbid();
            if (User.OfficialId() is { } me)
                Input.Owners.Add(me);
        }
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Innovation? innovation = null;
        if (Input.Id is { } id)
        {
            innovation = await db.Innovations.Include(x => x.Owners).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (innovation is null)
                return NotFound();
            if (!InnovationAccess.CanEdit(User, innovation))
                return Forbid();
            Input.UnitCode = innovation.UnitCode;
        }
        else if (!InnovationAccess.CanCreate(User, Input.UnitCode))
            return Forbid();
        if (await LoadAsync(ct) is { } r)
            return r;
        var owners = Input.Owners.Distinct().ToList();
        if (owners.Count == 0)
            ModelState.AddModelError("Input.Owners", "Pilih minimal satu ASN pemilik inovasi.");
        else if (owners.Any(o => Candidates.All(c => c.Id != o)))
            ModelState.AddModelError("Input.Owners", "Pemilik harus pejabat/ASN unit ini yang sedang menjabat.");
        if (!Enum.IsDefined(Input.Bentuk) || !Enum.IsDefined(Input.Jenis))
            ModelState.AddModelError("Input.Bentuk", "Bentuk atau jenis inovasi tidak dikenal.");
        if (string.IsNullOrWhiteSpace(PlainText.From(Input.Name)))
            ModelState.AddModelError("Input.Name", "Nama inovasi wajib diisi (tanpa tag HTML).");
        if (!ModelState.IsValid)
            return Page();

        if (innovation is null)
        {
            innovation = new Innovation { TenantCode = Unit.TenantCode, UnitCode = Unit.Code, Name = "", CreatedBy = User.Identity!.Name!, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Innovations.Add(innovation);
        }
        innovation.Name = PlainText.From(Input.Name)!;
        innovation.Bentuk = Input.Bentuk;
        innovation.Jenis = Input.Jenis;
        innovation.Problem = PlainText.From(Input.Problem);
        innovation.Approach = PlainText.From(Input.Approach);
        innovation.Results = PlainText.From(Input.Results);
        foreach (var gone in innovation.Owners.Where(o => !owners.Contains(o.OfficialId)).ToList())
            innovation.Owners.Remove(gone);
        foreach (var add in owners.Where(o => innovation.Owners.All(x => x.OfficialId != o)))
            innovation.Owners.Add(new InnovationOwner { InnovationId = innovation.Id, OfficialId = add, UnitCode = innovation.UnitCode });
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Innovations/Detail", new { id = innovation.Id });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == Input.UnitCode && r.Level != RegionLevel.KabupatenKota, ct);
        if (u is null)
            return NotFound();
        Unit = u;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Candidates = (await db.Officials.AsNoTracking().Where(o => o.UnitCode == u.Code && o.Nip != null).OrderBy(o => o.Name).ToListAsync(ct))
            .Where(o => o.HeldOn(today) || Input.Owners.Contains(o.Id)).ToList();
        return null;
    }
}
