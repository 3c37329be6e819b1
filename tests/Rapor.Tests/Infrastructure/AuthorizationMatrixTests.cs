using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;

namespace Rapor.Tests.Infrastructure;

/// <summary>Every role × every page and endpoint: allowed or denied, on whichever database the run uses.</summary>
[Trait("Category", "Integration")]
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    public sealed class Fixture : RaporFactory
    {
        private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();

        public string FrameworkId { get; private set; } = "";

        /// <summary>A completed demo visit of Desa Batujajar Timur, one of its findings, and a visit of Batujajar Barat.</summary>
        public (string Visit, string Finding, string OtherVisit, int IdmYear) Waspada { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await this.OpenPeriodAsync(2034, 1);
            await this.OpenPeriodAsync(2034, 2);
            await WithDbAsync(async db =>
            {
                (await db.Periods.SingleAsync(p => p.Year == 2034 && p.Month == 2)).FinalizedAt = DateTime.UtcNow; // public endpoints need a final period
                return await db.SaveChangesAsync();
            });
            FrameworkId = (await WithDbAsync(db => Task.FromResult(db.Frameworks.First(f => f.TenantCode == "32.73" && f.Year == 2025).Id))).ToString();
            Waspada = await WithDbAsync(async db =>
            {
                var visit = await db.SupervisionVisits.Where(v => v.DesaCode == WaspadaScenario.BatujajarTimur && v.Status == Rapor.Web.Domain.SupervisionVisitStatus.Selesai).Select(v => v.Id).FirstAsync();
                var finding = await db.Temuan.Where(f => f.DesaCode == WaspadaScenario.BatujajarTimur).Select(f => f.Id).FirstAsync();
                var other = await db.SupervisionVisits.Where(v => v.DesaCode == WaspadaScenario.BatujajarBarat).Select(v => v.Id).FirstAsync();
                var year = await db.IdmScores.MaxAsync(s => s.Year);
                return (visit.ToString(), finding.ToString(), other.ToString(), year);
            });
        }

        public Task<HttpClient> ClientFor(string user) =>
            _clients.GetOrAdd(user, u => u == "anon" ? Task.FromResult(Anonymous()) : LoginAsync(u));
    }

    private const string Admin = "admin";
    private const string AdminBandung = "admin.bandung";
    private const string Verifikator = "verifikator";
    private const string Pimpinan = "pimpinan";
    private const string Camat = "camat.cinambo";
    private const string Lurah = "lurah.cisarantenwetan";
    private const string Staf = "staf.cinambo";
    private static readonly string[] Users = ["anon", Admin, AdminBandung, Verifikator, Pimpinan, Camat, Lurah, Staf];
    private static readonly string[] SignedIn = [Admin, AdminBandung, Verifikator, Pimpinan, Camat, Lurah, Staf];
    private static readonly string[] TenantWide = [Admin, AdminBandung, Verifikator, Pimpinan];

    /// <summary>Path → the users allowed; everyone else must be denied.</summary>
    private static readonly (string Path, string[] Allowed)[] Matrix =
    [
        ("/", SignedIn),
        ("/Regions", SignedIn),
        ("/Regions/Tenant/32.73", TenantWide),
        ("/Regions/Tenant/16.71", [Admin]),
        ("/Regions/Unit/32.73.29", [.. TenantWide, Camat, Staf]),
        ("/Regions/Unit/32.73.29.1001", [.. TenantWide, Camat, Lurah]),
        ("/Regions/Unit/32.73.29.1003", [.. TenantWide, Camat]),
        ("/Regions/Unit/32.73.01", TenantWide),
        ("/Regions/Unit/16.71.01", [Admin]),
        ("/Regions/Map", SignedIn),
        ("/Regions/Import", [Admin]),
        ("/People", SignedIn),
        ("/People?unit=32.73.29", [.. TenantWide, Camat, Staf]),
        ("/People?unit=32.73.29.1001", [.. TenantWide, Camat, Lurah]),
        ("/People?unit=32.73.29.1003", [.. TenantWide, Camat]),
        ("/People/Edit?unit=32.73.29", [Admin, AdminBandung, Camat]),
        ("/People/Edit?unit=32.73.29.1001", [Admin, AdminBandung, Camat]),
        ("/People/Edit?unit=32.73.01", [Admin, AdminBandung]),
        ("/Users", [Admin, AdminBandung]),
        ("/Users/Create", [Admin, AdminBandung]),
        ("/Audit", [Admin, AdminBandung]),
        ("/Reports", SignedIn),
        ("/Reports/Fill/32.73.29.1001/2034-01", [.. TenantWide, Camat, Lurah]),
        ("/Reports/Fill/32.73.29/2034-01", [.. TenantWide, Camat, Staf]),
        ("/Reports/Fill/32.73.29.1003/2034-01", [.. TenantWide, Camat]),
        ("/Reports/Fill/32.73.01.1001/2034-01", TenantWide),
        ("/Reports/Review/32.73.29.1001/2034-01", [Camat]),
        ("/Reports/Review/32.73.01.1001/2034-01", []),
        ("/Reports/Excel/32.73.29.1001/2034-01", [Lurah]),
        ("/Reports/Excel/32.73.29/2034-01", [Camat, Staf]),
        ("/Periods", SignedIn),
        ("/Periods/Extend?period=2034-01&unit=32.73.29.1001", [Admin, AdminBandung]),
        ("/Activities", SignedIn),
        ("/Activities?unit=32.73.29.1003", [.. TenantWide, Camat]),
        ("/Activities/Create", [Camat, Lurah, Staf]),
        ("/Frameworks", [Admin, AdminBandung]),
        ("/Frameworks/Edit/{fw}", [Admin, AdminBandung]),
        ("/Notifications", SignedIn),
        ("/api/frameworks/32.73/2025", Users),
        ("/api/reports/32.73.29.1001/2034-01", [.. TenantWide, Camat, Lurah]),
        ("/api/reports/32.73.29.1003/2034-01", [.. TenantWide, Camat]),
        ("/Verification?period=2034-01", [Verifikator]),
        ("/Verification/Report/32.73.29.1001/2034-01", [Verifikator]),
        ("/Verification/Visits?unit=32.73.29/&period=2034-01".Replace("/&", "&", StringComparison.Ordinal), [Verifikator]),
        ("/Rapor/Ranking", SignedIn),
        ("/Rapor/32.73.29/2034-01", [.. TenantWide, Camat, Staf]),
        ("/Rapor/32.73.29.1001/2034-01", [.. TenantWide, Camat, Lurah]),
        ("/Rapor/32.73.29.1003/2034-01", [.. TenantWide, Camat]),
        ("/Rapor/32.73.01/2034-01?handler=Pdf", TenantWide),
        ("/Dashboard", [Admin, AdminBandung, Pimpinan]),
        ("/Publik", Users),
        ("/api/public/32.73/rankings/2034-02", Users),
        ("/Innovations/Gallery", SignedIn),
        ("/Innovations?unit=32.73.29", [.. TenantWide, Camat, Staf]),
        ("/Innovations?unit=32.17.09", [Admin]),
        ("/Innovations/Edit?unit=32.73.29", [Camat, Staf]),
        ("/Innovations/Edit?unit=32.73.29.1001", [Lurah]),
        ("/Innovations/Compliance", TenantWide),
        ("/People/Import?unit=32.73.29", [Admin, AdminBandung, Camat]),
        ("/api/public/innovations", Users),
        ("/api/regions/32.73", Users),
        ("/api/regions/32.73/children", Users),
        ("/openapi/v1.json", Users),
        ("/healthz", Users),
    ];

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (path, allowed) in Matrix)
            foreach (var user in Users)
                data.Add(user, path, allowed.Contains(user));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Role_is_allowed_or_denied_as_the_matrix_says(string user, string path, bool allowed)
    {
        var client = await fixture.ClientFor(user);
        using var response = await client.GetAsync(path.Replace("{fw}", fixture.FrameworkId, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var location = response.Headers.Location?.OriginalString ?? "";
        var denied = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/Account/Login", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal)));
        var ok = response.StatusCode == HttpStatusCode.OK || (response.StatusCode == HttpStatusCode.Redirect && !denied);
        Assert.True(allowed ? ok : denied, $"{user} GET {path}: {(int)response.StatusCode} {location}");
    }

    // WASPADA (issue 14): Kab. Bandung Barat's supervision of its desa; a kepala desa is the lurah role at a desa (ADR-030).
    private const string AdminKbb = "admin.kbb";
    private const string VerifikatorKbb = "verifikator.kbb";
    private const string CamatBatujajar = "camat.batujajar";
    private const string KasiBatujajar = "kasi.pemerintahan.batujajar";
    private const string KadesTimur = "kades.32.17.09.2001";
    private const string KadesBarat = "kades.32.17.09.2002";
    private static readonly string[] WaspadaUsers = ["anon", Admin, AdminKbb, VerifikatorKbb, CamatBatujajar, KasiBatujajar, KadesTimur, KadesBarat, Camat, AdminBandung];
    private static readonly string[] KbbWide = [Admin, AdminKbb, VerifikatorKbb];
    private static readonly string[] Kecamatan = [.. KbbWide, CamatBatujajar, KasiBatujajar];
    private static readonly string[] DesaTimur = [.. Kecamatan, KadesTimur];

    /// <summary>{v} a visit and {f} a finding of Desa Batujajar Timur, {o} a visit of Batujajar Barat, {y} the latest IDM year.</summary>
    private static readonly (string Path, string[] Allowed)[] WaspadaMatrix =
    [
        ("/Waspada?unit=32.17.09", Kecamatan),
        ("/Waspada/Visit/{v}", DesaTimur),
        ("/Waspada/Visit/{v}?handler=Pdf", DesaTimur),
        ("/Waspada/Visit/{o}", [.. Kecamatan, KadesBarat]),
        ("/Waspada/Finding/{f}", DesaTimur),
        ("/Waspada/Findings?unit=32.17.09.2001", DesaTimur),
        ("/Waspada/Findings?unit=32.17.09.2001&handler=Excel", DesaTimur),
        ("/Waspada/Findings?unit=32.17.09", Kecamatan),
        ("/Waspada/Findings?unit=32.17", KbbWide),
        ("/Waspada/Desa/32.17.09.2001", DesaTimur),
        ("/Waspada/Desa/32.17.09.2002", [.. Kecamatan, KadesBarat]),
        ("/Waspada/Dashboard?unit=32.17.09", Kecamatan),
        ("/Waspada/Idm?unit=32.17.09", Kecamatan),
        ("/Waspada/Idm?unit=32.17", KbbWide),
        ("/Waspada/IdmImport?tenant=32.17", [Admin, AdminKbb]),
        ("/Waspada/Templates?tenant=32.17", [Admin, AdminKbb]),
        // Kecamatan and desa accounts are sent on to their own view; a kota's admin has no desa to see.
        ("/Waspada/Kabupaten?tenant=32.17", [.. Kecamatan, KadesTimur, KadesBarat, Camat]),
        ("/api/waspada/visits/{v}", DesaTimur),
        ("/api/waspada/findings?unit=32.17.09.2002", [.. Kecamatan, KadesBarat]),
        ("/api/waspada/idm/32.17/{y}", KbbWide),
        ("/api/field-capture/token", [.. WaspadaUsers.Where(u => u != "anon")]),
    ];

    public static TheoryData<string, string, bool> WaspadaCases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (path, allowed) in WaspadaMatrix)
            foreach (var user in WaspadaUsers)
                data.Add(user, path, allowed.Contains(user));
        return data;
    }

    [Theory]
    [MemberData(nameof(WaspadaCases))]
    public async Task Waspada_role_is_allowed_or_denied_as_the_matrix_says(string user, string path, bool allowed)
    {
        var w = fixture.Waspada;
        await Role_is_allowed_or_denied_as_the_matrix_says(user, path.Replace("{v}", w.Visit, StringComparison.Ordinal).Replace("{f}", w.Finding, StringComparison.Ordinal)
            .Replace("{o}", w.OtherVisit, StringComparison.Ordinal).Replace("{y}", w.IdmYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), allowed);
    }

    [Fact]
    public async Task A_lurah_cannot_add_an_official_to_another_kelurahan_by_posting_directly()
    {
        var lurah = await fixture.ClientFor(Lurah);
        var token = await RaporFactory.AntiforgeryTokenAsync(lurah, "/");
        using var response = await lurah.PostAsync("/People/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UnitCode"] = "32.73.29.1003",
            ["Input.Name"] = "Penyusup",
            ["Input.Position"] = "staf",
            ["Input.StartDate"] = "2026-01-01",
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => Task.FromResult(db.Officials.Count(o => o.Name == "Penyusup"))));
    }
}
