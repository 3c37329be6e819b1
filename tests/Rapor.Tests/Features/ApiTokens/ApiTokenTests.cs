using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;

namespace Rapor.Tests.Features.ApiTokens;

[Trait("Category", "Integration")]
public sealed partial class ApiTokenTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("data-testid=\"secret\">(rpr_[0-9A-Za-z]+)<")]
    private static partial Regex SecretPattern();

    [Fact]
    public async Task A_camat_pairs_a_kiosk_the_secret_is_shown_once_stored_hashed_and_revocable()
    {
        var camat = await factory.LoginAsync("camat.cinambo");
        using var created = await RaporFactory.PostFormAsync(camat, "/ApiTokens?handler=Create",
            new() { ["Input.Name"] = "Kios pintu masuk", ["Input.Purpose"] = "Kiosk", ["Input.UnitCode"] = Scenario.Cinambo, ["Input.Access"] = "Read", ["Input.ExpiresInDays"] = "30" });
        var html = await created.Content.ReadAsStringAsync(Ct);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var secret = SecretPattern().Match(html).Groups[1].Value;
        Assert.StartsWith("rpr_", secret, StringComparison.Ordinal);
        Assert.Contains("/Perangkat/Pasang#" + secret, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // Only the hash is kept: not in the token row, not in the audit trail, not on the list page.
        var row = await factory.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "Kios pintu masuk", Ct));
        Assert.Equal((ApiTokenKind.Device, ApiTokenAccess.Write), (row.Kind, row.Access)); // a kiosk writes whatever was chosen
        Assert.Equal(ApiToken.HashOf(secret), row.Hash);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains(secret), Ct)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(ApiToken) && a.EntityKey == row.Id.ToString(), Ct)));
        Assert.DoesNotContain(secret, await camat.GetStringAsync("/ApiTokens", Ct), StringComparison.Ordinal);

        var kiosk = factory.WithToken(secret);
        var me = await kiosk.GetFromJsonAsync<JsonElement>("/api/tokens/me", Ct);
        Assert.Equal(("Kiosk", Scenario.Cinambo), (me.GetProperty("device").GetString(), me.GetProperty("unit").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync($"/api/queue/{Scenario.Cinambo}/services", Ct)).StatusCode);
        // Scoped to its unit.
        Assert.Equal(HttpStatusCode.Forbidden, (await kiosk.GetAsync("/api/queue/32.17.09/board", Ct)).StatusCode);

        using (var revoke = await RaporFactory.PostFormAsync(camat, $"/ApiTokens?handler=Revoke&id={row.Id}"))
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        using var after = await kiosk.GetAsync("/api/tokens/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_read_token_cannot_write_and_a_display_cannot_take_tickets()
    {
        var display = factory.WithToken(await factory.TokenAsync(Scenario.Cinambo, ApiTokenPurpose.Display, ApiTokenAccess.Read));
        Assert.Equal(HttpStatusCode.OK, (await display.GetAsync($"/api/queue/{Scenario.Cinambo}/board", Ct)).StatusCode);
        using (var r = await display.PostAsJsonAsync($"/api/queue/{Scenario.Cinambo}/tickets", new { service = "SKTM" }, Ct))
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var reader = factory.WithToken(await factory.TokenAsync(Scenario.Cinambo, ApiTokenPurpose.Api, ApiTokenAccess.Read, "camat.cinambo"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/queue/{Scenario.Cinambo}/board", Ct)).StatusCode);
        using (var r = await reader.PostAsync($"/api/queue/{Scenario.Cinambo}/counters/1/call-next", null, Ct))
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var unknown = factory.Anonymous();
        unknown.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "rpr_notatoken");
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync($"/api/queue/{Scenario.Cinambo}/board", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_lurah_cannot_make_a_device_token_for_the_kecamatan_and_the_openapi_document_declares_the_scheme()
    {
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        using var r = await RaporFactory.PostFormAsync(lurah, "/ApiTokens?handler=Create",
            new() { ["Input.Name"] = "Layar curian", ["Input.Purpose"] = "Display", ["Input.UnitCode"] = Scenario.Cinambo, ["Input.Access"] = "Read", ["Input.ExpiresInDays"] = "30" });
        Assert.Contains("Token perangkat hanya dapat dibuat", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Name == "Layar curian", Ct)));
        var doc = await factory.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiToken");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/queue/{unit}/counters/{counter}/call-next", out _));
    }
}
