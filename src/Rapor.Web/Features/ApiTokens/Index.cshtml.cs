using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.ApiTokens;

/// <summary>
/// API and device tokens: create (the secret is shown once, on this response only), list, revoke. A personal token
/// acts as its creator within one unit; a device token pairs a kiosk or a display of a unit (camat, lurah or admin).
/// </summary>
public sealed class IndexModel(RaporDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(ApiToken Token, bool CanRevoke, string? UnitName);

    public List<Row> Tokens { get; private set; } = [];

    /// <summary>Only on the response that created it; never stored.</summary>
    public string? NewSecret { get; private set; }
    public ApiToken? Created { get; private set; }
    public string? PairUrl { get; private set; }
    public string? Message { get; private set; }

    [BindProperty]
    public Command Input { get; set; } = new();

    public sealed class Command
    {
        [Required(ErrorMessage = "Nama token wajib diisi.")]
        [StringLength(100, ErrorMessage = "Nama paling panjang 100 karakter.")]
        public string Name { get; set; } = "";

        public ApiTokenPurpose Purpose { get; set; } = ApiTokenPurpose.Api;

        [Required(ErrorMessage = "Kode unit wajib diisi.")]
        public string UnitCode { get; set; } = "";

        public ApiTokenAccess Access { get; set; } = ApiTokenAccess.Read;

        [Range(0, 3650, ErrorMessage = "Masa berlaku 0–3650 hari (0: tanpa batas).")]
        public int ExpiresInDays { get; set; } = 365;
    }

    public async Task OnGetAsync(string? unit, CancellationToken ct)
    {
        Input.UnitCode = unit ?? User.UnitCode();
        Message = this.Take("tokens");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var unit = Input.UnitCode.Trim();
        var device = Input.Purpose != ApiTokenPurpose.Api;
        if (!await db.Regions.AnyAsync(r => r.Code == unit, ct))
            ModelState.AddModelError("Input.UnitCode", $"Unit {unit} tidak ditemukan.");
        else if (device ? !UnitScope.CanManageServiceDesk(User, unit) : !UnitScope.CanView(User, unit))
            ModelState.AddModelError("Input.UnitCode", device ? "Token perangkat hanya dapat dibuat camat, lurah/kepala desa unit itu atau admin." : "Unit di luar wilayah kewenangan Anda.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = ApiToken.NewSecret();
        var token = new ApiToken
        {
            Name = Input.Name.Trim(),
            Kind = device ? ApiTokenKind.Device : ApiTokenKind.Personal,
            Purpose = Input.Purpose,
            UnitCode = unit,
            // A kiosk takes tickets; a display only reads.
            Access = Input.Purpose switch { ApiTokenPurpose.Kiosk => ApiTokenAccess.Write, ApiTokenPurpose.Display => ApiTokenAccess.Read, _ => Input.Access },
            UserId = device ? null : User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            CreatedBy = User.Identity!.Name!,
            CreatedAt = now,
            ExpiresAt = Input.ExpiresInDays > 0 ? now.AddDays(Input.ExpiresInDays) : null,
            Hash = ApiToken.HashOf(secret),
            Hint = secret[..10],
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        NewSecret = secret;
        Created = token;
        if (device)
            PairUrl = QrCode.AbsoluteUrl(Request, "/Perangkat/Pasang#" + secret);
        // The secret must not be cached anywhere on the way back.
        Response.Headers.CacheControl = "no-store";
        Input = new Command { UnitCode = unit };
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
            return NotFound();
        if (!CanRevoke(token))
            return Forbid();
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow().UtcDateTime;
            token.RevokedBy = User.Identity!.Name;
            await db.SaveChangesAsync(ct);
        }
        TempData["tokens"] = $"Token \"{token.Name}\" dicabut; perangkat atau aplikasi yang memakainya tidak dapat masuk lagi.";
        return RedirectToPage();
    }

    private bool CanRevoke(ApiToken t) =>
        t.UserId == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
        || (t.Kind == ApiTokenKind.Device && UnitScope.CanManageServiceDesk(User, t.UnitCode))
        || UnitScope.CanAdminister(User, t.UnitCode);

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var tenant = UnitScope.TenantOf(User);
        var candidates = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == me || tenant == null || t.UnitCode == tenant || t.UnitCode.StartsWith(tenant + "."))
            .OrderByDescending(t => t.CreatedAt).Take(500).ToListAsync(ct);
        var visible = candidates.Where(t => t.UserId == me || (t.Kind == ApiTokenKind.Device && UnitScope.CanManageServiceDesk(User, t.UnitCode)) || UnitScope.CanAdminister(User, t.UnitCode)).ToList();
        var codes = visible.Select(t => t.UnitCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        Tokens = visible.Select(t => new Row(t, CanRevoke(t), names.GetValueOrDefault(t.UnitCode))).ToList();
    }
}
