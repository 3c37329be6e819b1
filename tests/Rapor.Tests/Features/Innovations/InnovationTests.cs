using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Rapor.TestSupport;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Innovations;
using Rapor.Web.Features.Reports;

namespace Rapor.Tests.Features.Innovations;

[Trait("Category", "Integration")]
public sealed class InnovationTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Batujajar = DemoInnovations.Batujajar;

    private Task<Innovation> ByNameAsync(string name) => factory.WithDbAsync(db =>
        db.Innovations.Include(i => i.Steps).Include(i => i.Owners).FirstAsync(i => i.Name == name && i.UnitCode == Batujajar, Ct));

    private Task<Guid> OfficialAsync(string position) => factory.WithDbAsync(db => db.Officials.Where(o => o.UnitCode == Batujajar && o.Position == position).Select(o => o.Id).FirstAsync(Ct));

    private static async Task<HttpResponseMessage> SubmitStageAsync(HttpClient client, Guid id, InnovationStage stage, byte[]? file, string fileName = "bukti.png")
    {
        var token = await RaporFactory.AntiforgeryTokenAsync(client, "/");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(stage.ToString()), "stage" }, { new StringContent(Scenario.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "date" },
            { new StringContent("uraian tahap"), "description" }, { new StringContent(token), "__RequestVerificationToken" },
        };
        if (file is not null)
            form.Add(new ByteArrayContent(file), "file", fileName);
        return await client.PostAsync($"/Innovations/Detail?id={id}&handler=SubmitStage", form, Ct);
    }

    private static Task<HttpResponseMessage> VerifyAsync(HttpClient client, Guid id, InnovationStage stage, bool approve, string? note = null) =>
        RaporFactory.PostFormAsync(client, $"/Innovations/Detail?id={id}&handler=Verify", new() { ["stage"] = stage.ToString(), ["approve"] = approve ? "true" : "false", ["note"] = note ?? "" });

    private async Task<Guid> RegisterAsync(HttpClient kasi, string name)
    {
        using var created = await RaporFactory.PostFormAsync(kasi, "/Innovations/Edit", new()
        {
            ["Input.UnitCode"] = Batujajar, ["Input.Name"] = name, ["Input.Bentuk"] = "PelayananPublik", ["Input.Jenis"] = "Digital",
            ["Input.Problem"] = "Warga pra sejahtera sulit terdata", ["Input.Owners"] = (await OfficialAsync("kasi_kesos")).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return (await factory.WithDbAsync(db => db.Innovations.FirstAsync(i => i.Name == name, Ct))).Id;
    }

    [Fact]
    public async Task A_Kasi_edits_only_his_own_innovations_and_another_kecamatan_cannot()
    {
        var cerah = await ByNameAsync("CERAH (Cepat, Ramah, Humanis)");
        var posko = await ByNameAsync("Posko Aduan Trantib Malam");
        var kasiTrantib = await factory.LoginAsync("kasi.trantib.batujajar");
        Assert.Equal(HttpStatusCode.OK, (await kasiTrantib.GetAsync($"/Innovations/Edit?id={posko.Id}", Ct)).StatusCode);
        Assert.Contains("AccessDenied", (await kasiTrantib.GetAsync($"/Innovations/Edit?id={cerah.Id}", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        using var stolen = await SubmitStageAsync(kasiTrantib, cerah.Id, InnovationStage.Penerapan, Scenario.Png);
        Assert.Contains("AccessDenied", stolen.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        var camatCinambo = await factory.LoginAsync("camat.cinambo");
        Assert.Contains("AccessDenied", (await camatCinambo.GetAsync($"/Innovations/Edit?id={posko.Id}", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Contains("AccessDenied", (await camatCinambo.GetAsync($"/Innovations?unit={Batujajar}", Ct)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        // The camat of Batujajar may edit every innovation of his kecamatan.
        Assert.Equal(HttpStatusCode.OK, (await (await factory.LoginAsync("camat.batujajar")).GetAsync($"/Innovations/Edit?id={cerah.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Stages_need_evidence_checked_by_content_and_a_returned_stage_can_be_resubmitted_and_verified()
    {
        var kasi = await factory.LoginAsync("kasi.kesos.batujajar");
        var id = await RegisterAsync(kasi, "Data Terpadu Keluarga Pra Sejahtera");
        Assert.Contains("Unggah bukti", WebUtility.HtmlDecode(await (await SubmitStageAsync(kasi, id, InnovationStage.Inisiatif, null)).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var exe = new byte[2048];
        "MZ"u8.CopyTo(exe);
        Assert.Contains("Jenis berkas tidak diizinkan", WebUtility.HtmlDecode(await (await SubmitStageAsync(kasi, id, InnovationStage.Inisiatif, exe, "bukti.pdf")).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("Tahap sebelumnya", WebUtility.HtmlDecode(await (await SubmitStageAsync(kasi, id, InnovationStage.UjiCoba, Scenario.Png)).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitStageAsync(kasi, id, InnovationStage.Inisiatif, Scenario.Png)).StatusCode);

        // A lurah (or the Kasi himself) cannot verify.
        Assert.Contains("AccessDenied", (await VerifyAsync(kasi, id, InnovationStage.Inisiatif, true)).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var verifikator = await factory.LoginAsync("verifikator.kbb");
        Assert.Contains("Catatan pengembalian wajib diisi.", WebUtility.HtmlDecode(await (await VerifyAsync(verifikator, id, InnovationStage.Inisiatif, false)).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await VerifyAsync(verifikator, id, InnovationStage.Inisiatif, false, "Foto kegiatan tidak terbaca")).StatusCode);
        Assert.Equal(StageStatus.Dikembalikan, (await factory.WithDbAsync(db => db.InnovationSteps.SingleAsync(s => s.InnovationId == id, Ct))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitStageAsync(kasi, id, InnovationStage.Inisiatif, Scenario.Png)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await VerifyAsync(verifikator, id, InnovationStage.Inisiatif, true)).StatusCode);
        var step = await factory.WithDbAsync(db => db.InnovationSteps.SingleAsync(s => s.InnovationId == id, Ct));
        Assert.Equal((StageStatus.Diverifikasi, Scenario.Today, "verifikator.kbb"), (step.Status, step.VerifiedOn!.Value, step.VerifiedBy!));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Evidence.CountAsync(e => e.InnovationStepId == step.Id, Ct)));
    }

    [Fact]
    public async Task The_compliance_page_lists_each_Kasi_and_Kasubag_and_the_admin_excludes_approves_and_exports()
    {
        var admin = await factory.LoginAsync("admin.kbb");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/Innovations/Compliance", Ct));
        // Demo: WASPADA (penerapan) makes the Kasi Pemerintahan compliant; CERAH at uji coba the Kasi Pelayanan.
        Assert.Contains("Memiliki inovasi \"WASPADA (Pengawasan pada Desa)\" tahap penerapan", html, StringComparison.Ordinal);
        Assert.Contains("Memiliki inovasi \"CERAH (Cepat, Ramah, Humanis)\" tahap uji coba", html, StringComparison.Ordinal);
        Assert.Contains("Inovasi \"Posko Aduan Trantib Malam\" belum diverifikasi pada tahap uji coba", html, StringComparison.Ordinal);
        Assert.Contains("Tidak memiliki inovasi.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Oman Abdurahman", html, StringComparison.Ordinal); // staf are not judged

        var trantib = await factory.WithDbAsync(db => db.Officials.FirstAsync(o => o.UnitCode == Batujajar && o.Position == "kasi_trantib", Ct));
        using var noReason = await RaporFactory.PostFormAsync(admin, $"/Innovations/Compliance?handler=Exclude&tenant=32.17&year={Scenario.Today.Year}", new() { ["nip"] = trantib.Nip!, ["reason"] = "" });
        Assert.Contains("Alasan pengecualian wajib diisi", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(admin, $"/Innovations/Compliance?handler=Exclude&tenant=32.17&year={Scenario.Today.Year}",
            new() { ["nip"] = trantib.Nip!, ["reason"] = "Cuti sakit panjang Maret–Agustus" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RaporFactory.PostFormAsync(admin, $"/Innovations/Compliance?handler=Approve&tenant=32.17&year={Scenario.Today.Year}")).StatusCode);

        var xlsx = await admin.GetByteArrayAsync($"/Innovations/Compliance?handler=Excel&tenant=32.17&year={Scenario.Today.Year}", Ct);
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.DoesNotContain(rows, r => (string?)r["NIP"] == trantib.Nip);
        Assert.Contains(rows, r => r["Alasan"]?.ToString() == "Tidak memiliki inovasi.");
        Assert.All(rows, r => Assert.StartsWith("disetujui", r["Status daftar"]!.ToString(), StringComparison.Ordinal));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "TppExclusion" && a.UserName == "admin.kbb", Ct)));

        // Another tenant's admin cannot see KBB's list.
        var bandung = await factory.LoginAsync("admin.bandung");
        Assert.DoesNotContain("Agus Salim", await bandung.GetStringAsync("/Innovations/Compliance?tenant=32.17", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gallery_shows_verified_innovations_of_every_tenant_and_replication_links_to_the_origin()
    {
        var camat = await factory.LoginAsync("camat.cinambo");
        var html = WebUtility.HtmlDecode(await camat.GetStringAsync("/Innovations/Gallery?q=WASPADA", Ct));
        Assert.Contains("WASPADA (Pengawasan pada Desa)", html, StringComparison.Ordinal);
        Assert.Contains("1× direplikasi", html, StringComparison.Ordinal); // Soreang
        Assert.DoesNotContain("Posko Aduan", WebUtility.HtmlDecode(await camat.GetStringAsync("/Innovations/Gallery", Ct)), StringComparison.Ordinal); // not verified

        var waspada = await ByNameAsync("WASPADA (Pengawasan pada Desa)");
        using var replicated = await RaporFactory.PostFormAsync(camat, $"/Innovations/Gallery?handler=Replicate&id={waspada.Id}");
        Assert.Equal(HttpStatusCode.Redirect, replicated.StatusCode);
        var copy = await factory.WithDbAsync(db => db.Innovations.Include(i => i.Steps).SingleAsync(i => i.UnitCode == Scenario.Cinambo && i.ReplicatedFromId == waspada.Id, Ct));
        Assert.Empty(copy.Steps); // a new inisiatif: its own stages start from scratch
        Assert.Contains("2× direplikasi", WebUtility.HtmlDecode(await camat.GetStringAsync("/Innovations/Gallery?q=WASPADA", Ct)), StringComparison.Ordinal);

        var api = await factory.Anonymous().GetFromJsonAsync<List<InnovationsApi.InnovationDto>>("/api/public/innovations?tenant=32.04&stage=Penerapan", Ct);
        Assert.Equal(6, api!.Count); // Margahayu's six innovations at penerapan; Soreang's replica is not verified
        Assert.All(api, x => Assert.Equal("penerapan", x.Stage));
        using var bad = await factory.Anonymous().GetAsync("/api/public/innovations?stage=selesai", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Innovation_indicators_are_counted_from_the_registry()
    {
        using var scope = factory.Services.CreateScope();
        var workflow = scope.ServiceProvider.GetRequiredService<ReportWorkflow>();
        Assert.Equal(1, await workflow.InnovationsInPenerapanAsync(Batujajar, Scenario.Today.Year, Ct)); // WASPADA
        Assert.Equal(0, await workflow.InnovationsInPenerapanAsync(Batujajar, Scenario.Today.Year - 1, Ct));
        // Margahayu: 6 at penerapan, 3 at uji coba, 2 at inisiatif → (600 + 180 + 60) / MAX(10, 11) = 76.36.
        var platform = await factory.LoginAsync("admin");
        var margahayu = WebUtility.HtmlDecode(await platform.GetStringAsync($"/Innovations?unit={DemoInnovations.Margahayu}", Ct));
        Assert.Contains("Indeks inovasi: <strong>76,36</strong> — sangat inovatif", margahayu, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_roster_is_imported_from_excel_all_or_nothing()
    {
        var camat = await factory.LoginAsync("camat.batujajar");
        async Task<string> ImportAsync(IEnumerable<Dictionary<string, object?>> rows)
        {
            using var ms = new MemoryStream();
            ms.SaveAs(rows.ToList());
            var token = await RaporFactory.AntiforgeryTokenAsync(camat, $"/People/Import?unit={Batujajar}");
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(ms.ToArray()), "file", "asn.xlsx" } };
            using var r = await camat.PostAsync($"/People/Import?unit={Batujajar}", form, Ct);
            return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
        }
        var before = await factory.WithDbAsync(db => db.Officials.CountAsync(o => o.UnitCode == Batujajar, Ct));
        var bad = await ImportAsync([
            new() { ["Nama"] = "Baru Satu", ["NIP"] = "199001012015011001", ["Jabatan"] = "Staf (ASN)", ["Mulai"] = "2026-01-02", ["Selesai"] = "" },
            new() { ["Nama"] = "Baru Dua", ["NIP"] = "12345", ["Jabatan"] = "Kasi Pelayanan", ["Mulai"] = "2026-01-02", ["Selesai"] = "" },
            new() { ["Nama"] = "Baru Tiga", ["NIP"] = "199001012015011003", ["Jabatan"] = "Bupati", ["Mulai"] = "2026-01-02", ["Selesai"] = "" },
        ]);
        Assert.Contains("Baris 3: NIP harus terdiri dari 18 angka.", bad, StringComparison.Ordinal);
        Assert.Contains("Baris 4: jabatan \"Bupati\" tidak dikenal", bad, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Officials.CountAsync(o => o.UnitCode == Batujajar, Ct)));
        var good = await ImportAsync([new() { ["Nama"] = "Baru Satu", ["NIP"] = "199001012015011001", ["Jabatan"] = "Staf (ASN)", ["Mulai"] = "2026-01-02", ["Selesai"] = "" }]);
        Assert.Contains("1 ASN diimpor", good, StringComparison.Ordinal);
    }
}
