using Microsoft.Playwright;
using Rapor.TestSupport;

namespace Rapor.BrowserTests;

/// <summary>Issue 18 in the browser: forced two-factor enrolment with a QR code, sign-in with the code, and no CSP violation on the pages.</summary>
public sealed class SecurityTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_verifikator_enrols_an_authenticator_then_signs_in_with_its_code()
    {
        foreach (var phone in new[] { true, false })
        {
            var page = await fx.NewPageAsync(phone);
            var user = phone ? "verifikator" : "admin.bandung";
            var violations = new List<string>();
            page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(m.Text); };
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("Nama pengguna").FillAsync(user);
            await page.GetByLabel("Kata sandi").FillAsync(RaporFactory.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
            // Forced: the account page with the QR code, whatever was asked for.
            await Assertions.Expect(page.GetByTestId("enrol-required")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("qr")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, phone ? "2fa-enrol-phone" : "2fa-enrol-desktop");
            var key = (await page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            await page.GetByTestId("enable-code").FillAsync(Totp.Code(key));
            await page.GetByTestId("enable").ClickAsync();
            await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
            await Assertions.Expect(page.GetByTestId("2fa-status")).ToHaveTextAsync("aktif");
            await BrowserFixture.ScreenshotAsync(page, phone ? "2fa-enabled-phone" : "2fa-enabled-desktop");

            // Sign out, and in again: password, then the code.
            if (phone)
                await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
            await page.GetByLabel("Nama pengguna").FillAsync(user);
            await page.GetByLabel("Kata sandi").FillAsync(RaporFactory.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
            await page.GetByTestId("totp-code").FillAsync(Totp.Code(key));
            await BrowserFixture.ScreenshotAsync(page, phone ? "2fa-code-phone" : "2fa-code-desktop");
            await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("current-user")).ToBeAttachedAsync();
            await page.GotoAsync("/Rapor/Ranking");
            await page.GotoAsync("/api/docs");
            await page.WaitForTimeoutAsync(500);
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }
    }
}
