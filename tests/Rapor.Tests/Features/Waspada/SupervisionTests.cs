using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using static Rapor.TestSupport.WaspadaScenario;

namespace Rapor.Tests.Features.Waspada;

/// <summary>Planning, filling (also from a phone that was offline), completing and printing supervision visits.</summary>
[Trait("Category", "Integration")]
public sealed class SupervisionTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SyncUrl(Guid visit) => $"/api/waspada/visits/{visit}/sync";

    private static string PhotoUrl(Guid visit) => $"/api/waspada/visits/{visit}/photos";

    private Task<Guid> KasiAsync() => factory.WithDbAsync(db => db.Officials.Where(o => o.UnitCode == Batujajar && o.Position == "kasi_pemerintahan").Select(o => o.Id).FirstAsync(Ct));

    private static async Task<string> ProblemAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));

    [Fact]
    public async Task A_camat_plans_visits_with_a_team_and_a_bad_plan_saves_nothing()
    {
        var camat = await factory.LoginAsync("camat.batujajar");
        var kasi = (await KasiAsync()).ToString();
        var day = Scenario.Today.AddDays(40);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task<HttpResponseMessage> Post(string handler, params (string, string)[] fields)
        {
            var token = await RaporFactory.AntiforgeryTokenAsync(camat, "/Waspada");
            var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", token)));
            return await camat.PostAsync($"/Waspada?handler={handler}&unit={Batujajar}", content, Ct);
        }

        using var ok = await Post("Add", ("desa", "32.17.09.2004"), ("desa", "32.17.09.2005"), ("date", date), ("team", kasi));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var planned = await factory.WithDbAsync(db => db.SupervisionVisits.Include(v => v.Team).Where(v => v.ScheduledOn == day && v.KecamatanCode == Batujajar && !v.IsDemo).ToListAsync(Ct));
        Assert.Equal(["32.17.09.2004", "32.17.09.2005"], planned.Select(v => v.DesaCode).Order(StringComparer.Ordinal));
        Assert.All(planned, v => Assert.Equal(kasi, Assert.Single(v.Team).OfficialId.ToString()));

        using var twice = await Post("Add", ("desa", "32.17.09.2004"), ("date", date), ("team", kasi));
        Assert.Equal(2, await factory.WithDbAsync(db => db.SupervisionVisits.CountAsync(v => v.ScheduledOn == day && v.KecamatanCode == Batujajar && !v.IsDemo, Ct)));

        using var otherKecamatan = await Post("Add", ("desa", "32.17.16.2001"), ("date", date), ("team", kasi));
        Assert.Contains("32.17.16.2001 bukan desa di kecamatan ini.", await ProblemAsync(otherKecamatan), StringComparison.Ordinal);
        using var noTeam = await Post("Add", ("desa", "32.17.09.2007"), ("date", date));
        Assert.Contains("Pilih minimal satu anggota tim", await ProblemAsync(noTeam), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.SupervisionVisits.AnyAsync(v => v.ScheduledOn == day && (v.DesaCode == "32.17.16.2001" || v.DesaCode == "32.17.09.2007"), Ct)));

        var start = Scenario.Today.AddDays(60);
        using var generated = await Post("Generate", ("desa", "32.17.09.2007"), ("desa", "32.17.09.2008"), ("start", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("every", "1"), ("count", "3"), ("stagger", "2"), ("team", kasi));
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var schedule = await factory.WithDbAsync(db => db.SupervisionVisits.Where(v => v.ScheduledOn >= start && v.CreatedBy == "camat.batujajar" && !v.IsDemo).ToListAsync(Ct));
        Assert.Equal(6, schedule.Count);
        Assert.All(schedule, v => Assert.True(v.ScheduledOn.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday));

        var kades = await factory.LoginAsync("kades.32.17.09.2001");
        Assert.Contains("/Waspada/Findings", (await kades.GetAsync("/Waspada", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Contains("AccessDenied", (await kades.GetAsync($"/Waspada?unit={Batujajar}", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visit_sent_twice_is_stored_once_and_completion_raises_one_finding_per_non_compliant_item()
    {
        var visit = await factory.PlannedVisitAsync("32.17.09.2007", Scenario.Today);
        var items = await factory.ItemsOfAsync(visit);
        var kasi = await factory.LoginAsync("kasi.pemerintahan.batujajar");
        var fields = Answers(items, "A.1", "B.5");
        fields["latitude"] = "-6,9071"; // typed the id-ID way
        fields["longitude"] = "107.4855";
        var submission = Guid.NewGuid();
        using var first = await SyncAsync(kasi, SyncUrl(visit), fields, complete: true, submission, baseVersion: 0);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The phone never saw the answer and sends the same submission again.
        using var retry = await SyncAsync(kasi, SyncUrl(visit), fields, complete: true, submission, baseVersion: 0);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);

        var stored = await factory.WithDbAsync(db => db.SupervisionVisits.Include(v => v.Answers).SingleAsync(v => v.Id == visit, Ct));
        Assert.Equal((SupervisionVisitStatus.Selesai, 40, -6.9071), (stored.Status, stored.Answers.Count, stored.Latitude));
        var findings = await factory.WithDbAsync(db => db.Temuan.Where(f => f.VisitId == visit).OrderBy(f => f.ItemCode).ToListAsync(Ct));
        Assert.Equal(["A.1", "B.5"], findings.Select(f => f.ItemCode));
        Assert.All(findings, f => Assert.Equal((TemuanSeverity.Berat, Scenario.Today.AddDays(14)), (f.Severity, f.DueOn)));
        var kadesId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "kades.32.17.09.2007").Select(u => u.Id).SingleAsync(Ct));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == kadesId && n.Text.Contains("2 temuan"), Ct)));

        // A new submission for a visit completed meanwhile is a conflict, with the server's state to show.
        using var late = await SyncAsync(kasi, SyncUrl(visit), Answers(items), complete: true, baseVersion: 0);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Selesai", problem.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal(2, await factory.WithDbAsync(db => db.Temuan.CountAsync(f => f.VisitId == visit, Ct)));
    }

    [Fact]
    public async Task A_change_on_the_server_meanwhile_answers_409_with_its_version_and_nothing_is_overwritten()
    {
        var visit = await factory.PlannedVisitAsync("32.17.09.2008", Scenario.Today);
        var items = await factory.ItemsOfAsync(visit);
        var a1 = items.First(i => i.Code == "A.1").Id;
        var camat = await factory.LoginAsync("camat.batujajar");
        var kasi = await factory.LoginAsync("kasi.pemerintahan.batujajar");
        using var desk = await SyncAsync(camat, SyncUrl(visit), new() { [$"answer.{a1}"] = "TidakSesuai", [$"note.{a1}"] = "Buku hilang" }, complete: false, baseVersion: 0);
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);

        // The phone opened the visit at version 0 and answers A.1 differently.
        using var phone = await SyncAsync(kasi, SyncUrl(visit), new() { [$"answer.{a1}"] = "Sesuai" }, complete: false, baseVersion: 0);
        Assert.Equal(HttpStatusCode.Conflict, phone.StatusCode);
        var current = (await phone.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("current");
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal("TidakSesuai", current.GetProperty("fields").GetProperty($"answer.{a1}").GetString());
        Assert.Equal("camat.batujajar", current.GetProperty("updatedBy").GetString());
        Assert.Equal(ChecklistAnswer.TidakSesuai, await factory.WithDbAsync(db => db.VisitAnswers.Where(a => a.VisitId == visit && a.ItemId == a1).Select(a => a.Answer).SingleAsync(Ct)));

        // The officer chooses his version: sent again on top of the server's version.
        using var mine = await SyncAsync(kasi, SyncUrl(visit), new() { [$"answer.{a1}"] = "Sesuai" }, complete: false, baseVersion: 1);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(ChecklistAnswer.Sesuai, await factory.WithDbAsync(db => db.VisitAnswers.Where(a => a.VisitId == visit && a.ItemId == a1).Select(a => a.Answer).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Two_phones_sending_the_same_visit_at_once_get_one_result_and_one_conflict()
    {
        var visit = await factory.PlannedVisitAsync("32.17.09.2010", Scenario.Today.AddDays(1));
        var items = await factory.ItemsOfAsync(visit);
        var camat = await factory.LoginAsync("camat.batujajar");
        var kasi = await factory.LoginAsync("kasi.pemerintahan.batujajar");
        var tokens = (await ApiTokenAsync(camat), await ApiTokenAsync(kasi));
        var results = await Task.WhenAll(
            SyncAsync(camat, SyncUrl(visit), Answers(items, "C.2"), complete: false, baseVersion: 0, token: tokens.Item1),
            SyncAsync(kasi, SyncUrl(visit), Answers(items, "D.1"), complete: false, baseVersion: 0, token: tokens.Item2));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        var stored = await factory.WithDbAsync(db => db.SupervisionVisits.Include(v => v.Answers).SingleAsync(v => v.Id == visit, Ct));
        Assert.Equal(1, stored.Version);
        Assert.Single(stored.Answers, a => a.Answer == ChecklistAnswer.TidakSesuai);
    }

    [Fact]
    public async Task Completing_needs_every_item_answered_and_a_note_on_every_non_compliant_one()
    {
        var visit = await factory.PlannedVisitAsync("32.17.09.2005", Scenario.Today);
        var items = await factory.ItemsOfAsync(visit);
        var kasi = await factory.LoginAsync("kasi.pemerintahan.batujajar");
        var fields = Answers(items.Skip(2), "E.1");
        fields.Remove($"note.{items.First(i => i.Code == "E.1").Id}");
        fields["latitude"] = "utara";
        using var r = await SyncAsync(kasi, SyncUrl(visit), fields, complete: true, baseVersion: 0);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("Belum dijawab: A.1, A.2.", errors);
        Assert.Contains(errors, e => e.StartsWith("E.1: tulis catatan", StringComparison.Ordinal));
        Assert.Contains("Lintang tidak valid.", errors);
        Assert.Equal(0, await factory.WithDbAsync(db => db.VisitAnswers.CountAsync(a => a.VisitId == visit, Ct)));
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_or_too_big_is_refused_while_the_rest_of_the_visit_syncs()
    {
        var visit = await factory.PlannedVisitAsync("32.17.09.2004", Scenario.Today);
        var items = await factory.ItemsOfAsync(visit);
        var kasi = await factory.LoginAsync("kasi.pemerintahan.batujajar");
        var good = Guid.NewGuid();
        var item = items[0].Id.ToString();
        using var ok = await PhotoAsync(kasi, PhotoUrl(visit), good, Jpeg, "buku-kas.jpg", item);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var again = await PhotoAsync(kasi, PhotoUrl(visit), good, Jpeg, "buku-kas.jpg", item);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var notImage = await PhotoAsync(kasi, PhotoUrl(visit), Guid.NewGuid(), "MZ this is a program"u8.ToArray(), "foto.jpg");
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Contains("foto: bukan foto. Hanya foto JPG atau PNG", await ProblemAsync(notImage), StringComparison.Ordinal);
        var big = new byte[600 * 1024];
        Jpeg.CopyTo(big, 0);
        using var tooBig = await PhotoAsync(kasi, PhotoUrl(visit), Guid.NewGuid(), big, "besar.jpg");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("melebihi batas 500 KB", await ProblemAsync(tooBig), StringComparison.Ordinal);
        using var unknownItem = await PhotoAsync(kasi, PhotoUrl(visit), Guid.NewGuid(), Jpeg, "x.jpg", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownItem.StatusCode);

        using var sync = await SyncAsync(kasi, SyncUrl(visit), Answers(items), complete: true, baseVersion: 0);
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        var photos = await factory.WithDbAsync(db => db.Evidence.Where(e => e.SupervisionVisitId == visit).ToListAsync(Ct));
        Assert.Equal((good, items[0].Id, "buku-kas.jpg"), (Assert.Single(photos).Id, photos[0].ChecklistItemId!.Value, photos[0].FileName));

        // After completion only a retry of a photo already stored is accepted.
        using var afterwards = await PhotoAsync(kasi, PhotoUrl(visit), Guid.NewGuid(), Jpeg, "telat.jpg");
        Assert.Equal(HttpStatusCode.Conflict, afterwards.StatusCode);
        var kades = await factory.LoginAsync("kades.32.17.09.2004");
        Assert.Equal(HttpStatusCode.OK, (await kades.GetAsync($"/files/evidence/{good}", Ct)).StatusCode);
        var otherKades = await factory.LoginAsync("kades.32.17.09.2005");
        Assert.NotEqual(HttpStatusCode.OK, (await otherKades.GetAsync($"/files/evidence/{good}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_change_without_the_antiforgery_token_is_refused_and_a_kepala_desa_cannot_fill_the_visit()
    {
        var visit = await factory.PlannedVisitAsync("32.17.09.2002", Scenario.Today.AddDays(2));
        var kasi = await factory.LoginAsync("kasi.pemerintahan.batujajar");
        using var noToken = await kasi.PostAsJsonAsync(SyncUrl(visit), new { submissionId = Guid.NewGuid(), complete = false, fields = new Dictionary<string, string>() }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains(Rapor.Web.Infrastructure.ApiAntiforgery.Title, await ProblemAsync(noToken), StringComparison.Ordinal); // the app-wide API rule (ADR-040) answers first
        using var wrongToken = await SyncAsync(kasi, SyncUrl(visit), [], complete: false, token: "bukan-token");
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        var kades = await factory.LoginAsync("kades.32.17.09.2002");
        using var byDesa = await SyncAsync(kades, SyncUrl(visit), [], complete: false);
        Assert.Equal(HttpStatusCode.Forbidden, byDesa.StatusCode);
        var camatElsewhere = await factory.LoginAsync("camat.cinambo");
        using var byOther = await SyncAsync(camatElsewhere, SyncUrl(visit), [], complete: false);
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.SupervisionVisits.Where(v => v.Id == visit).Select(v => v.Version).SingleAsync(Ct)));
    }

    [Fact]
    public async Task The_berita_acara_lists_the_items_the_findings_and_a_signature_block_for_the_team_and_the_kepala_desa()
    {
        var visit = await factory.PlannedVisitAsync("32.17.09.2001", Scenario.Today);
        var items = await factory.ItemsOfAsync(visit);
        var kasi = await factory.LoginAsync("kasi.pemerintahan.batujajar");
        var fields = Answers(items, "F.2");
        fields["summary"] = "Desa diminta melengkapi badan hukum BUMDes.";
        using var sync = await SyncAsync(kasi, SyncUrl(visit), fields, complete: true, baseVersion: 0);
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        var kades = await factory.LoginAsync("kades.32.17.09.2001");
        using var response = await kades.GetAsync($"/Waspada/Visit/{visit}?handler=Pdf", Ct);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = Pdf.Text(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("BERITA ACARA PENGAWASAN", text, StringComparison.Ordinal);
        Assert.Contains("F.2 BUMDes terdaftar sebagai badan hukum", text, StringComparison.Ordinal);
        Assert.Contains("TIDAK SESUAI", text, StringComparison.Ordinal);
        Assert.Contains("Rekomendasi: Lengkapi F.2", text, StringComparison.Ordinal);
        Assert.Contains("Kepala Desa Batujajar Timur", text, StringComparison.Ordinal);
        Assert.Contains("Ujang Saepuloh (demo)", text, StringComparison.Ordinal);
        Assert.Contains("Kasi Pemerintahan", text, StringComparison.Ordinal);
        var html = await kades.GetStringAsync($"/Waspada/Visit/{visit}", Ct);
        Assert.Contains("97,5 %", WebUtility.HtmlDecode(html), StringComparison.Ordinal); // 39 of 40 items compliant
    }
}
