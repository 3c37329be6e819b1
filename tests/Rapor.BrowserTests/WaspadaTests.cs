using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using static Rapor.BrowserTests.FieldCapture;

namespace Rapor.BrowserTests;

/// <summary>
/// Field work without signal (WASPADA visit, Kegiatan, verifikasi lapangan): open online, go offline, fill in with photos
/// and GPS, reload while offline, go back online — stored on the server exactly once. Then the desk side of WASPADA.
/// </summary>
public sealed class WaspadaTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IPage> PhoneAsync(string user)
    {
        var page = await fx.NewPageAsync(phone: true);
        await page.Context.GrantPermissionsAsync(["geolocation"]);
        await page.Context.SetGeolocationAsync(new() { Latitude = -6.9071f, Longitude = 107.4855f, Accuracy = 12 });
        page.Dialog += (_, d) => d.AcceptAsync();
        await LoginPage.SignInAsync(page, user);
        return page;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (done(value) || i >= 60)
                return value;
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task A_waspada_visit_filled_offline_with_photos_survives_a_reload_and_is_stored_once_when_back_online()
    {
        var visit = await fx.App.PlannedVisitAsync("32.17.09.2004", Scenario.Today);
        var items = await fx.App.ItemsOfAsync(visit);
        var page = await PhoneAsync("kasi.pemerintahan.batujajar");
        await page.GotoAsync($"/Waspada/Visit/{visit}");
        await ReadyOfflineAsync(page);
        var photo = await CameraJpegAsync(page);

        await page.Context.SetOfflineAsync(true);
        foreach (var item in items)
        {
            var value = item.Code is "B.5" or "E.3" ? "TidakSesuai" : "Sesuai";
            await page.Locator($"label[for='a-{item.Id}-{value}']").ClickAsync();
        }
        var b5 = page.GetByTestId("item-B.5");
        await b5.Locator("input[name^='note.']").FillAsync("Saldo BKU berbeda dengan rekening koran");
        await b5.Locator("select[name^='severity.']").SelectOptionAsync("Berat");
        await b5.Locator("input[name^='recommendation.']").FillAsync("Cocokkan BKU dengan rekening kas desa");
        await page.GetByTestId("item-E.3").Locator("input[name^='note.']").FillAsync("Sertifikat tanah kas desa blok 4 belum ada");
        await page.GetByTestId("photo-B.5").SetInputFilesAsync(new FilePayload { Name = "bku.jpg", MimeType = "image/jpeg", Buffer = photo });
        await page.GetByTestId("photo-general").SetInputFilesAsync(
        [
            new FilePayload { Name = "kantor-desa.jpg", MimeType = "image/jpeg", Buffer = await CameraJpegAsync(page, 3000, 4000, seed: 2) },
            new FilePayload { Name = "virus.jpg", MimeType = "image/jpeg", Buffer = "MZ not an image"u8.ToArray() },
        ]);
        await Assertions.Expect(page.GetByTestId("photo-errors")).ToContainTextAsync("virus.jpg: bukan foto");
        await Assertions.Expect(page.GetByTestId("offline-photo")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ambil GPS" }).ClickAsync();
        await Assertions.Expect(page.Locator("#latitude")).ToHaveValueAsync("-6.907100");
        await BrowserFixture.ScreenshotAsync(page, "waspada-visit-offline-phone");

        await page.GetByTestId("complete-visit").ClickAsync();
        await Assertions.Expect(Queue(page)).ToContainTextAsync("1 kunjungan menunggu dikirim");
        Assert.Equal(0, await fx.App.WithDbAsync(db => db.VisitAnswers.CountAsync(a => a.VisitId == visit, Ct)));

        // The phone reloads the page without signal: the page, the answers, the photos and the queue are all still there.
        await page.ReloadAsync();
        await Assertions.Expect(Queue(page)).ToContainTextAsync("1 kunjungan menunggu dikirim");
        await Assertions.Expect(page.GetByTestId("offline-status")).ToContainTextAsync("dipulihkan");
        await Assertions.Expect(page.Locator($"#a-{items.First(i => i.Code == "B.5").Id}-TidakSesuai")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("offline-photo")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "waspada-visit-offline-reloaded-phone");

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("offline-queue")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        // Another attempt to send changes nothing: the queue is empty and the submission already applied.
        await page.EvaluateAsync("() => window.RaporOffline.syncAll()");

        var stored = await fx.App.WithDbAsync(db => db.SupervisionVisits.Include(v => v.Answers).SingleAsync(v => v.Id == visit, Ct));
        Assert.Equal((SupervisionVisitStatus.Selesai, 40, 1), (stored.Status, stored.Answers.Count, stored.Version));
        Assert.Equal(-6.9071, stored.Latitude!.Value, 4);
        var findings = await fx.App.WithDbAsync(db => db.Temuan.Where(f => f.VisitId == visit).OrderBy(f => f.ItemCode).ToListAsync(Ct));
        Assert.Equal(["B.5", "E.3"], findings.Select(f => f.ItemCode));
        Assert.Equal((TemuanSeverity.Berat, "Cocokkan BKU dengan rekening kas desa"), (findings[0].Severity, findings[0].Recommendation));
        var photos = await fx.App.WithDbAsync(db => db.Evidence.Where(e => e.SupervisionVisitId == visit).ToListAsync(Ct));
        Assert.Equal(2, photos.Count);
        Assert.All(photos, p => Assert.True(p.Size <= 500 * 1024 && p.ContentType == "image/jpeg", $"{p.FileName} {p.Size}"));
        Assert.Contains(photos, p => p.ChecklistItemId == items.First(i => i.Code == "B.5").Id);
        // Downscaled on the phone (a 4000 × 3000 photo to 1600 px), camera metadata kept for the server to read.
        var bku = await page.APIRequest.GetAsync($"/files/evidence/{photos.Single(p => p.ChecklistItemId is not null).Id}");
        var bytes = await bku.BodyAsync();
        Assert.True(photo.Length > bytes.Length, $"{photo.Length} → {bytes.Length}");
        Assert.True(HasExif(bytes), "EXIF segment of the camera photo is kept: " + Convert.ToHexString(bytes.AsSpan(0, 64)));
        var size = await page.EvaluateAsync<int[]>("async url => { const b = await (await fetch(url)).blob(); const i = await createImageBitmap(b); return [i.width, i.height]; }", $"/files/evidence/{photos[0].Id}");
        Assert.Equal(1600, size.Max());

        await page.GotoAsync($"/Waspada/Visit/{visit}");
        await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveTextAsync("selesai");
        await BrowserFixture.ScreenshotAsync(page, "waspada-visit-done-phone");
    }

    [Fact]
    public async Task A_kegiatan_recorded_offline_survives_a_reload_and_is_stored_once_when_back_online()
    {
        var page = await PhoneAsync("lurah.cisarantenwetan");
        await page.GotoAsync("/Activities/Create");
        await ReadyOfflineAsync(page);
        var photo = await CameraJpegAsync(page, 2400, 1800, seed: 3);
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Jenis kegiatan").SelectOptionAsync("subuh_keliling");
        await page.GetByLabel("Tempat").FillAsync("Masjid Al-Ikhlas RW 05 (luring)");
        await page.GetByLabel("Jumlah peserta").FillAsync("35");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ambil lokasi dari perangkat" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Lintang")).ToHaveValueAsync("-6.907100");
        await page.GetByTestId("photos").SetInputFilesAsync(new FilePayload { Name = "subuh.jpg", MimeType = "image/jpeg", Buffer = photo });
        await Assertions.Expect(page.GetByTestId("offline-photo")).ToHaveCountAsync(1);
        await page.GetByTestId("save-activity").ClickAsync();
        // Queued; the form starts a new kegiatan.
        await Assertions.Expect(Queue(page)).ToContainTextAsync("1 kegiatan menunggu dikirim");
        await Assertions.Expect(page.GetByLabel("Tempat")).ToHaveValueAsync("");
        await page.ReloadAsync();
        await Assertions.Expect(Queue(page)).ToContainTextAsync("1 kegiatan menunggu dikirim");
        await BrowserFixture.ScreenshotAsync(page, "kegiatan-offline-queued-phone");
        Assert.False(await fx.App.WithDbAsync(db => db.FieldActivities.AnyAsync(a => a.Place == "Masjid Al-Ikhlas RW 05 (luring)", Ct)));

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("offline-queue")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await page.EvaluateAsync("() => window.RaporOffline.syncAll()");
        var activity = await fx.App.WithDbAsync(db => db.FieldActivities.SingleAsync(a => a.Place == "Masjid Al-Ikhlas RW 05 (luring)", Ct));
        Assert.Equal((Scenario.CisarantenWetan, "subuh_keliling", 35), (activity.UnitCode, activity.Kind, activity.Participants));
        Assert.Equal(-6.9071, activity.Latitude!.Value, 4);
        var photos = await fx.App.WithDbAsync(db => db.Evidence.Where(e => e.FieldActivityId == activity.Id).ToListAsync(Ct));
        Assert.True(Assert.Single(photos).Size <= 500 * 1024);
        await page.GotoAsync("/Activities");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Masjid Al-Ikhlas RW 05 (luring)");
    }

    [Fact]
    public async Task A_field_verification_visit_filled_offline_survives_a_reload_and_is_applied_once_when_back_online()
    {
        var period = await fx.App.OpenPeriodAsync(2036, 3);
        await fx.App.SubmittedReportAsync("32.73.02", period, 1.0);
        var (visitId, indicator) = await fx.App.WithDbAsync(async db =>
        {
            var p = await db.Periods.SingleAsync(x => x.TenantCode == Scenario.Tenant && x.Year == 2036 && x.Month == 3, Ct);
            var v = new FieldVisit { UnitCode = "32.73.02", PeriodId = p.Id, ScheduledOn = Scenario.Today, Verifier = "verifikator" };
            db.FieldVisits.Add(v);
            await db.SaveChangesAsync(Ct);
            var i = await db.Indicators.Where(x => x.Code == "1.01" && db.Bidang.Any(b => b.Id == x.BidangId && db.Frameworks.Any(f => f.Id == b.FrameworkId && f.TenantCode == Scenario.Tenant && f.Year == 2036)))
                .Select(x => x.Id).SingleAsync(Ct);
            return (v.Id, i);
        });
        var page = await PhoneAsync("verifikator");
        await page.GotoAsync($"/Verification/Visit?id={visitId}");
        await ReadyOfflineAsync(page);
        var photo = await CameraJpegAsync(page, 2000, 1500, seed: 4);
        await page.Context.SetOfflineAsync(true);
        var row = page.GetByTestId("check-1.01");
        await row.Locator("input[name^='found_']").FillAsync("47,5");
        await row.Locator("input[name^='note_']").FillAsync("Buku antrean menunjukkan separuh");
        await page.GetByTestId("photos").SetInputFilesAsync(new FilePayload { Name = "antrean.jpg", MimeType = "image/jpeg", Buffer = photo });
        await Assertions.Expect(page.GetByTestId("offline-photo")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ambil lokasi dari perangkat" }).ClickAsync();
        await Assertions.Expect(page.Locator("#latitude")).ToHaveValueAsync("-6.907100");
        await page.GetByTestId("complete-visit").ClickAsync();
        await Assertions.Expect(Queue(page)).ToContainTextAsync("1 kunjungan menunggu dikirim");
        await page.ReloadAsync();
        await Assertions.Expect(Queue(page)).ToContainTextAsync("1 kunjungan menunggu dikirim");
        await Assertions.Expect(page.GetByTestId("check-1.01").Locator("input[name^='found_']")).ToHaveValueAsync("47,5");
        await BrowserFixture.ScreenshotAsync(page, "verification-visit-offline-phone");

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("offline-queue")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await page.EvaluateAsync("() => window.RaporOffline.syncAll()");
        var visit = await fx.App.WithDbAsync(db => db.FieldVisits.Include(v => v.Findings).SingleAsync(v => v.Id == visitId, Ct));
        Assert.Equal((VisitStatus.Selesai, 1), (visit.Status, visit.Version));
        Assert.Equal(47.5, visit.Findings.Single(f => f.IndicatorId == indicator).FoundValue);
        var value = await fx.App.WithDbAsync(db => db.ReportValues.SingleAsync(v => v.UnitCode == "32.73.02" && v.IndicatorId == indicator, Ct));
        Assert.Equal((47.5, VerificationStatus.Dikoreksi), (value.VerifiedValue, value.Verification));
        Assert.Single(await fx.App.WithDbAsync(db => db.Evidence.Where(e => e.FieldVisitId == visitId).ToListAsync(Ct)));
    }

    [Fact]
    public async Task A_visit_changed_on_the_server_while_offline_shows_both_versions_and_the_officer_chooses()
    {
        var visit = await fx.App.PlannedVisitAsync("32.17.09.2005", Scenario.Today);
        var items = await fx.App.ItemsOfAsync(visit);
        var a1 = items.First(i => i.Code == "A.1");
        var page = await PhoneAsync("kasi.pemerintahan.batujajar");
        await page.GotoAsync($"/Waspada/Visit/{visit}");
        await ReadyOfflineAsync(page);
        await page.Context.SetOfflineAsync(true);
        await page.Locator($"label[for='a-{a1.Id}-Sesuai']").ClickAsync();
        await page.GetByTestId("save-visit").ClickAsync();
        await Assertions.Expect(Queue(page)).ToContainTextAsync("1 kunjungan menunggu dikirim");

        // Meanwhile the camat, at the office, answers A.1 otherwise.
        var camat = await fx.NewPageAsync();
        await LoginPage.SignInAsync(camat, "camat.batujajar");
        Assert.Equal(200, await SyncViaPageAsync(camat, $"/api/waspada/visits/{visit}/sync",
            new() { [$"answer.{a1.Id}"] = "TidakSesuai", [$"note.{a1.Id}"] = "Buku hilang" }, complete: false, baseVersion: 0));

        await page.Context.SetOfflineAsync(false);
        await page.EvaluateAsync("() => window.RaporOffline.syncAll()");
        await page.ReloadAsync();
        var conflict = page.GetByTestId("conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("berubah di server");
        await Assertions.Expect(conflict).ToContainTextAsync("A.1");
        await Assertions.Expect(conflict).ToContainTextAsync("tidak sesuai");
        await Assertions.Expect(conflict).ToContainTextAsync("camat.batujajar");
        await BrowserFixture.ScreenshotAsync(page, "waspada-conflict-phone");
        Assert.Equal(ChecklistAnswer.TidakSesuai, await fx.App.WithDbAsync(db => db.VisitAnswers.Where(a => a.VisitId == visit && a.ItemId == a1.Id).Select(a => a.Answer).SingleAsync(Ct)));

        await page.GetByTestId("keep-mine").ClickAsync();
        await Assertions.Expect(page.GetByTestId("offline-queue")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        Assert.Equal(ChecklistAnswer.Sesuai, await EventuallyAsync(
            () => fx.App.WithDbAsync(db => db.VisitAnswers.Where(a => a.VisitId == visit && a.ItemId == a1.Id).Select(a => a.Answer).SingleAsync(Ct)), a => a == ChecklistAnswer.Sesuai));
    }

    [Fact]
    public async Task The_kecamatan_plans_and_reviews_and_the_kepala_desa_answers_his_findings()
    {
        var visit = await fx.App.PlannedVisitAsync("32.17.09.2002", Scenario.Today);
        var kasi = await fx.NewPageAsync();
        await LoginPage.SignInAsync(kasi, "kasi.pemerintahan.batujajar");
        Assert.Equal(200, await SyncViaPageAsync(kasi, $"/api/waspada/visits/{visit}/sync", WaspadaScenario.Answers(await fx.App.ItemsOfAsync(visit), "G.1"), complete: true, baseVersion: 0));
        var camat = await fx.NewPageAsync();
        await LoginPage.SignInAsync(camat, "camat.batujajar");
        await Assertions.Expect(camat.GetByTestId("menu-waspada")).ToContainTextAsync("Pengawasan desa");
        await camat.GetByTestId("menu-waspada").ClickAsync();
        await Assertions.Expect(camat.GetByTestId("calendar")).ToContainTextAsync("Galanggang");
        await BrowserFixture.ScreenshotAsync(camat, "waspada-plan");
        await camat.GotoAsync("/Waspada/Dashboard?unit=32.17.09");
        await camat.WaitForFunctionAsync("() => Number(document.getElementById('map').dataset.loaded) >= 1");
        await Assertions.Expect(camat.GetByTestId("desa-table").Locator("tbody tr")).ToHaveCountAsync(7);
        await BrowserFixture.ScreenshotAsync(camat, "waspada-dashboard");
        await camat.GotoAsync("/Waspada/Desa/32.17.09.2001");
        await Assertions.Expect(camat.GetByTestId("idm-trend")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(camat, "waspada-desa-scorecard");

        var kades = await fx.NewPageAsync(phone: true);
        await LoginPage.SignInAsync(kades, "kades.32.17.09.2002");
        await kades.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await kades.GetByTestId("menu-waspada").ClickAsync();
        await BrowserFixture.ScreenshotAsync(kades, "waspada-kades-findings-phone");
        await kades.GetByTestId("finding-row").Filter(new() { HasText = "G.1 Anggota BPD" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await kades.GetByLabel("Apa yang sudah dilakukan desa").FillAsync("Sudah diperbaiki dan didokumentasikan.");
        await kades.GetByLabel("Bukti (foto, PDF, dokumen; paling banyak 5, ≤ 10 MB)").SetInputFilesAsync(new FilePayload { Name = "bukti.png", MimeType = "image/png", Buffer = Scenario.Png });
        await kades.GetByTestId("send-follow-up").ClickAsync();
        await Assertions.Expect(kades.GetByTestId("message")).ToContainTextAsync("Tindak lanjut terkirim");
        await Assertions.Expect(kades.GetByTestId("finding-status")).ToHaveTextAsync("menunggu pemeriksaan kecamatan");
        var url = kades.Url;
        await BrowserFixture.ScreenshotAsync(kades, "waspada-finding-answered-phone");

        await camat.GotoAsync(url);
        await camat.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(camat.GetByTestId("finding-status")).ToHaveTextAsync("selesai");
        await Assertions.Expect(camat.GetByTestId("history")).ToContainTextAsync("Kecamatan menerima tindak lanjut");
        await BrowserFixture.ScreenshotAsync(camat, "waspada-finding-closed");

        var admin = await fx.NewPageAsync();
        await LoginPage.SignInAsync(admin, "admin.kbb");
        await admin.GotoAsync("/Waspada/Kabupaten");
        await admin.WaitForFunctionAsync("() => Number(document.getElementById('map').dataset.loaded) >= 1");
        await Assertions.Expect(admin.GetByTestId("kecamatan-table")).ToContainTextAsync("Batujajar");
        await BrowserFixture.ScreenshotAsync(admin, "waspada-kabupaten");
        await admin.GotoAsync("/Waspada/Idm?unit=32.17");
        await Assertions.Expect(admin.GetByTestId("idm-table")).ToContainTextAsync("Galanggang");
        await BrowserFixture.ScreenshotAsync(admin, "waspada-idm");
    }
}
