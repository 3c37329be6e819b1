using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Users;

/// <summary>Accounts of the admin's tenant (all for the platform admin), with their role, unit and lockout.</summary>
public sealed class IndexModel(RaporDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, string UnitCode, string? UnitName, string Roles, bool LockedOut, bool TwoFactor);

    public List<Row> Rows { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await LoadAsync(ct);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) => ActAsync(id, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return $"Akun {user.UserName} dibuka kembali.";
    }, ct);

    /// <summary>An admin clears the authenticator of someone who lost their phone; they enrol again at next sign-in.</summary>
    public Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct) => ActAsync(id, async user =>
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        return $"Verifikasi dua langkah {user.UserName} direset; pengguna mendaftarkan aplikasi autentikator lagi saat masuk.";
    }, ct);

    /// <summary>An action on one account of the admin's scope (audited through the Identity tables), then the list again.</summary>
    private async Task<IActionResult> ActAsync(string id, Func<AppUser, Task<string>> act, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return NotFound();
        if (!InScope(user.UnitCode))
            return Forbid();
        Message = await act(user);
        Rows = await LoadAsync(ct);
        return Page();
    }

    private bool InScope(string unitCode) =>
        UnitScope.IsPlatformAdmin(User) || (unitCode.Length > 0 && UnitScope.CanView(User, unitCode));

    private async Task<List<Row>> LoadAsync(CancellationToken ct)
    {
        var tenant = UnitScope.TenantOf(User);
        var list = await db.Users.AsNoTracking()
            .Where(u => tenant == null || u.UnitCode == tenant || u.UnitCode.StartsWith(tenant + "."))
            .OrderBy(u => u.UnitCode).ThenBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.UnitCode, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(ct);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var codes = list.Select(u => u.UnitCode).Distinct().ToList();
        var names = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var now = clock.GetUtcNow();
        return list.Select(u => new Row(u.Id, u.UserName ?? "", u.DisplayName, u.UnitCode, names.GetValueOrDefault(u.UnitCode),
            string.Join(", ", roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name)), u.LockoutEnd > now, u.TwoFactorEnabled)).ToList();
    }
}
