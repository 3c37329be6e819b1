using System.Net;
using Rapor.TestSupport;

namespace Rapor.Tests.Features.Account;

[Trait("Category", "Integration")]
public sealed class LoginTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_that_failed_five_times_waits_even_with_the_right_password()
    {
        var client = factory.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await RaporFactory.LoginResponseAsync(client, "pimpinan", "salah-sandi-123");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await RaporFactory.LoginResponseAsync(client, "pimpinan", RaporFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Coba lagi dalam", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_a_message_in_Bahasa_Indonesia()
    {
        using var response = await RaporFactory.LoginResponseAsync(factory.Anonymous(), "verifikator", "bukan-sandinya1");
        Assert.Contains("Nama pengguna atau kata sandi salah.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_refused()
    {
        var client = factory.Anonymous();
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "verifikator",
            ["Input.Password"] = RaporFactory.DemoPassword,
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Pages_are_in_Bahasa_Indonesia_by_default_and_in_English_on_request()
    {
        var client = factory.Anonymous();
        var id = await client.GetStringAsync("/Account/Login", Ct);
        Assert.Contains("Kata sandi", id, StringComparison.Ordinal);
        var en = await client.GetStringAsync("/Account/Login?culture=en-US&ui-culture=en-US", Ct);
        Assert.Contains("Password", en, StringComparison.Ordinal);
        Assert.Contains("Sign in", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_page_gets_a_404_page_not_a_500()
    {
        var admin = await factory.LoginAsync("admin");
        using var response = await admin.GetAsync("/Regions/Unit/32.73.99", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
