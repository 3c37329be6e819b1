using Microsoft.Playwright;

namespace Rapor.BrowserTests;

/// <summary>
/// The platform admin onboards a kabupaten/kota through the wizard in a browser: pick from the national list,
/// copy a framework, open periods, invite the admin (the link is shown once), set the branding, read the checklist.
/// Screenshots at 1280 px and at 390 px.
/// </summary>
public sealed class OnboardingTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Platform_admin_onboards_Kota_Cimahi_through_the_wizard_on_a_desktop()
    {
        var page = await fx.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await LoginPage.SignInAsync(page, "admin");

        await page.GotoAsync("/Onboarding");
        await page.GetByTestId("catalog-search").FillAsync("cimahi");
        await BrowserFixture.WaitForHtmxAsync(page);
        var result = page.GetByTestId("catalog-results").Locator("[data-code='32.77']");
        await Assertions.Expect(result).ToContainTextAsync("3 kecamatan, 15 kelurahan");
        await BrowserFixture.ScreenshotAsync(page, "onboarding-search-desktop");
        await page.GetByTestId("onboard-32.77").ClickAsync();

        // Step 2: framework — copy Bandung's.
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Kota Cimahi terdaftar: 3 kecamatan, 15 kelurahan");
        await Assertions.Expect(page.GetByTestId("tenant-switcher")).ToContainTextAsync("Kota Cimahi");
        await page.GetByLabel("Kota Bandung 2025", new() { Exact = false }).CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "onboarding-framework-desktop");
        await page.GetByTestId("copy-framework").ClickAsync();
        await Assertions.Expect(page.GetByTestId("framework-ready")).ToContainTextAsync("31 indikator");
        await page.GetByTestId("next").ClickAsync();

        // Step 3: periods.
        await page.GetByTestId("open-periods").ClickAsync();
        await Assertions.Expect(page.GetByTestId("periods").Locator("tbody tr")).ToHaveCountAsync(13);
        await page.GetByTestId("next").ClickAsync();

        // Step 4: the first admin, by a one-time link.
        await page.GetByLabel("Nama pengguna").FillAsync("admin.cimahi");
        await page.GetByLabel("Nama lengkap dan jabatan").FillAsync("Kabag Pemerintahan Kota Cimahi (uji)");
        await page.GetByTestId("invite").ClickAsync();
        var link = await page.GetByTestId("invitation-link").InputValueAsync();
        Assert.Contains("/Account/Invitation?user=", link, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "onboarding-invitation-desktop");

        // The invited admin sets a password in a browser of their own.
        var invited = await fx.NewPageAsync(phone: true);
        await invited.GotoAsync(link);
        await invited.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync("Cimahi-Cerdas-2026");
        await invited.GetByLabel("Ulangi kata sandi").FillAsync("Cimahi-Cerdas-2026");
        await BrowserFixture.ScreenshotAsync(invited, "onboarding-accept-invitation-phone");
        await invited.GetByTestId("set-password").ClickAsync();
        await Assertions.Expect(invited.GetByTestId("invitation-done")).ToContainTextAsync("admin.cimahi");

        // Step 5: branding, then the checklist.
        await page.GotoAsync("/Onboarding/Branding/32.77");
        await page.GetByLabel("Jabatan penandatangan rapor").FillAsync("Kepala Bagian Pemerintahan Setda Kota Cimahi");
        await page.GetByLabel("Nama penandatangan").FillAsync("Drs. Penandatangan Uji");
        await page.GetByTestId("save-branding").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("disimpan");
        await page.GetByTestId("next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ready")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-item='Map'][data-done='true']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "onboarding-checklist-desktop");

        // The new tenant's map draws its three kecamatan from the shipped Jawa Barat shapes.
        await page.GotoAsync("/Regions/Map?tenant=32.77");
        await Assertions.Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-loaded", "3");
        await BrowserFixture.ScreenshotAsync(page, "onboarding-cimahi-map-desktop");
    }

    [Fact]
    public async Task The_wizard_reads_well_on_a_phone()
    {
        var page = await fx.NewPageAsync(phone: true);
        await LoginPage.SignInAsync(page, "admin");
        await page.GotoAsync("/Onboarding?q=aceh utara");
        await Assertions.Expect(page.GetByTestId("catalog-results")).ToContainTextAsync("852 desa");
        await BrowserFixture.ScreenshotAsync(page, "onboarding-search-phone");
        await page.GotoAsync("/Onboarding/Checklist/16.71");
        await Assertions.Expect(page.GetByTestId("checklist").Locator("li")).ToHaveCountAsync(7);
        await BrowserFixture.ScreenshotAsync(page, "onboarding-checklist-phone");
        await page.GotoAsync("/Onboarding/Framework/16.71");
        await Assertions.Expect(page.GetByTestId("wizard-steps")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "onboarding-framework-phone");
    }
}
