using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Features.Account;

namespace Rapor.Tests.Security;

/// <summary>Issue 18 findings 4, 5 and 7: sign-in answers, throttling, revocation on sign-out, passwords, two-factor sign-in.</summary>
[Trait("Category", "Integration")]
public sealed class AccountSecurityTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> LoginPageAsync(HttpClient client, string user, string password)
    {
        using var r = await RaporFactory.LoginResponseAsync(client, user, password);
        return r.StatusCode == HttpStatusCode.Redirect ? "REDIRECT " + r.Headers.Location : WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
    }

    private static string ErrorOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"login-error\">([^<]*)<").Groups[1].Value;

    [Fact]
    public async Task An_unknown_account_and_an_existing_one_get_the_same_answers_after_many_failures()
    {
        var client = factory.Anonymous();
        var known = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(ErrorOf(await LoginPageAsync(client, "camat.32.73.01", "salah-sandi-12345")));
            unknown.Add(ErrorOf(await LoginPageAsync(client, "camat.99.99.99", "salah-sandi-12345")));
        }
        // The same messages (the wait in seconds, and whether a short wait has just run out, depend on timing).
        Assert.Equal(known.Select(Shape).Distinct().Order(StringComparer.Ordinal), unknown.Select(Shape).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(known, m => m.Contains("Coba lagi dalam", StringComparison.Ordinal));
        Assert.DoesNotContain(known, m => m.Contains("terkunci", StringComparison.Ordinal));

        static string Shape(string m) => System.Text.RegularExpressions.Regex.Replace(m, "[0-9]+", "N");
    }

    [Fact]
    public async Task Failures_from_one_client_slow_that_client_down_but_never_lock_the_real_user_out()
    {
        var attacker = factory.Anonymous();
        for (var i = 0; i < 4; i++)
            await LoginPageAsync(attacker, "lurah.sukamulya", "tebakan-sandi-" + i);
        // The guessing client now waits, even with the right password …
        Assert.Contains("Coba lagi dalam", await LoginPageAsync(attacker, "lurah.sukamulya", RaporFactory.DemoPassword), StringComparison.Ordinal);
        // … the account is not locked (Identity's lockout is untouched by password guessing) …
        Assert.Null(await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "lurah.sukamulya").Select(u => u.LockoutEnd).FirstAsync(Ct)));
        // … and the delays, counted in the database for every instance, grow per client but stay small per account.
        await factory.WithDbAsync(async db =>
        {
            var throttle = new LoginThrottle(db, TimeProvider.System);
            for (var i = 0; i < 9; i++)
                await throttle.FailedAsync("camat.32.73.05", "10.1.1.1", Ct);
            Assert.True(await throttle.WaitAsync("camat.32.73.05", "10.1.1.1", Ct) > TimeSpan.FromSeconds(30)); // 2^6 s for the guesser
            Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync("camat.32.73.05", "10.2.2.2", Ct)); // the real user elsewhere: none
            for (var i = 0; i < 40; i++)
                await throttle.FailedAsync("camat.32.73.05", "10.3.3." + i, Ct);
            Assert.InRange(await throttle.WaitAsync("camat.32.73.05", "10.2.2.2", Ct), TimeSpan.FromSeconds(1), LoginThrottle.AccountMaxDelay); // a botnet: at most 30 s
            await throttle.SucceededAsync("camat.32.73.05", "10.2.2.2", Ct);
            return 0;
        });
        Assert.Equal(LoginThrottle.ClientMaxDelay, LoginThrottle.Delay(60, LoginThrottle.ClientFreeFailures, LoginThrottle.ClientMaxDelay));
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_after_sign_out_on_every_instance()
    {
        var jar = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler();
        var client = factory.CreateDefaultClient(new Uri("https://localhost"), jar);
        using (var login = await RaporFactory.LoginResponseAsync(client, "pimpinan", RaporFactory.DemoPassword))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using (var before = await client.GetAsync("/Dashboard", Ct))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        // The copy: the same cookies, replayed by another client against a second instance.
        await using var second = factory.SecondInstance();
        var thief = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        thief.DefaultRequestHeaders.Add("Cookie", jar.Container.GetCookieHeader(new Uri("https://localhost/")));
        using (var copied = await thief.GetAsync("/Dashboard", Ct))
            Assert.Equal(HttpStatusCode.OK, copied.StatusCode);

        using (var logout = await RaporFactory.PostFormAsync(client, "/Account/Logout"))
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await thief.GetAsync("/Dashboard", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var api = await thief.GetAsync($"/api/reports/{Scenario.CisarantenWetan}/2025-01", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Theory]
    [InlineData("pendek-11ch", "minimal 12 karakter")]
    [InlineData("password1234", "paling sering dipakai")]
    [InlineData("qwertyuiop2026!", "paling sering dipakai")]
    [InlineData("lurah.baru.2026-sandi", "tidak boleh memuat nama pengguna")]
    public async Task Short_common_and_user_name_passwords_are_refused(string password, string message)
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/Users/Create");
        using var r = await admin.PostAsync("/Users/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "lurah.baru", ["Input.DisplayName"] = "Lurah Baru", ["Input.Role"] = "lurah",
            ["Input.UnitCode"] = Scenario.Sukamulya, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.True(CommonPasswordValidator.ListSize >= 10_000);
    }

    [Fact]
    public async Task An_admin_must_enrol_an_authenticator_and_then_signs_in_with_its_code()
    {
        var client = factory.Anonymous();
        Assert.StartsWith("REDIRECT", await LoginPageAsync(client, "verifikator.kbb", RaporFactory.DemoPassword), StringComparison.Ordinal);
        // Enrolment is forced: every page leads to the account page, every API call is refused.
        using (var home = await client.GetAsync("/Verification", Ct))
            Assert.Equal("/Account/Security?enrol=1", home.Headers.Location?.OriginalString);
        using (var api = await client.GetAsync("/api/reports/32.17.09/2025-01", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var page = await client.GetStringAsync("/Account/Security", Ct);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal); // the QR code
        await factory.EnrolTwoFactorAsync(client, "verifikator.kbb");
        using (var after = await client.GetAsync("/Verification", Ct))
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        // Next time: password, then the code; a wrong code is refused.
        var again = factory.Anonymous();
        var step = await LoginPageAsync(again, "verifikator.kbb", RaporFactory.DemoPassword);
        Assert.Contains("/Account/LoginWith2fa", step, StringComparison.Ordinal);
        var token = await RaporFactory.AntiforgeryTokenAsync(again, "/Account/LoginWith2fa");
        using (var wrong = await again.PostAsync("/Account/LoginWith2fa", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "000000", ["__RequestVerificationToken"] = token }), Ct))
            Assert.Contains("Kode verifikasi salah", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var key = await factory.AuthenticatorKeyAsync("verifikator.kbb");
        using var right = await again.PostAsync("/Account/LoginWith2fa", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = Totp.Code(key!), ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        using var signedIn = await again.GetAsync("/Verification", Ct);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task Two_factor_sign_in_is_offered_to_everyone_and_optional_for_a_lurah()
    {
        var lurah = await factory.LoginAsync("staf.cisarantenwetan");
        using (var home = await lurah.GetAsync("/", Ct))
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var page = await lurah.GetStringAsync("/Account/Security", Ct);
        Assert.Contains("data-testid=\"qr\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("enrol-required", page, StringComparison.Ordinal);
    }
}

/// <summary>The per-client rate limit on sign-in posts (ASP.NET Core rate limiting), with a low limit.</summary>
[Trait("Category", "Integration")]
public sealed class LoginRateLimitTests(LoginRateLimitTests.Factory factory) : IClassFixture<LoginRateLimitTests.Factory>
{
    public sealed class Factory : RaporFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:LoginPostsPerMinute", "5");
        }
    }

    [Fact]
    public async Task A_client_posting_the_login_form_too_often_gets_429()
    {
        var client = factory.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var r = await RaporFactory.LoginResponseAsync(client, "tidak.ada." + i, "apa-saja-123456");
            statuses.Add(r.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
