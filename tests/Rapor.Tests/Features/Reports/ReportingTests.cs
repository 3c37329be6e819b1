using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.Reports;

[Trait("Category", "Integration")]
public sealed class ReportingTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Lurah = "lurah.cisarantenwetan";

    private static string FillUrl(string unit, string period) => $"/Reports/Fill/{unit}/{period}";

    private static Task<HttpResponseMessage> SaveValueAsync(HttpClient client, string unit, string period, Guid indicator, string value, int? version = null, string? note = null)
    {
        var fields = new Dictionary<string, string> { ["indicatorId"] = indicator.ToString(), ["value"] = value };
        if (version is { } v)
            fields["version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (note is not null)
            fields["note"] = note;
        return RaporFactory.PostFormAsync(client, FillUrl(unit, period) + "?handler=Value", fields, tokenInHeader: true);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string unit, string period, Guid indicator, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(indicator.ToString()), "indicatorId" },
            { new ByteArrayContent(content), "file", fileName },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, FillUrl(unit, period) + "?handler=Evidence") { Content = form };
        request.Headers.Add("RequestVerificationToken", await RaporFactory.AntiforgeryTokenAsync(client, "/"));
        return await client.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string>? fields = null) =>
        RaporFactory.PostFormAsync(client, url, fields);

    /// <summary>Fills every typed indicator with its target and uploads a photo where evidence is required.</summary>
    private async Task FillCompletelyAsync(HttpClient client, string unit, string period, int year)
    {
        foreach (var i in await factory.MonthlyIndicatorsAsync(year, RegionLevel.Kelurahan))
        {
            if (i.IsTyped)
                Assert.Equal(HttpStatusCode.OK, (await SaveValueAsync(client, unit, period, i.Id, i.Type is IndicatorType.YesNo or IndicatorType.Document ? "ya" : i.Target.ToString(System.Globalization.CultureInfo.InvariantCulture))).StatusCode);
            if (i.EvidenceRequired)
                Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, unit, period, i.Id, Scenario.Png, "foto.png")).StatusCode);
        }
    }

    private Task<Report?> ReportAsync(string unit, string period) => factory.WithDbAsync(db =>
    {
        Assert.True(Period.TryParseKey(period, out var y, out var m));
        return db.Reports.Include(r => r.Values).Include(r => r.Events)
            .FirstOrDefaultAsync(r => r.UnitCode == unit && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == y && p.Month == m), Ct);
    });

    [Fact]
    public async Task A_saved_value_is_stored_as_a_draft_and_accepts_Indonesian_decimals()
    {
        var period = await factory.OpenPeriodAsync(2031, 1);
        var lurah = await factory.LoginAsync(Lurah);
        var sla = (await factory.MonthlyIndicatorsAsync(2031, RegionLevel.Kelurahan)).First(i => i.Code == "1.01");
        using var response = await SaveValueAsync(lurah, Scenario.CisarantenWetan, period, sla.Id, "92,5", note: "rekap antrean");
        Assert.Contains("Tersimpan", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var report = await ReportAsync(Scenario.CisarantenWetan, period);
        Assert.Equal(ReportStatus.Draf, report!.Status);
        Assert.Equal(92.5, report.Values.Single().Value);
        Assert.Equal("rekap antrean", report.Values.Single().Note);
    }

    [Theory]
    [InlineData("abc", "bukan angka")]
    [InlineData("101", "tidak boleh lebih dari 100")]
    [InlineData("-3", "tidak boleh negatif")]
    public async Task A_bad_value_gets_a_message_and_is_not_stored(string value, string message)
    {
        var period = await factory.OpenPeriodAsync(2031, 2);
        var lurah = await factory.LoginAsync(Lurah);
        var sla = (await factory.MonthlyIndicatorsAsync(2031, RegionLevel.Kelurahan)).First(i => i.Code == "1.01");
        using var response = await SaveValueAsync(lurah, Scenario.CisarantenWetan, period, sla.Id, value);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Null((await ReportAsync(Scenario.CisarantenWetan, period))?.Values.SingleOrDefault()?.Value);
    }

    [Fact]
    public async Task A_lurah_cannot_read_or_write_another_kelurahans_report()
    {
        var period = await factory.OpenPeriodAsync(2031, 3);
        var sla = (await factory.MonthlyIndicatorsAsync(2031, RegionLevel.Kelurahan)).First(i => i.Code == "1.01");
        var lurah = await factory.LoginAsync(Lurah);
        using var read = await lurah.GetAsync(FillUrl(Scenario.Sukamulya, period), Ct);
        Assert.Contains("AccessDenied", read.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        using var write = await SaveValueAsync(lurah, Scenario.Sukamulya, period, sla.Id, "90");
        Assert.Contains("AccessDenied", write.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Null(await ReportAsync(Scenario.Sukamulya, period));

        // Her camat may read it but not write it: only the unit's own people fill its report.
        var camat = await factory.LoginAsync("camat.cinambo");
        Assert.Equal(HttpStatusCode.OK, (await camat.GetAsync(FillUrl(Scenario.Sukamulya, period), Ct)).StatusCode);
        using var camatWrite = await SaveValueAsync(camat, Scenario.Sukamulya, period, sla.Id, "90");
        Assert.Equal(HttpStatusCode.Redirect, camatWrite.StatusCode);
        Assert.Null(await ReportAsync(Scenario.Sukamulya, period));
    }

    [Fact]
    public async Task Submit_lists_what_is_missing_and_changes_nothing()
    {
        var period = await factory.OpenPeriodAsync(2031, 4);
        var lurah = await factory.LoginAsync(Lurah);
        var sla = (await factory.MonthlyIndicatorsAsync(2031, RegionLevel.Kelurahan)).First(i => i.Code == "1.01");
        await SaveValueAsync(lurah, Scenario.CisarantenWetan, period, sla.Id, "95");
        using var response = await PostFormAsync(lurah, FillUrl(Scenario.CisarantenWetan, period) + "?handler=Submit");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Laporan belum dapat diajukan", html, StringComparison.Ordinal);
        Assert.Contains("1.01 Layanan PATEN/administrasi selesai sesuai SLA: bukti dukung belum diunggah.", html, StringComparison.Ordinal);
        Assert.Contains("1.04 Pengaduan masyarakat yang ditindaklanjuti: nilai belum diisi.", html, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draf, (await ReportAsync(Scenario.CisarantenWetan, period))!.Status);
    }

    [Fact]
    public async Task After_the_deadline_submit_is_refused_unless_the_admin_extends_it()
    {
        var period = await factory.OpenPeriodAsync(2031, 5, opensInDays: -40, deadlineInDays: -2, locksInDays: 10);
        var lurah = await factory.LoginAsync(Lurah);
        await FillCompletelyAsync(lurah, Scenario.CisarantenWetan, period, 2031);
        using var refused = await PostFormAsync(lurah, FillUrl(Scenario.CisarantenWetan, period) + "?handler=Submit");
        Assert.Contains("sudah lewat. Minta perpanjangan", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draf, (await ReportAsync(Scenario.CisarantenWetan, period))!.Status);

        var admin = await factory.LoginAsync("admin.bandung");
        var extendUrl = $"/Periods/Extend?period={period}&unit={Scenario.CisarantenWetan}";
        using var noReason = await PostFormAsync(admin, extendUrl, new() { ["NewDeadline"] = Scenario.Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Reason"] = "" });
        Assert.Contains("Alasan perpanjangan wajib diisi.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var extended = await PostFormAsync(admin, extendUrl, new() { ["NewDeadline"] = Scenario.Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Reason"] = "Server kelurahan rusak (banjir)" });
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);

        using var accepted = await PostFormAsync(lurah, FillUrl(Scenario.CisarantenWetan, period) + "?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var report = await ReportAsync(Scenario.CisarantenWetan, period);
        Assert.Equal(ReportStatus.Diajukan, report!.Status);
        Assert.True(report.SubmittedLate); // accepted, but flagged late against the period's own deadline
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "DeadlineExtension" && a.UserName == "admin.bandung", Ct)));
    }

    [Fact]
    public async Task Evidence_is_checked_by_content_and_size_and_stored_under_a_safe_name()
    {
        var period = await factory.OpenPeriodAsync(2031, 6);
        var lurah = await factory.LoginAsync(Lurah);
        var sla = (await factory.MonthlyIndicatorsAsync(2031, RegionLevel.Kelurahan)).First(i => i.Code == "1.01");

        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);
        using var renamed = await UploadAsync(lurah, Scenario.CisarantenWetan, period, sla.Id, exe, "laporan.pdf");
        Assert.Contains("Jenis berkas tidak diizinkan", await renamed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var big = new byte[11 * 1024 * 1024];
        "%PDF-1.7"u8.CopyTo(big);
        using var tooBig = await UploadAsync(lurah, Scenario.CisarantenWetan, period, sla.Id, big, "besar.pdf");
        Assert.Contains("lebih dari 10 MB", await tooBig.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await EvidenceCountAsync());

        using var traversal = await UploadAsync(lurah, Scenario.CisarantenWetan, period, sla.Id, Scenario.Png, "../../../etc/passwd.png");
        Assert.Equal(HttpStatusCode.OK, traversal.StatusCode);
        Assert.Equal(1, await EvidenceCountAsync());
        var stored = await factory.WithDbAsync(db => db.Evidence.OrderByDescending(e => e.UploadedAt).FirstAsync(Ct));
        Assert.Equal("passwd.png", stored.FileName);
        Assert.Equal("image/png", stored.ContentType);
        Assert.True(File.Exists(Path.Combine(factory.StorageRoot, stored.Id.ToString("N"))));
        Assert.All(Directory.GetFiles(factory.StorageRoot, "*", SearchOption.AllDirectories),
            f => Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(f))); // only generated names reach the disk

        // Served to her and her camat, never to another kelurahan.
        Assert.Equal(HttpStatusCode.OK, (await lurah.GetAsync($"/files/evidence/{stored.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.LoginAsync("camat.cinambo")).GetAsync($"/files/evidence/{stored.Id}", Ct)).StatusCode);
        var other = await factory.LoginAsync("lurah.sukamulya");
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync($"/files/evidence/{stored.Id}", Ct)).StatusCode);
    }

    private Task<int> EvidenceCountAsync() => factory.WithDbAsync(db =>
        db.Evidence.CountAsync(e => db.ReportValues.Any(v => v.Id == e.ReportValueId
            && db.Reports.Any(r => r.Id == v.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2031 && p.Month == 6))), Ct));

    [Fact]
    public async Task Concurrent_edits_of_one_value_do_not_silently_lose_data()
    {
        var period = await factory.OpenPeriodAsync(2031, 7);
        var sla = (await factory.MonthlyIndicatorsAsync(2031, RegionLevel.Kelurahan)).First(i => i.Code == "1.01");
        var first = await factory.LoginAsync(Lurah);
        var second = await factory.LoginAsync("staf.cisarantenwetan");
        await SaveValueAsync(first, Scenario.CisarantenWetan, period, sla.Id, "80", version: 0);
        // The second user still has the form she loaded before the first save (version 0).
        using var stale = await SaveValueAsync(second, Scenario.CisarantenWetan, period, sla.Id, "60", version: 0);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(Ct));
        Assert.Contains("baru saja diubah oleh pengguna lain", html, StringComparison.Ordinal);
        Assert.Contains("value=\"80\"", html, StringComparison.Ordinal); // she is shown the value now stored
        Assert.Equal(80, (await ReportAsync(Scenario.CisarantenWetan, period))!.Values.Single().Value);
        // With the fresh version her save goes through.
        using var fresh = await SaveValueAsync(second, Scenario.CisarantenWetan, period, sla.Id, "60", version: 1);
        Assert.Contains("Tersimpan", await fresh.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(60, (await ReportAsync(Scenario.CisarantenWetan, period))!.Values.Single().Value);
    }

    [Fact]
    public async Task Kelurahan_report_goes_to_its_camat_who_returns_then_approves_it()
    {
        var period = await factory.OpenPeriodAsync(2031, 8);
        var lurah = await factory.LoginAsync(Lurah);
        await FillCompletelyAsync(lurah, Scenario.CisarantenWetan, period, 2031);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(lurah, FillUrl(Scenario.CisarantenWetan, period) + "?handler=Submit")).StatusCode);

        // Read-only after submit.
        var sla = (await factory.MonthlyIndicatorsAsync(2031, RegionLevel.Kelurahan)).First(i => i.Code == "1.01");
        Assert.Contains("hanya dapat dibaca", WebUtility.HtmlDecode(await (await SaveValueAsync(lurah, Scenario.CisarantenWetan, period, sla.Id, "10")).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var camat = await factory.LoginAsync("camat.cinambo");
        Assert.Contains(period.Length > 0 ? "Cisaranten Wetan" : "", await camat.GetStringAsync("/Reports", Ct), StringComparison.Ordinal);
        var review = $"/Reports/Review/{Scenario.CisarantenWetan}/{period}";
        using var noNote = await PostFormAsync(camat, review + "?handler=Return", new() { ["Note"] = "" });
        Assert.Contains("Catatan pengembalian wajib diisi.", WebUtility.HtmlDecode(await noNote.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(camat, review + "?handler=Return", new() { ["Note"] = "Foto SLA buram, unggah ulang" })).StatusCode);
        Assert.Equal(ReportStatus.Dikembalikan, (await ReportAsync(Scenario.CisarantenWetan, period))!.Status);
        Assert.Contains("Foto SLA buram", await lurah.GetStringAsync("/Notifications", Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(lurah, FillUrl(Scenario.CisarantenWetan, period) + "?handler=Submit")).StatusCode);
        // A verifikator cannot take the camat's step.
        var verifikator = await factory.LoginAsync("verifikator");
        Assert.Contains("AccessDenied", (await PostFormAsync(verifikator, review + "?handler=Approve")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(camat, review + "?handler=Approve")).StatusCode);
        var report = await ReportAsync(Scenario.CisarantenWetan, period);
        Assert.Equal(ReportStatus.DisetujuiCamat, report!.Status);
        Assert.Equal(["Diajukan", "Dikembalikan", "Diajukan", "Disetujui camat"], report.Events.OrderBy(e => e.Id).Select(e => e.Action));
    }

    [Fact]
    public async Task Field_activities_count_toward_their_indicator_at_submit()
    {
        var period = await factory.OpenPeriodAsync(2031, 9);
        await factory.WithDbAsync(db =>
        {
            for (var d = 1; d <= 3; d++)
                db.FieldActivities.Add(new FieldActivity { UnitCode = Scenario.CisarantenWetan, Kind = "subuh_keliling", Date = new(2031, 9, d), Place = "Masjid RW 0" + d, CreatedBy = "t", CreatedAt = DateTime.UtcNow });
            db.FieldActivities.Add(new FieldActivity { UnitCode = Scenario.CisarantenWetan, Kind = "subuh_keliling", Date = new(2031, 10, 1), Place = "bulan lain", CreatedBy = "t", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync(Ct);
        });
        var lurah = await factory.LoginAsync(Lurah);
        await FillCompletelyAsync(lurah, Scenario.CisarantenWetan, period, 2031);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(lurah, FillUrl(Scenario.CisarantenWetan, period) + "?handler=Submit")).StatusCode);
        var subuh = (await factory.MonthlyIndicatorsAsync(2031, RegionLevel.Kelurahan)).First(i => i.ActivityKind == "subuh_keliling");
        Assert.Equal(3, (await ReportAsync(Scenario.CisarantenWetan, period))!.Values.Single(v => v.IndicatorId == subuh.Id).Value);
    }

    [Fact]
    public async Task Compliance_board_shows_who_has_not_submitted()
    {
        var period = await factory.OpenPeriodAsync(2031, 10);
        var lurah = await factory.LoginAsync(Lurah);
        await FillCompletelyAsync(lurah, Scenario.CisarantenWetan, period, 2031);
        await PostFormAsync(lurah, FillUrl(Scenario.CisarantenWetan, period) + "?handler=Submit");

        var camat = await factory.LoginAsync("camat.cinambo");
        var html = await camat.GetStringAsync($"/Periods?period={period}&missing=true", Ct);
        Assert.Contains("Sukamulya", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cisaranten Wetan</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sukasari", html, StringComparison.Ordinal); // another kecamatan
        var admin = await factory.LoginAsync("admin.bandung");
        var all = await admin.GetStringAsync($"/Periods?period={period}", Ct);
        Assert.Contains("180 belum diisi", all, StringComparison.Ordinal);
        Assert.Contains("1 diajukan", all, StringComparison.Ordinal);
    }
}
