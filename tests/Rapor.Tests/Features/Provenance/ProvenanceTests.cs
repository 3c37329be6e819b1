using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using Rapor.Web.Features.Provenance;

namespace Rapor.Tests.Features.Provenance;

/// <summary>
/// Each flag kind through the API and through the report form, the verifier's side (reason, inbox, rapor), the
/// public copy without EXIF and the reuse check across two app instances — with photos made in the test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProvenanceTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Lurah = "lurah.cisarantenwetan";
    private const string OtherLurah = "lurah.sukamulya";

    private static int _year = 2040;

    /// <summary>A fresh monthly period per test (each its own year), so tests do not see each other's photos as "same period".</summary>
    private async Task<(string Period, int Year, string Indicator, Guid IndicatorId)> PeriodAsync()
    {
        var year = Interlocked.Increment(ref _year);
        var period = await factory.OpenPeriodAsync(year, 3);
        var indicator = (await factory.MonthlyIndicatorsAsync(year, RegionLevel.Kelurahan)).First(i => i.IsTyped);
        return (period, year, indicator.Code, indicator.Id);
    }

    private async Task<(double Lat, double Lon)> InsideAsync(string unit)
    {
        using var scope = factory.Services.CreateScope();
        var p = (await scope.ServiceProvider.GetRequiredService<IUnitBoundaries>().FindAsync(unit, Ct))!.InteriorPoint;
        return (p.Y, p.X);
    }

    private static async Task<HttpResponseMessage> ApiUploadAsync(HttpClient client, string unit, string period, string indicator, byte[] file, string name = "foto.jpg", bool token = true)
    {
        using var form = new MultipartFormDataContent { { new StringContent(indicator), "indicator" }, { new ByteArrayContent(file), "file", name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/reports/{unit}/{period}/evidence") { Content = form };
        if (token)
            request.Headers.Add("RequestVerificationToken", await RaporFactory.AntiforgeryTokenAsync(client, "/"));
        return await client.SendAsync(request, Ct);
    }

    private static async Task<string> PageUploadAsync(HttpClient client, string unit, string period, Guid indicatorId, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new StringContent(indicatorId.ToString()), "indicatorId" }, { new ByteArrayContent(file), "file", "foto.jpg" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Reports/Fill/{unit}/{period}?handler=Evidence") { Content = form };
        request.Headers.Add("RequestVerificationToken", await RaporFactory.AntiforgeryTokenAsync(client, "/"));
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The flags of every evidence file of one indicator, as GET /api/reports lists them.</summary>
    private static async Task<List<JsonElement>> ApiFlagsAsync(HttpClient client, string unit, string period, string indicator)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/reports/{unit}/{period}", Ct));
        var value = doc.RootElement.GetProperty("values").EnumerateArray().First(v => v.GetProperty("code").GetString() == indicator);
        return value.GetProperty("evidence").EnumerateArray().SelectMany(e => e.GetProperty("flags").EnumerateArray()).Select(f => f.Clone()).ToList();
    }

    private static List<string> Kinds(List<JsonElement> flags) => flags.Select(f => f.GetProperty("kind").GetString()!).ToList();

    private static byte[] Photo(int seed, DateTime? taken, (double Lat, double Lon)? at) =>
        PhotoFixtures.WithExif(PhotoFixtures.SceneJpeg(seed, 1000, 750), taken, at?.Lat, at?.Lon);

    [Fact]
    public async Task A_photo_taken_in_the_unit_during_the_period_carries_no_flag()
    {
        var (period, year, code, _) = await PeriodAsync();
        var lurah = await factory.LoginAsync(Lurah);
        using var response = await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, Photo(101, new DateTime(year, 3, 12, 8, 0, 0), await InsideAsync(Scenario.CisarantenWetan)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(await ApiFlagsAsync(lurah, Scenario.CisarantenWetan, period, code));
        var stored = await factory.WithDbAsync(db => db.Evidence.OrderByDescending(e => e.UploadedAt).FirstAsync(e => e.UnitCode == Scenario.CisarantenWetan, Ct));
        Assert.Equal(new DateTime(year, 3, 12, 8, 0, 0), stored.CapturedAt);
        Assert.True(stored.Checked);
    }

    [Fact]
    public async Task A_reused_photo_is_flagged_duplicate_naming_the_other_unit_and_period_through_the_API()
    {
        var (period, year, code, _) = await PeriodAsync();
        var original = Photo(102, new DateTime(year, 3, 5, 7, 0, 0), await InsideAsync(Scenario.CisarantenWetan));
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(await factory.LoginAsync(Lurah), Scenario.CisarantenWetan, period, code, original)).StatusCode);

        // Another kelurahan sends the same scene, shrunk and re-encoded by a chat app (no EXIF left).
        var other = await factory.LoginAsync(OtherLurah);
        using var response = await ApiUploadAsync(other, Scenario.Sukamulya, period, code, PhotoFixtures.Reencoded(original, 0.6, 55));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var flags = await ApiFlagsAsync(other, Scenario.Sukamulya, period, code);
        var dup = flags.Single(f => f.GetProperty("kind").GetString() == "duplicate");
        Assert.Equal(Scenario.CisarantenWetan, dup.GetProperty("unit").GetString());
        Assert.Equal(period, dup.GetProperty("period").GetString());
        Assert.Equal(code, dup.GetProperty("reference").GetString());
        Assert.Equal(Lurah, dup.GetProperty("uploadedBy").GetString());
        Assert.Contains("Kel. Cisaranten Wetan", dup.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("no-metadata", Kinds(flags));

        // A different scene is not a duplicate.
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(other, Scenario.Sukamulya, period, code, PhotoFixtures.SceneJpeg(103, 1000, 750))).StatusCode);
        var evidence = await factory.WithDbAsync(db => db.Evidence.Where(e => e.UnitCode == Scenario.Sukamulya).OrderByDescending(e => e.UploadedAt).FirstAsync(Ct));
        Assert.False(await factory.WithDbAsync(db => db.EvidenceFlags.AnyAsync(f => f.EvidenceId == evidence.Id && f.Kind == EvidenceFlagKind.Duplicate, Ct)));
    }

    [Fact]
    public async Task Last_years_photo_of_the_same_unit_is_a_duplicate_but_the_same_month_is_not()
    {
        var (earlier, year, code, _) = await PeriodAsync();
        var photo = Photo(104, new DateTime(year, 3, 9, 7, 0, 0), await InsideAsync(Scenario.CisarantenWetan));
        var lurah = await factory.LoginAsync(Lurah);
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, earlier, code, photo)).StatusCode);
        var secondIndicator = (await factory.MonthlyIndicatorsAsync(year, RegionLevel.Kelurahan)).Where(i => i.IsTyped).Skip(1).First().Code;
        // The same photo backing a second indicator of the same month is not a reuse.
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, earlier, secondIndicator, photo)).StatusCode);
        Assert.DoesNotContain("duplicate", Kinds(await ApiFlagsAsync(lurah, Scenario.CisarantenWetan, earlier, secondIndicator)));

        var (later, _, laterCode, _) = await PeriodAsync();
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, later, laterCode, photo)).StatusCode);
        var flags = await ApiFlagsAsync(lurah, Scenario.CisarantenWetan, later, laterCode);
        Assert.Contains(flags, f => f.GetProperty("kind").GetString() == "duplicate" && f.GetProperty("period").GetString() == earlier);
        Assert.Contains("date-mismatch", Kinds(flags));
    }

    [Fact]
    public async Task A_photo_taken_far_outside_the_kelurahan_is_flagged_outside_area_through_the_API()
    {
        var (period, year, code, _) = await PeriodAsync();
        var lurah = await factory.LoginAsync(Lurah);
        var sukarasa = await InsideAsync("32.73.01.1001"); // the other side of the city
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, Photo(105, new DateTime(year, 3, 2), sukarasa))).StatusCode);
        var flag = (await ApiFlagsAsync(lurah, Scenario.CisarantenWetan, period, code)).Single();
        Assert.Equal("outside-area", flag.GetProperty("kind").GetString());
        Assert.True(flag.GetProperty("meters").GetInt32() > 1000);
    }

    [Fact]
    public async Task A_photo_taken_outside_the_period_beyond_the_tolerance_is_flagged_date_mismatch_through_the_API()
    {
        var (period, year, code, _) = await PeriodAsync();
        var lurah = await factory.LoginAsync(Lurah);
        var inside = await InsideAsync(Scenario.CisarantenWetan);
        // 5 days before the month: within the 7-day tolerance.
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, Photo(106, new DateTime(year, 2, 24), inside))).StatusCode);
        Assert.Empty(await ApiFlagsAsync(lurah, Scenario.CisarantenWetan, period, code));
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, Photo(107, new DateTime(year - 1, 8, 17), inside))).StatusCode);
        var flag = (await ApiFlagsAsync(lurah, Scenario.CisarantenWetan, period, code)).Single();
        Assert.Equal("date-mismatch", flag.GetProperty("kind").GetString());
        Assert.Equal($"{year - 1}-08-17", flag.GetProperty("capturedOn").GetString());
        Assert.Equal(new DateOnly(year, 3, 1).DayNumber - new DateOnly(year - 1, 8, 17).DayNumber, flag.GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task A_photo_without_EXIF_is_accepted_and_flagged_no_metadata_through_the_API()
    {
        var (period, _, code, _) = await PeriodAsync();
        var lurah = await factory.LoginAsync(Lurah);
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, PhotoFixtures.SceneJpeg(108, 800, 600))).StatusCode);
        var flag = (await ApiFlagsAsync(lurah, Scenario.CisarantenWetan, period, code)).Single();
        Assert.Equal("no-metadata", flag.GetProperty("kind").GetString());
        Assert.Equal("time,location", string.Join(",", flag.GetProperty("missing").EnumerateArray().Select(x => x.GetString())));
    }

    [Fact]
    public async Task The_report_form_shows_each_flag_kind_on_its_evidence_before_submitting()
    {
        var (period, year, _, indicatorId) = await PeriodAsync();
        var inside = await InsideAsync(Scenario.Sukamulya);
        var original = Photo(109, new DateTime(year, 3, 3), await InsideAsync(Scenario.CisarantenWetan));
        await PageUploadAsync(await factory.LoginAsync(Lurah), Scenario.CisarantenWetan, period, indicatorId, original);
        var lurah = await factory.LoginAsync(OtherLurah);

        var dup = await PageUploadAsync(lurah, Scenario.Sukamulya, period, indicatorId, PhotoFixtures.Reencoded(original, 0.5, 70));
        Assert.Contains("data-kind=\"duplicate\"", dup, StringComparison.Ordinal);
        Assert.True(dup.Contains("Foto ini mirip dengan bukti Kel. Cisaranten Wetan, Maret " + year, StringComparison.Ordinal), dup);
        Assert.Contains("data-testid=\"replace-hint\"", dup, StringComparison.Ordinal);
        Assert.Contains("bertanda", dup, StringComparison.Ordinal);

        Assert.Contains("data-kind=\"outside-area\"", await PageUploadAsync(lurah, Scenario.Sukamulya, period, indicatorId, Photo(110, new DateTime(year, 3, 3), await InsideAsync("32.73.01.1001"))), StringComparison.Ordinal);
        Assert.Contains("data-kind=\"date-mismatch\"", await PageUploadAsync(lurah, Scenario.Sukamulya, period, indicatorId, Photo(111, new DateTime(year - 2, 3, 3), inside)), StringComparison.Ordinal);
        Assert.Contains("data-kind=\"no-metadata\"", await PageUploadAsync(lurah, Scenario.Sukamulya, period, indicatorId, PhotoFixtures.SceneJpeg(112, 800, 600)), StringComparison.Ordinal);

        // The whole form (a fresh GET) keeps them, and in English when the reader chose English.
        var page = await lurah.GetStringAsync($"/Reports/Fill/{Scenario.Sukamulya}/{period}?culture=en-US", Ct);
        Assert.Contains("This photo resembles evidence of Kel. Cisaranten Wetan, March " + year, page, StringComparison.Ordinal);
        foreach (var kind in new[] { "duplicate", "outside-area", "date-mismatch", "no-metadata" })
            Assert.Contains($"data-kind=\"{kind}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_without_a_boundary_gets_no_boundary_instead_of_a_pass()
    {
        using var scope = factory.Services.CreateScope();
        var intake = scope.ServiceProvider.GetRequiredService<EvidenceIntake>();
        var batujajar = "32.17.09.2001"; // Desa Batujajar Timur, Kab. Bandung Barat: no desa shapes shipped for KBB
        var e = new Evidence { UnitCode = batujajar, FileName = "x.jpg", ContentType = "image/jpeg", Sha256 = "", UploadedBy = "t", CapturedAt = new DateTime(2041, 3, 3), Latitude = -6.9, Longitude = 107.5 };
        var flags = await intake.PlaceAndTimeAsync(e, EvidenceContext.ForActivity(batujajar, new DateOnly(2041, 3, 3)), Ct);
        Assert.Equal(EvidenceFlagKind.NoBoundary, Assert.Single(flags).Kind);
    }

    [Fact]
    public async Task The_upload_API_answers_bad_input_with_ProblemDetails()
    {
        var (period, _, code, _) = await PeriodAsync();
        var lurah = await factory.LoginAsync(Lurah);
        async Task Problem(HttpResponseMessage r, HttpStatusCode status, string text)
        {
            Assert.Equal(status, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Contains(text, await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        await Problem(await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, "9.99", PhotoFixtures.SceneJpeg(1, 64, 64)), HttpStatusCode.BadRequest, "9.99");
        await Problem(await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, "just text"u8.ToArray(), "x.jpg"), HttpStatusCode.BadRequest, "Jenis berkas tidak diizinkan");
        await Problem(await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, PhotoFixtures.SceneJpeg(1, 64, 64), token: false), HttpStatusCode.BadRequest, "antiforgery");
        await Problem(await ApiUploadAsync(lurah, Scenario.Sukamulya, period, code, PhotoFixtures.SceneJpeg(1, 64, 64)), HttpStatusCode.Forbidden, "Akses ditolak");
        await Problem(await ApiUploadAsync(lurah, Scenario.CisarantenWetan, "2040-13", code, PhotoFixtures.SceneJpeg(1, 64, 64)), HttpStatusCode.NotFound, "tidak ditemukan");
        var openApi = await lurah.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/reports/{unitCode}/{period}/evidence", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_uploaded_on_a_second_app_instance_is_still_found()
    {
        var (period, year, code, _) = await PeriodAsync();
        var original = Photo(113, new DateTime(year, 3, 4), await InsideAsync(Scenario.CisarantenWetan));
        // The first instance has built its index before the second one writes.
        var lurah = await factory.LoginAsync(Lurah);
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, PhotoFixtures.SceneJpeg(114, 640, 480))).StatusCode);
        await using var second = factory.SecondInstance();
        var onSecond = await second.LoginAsync(OtherLurah);
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(onSecond, Scenario.Sukamulya, period, code, original)).StatusCode);
        // Back on the first instance, a copy of what the second instance stored is recognised.
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, PhotoFixtures.Brightened(original, 20))).StatusCode);
        Assert.Contains(await ApiFlagsAsync(lurah, Scenario.CisarantenWetan, period, code),
            f => f.GetProperty("kind").GetString() == "duplicate" && f.GetProperty("unit").GetString() == Scenario.Sukamulya);
    }

    [Fact]
    public async Task Flagged_evidence_needs_a_reason_to_be_accepted_raises_the_report_in_the_inbox_and_the_reason_shows_in_the_rapor()
    {
        var (period, year, code, _) = await PeriodAsync();
        const string clean = "32.73.01", flagged = "32.73.02";
        await factory.SubmittedReportAsync(clean, period, 1.0);
        await factory.SubmittedReportAsync(flagged, period, 1.0);
        // A value of the flagged kecamatan backed by a photo found to be a copy of another unit's.
        var (valueId, indicatorId) = await factory.WithDbAsync(async db =>
        {
            var v = await db.ReportValues.Where(x => x.UnitCode == flagged && db.Reports.Any(r => r.Id == x.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == year)))
                .Join(db.Indicators, x => x.IndicatorId, i => i.Id, (x, i) => new { x, i }).FirstAsync(a => a.i.Code == code, Ct);
            var e = new Evidence { UnitCode = flagged, ReportValueId = v.x.Id, FileName = "kerja-bakti.jpg", ContentType = "image/jpeg", Sha256 = "x", UploadedBy = "camat.x", Checked = true };
            var cleanValue = await db.ReportValues.FirstAsync(x => x.UnitCode == clean && x.IndicatorId == v.i.Id && db.Reports.Any(r => r.Id == x.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == year)), Ct);
            var other = new Evidence { UnitCode = clean, ReportValueId = cleanValue.Id, FileName = "asli.jpg", ContentType = "image/jpeg", Sha256 = "y", UploadedBy = "camat.y", Checked = true };
            db.Evidence.AddRange(e, other);
            db.EvidenceFlags.Add(new EvidenceFlag { EvidenceId = e.Id, UnitCode = flagged, Kind = EvidenceFlagKind.Duplicate, HashDistance = 3, OtherEvidenceId = other.Id, OtherUnitCode = clean, OtherPeriod = period, OtherSource = EvidenceSource.Report, OtherRef = code, OtherUploadedBy = "camat.y" });
            await db.SaveChangesAsync(Ct);
            return (v.x.Id, v.i.Id);
        });
        var verifikator = await factory.LoginAsync("verifikator");
        var inbox = await verifikator.GetStringAsync($"/Verification?period={period}", Ct);
        Assert.True(inbox.IndexOf($"data-unit=\"{flagged}\"", StringComparison.Ordinal) < inbox.IndexOf($"data-unit=\"{clean}\"", StringComparison.Ordinal));
        Assert.Contains("data-testid=\"evidence-flags\"", inbox, StringComparison.Ordinal);

        var page = await verifikator.GetStringAsync($"/Verification/Report/{flagged}/{period}", Ct);
        Assert.Contains("data-testid=\"compare\"", page, StringComparison.Ordinal);

        var url = $"/Verification/Report/{flagged}/{period}?handler=Decide";
        var refused = await (await RaporFactory.PostFormAsync(verifikator, url, new() { ["indicatorId"] = indicatorId.ToString(), ["decision"] = "Terima" }, tokenInHeader: true)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Tulis alasan menerimanya", refused, StringComparison.Ordinal);
        // Closing in bulk cannot accept it either.
        var bulk = await (await RaporFactory.PostFormAsync(verifikator, $"/Verification/Report/{flagged}/{period}?handler=Complete", new() { ["acceptRest"] = "true" })).Content.ReadAsStringAsync(Ct);
        Assert.Contains("harus diputuskan satu per satu", bulk, StringComparison.Ordinal);
        Assert.Equal(VerificationStatus.Belum, await factory.WithDbAsync(db => db.ReportValues.Where(v => v.Id == valueId).Select(v => v.Verification).FirstAsync(Ct)));

        await RaporFactory.PostFormAsync(verifikator, url, new() { ["indicatorId"] = indicatorId.ToString(), ["decision"] = "Terima", ["note"] = "Foto kegiatan bersama dua kelurahan, dicek di lapangan" }, tokenInHeader: true);
        Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(verifikator, $"/Verification/Report/{flagged}/{period}?handler=Complete", new() { ["acceptRest"] = "true" })).StatusCode);
        var rapor = await verifikator.GetStringAsync($"/Rapor/{flagged}/{period}", Ct);
        Assert.Contains($"data-testid=\"why-evidence-{code}\"", rapor, StringComparison.Ordinal);
        Assert.Contains("Foto kegiatan bersama dua kelurahan, dicek di lapangan", rapor, StringComparison.Ordinal);
        Assert.Contains("mirip dengan bukti Kec. Sukasari", rapor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_shown_publicly_is_served_without_its_EXIF_location()
    {
        var (period, year, code, _) = await PeriodAsync();
        var gps = await InsideAsync(Scenario.CisarantenWetan);
        var withGps = Photo(115, new DateTime(year, 3, 1), gps);
        // A verified innovation stage of the demo data gets a photo carrying GPS.
        var photoId = await factory.WithDbAsync(async db =>
        {
            var step = await db.InnovationSteps.Where(s => s.Status == StageStatus.Diverifikasi).OrderBy(s => s.Id).FirstAsync(Ct);
            var id = Guid.CreateVersion7();
            using var scope = factory.Services.CreateScope();
            var stored = (await scope.ServiceProvider.GetRequiredService<Rapor.Web.Infrastructure.FileStorage>().SaveAsync(id, new MemoryStream(withGps), Ct)).File!;
            db.Evidence.Add(new Evidence { Id = id, UnitCode = step.UnitCode, InnovationStepId = step.Id, FileName = "inovasi.jpg", ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, UploadedBy = "t", UploadedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
            return id;
        });
        using var response = await factory.Anonymous().GetAsync($"/files/photo/{photoId}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var served = await response.Content.ReadAsByteArrayAsync(Ct);
        var facts = PhotoInspector.Inspect(new MemoryStream(served), "image/jpeg");
        Assert.False(facts.HasLocation);
        Assert.Null(facts.CapturedAt);
        Assert.Equal(-1, served.AsSpan().IndexOf("Exif\0\0"u8));
        // Still the same picture.
        Assert.True(PerceptualHash.Distance(facts.Hash!.Value, PhotoInspector.Inspect(new MemoryStream(withGps), "image/jpeg").Hash!.Value) <= 4);
        // The gallery and the open innovations API point at this copy only.
        var gallery = await (await factory.LoginAsync("camat.batujajar")).GetStringAsync("/Innovations/Gallery", Ct);
        Assert.Contains($"/files/photo/{photoId}", gallery, StringComparison.Ordinal);
        Assert.DoesNotContain($"/files/evidence/{photoId}", gallery, StringComparison.Ordinal);
        Assert.Contains($"/files/photo/{photoId}", await factory.Anonymous().GetStringAsync("/api/public/innovations", Ct), StringComparison.Ordinal);

        // A report photo is not public.
        var lurah = await factory.LoginAsync(Lurah);
        Assert.Equal(HttpStatusCode.Created, (await ApiUploadAsync(lurah, Scenario.CisarantenWetan, period, code, withGps)).StatusCode);
        var reportPhoto = await factory.WithDbAsync(db => db.Evidence.Where(e => e.ReportValueId != null && e.UnitCode == Scenario.CisarantenWetan).OrderByDescending(e => e.UploadedAt).Select(e => e.Id).FirstAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync($"/files/photo/{reportPhoto}", Ct)).StatusCode);
        using var denied = await (await factory.LoginAsync(OtherLurah)).GetAsync($"/files/photo/{reportPhoto}", Ct);
        Assert.Contains("AccessDenied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
