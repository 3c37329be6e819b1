using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.BrowserTests;

public sealed class ProvenanceTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_recycled_photo_is_flagged_to_the_uploader_and_the_verifier_compares_the_two_side_by_side()
    {
        var period = await fx.App.OpenPeriodAsync(2045, 3);
        var code = (await fx.App.MonthlyIndicatorsAsync(2045, RegionLevel.Kelurahan)).First(i => i.IsTyped).Code;
        var original = PhotoFixtures.WithExif(PhotoFixtures.SceneJpeg(21, 1600, 1200), new DateTime(2045, 3, 8, 7, 30, 0));

        // Cisaranten Wetan sends its kerja bakti photo.
        var first = await fx.NewPageAsync(phone: true);
        await LoginPage.SignInAsync(first, "lurah.cisarantenwetan");
        await first.GotoAsync($"/Reports/Fill/{Scenario.CisarantenWetan}/{period}");
        await first.GetByTestId($"indicator-{code}").Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "kerja-bakti.jpg", MimeType = "image/jpeg", Buffer = original });
        await Assertions.Expect(first.GetByTestId($"indicator-{code}").GetByTestId("evidence")).ToContainTextAsync("kerja-bakti.jpg");

        // Sukamulya sends the same picture, shrunk by a chat app: the lurah sees it before submitting.
        var second = await fx.NewPageAsync(phone: true);
        await LoginPage.SignInAsync(second, "lurah.sukamulya");
        await second.GotoAsync($"/Reports/Fill/{Scenario.Sukamulya}/{period}");
        var row = second.GetByTestId($"indicator-{code}");
        await row.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "kegiatan.jpg", MimeType = "image/jpeg", Buffer = PhotoFixtures.Reencoded(original, 0.5, 60) });
        await Assertions.Expect(row.Locator("[data-kind=duplicate]")).ToContainTextAsync("Foto ini mirip dengan bukti Kel. Cisaranten Wetan, Maret 2045");
        await Assertions.Expect(row.GetByTestId("replace-hint")).ToBeVisibleAsync();
        await row.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(second, "provenance-uploader-flag-phone");

        // The report reaches the city (submitted and approved by the camat).
        await fx.App.WithDbAsync(async db =>
        {
            var report = await db.Reports.FirstAsync(r => r.UnitCode == Scenario.Sukamulya && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2045 && p.Month == 3));
            report.Submit("lurah.sukamulya", DateTime.UtcNow, late: false);
            report.ApproveByCamat("camat.cinambo", DateTime.UtcNow, null);
            return await db.SaveChangesAsync();
        });

        foreach (var phone in new[] { false, true })
        {
            var verifier = await fx.NewPageAsync(phone);
            await LoginPage.SignInAsync(verifier, "verifikator");
            await verifier.GotoAsync($"/Verification?period={period}");
            await Assertions.Expect(verifier.Locator($"tr[data-unit='{Scenario.Sukamulya}']").GetByTestId("evidence-flags")).ToBeVisibleAsync();
            await verifier.GotoAsync($"/Verification/Report/{Scenario.Sukamulya}/{period}");
            var compare = verifier.GetByTestId($"decision-{code}").GetByTestId("compare");
            await Assertions.Expect(compare.GetByTestId("compare-other")).ToContainTextAsync("Kel. Cisaranten Wetan");
            // Both photos really load, next to each other.
            foreach (var side in new[] { "compare-this", "compare-other" })
            {
                var img = compare.GetByTestId(side).Locator("img");
                await img.ScrollIntoViewIfNeededAsync();
                await Assertions.Expect(img).ToHaveJSPropertyAsync("complete", true);
                Assert.True(await img.EvaluateAsync<int>("i => i.naturalWidth") > 0, side);
            }
            var left = await compare.GetByTestId("compare-this").BoundingBoxAsync();
            var right = await compare.GetByTestId("compare-other").BoundingBoxAsync();
            Assert.True(right!.X > left!.X + left.Width / 2 && Math.Abs(right.Y - left.Y) < 5, "the two photos stand side by side");
            await compare.ScrollIntoViewIfNeededAsync();
            await BrowserFixture.ScreenshotAsync(verifier, phone ? "provenance-verifier-compare-phone" : "provenance-verifier-compare");
        }
    }
}
