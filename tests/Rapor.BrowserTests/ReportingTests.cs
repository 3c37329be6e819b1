using System.Globalization;
using Microsoft.Playwright;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.BrowserTests;

public sealed class ReportingTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Lurah_fills_and_submits_with_a_photo_then_her_camat_approves_and_the_board_updates()
    {
        var period = await fx.App.OpenPeriodAsync(2033, 1);
        var indicators = await fx.App.MonthlyIndicatorsAsync(2033, RegionLevel.Kelurahan);

        // The lurah, on her phone.
        var lurah = await fx.NewPageAsync(phone: true);
        await LoginPage.SignInAsync(lurah, "lurah.cisarantenwetan");
        await lurah.GotoAsync($"/Reports/Fill/{Scenario.CisarantenWetan}/{period}");
        await Assertions.Expect(lurah.GetByTestId("report-status")).ToHaveTextAsync("belum diisi");
        foreach (var i in indicators)
        {
            var row = lurah.GetByTestId($"indicator-{i.Code}");
            if (i.IsTyped)
            {
                if (i.Type is IndicatorType.YesNo or IndicatorType.Document)
                    await row.Locator("select[name=value]").SelectOptionAsync("1");
                else
                {
                    var input = row.Locator("input[name=value]");
                    await input.FillAsync(i.Target.ToString(CultureInfo.GetCultureInfo("id-ID")));
                    await input.PressAsync("Tab"); // leaving the field fires the one change event a user would
                }
                await Assertions.Expect(row.GetByTestId("row-message")).ToContainTextAsync("Tersimpan");
                await BrowserFixture.WaitForHtmxAsync(lurah); // a person never acts within htmx's 20 ms settle
            }
            if (i.EvidenceRequired)
            {
                await row.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = $"bukti-{i.Code}.png", MimeType = "image/png", Buffer = Scenario.Png });
                await Assertions.Expect(row.GetByTestId("evidence")).ToContainTextAsync($"bukti-{i.Code}.png");
            }
        }
        await BrowserFixture.ScreenshotAsync(lurah, "lurah-report-filled-phone");
        await lurah.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(lurah.GetByTestId("success")).ToContainTextAsync("berhasil diajukan");
        await Assertions.Expect(lurah.GetByTestId("report-status")).ToHaveTextAsync("diajukan");
        await BrowserFixture.ScreenshotAsync(lurah, "lurah-report-submitted-phone");

        // Her camat, at his desk.
        var camat = await fx.NewPageAsync();
        await LoginPage.SignInAsync(camat, "camat.cinambo");
        await camat.GotoAsync("/Reports");
        await camat.GetByTestId("to-approve").GetByRole(AriaRole.Link, new() { NameRegex = new("Cisaranten Wetan") }).ClickAsync();
        await Assertions.Expect(camat.GetByTestId("report-status")).ToHaveTextAsync("diajukan");
        await BrowserFixture.ScreenshotAsync(camat, "camat-review");
        await camat.GetByTestId("approve").ClickAsync();
        await camat.WaitForURLAsync("**/Reports");

        await camat.GotoAsync($"/Periods?period={period}");
        var boardRow = camat.Locator($"tr[data-unit='{Scenario.CisarantenWetan}']");
        await Assertions.Expect(boardRow.GetByTestId("status")).ToHaveTextAsync("disetujui camat");
        await Assertions.Expect(camat.Locator($"tr[data-unit='{Scenario.Sukamulya}']").GetByTestId("status")).ToHaveTextAsync("belum diisi");
        await BrowserFixture.ScreenshotAsync(camat, "camat-compliance-board");

        // The lurah is told.
        await lurah.GotoAsync("/Notifications");
        await Assertions.Expect(lurah.GetByTestId("notifications")).ToContainTextAsync("disetujui camat");
    }
}
