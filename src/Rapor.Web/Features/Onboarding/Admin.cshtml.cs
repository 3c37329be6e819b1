using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Onboarding;

/// <summary>
/// Wizard step 4: the tenant's first admin, invited by a one-time link that sets the password. The link is shown here
/// once, to pass on (and e-mailed when mail is configured); it is not stored, so a lost link is replaced by a new one.
/// </summary>
public sealed class AdminModel(RaporDbContext db, TimeProvider clock, UserManager<AppUser> users, Invitations invitations, IInvitationMailer mailer)
    : OnboardingStep(db, clock)
{
    public sealed record Account(string Id, string UserName, string DisplayName, string? Email, bool Active);

    public override OnboardingChecklist.Step? Step => OnboardingChecklist.Step.Admin;
    public List<Account> Admins { get; private set; } = [];

    /// <summary>Set only in the response that created it: the link is never shown again.</summary>
    public string? NewLink { get; private set; }
    public string? NewLinkFor { get; private set; }
    public bool Mailed { get; private set; }
    public bool MailConfigured => mailer.IsConfigured;
    public int LifespanDays => (int)invitations.Lifespan.TotalDays;

    [BindProperty]
    public Command Input { get; set; } = new();

    public sealed class Command : Users.CreateModel.NewAccount
    {
        [EmailAddress(ErrorMessage = "Alamat e-mail tidak valid.")]
        [StringLength(256, ErrorMessage = "Alamat e-mail paling panjang 256 karakter.")]
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string tenant, CancellationToken ct) => await LoadAsync(tenant, ct) ?? await ShowAsync(tenant, ct);

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        if (!ModelState.IsValid)
            return await ShowAsync(tenant, ct);
        var user = new AppUser
        {
            UserName = Input.UserName,
            DisplayName = Input.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            UnitCode = tenant,
        };
        var created = await users.CreateAsync(user); // no password: the invitation sets it
        if (created.Succeeded)
            created = await users.AddToRoleAsync(user, Roles.Admin);
        if (!created.Succeeded)
        {
            Errors.AddRange(created.Errors.Select(e => e.Description));
            return await ShowAsync(tenant, ct);
        }
        await IssueAsync(user, ct);
        Input = new();
        ModelState.Clear();
        return await ShowAsync(tenant, ct);
    }

    /// <summary>A new link for an invitation that was lost or expired; the previous link stops working.</summary>
    public async Task<IActionResult> OnPostRelinkAsync(string tenant, string id, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is { } denied)
            return denied;
        var user = await users.FindByIdAsync(id);
        if (user is null || user.UnitCode != tenant || user.PasswordHash is not null)
            Errors.Add("Akun ini tidak menunggu undangan.");
        else
            await IssueAsync(user, ct);
        ModelState.Clear();
        return await ShowAsync(tenant, ct);
    }

    private async Task IssueAsync(AppUser user, CancellationToken ct)
    {
        NewLink = await invitations.NewLinkAsync(user, $"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        NewLinkFor = user.UserName;
        if (NewLink is not null && mailer.IsConfigured && user.Email is { } to)
        {
            await mailer.SendAsync(new InvitationMail(to, user.DisplayName, Checklist.TenantName, NewLink, invitations.ExpiresAt), ct);
            Mailed = true;
        }
    }

    private async Task<IActionResult> ShowAsync(string tenant, CancellationToken ct)
    {
        var adminRole = await Db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstAsync(ct);
        Admins = await Db.Users.AsNoTracking().Where(u => u.UnitCode == tenant && Db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole))
            .OrderBy(u => u.UserName).Select(u => new Account(u.Id, u.UserName!, u.DisplayName, u.Email, u.PasswordHash != null)).ToListAsync(ct);
        // The checklist was read before this request's change.
        await LoadAsync(tenant, ct);
        return Page();
    }
}
