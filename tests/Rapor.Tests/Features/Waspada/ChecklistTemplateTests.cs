using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using static Rapor.TestSupport.WaspadaScenario;

namespace Rapor.Tests.Features.Waspada;

/// <summary>The tenant's supervision checklist: versioned, frozen once a visit uses it (its own database: it creates a new version).</summary>
[Trait("Category", "Integration")]
public sealed class ChecklistTemplateTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> KasiAsync() => factory.WithDbAsync(db => db.Officials.Where(o => o.UnitCode == Batujajar && o.Position == "kasi_pemerintahan").Select(o => o.Id).FirstAsync(Ct));

    [Fact]
    public async Task The_checklist_freezes_once_used_and_changes_go_into_a_new_version_new_visits_use()
    {
        var admin = await factory.LoginAsync("admin.kbb");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/Waspada/Templates", Ct));
        Assert.Contains("sudah dipakai kunjungan sehingga dibekukan", html, StringComparison.Ordinal);
        var v1 = await factory.WithDbAsync(db => db.ChecklistTemplates.Include(t => t.Items).Where(t => t.TenantCode == Kbb).OrderByDescending(t => t.Number).FirstAsync(Ct));
        async Task<HttpResponseMessage> Post(string handler, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = await RaporFactory.AntiforgeryTokenAsync(admin, "/Waspada/Templates");
            return await admin.PostAsync($"/Waspada/Templates?handler={handler}", new FormUrlEncodedContent(fields), Ct);
        }
        Dictionary<string, string> Form(ChecklistTemplate t, int revision)
        {
            var f = new Dictionary<string, string> { ["name"] = "Daftar periksa 2", ["revision"] = revision.ToString(CultureInfo.InvariantCulture) };
            foreach (var (i, n) in t.Items.OrderBy(i => i.SectionOrder).ThenBy(i => i.Order).Select((i, n) => (i, n)))
            {
                f[$"items[{n}].Section"] = i.Section;
                f[$"items[{n}].Code"] = i.Code;
                f[$"items[{n}].Text"] = i.Text;
            }
            return f;
        }
        using var frozen = await Post("Save", Form(v1, v1.Revision));
        Assert.Contains("sudah dipakai kunjungan dan dibekukan", WebUtility.HtmlDecode(await frozen.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        using var created = await Post("NewVersion", []);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var v2 = await factory.WithDbAsync(db => db.ChecklistTemplates.Include(t => t.Items).SingleAsync(t => t.TenantCode == Kbb && t.Number == v1.Number + 1, Ct));
        Assert.Equal(40, v2.Items.Count);
        var form = Form(v2, v2.Revision);
        form["items[0].Remove"] = "true";
        form["items[40].Section"] = "Keamanan dan ketertiban";
        form["items[40].Code"] = "H.1";
        form["items[40].Text"] = "Pos kamling aktif";
        form["items[41].Code"] = "H.1";
        form["items[41].Text"] = "Kode ganda";
        form["items[41].Section"] = "Keamanan dan ketertiban";
        using var duplicate = await Post("Save", form);
        Assert.Contains("Kode H.1 dipakai lebih dari sekali.", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        form.Remove("items[41].Code");
        form.Remove("items[41].Text");
        form.Remove("items[41].Section");
        using var saved = await Post("Save", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var items = await factory.WithDbAsync(db => db.ChecklistItems.Where(i => i.TemplateId == v2.Id).ToListAsync(Ct));
        Assert.Equal(40, items.Count);
        Assert.DoesNotContain(items, i => i.Code == "A.1");
        Assert.Contains(items, i => i.Code == "H.1" && i.SectionOrder == 8);
        Assert.Equal(40, await factory.WithDbAsync(db => db.ChecklistItems.CountAsync(i => i.TemplateId == v1.Id, Ct)));

        var camat = await factory.LoginAsync("camat.batujajar");
        var token = await RaporFactory.AntiforgeryTokenAsync(camat, "/Waspada");
        var day = Scenario.Today.AddDays(90);
        using var planned = await camat.PostAsync($"/Waspada?handler=Add&unit={Batujajar}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["desa"] = "32.17.09.2010", ["date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["team"] = (await KasiAsync()).ToString(), ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(v2.Id, await factory.WithDbAsync(db => db.SupervisionVisits.Where(v => v.DesaCode == "32.17.09.2010" && v.ScheduledOn == day).Select(v => v.TemplateId).SingleAsync(Ct)));
        Assert.NotNull(await factory.WithDbAsync(db => db.ChecklistTemplates.Where(t => t.Id == v2.Id).Select(t => t.FrozenAt).SingleAsync(Ct)));
    }
}
