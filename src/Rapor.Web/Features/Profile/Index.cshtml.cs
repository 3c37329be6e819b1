using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Messaging;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Profile;

/// <summary>The user's own contact details and which reminders reach him by e-mail and WhatsApp.</summary>
public sealed class IndexModel(RaporDbContext db, UserManager<AppUser> users, IOptions<MessagingOptions> options) : PageModel
{
    public static readonly Channel[] OptionalChannels = [Channel.Email, Channel.WhatsApp];
    public static readonly MessageKind[] Kinds = Enum.GetValues<MessageKind>();

    public sealed class InputModel
    {
        [EmailAddress(ErrorMessage = "Alamat e-mail tidak valid.")]
        [StringLength(256, ErrorMessage = "Alamat e-mail paling panjang 256 karakter.")]
        public string? Email { get; set; }

        [StringLength(30, ErrorMessage = "Nomor telepon paling panjang 30 karakter.")]
        public string? Phone { get; set; }

        public string Language { get; set; } = "id";

        /// <summary>"Kind:Channel" for every box left ticked.</summary>
        public List<string> Send { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MessagingOptions Options => options.Value;
    public string? Message { get; private set; }
    public HashSet<string> OptedOut { get; private set; } = [];

    public static string Box(MessageKind kind, Channel channel) => $"{kind}:{channel}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        Input = new InputModel { Email = user.Email, Phone = user.PhoneNumber, Language = user.Language };
        await LoadOptOutsAsync(user.Id, ct);
        Message = this.Take("Message");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(Input.Phone))
        {
            if (IndonesianPhone.TryNormalize(Input.Phone, out var normalized))
                phone = normalized;
            else
                ModelState.AddModelError("Input.Phone", "Nomor WhatsApp tidak valid. Tulis nomor seluler Indonesia, mis. 0812-3456-7890 atau +62 812 3456 7890.");
        }
        if (Input.Language is not ("id" or "en"))
            ModelState.AddModelError("Input.Language", "Pilih bahasa Indonesia atau English.");
        if (!ModelState.IsValid)
        {
            await LoadOptOutsAsync(user.Id, ct);
            OptedOut = Kinds.SelectMany(k => OptionalChannels.Select(c => Box(k, c))).Where(b => !Input.Send.Contains(b)).ToHashSet();
            return Page();
        }
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        if (!string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
            await users.SetEmailAsync(user, email);
        user.PhoneNumber = phone;
        user.Language = Input.Language;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", string.Join(" ", result.Errors.Select(e => e.Description)));
            await LoadOptOutsAsync(user.Id, ct);
            return Page();
        }
        var wanted = Kinds.SelectMany(k => OptionalChannels.Select(c => (k, c))).Where(x => !Input.Send.Contains(Box(x.k, x.c))).ToHashSet();
        var existing = await db.MessageOptOuts.Where(o => o.UserId == user.Id).ToListAsync(ct);
        db.MessageOptOuts.RemoveRange(existing.Where(o => !wanted.Contains((o.Kind, o.Channel))));
        foreach (var (kind, channel) in wanted.Where(w => !existing.Any(o => o.Kind == w.k && o.Channel == w.c)))
            db.MessageOptOuts.Add(new MessageOptOut { UserId = user.Id, Kind = kind, Channel = channel, UnitCode = user.UnitCode });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Profil dan pilihan pemberitahuan disimpan.";
        return RedirectToPage();
    }

    private async Task LoadOptOutsAsync(string userId, CancellationToken ct) =>
        OptedOut = (await db.MessageOptOuts.AsNoTracking().Where(o => o.UserId == userId).ToListAsync(ct)).Select(o => Box(o.Kind, o.Channel)).ToHashSet();
}
