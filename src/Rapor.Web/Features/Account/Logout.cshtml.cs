using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Account;

/// <summary>
/// Sign-out revokes the session server-side: a new security stamp makes every copy of the old cookie invalid on every
/// instance at its next request (SessionRevocation), not only the browser's own copy.
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
