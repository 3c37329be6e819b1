using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Data;

namespace Rapor.Tests.Features.People;

[Trait("Category", "Integration")]
public sealed class PeopleTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await RaporFactory.AntiforgeryTokenAsync(client, "/People/Edit?unit=" + fields["Input.UnitCode"]);
        return await client.PostAsync("/People/Edit", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task Who_was_camat_of_Cinambo_in_March_has_an_answer()
    {
        var client = await factory.LoginAsync("pimpinan");
        var feb = await client.GetStringAsync($"/People?unit={DemoData.Cinambo}&on=2026-02-15", Ct);
        var mar = await client.GetStringAsync($"/People?unit={DemoData.Cinambo}&on=2026-03-15", Ct);
        static string OnDay(string html) => html[html.IndexOf("data-testid=\"on-day\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"history\"", StringComparison.Ordinal)];
        Assert.Contains("Dedi Kurniawan (demo)", OnDay(feb), StringComparison.Ordinal);
        Assert.DoesNotContain("Asep Saepudin (demo)", OnDay(feb), StringComparison.Ordinal);
        Assert.Contains("Asep Saepudin (demo)", OnDay(mar), StringComparison.Ordinal);
        Assert.DoesNotContain("Dedi Kurniawan (demo)", OnDay(mar), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_nip_is_refused_with_a_message_and_nothing_is_saved()
    {
        var camat = await factory.LoginAsync("camat.cinambo");
        using var response = await PostAsync(camat, new()
        {
            ["Input.UnitCode"] = DemoData.Cinambo,
            ["Input.Name"] = "Budi NIP Salah",
            ["Input.Position"] = "kasi_trantib",
            ["Input.Nip"] = "19851399",
            ["Input.StartDate"] = "2026-01-05",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("NIP harus terdiri dari 18 angka.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Officials.AnyAsync(o => o.Name == "Budi NIP Salah", Ct)));
    }

    [Fact]
    public async Task Overlapping_tenures_of_one_head_position_are_refused()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        using var response = await PostAsync(admin, new()
        {
            ["Input.UnitCode"] = DemoData.Cinambo,
            ["Input.Name"] = "Camat Kedua",
            ["Input.Position"] = "camat",
            ["Input.Nip"] = "198001012005011003",
            ["Input.StartDate"] = "2026-06-01",
        });
        Assert.Contains("bertumpang tindih dengan Asep Saepudin (demo)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Officials.AnyAsync(o => o.Name == "Camat Kedua", Ct)));
    }

    [Fact]
    public async Task A_kelurahan_position_cannot_be_given_in_a_kecamatan()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        using var response = await PostAsync(admin, new()
        {
            ["Input.UnitCode"] = DemoData.Cinambo,
            ["Input.Name"] = "Lurah Salah Tempat",
            ["Input.Position"] = "lurah",
            ["Input.Nip"] = "198001012005011003",
            ["Input.StartDate"] = "2026-06-01",
        });
        Assert.Contains("Jabatan tidak sesuai untuk unit ini.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_and_editing_an_official_is_audited_with_old_and_new_values()
    {
        var camat = await factory.LoginAsync("camat.cinambo");
        using var added = await PostAsync(camat, new()
        {
            ["Input.UnitCode"] = DemoData.Cinambo,
            ["Input.Name"] = "Wawan Setiawan",
            ["Input.Position"] = "kasi_pelayanan",
            ["Input.Nip"] = "198904172014031002",
            ["Input.StartDate"] = "2025-01-02",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var official = await factory.WithDbAsync(db => db.Officials.SingleAsync(o => o.Name == "Wawan Setiawan", Ct));

        var token = await RaporFactory.AntiforgeryTokenAsync(camat, "/People/Edit?id=" + official.Id);
        using var edited = await camat.PostAsync("/People/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Id"] = official.Id.ToString(),
            ["Input.UnitCode"] = "32.73.01", // ignored: a tenure never moves units
            ["Input.Name"] = "Wawan Setiawan",
            ["Input.Position"] = "kasi_pelayanan",
            ["Input.Nip"] = "198904172014031002",
            ["Input.StartDate"] = "2025-01-02",
            ["Input.EndDate"] = "2026-06-30",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityKey == official.Id.ToString()).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal(["Insert", "Update"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("camat.cinambo", a.UserName));
        Assert.Equal(DemoData.Cinambo, audit[1].Scope);
        using var changes = JsonDocument.Parse(audit[1].Changes);
        var end = changes.RootElement.GetProperty("EndDate");
        Assert.Equal(JsonValueKind.Null, end.GetProperty("old").ValueKind);
        Assert.Equal("2026-06-30", end.GetProperty("new").GetString());
        Assert.False(changes.RootElement.TryGetProperty("Name", out _)); // unchanged values are not listed
    }
}
