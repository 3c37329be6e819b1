using System.Net;
using Rapor.TestSupport;

namespace Rapor.Tests.Features.Users;

[Trait("Category", "Integration")]
public sealed class UsersTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient admin, string user, string role, string unit, string password = "sandi-kuat-2026")
    {
        var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/Users/Create");
        return await admin.PostAsync("/Users/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.DisplayName"] = "Pengguna Uji",
            ["Input.Role"] = role,
            ["Input.UnitCode"] = unit,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), Ct);
    }

    [Fact]
    public async Task A_created_lurah_can_sign_in_and_sees_only_her_kelurahan()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        using var created = await CreateAsync(admin, "lurah.pakemitan", "lurah", "32.73.29.1002");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var lurah = await factory.LoginAsync("lurah.pakemitan", "sandi-kuat-2026");
        Assert.Equal(HttpStatusCode.OK, (await lurah.GetAsync("/Regions/Unit/32.73.29.1002", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lurah.GetAsync("/Regions/Unit/32.73.29.1001", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("lurah.salah", "lurah", "32.73.29", "harus terikat pada unit tingkat kelurahan/desa")]
    [InlineData("camat.palembang", "camat", "16.71.01", "di luar wilayah kewenangan Anda")]
    [InlineData("x", "camat", "32.73.29", "Nama pengguna 3–64 karakter")]
    [InlineData("camat.lemah", "camat", "32.73.01", "paling sering dipakai atau bocor")]
    [InlineData("verif.tanpa.unit", "verifikator", "99.99", "tidak ditemukan")]
    public async Task Bad_input_is_refused_with_a_message(string user, string role, string unit, string message)
    {
        var admin = await factory.LoginAsync("admin.bandung");
        using var response = await CreateAsync(admin, user, role, unit, user == "camat.lemah" ? "password1234" : "sandi-kuat-2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var login = await RaporFactory.LoginResponseAsync(factory.Anonymous(), user, "sandi-kuat-2026");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // no account was created
    }
}
