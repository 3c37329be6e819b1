using Microsoft.Playwright;
using Rapor.TestSupport;

namespace Rapor.BrowserTests;

/// <summary>
/// One app on real Kestrel and one headless Debian Chromium for a test class.
/// Playwright cannot download browsers here, so the system binary is used (CHROMIUM_PATH overrides).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture()
        : this(demoReports: false)
    {
    }

    protected BrowserFixture(bool demoReports) => App = new KestrelRaporFactory(demoReports);

    public KestrelRaporFactory App { get; }
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public static string ArtifactsDir { get; } = FindArtifactsDir();

    public async ValueTask InitializeAsync()
    {
        // CI runs on 2 shared cores: give auto-waiting assertions more room than the 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network: stop Chromium's background calls to Google services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await ((IAsyncDisposable)App).DisposeAsync();
    }

    /// <summary>A fresh context (own cookies) sized like a desktop or a 390-px phone.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseUrl,
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1280, Height = 900 },
            IsMobile = phone,
            Locale = "id-ID",
        });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDir, name + ".png"), FullPage = true });

    /// <summary>Waits until htmx has no request in flight and has wired up what it swapped in.</summary>
    public static Task WaitForHtmxAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");

    private static string FindArtifactsDir()
    {
        var dir = Environment.GetEnvironmentVariable("RAPOR_ARTIFACTS");
        if (string.IsNullOrEmpty(dir))
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d is not null && !File.Exists(Path.Combine(d.FullName, "Rapor.sln")))
                d = d.Parent;
            dir = Path.Combine(d?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        }
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>The app with the Development demo data: a year and more of Bandung reports, scored and finalized.</summary>
public sealed class DemoBrowserFixture() : BrowserFixture(demoReports: true);

/// <summary>Page object for the login form (and the two-factor step of admin and verifikator accounts).</summary>
public static class LoginPage
{
    // Authenticator keys learned at enrolment, per app (base URL) and user: what the user's phone would hold.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new();

    public static async Task SignInAsync(IPage page, string user, string password = RaporFactory.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Nama pengguna").FillAsync(user);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        var app = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        // Wait for the signed-in page itself, not for its "load" event: on a busy 2-core CI machine a late
        // subresource once held "load" past 30 s although the page was usable.
        var code = page.GetByTestId("totp-code");
        await Assertions.Expect(page.GetByTestId("current-user").Or(code)).ToBeAttachedAsync(new() { Timeout = 30_000 });
        if (await code.CountAsync() > 0)
        {
            await code.FillAsync(Totp.Code(Keys[app + "|" + user]));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("current-user")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        }
        if (page.Url.Contains("/Account/Security", StringComparison.Ordinal))
        {
            // First sign-in of a role that must use two-factor sign-in: enrol, as the user would with a phone.
            var key = (await page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            Keys[app + "|" + user] = key;
            await page.GetByTestId("enable-code").FillAsync(Totp.Code(key));
            await page.GetByTestId("enable").ClickAsync();
            await Assertions.Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.GetByTestId("continue").ClickAsync();
            await Assertions.Expect(page.GetByTestId("current-user")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        }
    }
}
