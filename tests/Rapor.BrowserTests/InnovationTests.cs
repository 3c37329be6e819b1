using Microsoft.Playwright;
using Rapor.TestSupport;

namespace Rapor.BrowserTests;

public sealed class InnovationTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private static async Task SubmitStageAsync(IPage page, string fileName)
    {
        var form = page.GetByTestId("stage-form").Last;
        await form.Locator("input[name=description]").FillAsync("Uji coba di 2 desa, 40 keluarga terdata");
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "image/png", Buffer = Scenario.Png });
        await form.GetByTestId("submit-stage").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("diajukan untuk diverifikasi");
    }

    private static async Task VerifyAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.GetByTestId("verify-stage").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Tahap diverifikasi");
    }

    [Fact]
    public async Task A_Kasi_registers_an_innovation_the_verifier_verifies_it_and_he_becomes_compliant()
    {
        var kasi = await fx.NewPageAsync(phone: true);
        await LoginPage.SignInAsync(kasi, "kasi.kesos.batujajar");
        await kasi.GotoAsync("/Innovations");
        await kasi.GetByTestId("new-innovation").ClickAsync();
        await kasi.GetByLabel("Nama inovasi").FillAsync("SIGAP Kesos (Sistem Informasi Keluarga Pra Sejahtera)");
        await kasi.GetByLabel("Bentuk").SelectOptionAsync("PelayananPublik");
        await kasi.GetByLabel("Masalah yang diatasi").FillAsync("Data keluarga pra sejahtera tersebar di 7 desa");
        await kasi.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(kasi.GetByTestId("owners")).ToContainTextAsync("Iwan Setiawan (demo)");
        var detailUrl = kasi.Url;
        await SubmitStageAsync(kasi, "inisiatif.png");
        await BrowserFixture.ScreenshotAsync(kasi, "kasi-innovation-phone");

        var verifier = await fx.NewPageAsync();
        await LoginPage.SignInAsync(verifier, "verifikator.kbb");
        await VerifyAsync(verifier, detailUrl);

        await kasi.GotoAsync(detailUrl);
        await SubmitStageAsync(kasi, "ujicoba.png");
        await VerifyAsync(verifier, detailUrl);
        await Assertions.Expect(verifier.GetByTestId("stage-UjiCoba").GetByTestId("stage-status")).ToHaveTextAsync("diverifikasi");
        await BrowserFixture.ScreenshotAsync(verifier, "verifier-innovation-verified");

        await verifier.GotoAsync("/Innovations/Compliance");
        var row = verifier.GetByTestId("verdicts").Locator("tr", new() { HasText = "Iwan Setiawan (demo)" });
        await Assertions.Expect(row.GetByTestId("verdict")).ToHaveTextAsync("patuh");
        await Assertions.Expect(row).ToContainTextAsync("SIGAP Kesos");
        await BrowserFixture.ScreenshotAsync(verifier, "tpp-compliance");

        await verifier.GotoAsync("/Innovations/Gallery?q=SIGAP");
        await Assertions.Expect(verifier.GetByTestId("gallery")).ToContainTextAsync("SIGAP Kesos");
        await BrowserFixture.ScreenshotAsync(verifier, "innovation-gallery");
    }
}
