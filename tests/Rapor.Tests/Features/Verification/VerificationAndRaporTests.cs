using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using Rapor.Web.Features.Public;
using Rapor.Web.Features.Rapor;

namespace Rapor.Tests.Features.Verification;

[Trait("Category", "Integration")]
public sealed class VerificationAndRaporTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Sukasari = "32.73.01";
    private const string Sukajadi = "32.73.07";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string>? fields = null, bool header = false) =>
        RaporFactory.PostFormAsync(client, url, fields, header);

    private Task<Dictionary<string, ScoreRecord>> ScoresAsync(string period) => factory.WithDbAsync(db =>
    {
        Assert.True(Period.TryParseKey(period, out var y, out var m));
        return db.Scores.Where(s => db.Periods.Any(p => p.Id == s.PeriodId && p.TenantCode == "32.73" && p.Year == y && p.Month == m)).ToDictionaryAsync(s => s.UnitCode, Ct);
    });

    private Task<Guid> IndicatorIdAsync(int year, string code) => factory.WithDbAsync(db =>
        db.Indicators.Where(i => i.Code == code && db.Bidang.Any(b => b.Id == i.BidangId && db.Frameworks.Any(f => f.Id == b.FrameworkId && f.TenantCode == "32.73" && f.Year == year)))
            .Select(i => i.Id).FirstAsync(Ct));

    /// <summary>Two kecamatan verified in full: Sukasari at 100 % of every target (total 70: no kelurahan reports), Sukajadi at 80 %.</summary>
    private async Task<HttpClient> TwoVerifiedKecamatanAsync(string period)
    {
        await factory.SubmittedReportAsync(Sukasari, period, 1.0);
        await factory.SubmittedReportAsync(Sukajadi, period, 0.8);
        var verifikator = await factory.LoginAsync("verifikator");
        foreach (var unit in new[] { Sukasari, Sukajadi })
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(verifikator, $"/Verification/Report/{unit}/{period}?handler=Complete", new() { ["acceptRest"] = "true" })).StatusCode);
        return verifikator;
    }

    [Fact]
    public async Task A_verifiers_correction_changes_the_score_and_the_rank_exactly_as_a_full_recompute()
    {
        var period = await factory.OpenPeriodAsync(2035, 1);
        await factory.SubmittedReportAsync(Sukasari, period, 1.0);
        await factory.SubmittedReportAsync(Sukajadi, period, 0.9);
        var verifikator = await factory.LoginAsync("verifikator");
        Assert.Contains("Sukasari", await verifikator.GetStringAsync($"/Verification?period={period}", Ct), StringComparison.Ordinal);
        await PostAsync(verifikator, $"/Verification/Report/{Sukajadi}/{period}?handler=Complete", new() { ["acceptRest"] = "true" });
        await PostAsync(verifikator, $"/Verification/Report/{Sukasari}/{period}?handler=Complete", new() { ["acceptRest"] = "false" }); // refused: undecided values
        Assert.Equal(ReportStatus.Diajukan, await factory.WithDbAsync(db => db.Reports.Where(r => r.UnitCode == Sukasari && r.Values.Any()).OrderBy(r => r.Id).Select(r => r.Status).LastAsync(Ct)));
        await PostAsync(verifikator, $"/Verification/Report/{Sukasari}/{period}?handler=Complete", new() { ["acceptRest"] = "true" });
        var before = await ScoresAsync(period);
        Assert.Equal((1, 2), (before[Sukasari].Rank, before[Sukajadi].Rank));
        Assert.Equal(100, before[Sukasari].OwnScore, 6);
        Assert.Equal(70, before[Sukasari].Total, 6); // its kelurahan have not reported: 0.7 × 100 + 0.3 × 0

        // Reopened by the verifier? No — a verified report is closed; correct a still-open one instead.
        await factory.SubmittedReportAsync("32.73.02", period, 1.0); // Coblong, waiting
        var sla = await IndicatorIdAsync(2035, "1.01");
        using var bad = await PostAsync(verifikator, $"/Verification/Report/32.73.02/{period}?handler=Decide",
            new() { ["indicatorId"] = sla.ToString(), ["decision"] = "Koreksi", ["value"] = "10" }, header: true);
        Assert.Contains("Alasan koreksi wajib diisi.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await PostAsync(verifikator, $"/Verification/Report/32.73.02/{period}?handler=Complete", new() { ["acceptRest"] = "true" });
        var tied = await ScoresAsync(period);
        Assert.Equal((1, true), (tied["32.73.02"].Rank, tied["32.73.02"].Tied)); // 70 = 70: shared rank "=1"
        Assert.Equal((1, true), (tied[Sukasari].Rank, tied[Sukasari].Tied));

        // A correction on a fresh report moves it down: 1.01 claimed 95 %, verified 47.5 % → half the SLA score.
        await factory.SubmittedReportAsync("32.73.03", period, 1.0);
        using var corrected = await PostAsync(verifikator, $"/Verification/Report/32.73.03/{period}?handler=Decide",
            new() { ["indicatorId"] = sla.ToString(), ["decision"] = "Koreksi", ["value"] = "47,5", ["note"] = "Rekap antrean hanya separuh" }, header: true);
        Assert.Contains("Keputusan tersimpan", await corrected.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Undecided values count as missing until verified: only the corrected SLA scores so far.
        var partial = (await ScoresAsync(period))["32.73.03"].OwnScore;
        await PostAsync(verifikator, $"/Verification/Report/32.73.03/{period}?handler=Complete", new() { ["acceptRest"] = "true" });
        var after = await ScoresAsync(period);
        // In a monthly kecamatan report SLA weighs 25 of the 65 monthly points of bidang 1 (30 %); at half its score
        // the unit loses 0.3 · 25/65 · 50 points, and the partial score held exactly that contribution.
        Assert.Equal(0.3 * 25 / 65 * 50, partial, 6);
        Assert.Equal(100 - 0.3 * 25 / 65 * 50, after["32.73.03"].OwnScore, 6);
        Assert.True(after["32.73.03"].Rank > after[Sukasari].Rank);

        // Incremental updates left the same standings a full recompute gives.
        var full = await factory.WithDbAsync(async db =>
        {
            using var scope = factory.Services.CreateScope();
            var scoring = scope.ServiceProvider.GetRequiredService<ScoringService>();
            var p = await scope.ServiceProvider.GetRequiredService<Rapor.Web.Data.RaporDbContext>().Periods.FirstAsync(x => x.Year == 2035 && x.Month == 1, Ct);
            return (await scoring.RecomputeAsync(p, Ct)).ToDictionary(s => s.UnitCode);
        });
        foreach (var (code, s) in after)
            Assert.Equal((full[code].Total, full[code].Rank, full[code].Zone, full[code].Tied), (s.Total, s.Rank, s.Zone, s.Tied));
    }

    [Fact]
    public async Task A_lurah_or_camat_cannot_verify()
    {
        var period = await factory.OpenPeriodAsync(2035, 2);
        await factory.SubmittedReportAsync(Scenario.CisarantenWetan, period, 1.0);
        foreach (var user in new[] { "lurah.cisarantenwetan", "camat.cinambo", "pimpinan" })
        {
            var client = await factory.LoginAsync(user);
            using var get = await client.GetAsync($"/Verification/Report/{Scenario.CisarantenWetan}/{period}", Ct);
            Assert.Contains("AccessDenied", get.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            using var post = await PostAsync(client, $"/Verification/Report/{Scenario.CisarantenWetan}/{period}?handler=Complete", new() { ["acceptRest"] = "true" });
            Assert.Contains("AccessDenied", post.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
        Assert.NotEqual(ReportStatus.Diverifikasi, await factory.WithDbAsync(db => db.Reports.Where(r => r.UnitCode == Scenario.CisarantenWetan && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2035 && p.Month == 2)).Select(r => r.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Finalization_freezes_scores_and_a_correction_needs_a_reopening_with_a_reason()
    {
        var period = await factory.OpenPeriodAsync(2035, 3);
        var verifikator = await TwoVerifiedKecamatanAsync(period);
        await factory.SubmittedReportAsync("32.73.05", period, 1.0);
        var anonymous = factory.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/32.73/rankings/{period}", Ct)).StatusCode);

        var admin = await factory.LoginAsync("admin.bandung");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/Rapor/Ranking?handler=Finalize&period={period}")).StatusCode);
        var frozen = await ScoresAsync(period);

        var sla = await IndicatorIdAsync(2035, "1.01");
        using var refused = await PostAsync(verifikator, $"/Verification/Report/32.73.05/{period}?handler=Decide",
            new() { ["indicatorId"] = sla.ToString(), ["decision"] = "Tolak", ["note"] = "tidak ada bukti" }, header: true);
        Assert.Contains("sudah difinalisasi", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(frozen.Values.Select(s => (s.UnitCode, s.Total, s.Rank)).OrderBy(x => x.UnitCode), (await ScoresAsync(period)).Values.Select(s => (s.UnitCode, s.Total, s.Rank)).OrderBy(x => x.UnitCode));

        var ranking = await anonymous.GetFromJsonAsync<List<PublicApi.RankingItem>>($"/api/public/32.73/rankings/{period}?level=kecamatan", Ct);
        Assert.Equal(30, ranking!.Count);
        Assert.Equal(new PublicApi.RankingItem(Sukasari, "Sukasari", 70, "kuning", 1, false), ranking[0]);
        var rapor = await anonymous.GetFromJsonAsync<PublicApi.RaporDto>($"/api/public/32.73/rapor/{Sukajadi}/{period}", Ct);
        Assert.Equal(4, rapor!.Bidang.Count);
        Assert.Equal(rapor.Score, ranking.Single(r => r.Code == Sukajadi).Score);
        Assert.Contains("Sukasari", await anonymous.GetStringAsync($"/Publik/32.73?period={period}", Ct), StringComparison.Ordinal);

        using var noReason = await PostAsync(admin, $"/Rapor/Ranking?handler=Reopen&period={period}", new() { ["reason"] = "" });
        Assert.Contains("Alasan membuka kembali wajib diisi", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/Rapor/Ranking?handler=Reopen&period={period}", new() { ["reason"] = "Keberatan Kecamatan Cibiru diterima" })).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Period" && a.UserName == "admin.bandung" && a.Changes.Contains("Keberatan Kecamatan Cibiru diterima"), Ct)));
        using var accepted = await PostAsync(verifikator, $"/Verification/Report/32.73.05/{period}?handler=Decide",
            new() { ["indicatorId"] = sla.ToString(), ["decision"] = "Tolak", ["note"] = "tidak ada bukti" }, header: true);
        Assert.Contains("Keputusan tersimpan", await accepted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/32.73/rankings/{period}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_rapor_pdf_is_a_real_pdf_with_the_units_name_and_score()
    {
        var period = await factory.OpenPeriodAsync(2035, 4);
        await TwoVerifiedKecamatanAsync(period);
        // The signatory comes from the tenant's branding, not from the code.
        await factory.WithDbAsync(async db =>
        {
            var t = await db.Tenants.SingleAsync(x => x.Code == Scenario.Tenant, Ct);
            (t.SignatoryTitle, t.SignatoryName, t.SignatoryNip) = ("Kepala Bagian Tata Pemerintahan", "Rahmat Hidayat (uji)", "197501012000031001");
            return await db.SaveChangesAsync(Ct);
        });
        var camat = await factory.LoginAsync("admin.bandung");
        var html = await camat.GetStringAsync($"/Rapor/{Sukajadi}/{period}", Ct);
        Assert.Contains("peringkat 2 dari 30", html, StringComparison.Ordinal);
        Assert.Contains("Mengapa nilai ini?", html, StringComparison.Ordinal);

        using var response = await camat.GetAsync($"/Rapor/{Sukajadi}/{period}?handler=Pdf", Ct);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var score = (await ScoresAsync(period))[Sukajadi].Total;
        var text = Pdf.Text(pdf);
        Assert.Contains("Kecamatan Sukajadi", text, StringComparison.Ordinal);
        Assert.Contains(score.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("id-ID")), text, StringComparison.Ordinal);
        Assert.Contains("PEMERINTAH KOTA BANDUNG", text, StringComparison.Ordinal);
        Assert.Contains("Kepala Bagian Tata Pemerintahan", text, StringComparison.Ordinal);
        Assert.Contains("Rahmat Hidayat (uji)", text, StringComparison.Ordinal);
        Assert.Contains("NIP 197501012000031001", text, StringComparison.Ordinal);

        var xlsx = await camat.GetByteArrayAsync($"/Rapor/{Sukajadi}/{period}?handler=Excel", Ct);
        Assert.Equal((byte)'P', xlsx[0]);
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        Assert.Contains("AccessDenied", (await lurah.GetAsync($"/Rapor/{Sukajadi}/{period}?handler=Pdf", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranking_page_shows_the_zone_summary_and_top_10_and_exports_excel()
    {
        var period = await factory.OpenPeriodAsync(2035, 5);
        await TwoVerifiedKecamatanAsync(period);
        var pimpinan = await factory.LoginAsync("pimpinan");
        var html = await pimpinan.GetStringAsync($"/Rapor/Ranking?period={period}", Ct);
        Assert.Contains("0 hijau, 1 kuning, 29 merah", html, StringComparison.Ordinal);
        Assert.Contains("10 terbaik", html, StringComparison.Ordinal);
        var xlsx = await pimpinan.GetByteArrayAsync($"/Rapor/Ranking?handler=Excel&period={period}", Ct);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(30, rows.Count);
        Assert.Equal("Sukasari", rows[0]["Nama"]);
    }

    [Fact]
    public async Task A_field_visit_finding_becomes_the_verified_value_and_rescores_the_unit()
    {
        var period = await factory.OpenPeriodAsync(2035, 6);
        await factory.SubmittedReportAsync(Sukasari, period, 1.0);
        var verifikator = await factory.LoginAsync("verifikator");
        using var scheduled = await PostAsync(verifikator, $"/Verification/Visits?unit={Sukasari}&period={period}", new() { ["scheduledOn"] = Scenario.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var visitUrl = scheduled.Headers.Location!.OriginalString;
        var sla = await IndicatorIdAsync(2035, "1.01");

        using var bad = await PostAsync(verifikator, visitUrl, new() { [$"found_{sla}"] = "banyak", ["complete"] = "true" });
        Assert.Contains("1.01: \"banyak\" bukan angka.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        using var done = await PostAsync(verifikator, visitUrl, new()
        {
            [$"found_{sla}"] = "47,5", [$"note_{sla}"] = "Buku antrean menunjukkan separuh", ["latitude"] = "-6.8667", ["longitude"] = "107.5872", ["complete"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var value = await factory.WithDbAsync(db => db.ReportValues.SingleAsync(v => v.UnitCode == Sukasari && v.IndicatorId == sla
            && db.Reports.Any(r => r.Id == v.ReportId && db.Periods.Any(p => p.Id == r.PeriodId && p.Year == 2035 && p.Month == 6)), Ct));
        Assert.Equal((47.5, VerificationStatus.Dikoreksi), (value.VerifiedValue, value.Verification));
        Assert.StartsWith("Verifikasi lapangan", value.VerificationNote, StringComparison.Ordinal);
        var visit = await factory.WithDbAsync(db => db.FieldVisits.Include(v => v.Findings).SingleAsync(v => v.UnitCode == Sukasari, Ct));
        Assert.Equal((VisitStatus.Selesai, -6.8667), (visit.Status, visit.Latitude));
        Assert.True((await ScoresAsync(period))[Sukasari].OwnScore > 0);

        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        Assert.Contains("AccessDenied", (await lurah.GetAsync(visitUrl, Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
