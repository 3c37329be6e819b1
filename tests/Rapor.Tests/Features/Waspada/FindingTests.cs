using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using Rapor.Web.Features.Waspada;
using static Rapor.TestSupport.WaspadaScenario;

namespace Rapor.Tests.Features.Waspada;

/// <summary>Findings: follow-up by the desa, review by the kecamatan, deadlines, escalation, who sees what, Excel.</summary>
[Trait("Category", "Integration")]
public sealed class FindingTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A completed visit of <paramref name="desa"/> with one finding on <paramref name="item"/>, due <paramref name="due"/>.</summary>
    private async Task<Guid> FindingAsync(string desa, string item, DateOnly? due = null)
    {
        var visit = await factory.PlannedVisitAsync(desa, Scenario.Today.AddDays(-1));
        var items = await factory.ItemsOfAsync(visit);
        var fields = Answers(items, item);
        fields["visitedOn"] = Scenario.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (due is { } d)
            fields[$"due.{items.First(i => i.Code == item).Id}"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var kasi = await factory.LoginAsync("kasi.pemerintahan.batujajar");
        using var r = await SyncAsync(kasi, $"/api/waspada/visits/{visit}/sync", fields, complete: true, baseVersion: 0);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await factory.WithDbAsync(db => db.Temuan.Where(f => f.VisitId == visit).Select(f => f.Id).SingleAsync(Ct));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, (string Name, byte[] Bytes)? file = null)
    {
        var token = await RaporFactory.AntiforgeryTokenAsync(client, "/");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields)
            form.Add(new StringContent(v), k);
        if (file is { } f)
            form.Add(new ByteArrayContent(f.Bytes), "files", f.Name);
        return await client.PostAsync(url, form, Ct);
    }

    private Task<Temuan> LoadAsync(Guid id) => factory.WithDbAsync(db => db.Temuan.Include(f => f.Events).AsNoTracking().SingleAsync(f => f.Id == id, Ct));

    private Task<int> NotificationsAsync(string user, Guid finding) => factory.WithDbAsync(db =>
        db.Notifications.CountAsync(n => db.Users.Any(u => u.Id == n.UserId && u.UserName == user) && n.Link == $"/Waspada/Finding/{finding}", Ct));

    [Fact]
    public async Task The_desa_follows_up_with_evidence_the_kecamatan_returns_then_accepts_and_every_step_is_in_the_history()
    {
        var id = await FindingAsync("32.17.09.2002", "C.1");
        var url = $"/Waspada/Finding/{id}";
        var kades = await factory.LoginAsync("kades.32.17.09.2002");
        Assert.Contains("Perdes RPJMDes ditetapkan", await kades.GetStringAsync("/Waspada/Findings", Ct), StringComparison.Ordinal);

        using var empty = await PostAsync(kades, $"{url}?handler=FollowUp", new() { ["text"] = " ", ["version"] = "1" });
        Assert.Contains("Uraian tindak lanjut wajib diisi.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var sent = await PostAsync(kades, $"{url}?handler=FollowUp", new() { ["text"] = "Perdes RPJMDes sudah ditetapkan", ["version"] = "1" }, ("perdes.png", Scenario.Png));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var f = await LoadAsync(id);
        Assert.Equal(TemuanStatus.Ditanggapi, f.Status);
        var step = f.Events.Single(e => e.Action == TemuanAction.Ditanggapi);
        Assert.Equal("perdes.png", await factory.WithDbAsync(db => db.Evidence.Where(e => e.TemuanEventId == step.Id).Select(e => e.FileName).SingleAsync(Ct)));
        Assert.Equal(1, await NotificationsAsync("camat.batujajar", id));

        var camat = await factory.LoginAsync("camat.batujajar");
        var newDue = Scenario.Today.AddDays(10);
        using var returned = await PostAsync(camat, $"{url}?handler=Return", new() { ["note"] = "Lampirkan nomor Lembaran Desa", ["newDue"] = newDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["version"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        f = await LoadAsync(id);
        Assert.Equal((TemuanStatus.Dikembalikan, newDue), (f.Status, f.DueOn));

        using var again = await PostAsync(kades, $"{url}?handler=FollowUp", new() { ["text"] = "Lembaran Desa Nomor 3 Tahun ini", ["version"] = f.Version.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        using var accepted = await PostAsync(camat, $"{url}?handler=Accept", new() { ["note"] = "Lengkap", ["version"] = (f.Version + 1).ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        f = await LoadAsync(id);
        Assert.Equal((TemuanStatus.Selesai, true), (f.Status, f.ClosedOnTime));
        Assert.Equal([TemuanAction.Dibuat, TemuanAction.Ditanggapi, TemuanAction.Dikembalikan, TemuanAction.TenggatDiubah, TemuanAction.Ditanggapi, TemuanAction.Diterima],
            f.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Action));
        var page = WebUtility.HtmlDecode(await kades.GetStringAsync(url, Ct));
        Assert.Contains("Kecamatan menerima tindak lanjut", page, StringComparison.Ordinal);
        Assert.Contains("perdes.png", page, StringComparison.Ordinal);
        Assert.True(await NotificationsAsync("kades.32.17.09.2002", id) >= 2);
    }

    [Fact]
    public async Task A_kepala_desa_sees_and_answers_only_his_own_desas_findings()
    {
        var id = await FindingAsync("32.17.09.2005", "D.2");
        var other = await factory.LoginAsync("kades.32.17.09.2004");
        Assert.Contains("AccessDenied", (await other.GetAsync($"/Waspada/Finding/{id}", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Contains("AccessDenied", (await other.GetAsync("/Waspada/Findings?unit=32.17.09.2005", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain($"/Waspada/Finding/{id}", await other.GetStringAsync("/Waspada/Findings?status=all", Ct), StringComparison.Ordinal);
        using var post = await PostAsync(other, $"/Waspada/Finding/{id}?handler=FollowUp", new() { ["text"] = "Bukan desa saya" });
        Assert.Contains("AccessDenied", post.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var token = await ApiTokenAsync(other);
        using var form = new MultipartFormDataContent { { new StringContent("Bukan desa saya"), "text" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/waspada/findings/{id}/follow-up") { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.SendAsync(request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/waspada/findings?unit={Batujajar}", Ct)).StatusCode);
        // A camat reviews but does not answer on the desa's behalf.
        var camat = await factory.LoginAsync("camat.batujajar");
        using var byCamat = await PostAsync(camat, $"/Waspada/Finding/{id}?handler=FollowUp", new() { ["text"] = "Atas nama desa" });
        Assert.Contains("AccessDenied", byCamat.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(TemuanStatus.Terbuka, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Overdue_findings_escalate_once_per_level_to_the_desa_the_camat_and_the_kabupaten()
    {
        var id = await FindingAsync("32.17.09.2008", "E.3", due: Scenario.Today);
        using (var scope = factory.Services.CreateScope())
        {
            var svc = scope.ServiceProvider.GetRequiredService<FindingService>();
            await svc.EscalateOverdueFindingsAsync(DateTimeOffset.Now, Ct);
            Assert.Equal(0, (await LoadAsync(id)).EscalationLevel); // due today: not overdue yet
            await svc.EscalateOverdueFindingsAsync(DateTimeOffset.Now.AddDays(1), Ct);
            await svc.EscalateOverdueFindingsAsync(DateTimeOffset.Now.AddDays(2), Ct);
        }
        Assert.Equal(1, (await LoadAsync(id)).EscalationLevel);
        Assert.Equal(1, await NotificationsAsync("kades.32.17.09.2008", id));
        Assert.Equal(1, await NotificationsAsync("camat.batujajar", id));
        Assert.Equal(0, await NotificationsAsync("admin.kbb", id));

        // Two instances running the daily job at the same moment tell everyone once.
        async Task RunAsync(DateTimeOffset now)
        {
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<FindingService>().EscalateOverdueFindingsAsync(now, Ct);
        }
        var later = DateTimeOffset.Now.AddDays(Temuan.KabupatenEscalationDays + 1);
        await Task.WhenAll(RunAsync(later), RunAsync(later));
        await RunAsync(later.AddDays(1));
        var f = await LoadAsync(id);
        Assert.Equal(2, f.EscalationLevel);
        Assert.Equal(2, f.Events.Count(e => e.Action == TemuanAction.Eskalasi));
        Assert.Equal(1, await NotificationsAsync("admin.kbb", id));
        Assert.Equal(2, await NotificationsAsync("camat.batujajar", id));
        Assert.Equal(1, await NotificationsAsync("kades.32.17.09.2008", id));
    }

    [Fact]
    public async Task Accepting_and_returning_at_once_gives_one_result_and_one_conflict_message()
    {
        var id = await FindingAsync("32.17.09.2010", "G.2");
        var kades = await factory.LoginAsync("kades.32.17.09.2010");
        using var sent = await PostAsync(kades, $"/Waspada/Finding/{id}?handler=FollowUp", new() { ["text"] = "Notulen dilengkapi", ["version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var camat = await factory.LoginAsync("camat.batujajar");
        var kasi = await factory.LoginAsync("kasi.pemerintahan.batujajar");
        var responses = await Task.WhenAll(
            PostAsync(camat, $"/Waspada/Finding/{id}?handler=Accept", new() { ["version"] = "2" }),
            PostAsync(kasi, $"/Waspada/Finding/{id}?handler=Return", new() { ["note"] = "Belum lengkap", ["version"] = "2" }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Contains("baru saja diubah oleh pengguna lain", WebUtility.HtmlDecode(await loser.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var f = await LoadAsync(id);
        Assert.Single(f.Events, e => e.Action is TemuanAction.Diterima or TemuanAction.Dikembalikan);
    }

    [Fact]
    public async Task A_follow_up_sent_after_the_due_date_is_closed_late_and_the_excel_export_has_real_date_cells()
    {
        var id = await FindingAsync("32.17.09.2001", "B.8", due: Scenario.Today);
        await factory.WithDbAsync(db =>
        {
            // The follow-up arrives a day after the due date.
            var f = db.Temuan.Single(x => x.Id == id);
            f.SetDueForDemo(Scenario.Today.AddDays(-1));
            return db.SaveChangesAsync(Ct);
        });
        var kades = await factory.LoginAsync("kades.32.17.09.2001");
        await PostAsync(kades, $"/Waspada/Finding/{id}?handler=FollowUp", new() { ["text"] = "Papan informasi dipasang" });
        var camat = await factory.LoginAsync("camat.batujajar");
        await PostAsync(camat, $"/Waspada/Finding/{id}?handler=Accept", []);
        Assert.Equal((TemuanStatus.Selesai, false), ((await LoadAsync(id)).Status, (await LoadAsync(id)).ClosedOnTime));

        var xlsx = await camat.GetByteArrayAsync($"/Waspada/Findings?handler=Excel&unit={Batujajar}&status=all", Ct);
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = rows.Single(r => (string?)r["Butir"] == "B.8 Papan informasi APBDes dipasang di tempat yang mudah dilihat warga" && (string?)r["Kode desa"] == "32.17.09.2001" && r["Tepat waktu"] is "tidak");
        Assert.IsType<DateTime>(row["Tenggat"]);
        Assert.Equal(Scenario.Today.AddDays(-1).ToDateTime(TimeOnly.MinValue), row["Tenggat"]);
        Assert.Equal("selesai", row["Status"]);
    }
}
