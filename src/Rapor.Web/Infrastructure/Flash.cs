using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Rapor.Web.Infrastructure;

public static class Flash
{
    /// <summary>
    /// The one-time message the previous request left in TempData, read only when there is one: touching TempData
    /// without its cookie still answers with a cookie deletion, which keeps a page out of the output cache and adds a
    /// header to every autosave.
    /// </summary>
    public static string? Take(this PageModel page, string key) =>
        page.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName) ? page.TempData[key] as string : null;
}
