using Microsoft.Playwright;
using Rapor.TestSupport;

namespace Rapor.BrowserTests;

public sealed class RaporTests(DemoBrowserFixture fx) : IClassFixture<DemoBrowserFixture>
{
    [Fact]
    public async Task Verifier_corrects_a_value_and_the_rapor_ranking_and_map_follow()
    {
        var period = $"{Scenario.Today:yyyy-MM}";
        await fx.App.SubmittedReportAsync(Scenario.Cinambo, period, 0.95);

        var page = await fx.NewPageAsync();
        await LoginPage.SignInAsync(page, "verifikator");
        await page.GotoAsync($"/Verification?period={period}");
        await Assertions.Expect(page.Locator($"tr[data-unit='{Scenario.Cinambo}']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "verifikator-inbox");
        await page.Locator($"tr[data-unit='{Scenario.Cinambo}']").GetByRole(AriaRole.Link, new() { Name = "Periksa" }).ClickAsync();

        var row = page.GetByTestId("decision-1.01");
        await row.Locator("select[name=decision]").SelectOptionAsync("Koreksi");
        await row.Locator("input[name=value]").FillAsync("40");
        await row.Locator("input[name=note]").FillAsync("Rekap antrean hanya mendukung 40 %");
        await row.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision-1.01").GetByTestId("decision-message")).ToContainTextAsync("Keputusan tersimpan");
        await Assertions.Expect(page.GetByTestId("decision-1.01").GetByTestId("verified")).ToContainTextAsync("40");
        await BrowserFixture.WaitForHtmxAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "verifikator-decision");
        await page.GetByTestId("complete").ClickAsync();
        await page.WaitForURLAsync("**/Verification?period=*");

        await page.GotoAsync($"/Rapor/{Scenario.Cinambo}/{period}");
        await Assertions.Expect(page.GetByTestId("ind-1.01").GetByTestId("verified")).ToHaveTextAsync("40");
        await Assertions.Expect(page.GetByTestId("rank")).ToContainTextAsync("dari 30");
        var total = await page.GetByTestId("total").InnerTextAsync();
        var zone = await page.GetByTestId("zone").InnerTextAsync();
        Assert.NotEqual("—", total);
        await page.GetByTestId("why").Locator("summary").ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "rapor-cinambo");

        await page.GotoAsync($"/Rapor/Ranking?period={period}");
        var rankRow = page.Locator($"tr[data-unit='{Scenario.Cinambo}']");
        await Assertions.Expect(rankRow.GetByTestId("total")).ToHaveTextAsync(total);
        await Assertions.Expect(page.GetByTestId("zone-map")).ToHaveAttributeAsync("data-loaded", "30");
        await Assertions.Expect(page.Locator($"path[data-kode='{Scenario.Cinambo}']")).ToHaveAttributeAsync("data-zone", zone);
        await BrowserFixture.ScreenshotAsync(page, "ranking-current-month");
    }

    [Fact]
    public async Task The_finalized_2025_ranking_map_and_public_page_render()
    {
        var page = await fx.NewPageAsync();
        await LoginPage.SignInAsync(page, "pimpinan");
        await page.GotoAsync("/Rapor/Ranking?period=2025");
        await Assertions.Expect(page.GetByTestId("finalized")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("zone-map")).ToHaveAttributeAsync("data-loaded", "30");
        await Assertions.Expect(page.GetByTestId("ranking").Locator("tbody tr")).ToHaveCountAsync(30);
        await BrowserFixture.ScreenshotAsync(page, "ranking-2025-map");

        await page.Locator($"path[data-kode='{Scenario.Cinambo}']").ClickAsync(new() { Force = true });
        await page.WaitForURLAsync($"**/Rapor/{Scenario.Cinambo}/2025");
        await Assertions.Expect(page.GetByTestId("children").Locator("tbody tr")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(page, "rapor-cinambo-2025");

        await page.GotoAsync("/Dashboard?year=2025");
        await Assertions.Expect(page.GetByTestId("weakest").Locator("tbody tr")).ToHaveCountAsync(30);
        await BrowserFixture.ScreenshotAsync(page, "dashboard-pimpinan");

        var anonymous = await fx.NewPageAsync(phone: true);
        await anonymous.GotoAsync("/Publik/32.73?period=2025");
        await Assertions.Expect(anonymous.GetByTestId("zone-summary")).ToContainTextAsync("hijau");
        await Assertions.Expect(anonymous.GetByTestId("zone-map")).ToHaveAttributeAsync("data-loaded", "30");
        await BrowserFixture.ScreenshotAsync(anonymous, "public-ranking-phone");
    }
}
