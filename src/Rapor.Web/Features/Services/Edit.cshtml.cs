using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Services;

/// <summary>Adds or changes one service of a unit's Standar Pelayanan (or of the tenant template).</summary>
public sealed class EditModel(RaporDbContext db) : PageModel
{
    public Region Unit { get; private set; } = null!;

    [BindProperty]
    public Command Input { get; set; } = new();

    public sealed class Command
    {
        public Guid? Id { get; set; }

        [Required(ErrorMessage = "Kode wajib diisi.")]
        [RegularExpression("^[A-Za-z0-9_-]{2,16}$", ErrorMessage = "Kode 2–16 huruf/angka tanpa spasi.")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Nama layanan wajib diisi.")]
        [StringLength(200, ErrorMessage = "Nama paling panjang 200 karakter.")]
        public string Name { get; set; } = "";

        public ServiceKind Kind { get; set; } = ServiceKind.NonPerizinan;

        [Required(ErrorMessage = "Kelompok antrean wajib diisi.")]
        [RegularExpression("^[A-Za-z]$", ErrorMessage = "Kelompok antrean berupa satu huruf (A, B, …).")]
        public string QueueGroup { get; set; } = "A";

        [StringLength(4000, ErrorMessage = "Persyaratan paling panjang 4.000 karakter.")]
        public string? Requirements { get; set; }

        [StringLength(4000, ErrorMessage = "Prosedur paling panjang 4.000 karakter.")]
        public string? Procedure { get; set; }

        [Range(1, 100000, ErrorMessage = "Waktu penyelesaian harus 1 atau lebih.")]
        public int SlaValue { get; set; } = 30;

        public SlaUnit SlaUnit { get; set; } = SlaUnit.Menit;

        [Range(0, 1_000_000_000, ErrorMessage = "Biaya tidak boleh negatif.")]
        public decimal Fee { get; set; }

        [StringLength(300, ErrorMessage = "Produk layanan paling panjang 300 karakter.")]
        public string? Product { get; set; }

        [StringLength(200, ErrorMessage = "Penanggung jawab paling panjang 200 karakter.")]
        public string? Responsible { get; set; }

        [StringLength(1000, ErrorMessage = "Dasar hukum paling panjang 1.000 karakter.")]
        public string? LegalBasis { get; set; }

        public bool Active { get; set; } = true;

        [Range(0, 999, ErrorMessage = "Urutan harus antara 0 dan 999.")]
        public int Order { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string unit, Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } denied)
            return denied;
        if (id is { } existing)
        {
            var s = await db.ServiceStandards.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing && x.UnitCode == unit, ct);
            if (s is null)
                return NotFound();
            Input = new Command
            {
                Id = s.Id, Code = s.Code, Name = s.Name, Kind = s.Kind, QueueGroup = s.QueueGroup, Requirements = s.Requirements, Procedure = s.Procedure,
                SlaValue = s.SlaValue, SlaUnit = s.SlaUnit, Fee = s.Fee, Product = s.Product, Responsible = s.Responsible, LegalBasis = s.LegalBasis, Active = s.Active, Order = s.Order,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string unit, CancellationToken ct)
    {
        if (await LoadAsync(unit, ct) is { } denied)
            return denied;
        var code = Input.Code.Trim().ToUpperInvariant();
        if (ModelState.IsValid && await db.ServiceStandards.AnyAsync(s => s.UnitCode == unit && s.Code == code && s.Id != Input.Id, ct))
            ModelState.AddModelError("Input.Code", $"Kode {code} sudah dipakai layanan lain di unit ini.");
        if (!ModelState.IsValid)
            return Page();
        ServiceStandard s;
        if (Input.Id is { } id)
        {
            s = await db.ServiceStandards.FirstOrDefaultAsync(x => x.Id == id && x.UnitCode == unit, ct) ?? throw new BadHttpRequestException("Layanan tidak ditemukan.", 404);
            s.Code = code;
            s.Name = Input.Name.Trim();
        }
        else
        {
            s = new ServiceStandard { TenantCode = Unit.TenantCode, UnitCode = unit, Code = code, Name = Input.Name.Trim() };
            db.ServiceStandards.Add(s);
        }
        s.Kind = Input.Kind;
        s.QueueGroup = Input.QueueGroup.ToUpperInvariant();
        s.Requirements = (Input.Requirements ?? "").Trim();
        s.Procedure = (Input.Procedure ?? "").Trim();
        s.SlaValue = Input.SlaValue;
        s.SlaUnit = Input.SlaUnit;
        s.Fee = Input.Fee;
        s.Product = (Input.Product ?? "").Trim();
        s.Responsible = (Input.Responsible ?? "").Trim();
        s.LegalBasis = (Input.LegalBasis ?? "").Trim();
        s.Active = Input.Active;
        s.Order = Input.Order;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("Input.Code", $"Kode {code} baru saja dipakai layanan lain di unit ini.");
            return Page();
        }
        TempData["services"] = $"Layanan {s.Name} disimpan.";
        return RedirectToPage("/Services/Index", new { unit });
    }

    private async Task<IActionResult?> LoadAsync(string unit, CancellationToken ct)
    {
        var u = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == unit, ct);
        if (u is null)
            return NotFound();
        if (!UnitScope.CanManageServiceDesk(User, u.Code))
            return Forbid();
        Unit = u;
        return null;
    }
}
