using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;

namespace Rapor.Tests.Features.Activities;

[Trait("Category", "Integration")]
public sealed class ActivitiesTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string kind, string date, string place, byte[]? photo = null, string lat = "-6.912345", string lng = "107.654321")
    {
        var token = await RaporFactory.AntiforgeryTokenAsync(client, "/Activities/Create");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "Input.Kind" }, { new StringContent(date), "Input.Date" }, { new StringContent(place), "Input.Place" },
            { new StringContent(lat), "Input.Latitude" }, { new StringContent(lng), "Input.Longitude" }, { new StringContent("25"), "Input.Participants" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (photo is not null)
            form.Add(new ByteArrayContent(photo), "Input.Photos", "foto.jpg");
        return await client.PostAsync("/Activities/Create", form, Ct);
    }

    [Fact]
    public async Task A_lurah_records_an_activity_with_GPS_and_a_photo()
    {
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        using var response = await CreateAsync(lurah, "jumat_keliling", Scenario.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Masjid Jami RW 03", Scenario.Png);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var a = await factory.WithDbAsync(db => db.FieldActivities.SingleAsync(x => x.Place == "Masjid Jami RW 03", Ct));
        Assert.Equal(Scenario.CisarantenWetan, a.UnitCode);
        Assert.Equal(-6.912345, a.Latitude); // a dot-decimal GPS value is read right under the id-ID culture
        Assert.Equal(107.654321, a.Longitude);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Evidence.CountAsync(e => e.FieldActivityId == a.Id, Ct)));
        Assert.Contains("Masjid Jami RW 03", await lurah.GetStringAsync("/Activities", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_saved()
    {
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        using var future = await CreateAsync(lurah, "subuh_keliling", Scenario.Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Masa depan");
        Assert.Contains("tidak boleh di masa depan", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var notPhoto = await CreateAsync(lurah, "subuh_keliling", Scenario.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Foto palsu", "MZ-not-a-photo"u8.ToArray());
        Assert.Contains("Jenis berkas tidak diizinkan", WebUtility.HtmlDecode(await notPhoto.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var unknownKind = await CreateAsync(lurah, "pesta", Scenario.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Jenis asing");
        Assert.Contains("Jenis kegiatan tidak dikenal.", WebUtility.HtmlDecode(await unknownKind.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var badGps = await CreateAsync(lurah, "subuh_keliling", Scenario.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "GPS rusak", lat: "utara");
        Assert.Contains("bukan angka", WebUtility.HtmlDecode(await badGps.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.FieldActivities.AnyAsync(a => a.Place == "Masa depan" || a.Place == "Foto palsu" || a.Place == "Jenis asing" || a.Place == "GPS rusak", Ct)));
    }

    [Fact]
    public async Task An_admin_adds_a_tenant_kind_that_only_his_tenant_sees()
    {
        var admin = await factory.LoginAsync("admin.bandung");
        var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/Activities/Kinds");
        using var r = await admin.PostAsync("/Activities/Kinds", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Ronda malam bersama warga", ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var kind = await factory.WithDbAsync(db => db.ActivityKinds.SingleAsync(k => k.Name == "Ronda malam bersama warga", Ct));
        Assert.Equal("32.73", kind.TenantCode);
        var lurah = await factory.LoginAsync("lurah.cisarantenwetan");
        Assert.Contains("Ronda malam bersama warga", await lurah.GetStringAsync("/Activities/Create", Ct), StringComparison.Ordinal);
        var camat = await factory.LoginAsync("camat.cinambo");
        Assert.Contains("AccessDenied", (await camat.GetAsync("/Activities/Kinds", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
