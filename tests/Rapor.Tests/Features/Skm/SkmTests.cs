using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.Skm;

[Trait("Category", "Integration")]
public sealed class SkmTests(SkmTests.Fixture factory) : IClassFixture<SkmTests.Fixture>
{
    /// <summary>A small public-link limit, so throttling is reached in a test.</summary>
    public sealed class Fixture : RaporFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Skm:PublicLimitPerHour", "3");
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly int[] Eight = [4, 4, 4, 4, 4, 4, 4, 4];
    private static readonly int[] WithFive = [4, 4, 4, 5, 4, 4, 4, 4, 4];
    private static readonly string[] Worked = ["443343432", "333433423", "432434433", "343443332"];

    private async Task<int> CountAsync(string unit) => await factory.WithDbAsync(db => db.SkmResponses.CountAsync(r => r.UnitCode == unit, Ct));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        Assert.Equal(status, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        return await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Bad_responses_get_a_clear_400_and_nothing_is_stored()
    {
        const string unit = "32.73.10";
        await factory.DeskAsync(unit, 1);
        var anon = factory.Anonymous();
        var eight = await ProblemAsync(await anon.PostAsJsonAsync($"/api/public/skm/{unit}/responses", new { answers = Eight }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("tepat 9", eight.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var five = await ProblemAsync(await anon.PostAsJsonAsync($"/api/public/skm/{unit}/responses", new { answers = WithFive }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("unsur 4", five.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var unknown = await ProblemAsync(await anon.PostAsJsonAsync("/api/public/skm/99.99.99/responses", new { answers = Enumerable.Repeat(3, 9) }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("tidak dikenal", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var ticket = await ProblemAsync(await anon.PostAsJsonAsync($"/api/public/skm/{unit}/responses", new { answers = Enumerable.Repeat(3, 9), ticket = Guid.NewGuid() }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("Tiket", ticket.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(unit));
    }

    [Fact]
    public async Task A_ticket_rates_once_and_only_after_it_was_served()
    {
        const string unit = "32.73.11";
        await factory.DeskAsync(unit, 1);
        await factory.UserAsync("loket.skm", unit, Roles.Loket);
        var kiosk = factory.WithToken(await factory.TokenAsync(unit, ApiTokenPurpose.Kiosk, ApiTokenAccess.Write));
        var officer = factory.WithToken(await factory.TokenAsync(unit, ApiTokenPurpose.Api, ApiTokenAccess.Write, "loket.skm"));
        var issued = await (await kiosk.PostAsJsonAsync($"/api/queue/{unit}/tickets", new { service = "SKTM" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = issued.GetProperty("ticket").GetProperty("id").GetGuid();
        var anon = factory.Anonymous();
        var early = await ProblemAsync(await anon.PostAsJsonAsync($"/api/public/skm/{unit}/responses", new { answers = Enumerable.Repeat(4, 9), ticket = id }, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("belum selesai", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await officer.PostAsync($"/api/queue/{unit}/counters/1/call-next", null, Ct);
        (await officer.PostAsJsonAsync($"/api/queue/tickets/{id}/finish", new { outcome = "Selesai" }, Ct)).EnsureSuccessStatusCode();
        // The same ticket rated twice at the same moment: one stored, one refused.
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => anon.PostAsJsonAsync($"/api/public/skm/{unit}/responses", new { answers = Enumerable.Repeat(4, 9), ticket = id }, Ct)));
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Created);
        var again = await ProblemAsync(both.Single(r => r.StatusCode != HttpStatusCode.Created), HttpStatusCode.BadRequest);
        Assert.Contains("sudah dipakai", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var row = await factory.WithDbAsync(db => db.SkmResponses.SingleAsync(r => r.TicketId == id, Ct));
        Assert.Equal((SkmChannel.Tiket, "SKTM"), (row.Channel, row.ServiceCode));
    }

    [Fact]
    public async Task The_public_link_is_throttled_per_client_by_the_setting()
    {
        const string unit = "32.73.12";
        await factory.DeskAsync(unit, 1);
        var anon = factory.Anonymous();
        for (var n = 0; n < 3; n++)
            Assert.Equal(HttpStatusCode.Created, (await anon.PostAsJsonAsync($"/api/public/skm/{unit}/responses", new { answers = Enumerable.Repeat(3, 9) }, Ct)).StatusCode);
        await ProblemAsync(await anon.PostAsJsonAsync($"/api/public/skm/{unit}/responses", new { answers = Enumerable.Repeat(3, 9) }, Ct), HttpStatusCode.TooManyRequests);
        Assert.Equal(3, await CountAsync(unit));
    }

    [Fact]
    public async Task Excel_import_saves_all_rows_or_none_and_names_each_bad_row()
    {
        const string unit = "32.73.13";
        await factory.DeskAsync(unit, 1);
        await factory.UserAsync("loket.impor", unit, Roles.Loket);
        var officer = await factory.LoginAsync("loket.impor");
        Dictionary<string, object?> Row(params int[] a)
        {
            var row = new Dictionary<string, object?> { ["Tanggal"] = new DateTime(2025, 2, 3) };
            for (var i = 0; i < 9; i++)
                row[$"U{i + 1}"] = a[i];
            row["Layanan"] = "SKTM";
            return row;
        }
        async Task<string> UploadAsync(List<Dictionary<string, object?>> rows)
        {
            using var ms = new MemoryStream();
            ms.SaveAs(rows);
            var url = $"/Skm/Import?unit={unit}";
            var token = await RaporFactory.AntiforgeryTokenAsync(officer, url);
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(ms.ToArray()), "file", "skm.xlsx" } };
            using var r = await officer.PostAsync(url, form, Ct);
            return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
        }
        var bad = await UploadAsync([Row(4, 4, 4, 4, 4, 4, 4, 4, 4), Row(3, 3, 3, 3, 5, 3, 3, 3, 3), Row(2, 3, 3, 3, 3, 3, 3, 3, 3)]);
        Assert.Contains("Baris 3: Jawaban unsur 5", bad, StringComparison.Ordinal);
        Assert.Contains("Tidak ada yang disimpan", bad, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(unit));
        var good = await UploadAsync([Row(4, 4, 4, 4, 4, 4, 4, 4, 4), Row(3, 3, 3, 3, 4, 3, 3, 3, 3), Row(2, 3, 3, 3, 3, 3, 3, 3, 3)]);
        Assert.Contains("3 kuesioner diimpor", good, StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(unit));
    }

    [Fact]
    public async Task The_public_ikm_answers_only_after_publication_with_the_hand_computed_figures()
    {
        const string unit = "32.73.14";
        await factory.DeskAsync(unit, 1);
        // The four respondents of SkmMathTests: IKM 3,25 → 81,25, mutu B, weakest U9.
        await factory.WithDbAsync(db =>
        {
            foreach (var a in Worked.Select(s => s.Select(c => (byte)(c - '0')).ToArray()))
                db.SkmResponses.Add(new SkmResponse { UnitCode = unit, TenantCode = "32.73", Channel = SkmChannel.Kertas, Date = new DateOnly(2025, 2, 10), SubmittedAt = DateTime.UtcNow,
                    U1 = a[0], U2 = a[1], U3 = a[2], U4 = a[3], U5 = a[4], U6 = a[5], U7 = a[6], U8 = a[7], U9 = a[8] });
            return db.SaveChangesAsync(Ct);
        });
        var anon = factory.Anonymous();
        await ProblemAsync(await anon.GetAsync($"/api/public/32.73/ikm/{unit}/2025-T1", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await anon.GetAsync($"/api/public/32.73/ikm/{unit}/2025-T9", Ct), HttpStatusCode.BadRequest);

        var camat = await factory.UserAsync("camat.ikm", unit, Roles.Camat);
        _ = camat;
        var client = await factory.LoginAsync("camat.ikm");
        var page = $"/Skm?unit={unit}&period=2025-T1";
        var html = await client.GetStringAsync(page, Ct);
        Assert.Contains("81,25", html, StringComparison.Ordinal);
        Assert.Contains("bobot 1/9 per unsur", html, StringComparison.Ordinal);
        // Publishing needs a follow-up plan first.
        using (var r = await RaporFactory.PostFormAsync(client, $"/Skm?unit={unit}&period=2025-T1&handler=Publish"))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("rencana tindak lanjut", WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct)), StringComparison.OrdinalIgnoreCase);
        await ProblemAsync(await anon.GetAsync($"/api/public/32.73/ikm/{unit}/2025-T1", Ct), HttpStatusCode.NotFound);
        using (var r = await RaporFactory.PostFormAsync(client, $"/Skm?unit={unit}&period=2025-T1&handler=FollowUp",
                   new() { ["unsur"] = "9", ["action"] = "Kotak saran dan kanal WhatsApp pengaduan", ["pic"] = "Kasi Pelayanan", ["deadline"] = "2025-06-30" }))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using (var r = await RaporFactory.PostFormAsync(client, $"/Skm?unit={unit}&period=2025-T1&handler=Publish"))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var ikm = await (await anon.GetAsync($"/api/public/32.73/ikm/{unit}/2025-T1", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(4, ikm.GetProperty("respondents").GetInt32());
        Assert.Equal([3.5, 3.5, 2.75, 3.75, 3.5, 3.25, 3.75, 2.75, 2.5], ikm.GetProperty("nrr").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal(3.25, ikm.GetProperty("ikm").GetDouble());
        Assert.Equal(81.25, ikm.GetProperty("ikmConverted").GetDouble());
        Assert.Equal("B", ikm.GetProperty("mutu").GetString());
        Assert.Equal("1/9", ikm.GetProperty("weighting").GetString());
        Assert.Equal(0, ikm.GetProperty("population").GetInt32());
        Assert.Equal(0, ikm.GetProperty("minimumRespondents").GetInt32());

        // A later paper entry for the period does not change what was published.
        await factory.WithDbAsync(db =>
        {
            db.SkmResponses.Add(new SkmResponse { UnitCode = unit, TenantCode = "32.73", Channel = SkmChannel.Kertas, Date = new DateOnly(2025, 3, 1), SubmittedAt = DateTime.UtcNow,
                U1 = 1, U2 = 1, U3 = 1, U4 = 1, U5 = 1, U6 = 1, U7 = 1, U8 = 1, U9 = 1 });
            return db.SaveChangesAsync(Ct);
        });
        var after = await (await anon.GetAsync($"/api/public/32.73/ikm/{unit}/2025-T1", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(81.25, after.GetProperty("ikmConverted").GetDouble());
        var pdf = await anon.GetByteArrayAsync($"/Skm/Laporan/{unit}/2025-T1?handler=Pdf", Ct);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Contains("2025-T1", await anon.GetStringAsync($"/Layanan/{unit}", Ct), StringComparison.Ordinal);
    }
}
