using Microsoft.Playwright;

namespace Rapor.BrowserTests;

public sealed class FoundationTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Camat_signs_in_and_sees_the_kelurahan_of_Cinambo()
    {
        var page = await fx.NewPageAsync();
        await LoginPage.SignInAsync(page, "camat.cinambo");
        var children = page.GetByTestId("own-children");
        await Assertions.Expect(children.Locator("li")).ToHaveTextAsync(["Cisaranten Wetan", "Pakemitan", "Sukamulya", "Babakan Penghulu"]);
        await BrowserFixture.ScreenshotAsync(page, "camat-home-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "Buka halaman unit" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-title")).ToHaveTextAsync("Kecamatan Cinambo");
        await Assertions.Expect(page.GetByTestId("kelurahan-table").Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("officials-today")).ToContainTextAsync("Camat");
        await BrowserFixture.ScreenshotAsync(page, "camat-cinambo-unit");
    }

    [Fact]
    public async Task Lurah_opening_another_kelurahan_gets_akses_ditolak()
    {
        var page = await fx.NewPageAsync(phone: true);
        await LoginPage.SignInAsync(page, "lurah.cisarantenwetan");
        await Assertions.Expect(page.GetByTestId("own-unit")).ToContainTextAsync("Cisaranten Wetan");
        await BrowserFixture.ScreenshotAsync(page, "lurah-home-phone");

        var response = await page.GotoAsync("/Regions/Unit/32.73.29.1003");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("access-denied")).ToContainTextAsync("Akses ditolak");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Sukamulya");
        await BrowserFixture.ScreenshotAsync(page, "lurah-akses-ditolak-phone");
    }

    [Fact]
    public async Task Admin_sees_Bandung_counts_and_the_map_draws_30_kecamatan()
    {
        var page = await fx.NewPageAsync();
        await LoginPage.SignInAsync(page, "admin.bandung");
        await Assertions.Expect(page.GetByTestId("tenant-summary")).ToHaveTextAsync("Kota Bandung — 30 kecamatan, 151 kelurahan");

        await page.GotoAsync("/Regions/Tenant/32.73");
        await Assertions.Expect(page.GetByTestId("kecamatan-table").Locator("tbody tr")).ToHaveCountAsync(30);
        await BrowserFixture.ScreenshotAsync(page, "admin-bandung-kecamatan");

        await page.GotoAsync("/Regions/Map");
        await Assertions.Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-loaded", "30");
        await Assertions.Expect(page.Locator("path.leaflet-interactive")).ToHaveCountAsync(30);
        await BrowserFixture.ScreenshotAsync(page, "admin-bandung-map");

        // Clicking a kecamatan on the map opens its page.
        await page.Locator("path.leaflet-interactive").Nth(28).ClickAsync(new() { Force = true });
        await page.WaitForURLAsync("**/Regions/Unit/32.73.*");
        await Assertions.Expect(page.GetByTestId("unit-title")).ToContainTextAsync("Kecamatan");
    }

    [Fact]
    public async Task The_phone_layout_collapses_the_menu_and_English_can_be_chosen()
    {
        var page = await fx.NewPageAsync(phone: true);
        await LoginPage.SignInAsync(page, "verifikator");
        await Assertions.Expect(page.Locator(".navbar-toggler")).ToBeVisibleAsync();
        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome");
        await page.Locator(".navbar-toggler").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Regions", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "verifikator-english-phone-menu");
    }
}
