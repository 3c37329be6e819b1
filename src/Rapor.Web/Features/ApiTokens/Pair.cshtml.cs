using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rapor.Web.Features.ApiTokens;

/// <summary>
/// Pairs a kiosk or display once: the token travels in the link's fragment (never sent to a server or written to a log),
/// the page checks it against the API, keeps it in the device's local storage and opens the kiosk or the display.
/// </summary>
[AllowAnonymous]
public sealed class PairModel : PageModel
{
    public void OnGet()
    {
    }
}
