using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapor.Web.Domain;
using Rapor.Web.Features.Onboarding;

namespace Rapor.Web.Features.Account;

/// <summary>Whoever holds a valid invitation link sets the account's password here, once.</summary>
public sealed class InvitationModel(UserManager<AppUser> users, Invitations invitations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public Command Input { get; set; } = new();

    public AppUser? Invited { get; private set; }
    public bool Valid { get; private set; }
    public bool Done { get; private set; }

    public sealed class Command
    {
        [Required(ErrorMessage = "Kata sandi wajib diisi.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Ulangi kata sandi.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Kedua kata sandi tidak sama.")]
        public string Confirm { get; set; } = "";
    }

    public async Task OnGetAsync() => await CheckAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await CheckAsync() || !ModelState.IsValid)
            return Page();
        var result = await invitations.AcceptAsync(Invited!, Token!, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError("", e.Description);
            Valid = await invitations.IsValidAsync(Invited!, Token);
            return Page();
        }
        Done = true;
        return Page();
    }

    private async Task<bool> CheckAsync()
    {
        Invited = UserId is { Length: > 0 } id ? await users.FindByIdAsync(id) : null;
        Valid = Invited is not null && await invitations.IsValidAsync(Invited, Token);
        return Valid;
    }
}
