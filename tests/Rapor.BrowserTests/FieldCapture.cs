using Microsoft.Playwright;

namespace Rapor.BrowserTests;

/// <summary>What the offline field tests share: camera-like photos made in the browser, and the offline queue on the page.</summary>
public static class FieldCapture
{
    public static Task<byte[]> CameraJpegAsync(IPage page, int width = 4000, int height = 3000, int seed = 1) => CameraPhoto.JpegAsync(page, width, height, seed);

    public static bool HasExif(byte[] stored) => CameraPhoto.HasExif(stored);

    /// <summary>Waits until the page is kept on the phone (service worker active, page and its files cached).</summary>
    public static Task ReadyOfflineAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.documentElement.dataset.offlineReady === '1'", null, new() { Timeout = 30_000 });

    public static ILocator Queue(IPage page) => page.GetByTestId("offline-summary");

    /// <summary>Sends a form's fields to a sync endpoint as a signed-in page would (its cookies, a fresh antiforgery token); returns the status.</summary>
    public static async Task<int> SyncViaPageAsync(IPage page, string url, Dictionary<string, string?> fields, bool complete, int? baseVersion)
    {
        var token = (await (await page.APIRequest.GetAsync("/api/field-capture/token")).JsonAsync())!.Value.GetProperty("token").GetString()!;
        var response = await page.APIRequest.PostAsync(url, new()
        {
            DataObject = new { submissionId = Guid.NewGuid(), baseVersion, complete, fields },
            Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token },
        });
        return response.Status;
    }
}
