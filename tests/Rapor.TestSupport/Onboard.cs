using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;

namespace Rapor.TestSupport;

/// <summary>Drives the onboarding wizard through HTTP as the platform admin would, for tests that need a new tenant.</summary>
public static partial class Onboard
{
    private static CancellationToken Ct => CancellationToken.None;

    private static void Ensure(bool ok, string what)
    {
        if (!ok)
            throw new InvalidOperationException(what);
    }

    public static int Year => DateTime.Now.Year;

    /// <summary>Picks <paramref name="code"/> from the national list.</summary>
    public static async Task FromListAsync(this RaporFactory f, HttpClient platformAdmin, string code)
    {
        using var response = await RaporFactory.PostFormAsync(platformAdmin, "/Onboarding", new() { ["code"] = code });
        Ensure(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
    }

    /// <summary>Copies a framework (an id, or "contoh" for the built-in example) to this year.</summary>
    public static async Task FrameworkAsync(this RaporFactory f, HttpClient admin, string tenant, string source)
    {
        using var response = await RaporFactory.PostFormAsync(admin, $"/Onboarding/Framework/{tenant}",
            new() { ["source"] = source, ["year"] = Year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Ensure(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
    }

    public static async Task PeriodsAsync(this RaporFactory f, HttpClient admin, string tenant)
    {
        using var response = await RaporFactory.PostFormAsync(admin, $"/Onboarding/Periods/{tenant}");
        Ensure(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
    }

    /// <summary>Invites an admin and returns the one-time link shown on the page.</summary>
    public static async Task<string> InviteAsync(this RaporFactory f, HttpClient admin, string tenant, string userName, string? email = null)
    {
        using var response = await RaporFactory.PostFormAsync(admin, $"/Onboarding/Admin/{tenant}", new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = $"Admin {userName} (uji)", ["Input.Email"] = email ?? "",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);
        var m = LinkPattern().Match(html);
        Ensure(m.Success, "no invitation link on the page");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>Follows the link anonymously and sets the password; returns the response page.</summary>
    public static async Task<string> AcceptAsync(this RaporFactory f, string link, string password)
    {
        var client = f.Anonymous();
        var uri = new Uri(link);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        // A spent link's page has no form; the antiforgery token is bound to the cookie, not to the page.
        await client.GetAsync(uri.PathAndQuery, Ct);
        var token = await RaporFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        using var response = await client.PostAsync("/Account/Invitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = query["user"]!, ["token"] = query["token"]!, ["Input.Password"] = password, ["Input.Confirm"] = password,
            ["__RequestVerificationToken"] = token,
        }), Ct);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>An account with a password, created by an admin through the users page.</summary>
    public static async Task CreateUserAsync(this RaporFactory f, HttpClient admin, string userName, string role, string unit, string password)
    {
        using var response = await RaporFactory.PostFormAsync(admin, "/Users/Create", new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = $"{userName} (uji)", ["Input.Role"] = role, ["Input.UnitCode"] = unit, ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"creating {userName} refused: " + WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    /// <summary>Fills every monthly indicator of <paramref name="unit"/> at its target (with evidence where required) and submits.</summary>
    public static async Task FillAndSubmitAsync(this RaporFactory f, HttpClient filler, string unit, string period)
    {
        var tenant = RegionCode.TenantOf(unit);
        var level = RegionCode.LevelOf(unit)!.Value;
        var indicators = await f.WithDbAsync(async db =>
        {
            var fw = await db.Frameworks.Include(x => x.Bidang).ThenInclude(b => b.Indicators).FirstAsync(x => x.TenantCode == tenant && x.Year == Year, Ct);
            return fw.Indicators.Where(i => i.Frequency == Frequency.Monthly && i.AppliesTo(level)).ToList();
        });
        var url = $"/Reports/Fill/{unit}/{period}";
        foreach (var i in indicators)
        {
            if (i.IsTyped)
            {
                var value = i.Type is IndicatorType.YesNo or IndicatorType.Document ? "ya" : i.Target.ToString(System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
                using var saved = await RaporFactory.PostFormAsync(filler, url + "?handler=Value", new() { ["indicatorId"] = i.Id.ToString(), ["value"] = value }, tokenInHeader: true);
                Ensure(saved.StatusCode == HttpStatusCode.OK, $"saving {i.Code}: {saved.StatusCode}");
            }
            if (i.EvidenceRequired)
            {
                using var form = new MultipartFormDataContent { { new StringContent(i.Id.ToString()), "indicatorId" }, { new ByteArrayContent(Scenario.Png), "file", "foto.png" } };
                using var request = new HttpRequestMessage(HttpMethod.Post, url + "?handler=Evidence") { Content = form };
                request.Headers.Add("RequestVerificationToken", await RaporFactory.AntiforgeryTokenAsync(filler, "/"));
                using var uploaded = await filler.SendAsync(request, Ct);
                Ensure(uploaded.StatusCode == HttpStatusCode.OK, $"evidence {i.Code}: {uploaded.StatusCode}");
            }
        }
        using var submitted = await RaporFactory.PostFormAsync(filler, url + "?handler=Submit");
        if (submitted.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException("submit refused: " + WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync(Ct)));
    }

    [GeneratedRegex("value=\"([^\"]+)\" data-testid=\"invitation-link\"")]
    private static partial Regex LinkPattern();
}
