using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Waspada;

/// <summary>
/// The tenant admin's supervision checklist: its versions, the newest edited as a whole while no visit uses it; once a
/// visit uses it, it is frozen and changes go into a new version (visits planned from then on use that one).
/// </summary>
public sealed class TemplatesModel(RaporDbContext db, SupervisionService svc, TimeProvider clock) : PageModel
{
    public const int BlankRows = 5;

    public sealed class ItemInput
    {
        public string? Section { get; set; }
        public string? Code { get; set; }
        public string? Text { get; set; }
        public string? Guidance { get; set; }
        public bool Remove { get; set; }
    }

    public Tenant Tenant { get; private set; } = null!;
    public ChecklistTemplate Current { get; private set; } = null!;
    public List<(ChecklistTemplate Template, int Visits)> Versions { get; private set; } = [];
    public List<ItemInput> Rows { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tenant, CancellationToken ct) => await LoadAsync(tenant, ct) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(string? tenant, string? name, int revision, List<ItemInput> items, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        if (Current.FrozenAt is not null)
            Errors.Add("Versi ini sudah dipakai kunjungan dan dibekukan; buat versi baru untuk mengubahnya.");
        else if (revision != Current.Revision)
            Errors.Add("Daftar periksa ini baru saja diubah admin lain. Halaman menampilkan isi terbaru; ulangi perubahan Anda.");
        var kept = items.Where(i => !i.Remove && !(string.IsNullOrWhiteSpace(i.Code) && string.IsNullOrWhiteSpace(i.Text) && string.IsNullOrWhiteSpace(i.Section))).ToList();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
            Errors.Add("Nama daftar periksa wajib diisi (≤ 200 karakter).");
        if (kept.Count == 0)
            Errors.Add("Daftar periksa harus memiliki butir.");
        if (kept.Count > 300)
            Errors.Add("Paling banyak 300 butir.");
        foreach (var (i, n) in kept.Select((i, n) => (i, n + 1)))
        {
            if (string.IsNullOrWhiteSpace(i.Section) || i.Section.Trim().Length > 120)
                Errors.Add($"Butir {n}: bagian wajib diisi (≤ 120 karakter).");
            if (string.IsNullOrWhiteSpace(i.Code) || i.Code.Trim().Length > 12)
                Errors.Add($"Butir {n}: kode wajib diisi (≤ 12 karakter).");
            if (string.IsNullOrWhiteSpace(i.Text) || i.Text.Trim().Length > 400)
                Errors.Add($"Butir {n}: uraian wajib diisi (≤ 400 karakter).");
            if (i.Guidance is { Length: > 1000 })
                Errors.Add($"Butir {n}: petunjuk paling panjang 1000 karakter.");
        }
        foreach (var dup in kept.Where(i => !string.IsNullOrWhiteSpace(i.Code)).GroupBy(i => i.Code!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            Errors.Add($"Kode {dup.Key} dipakai lebih dari sekali.");
        if (Errors.Count > 0)
        {
            Rows = items;
            return Page();
        }
        Current.Name = name!.Trim();
        db.ChecklistItems.RemoveRange(Current.Items);
        Current.Items.Clear();
        var sections = kept.Select(i => i.Section!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (i, n) in kept.Select((i, n) => (i, n + 1)))
            Current.Items.Add(new ChecklistItem
            {
                TemplateId = Current.Id, TenantCode = Current.TenantCode, Section = i.Section!.Trim(), SectionOrder = sections.IndexOf(i.Section.Trim()) + 1, Order = n,
                Code = i.Code!.Trim(), Text = i.Text!.Trim(), Guidance = string.IsNullOrWhiteSpace(i.Guidance) ? null : i.Guidance.Trim(),
            });
        Current.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = "Daftar periksa ini baru saja diubah atau dipakai pengguna lain; periksa isi terbaru.";
            return RedirectToPage(new { tenant = Tenant.Code });
        }
        TempData["Message"] = $"Daftar periksa versi {Current.Number} disimpan: {kept.Count} butir.";
        return RedirectToPage(new { tenant = Tenant.Code });
    }

    public async Task<IActionResult> OnPostNewVersionAsync(string? tenant, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        if (Current.FrozenAt is null)
        {
            Errors.Add("Versi terbaru belum dipakai; ubah saja versi itu.");
            return Page();
        }
        db.ChecklistTemplates.Add(Current.NewVersion(Current.Number + 1, User.Identity!.Name!, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            TempData["Message"] = "Versi baru sudah dibuat admin lain.";
            return RedirectToPage(new { tenant = Tenant.Code });
        }
        TempData["Message"] = $"Versi {Current.Number + 1} dibuat dari versi {Current.Number}; ubah lalu simpan. Kunjungan yang dijadwalkan berikutnya memakai versi ini.";
        return RedirectToPage(new { tenant = Tenant.Code });
    }

    private async Task<IActionResult?> LoadAsync(string? tenant, CancellationToken ct)
    {
        var own = UnitScope.TenantOf(User);
        if (own is not null && tenant is not null && tenant != own)
            return Forbid();
        var code = own ?? tenant;
        var t = code is null ? null : await db.Tenants.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (t is null)
            return NotFound();
        if (!UnitScope.CanAdminister(User, t.Code))
            return Forbid();
        Tenant = t;
        Current = await svc.CurrentTemplateAsync(t.Code, ct);
        var templates = await db.ChecklistTemplates.AsNoTracking().Where(x => x.TenantCode == t.Code).OrderByDescending(x => x.Number).ToListAsync(ct);
        var used = await db.SupervisionVisits.Where(v => v.TenantCode == t.Code).GroupBy(v => v.TemplateId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Versions = templates.Select(x => (x, used.GetValueOrDefault(x.Id))).ToList();
        Rows = Current.Items.OrderBy(i => i.SectionOrder).ThenBy(i => i.Order)
            .Select(i => new ItemInput { Section = i.Section, Code = i.Code, Text = i.Text, Guidance = i.Guidance }).ToList();
        Message = this.Take("Message");
        return null;
    }
}
