using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.TestSupport;

namespace Rapor.Tests.Infrastructure;

/// <summary>
/// The route-table security suite (issue 18): every page and endpoint of the app's route table × every role, a
/// foreign unit (URLs of other units) and a foreign tenant (Kab. Bandung Barat accounts), allowed or denied, on
/// whichever database the run uses. A route without a row fails <see cref="Every_route_of_the_app_has_a_row"/>, which
/// prints the row to add; every state-changing API endpoint also gets its CSRF test from <see cref="Writes"/>.
/// </summary>
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
            using (var scope = Services.CreateScope())
            {
                // Public endpoints need a final period with standings.
                var db = scope.ServiceProvider.GetRequiredService<Rapor.Web.Data.RaporDbContext>();
                var final = await db.Periods.SingleAsync(p => p.TenantCode == "32.73" && p.Year == 2034 && p.Month == 2);
                await scope.ServiceProvider.GetRequiredService<Rapor.Web.Features.Rapor.ScoringService>().RecomputeAsync(final, default);
                final.FinalizedAt = DateTime.UtcNow;
                await db.SaveChangesAsync();
            }
            FrameworkId = (await WithDbAsync(db => Task.FromResult(db.Frameworks.First(f => f.TenantCode == "32.73" && f.Year == 2025).Id))).ToString();
            Ids["{fw}"] = FrameworkId;
            await WithDbAsync(async db =>
            {
                Ids["{innovation}"] = (await db.Innovations.FirstAsync(i => i.Steps.Any(s => s.Status == Rapor.Web.Domain.StageStatus.Diverifikasi))).Id.ToString();
                var draft = new Rapor.Web.Domain.Innovation { TenantCode = "32.17", UnitCode = "32.17.09", Name = "Draf matriks", CreatedBy = "test", CreatedAt = DateTime.UtcNow };
                db.Innovations.Add(draft);
                Ids["{draft}"] = draft.Id.ToString();
                var period = await db.Periods.FirstAsync(p => p.TenantCode == "32.73" && p.Year == 2034 && p.Month == 1);
                var visit = new Rapor.Web.Domain.FieldVisit { UnitCode = "32.73.29.1001", PeriodId = period.Id, ScheduledOn = new DateOnly(2034, 1, 20), Verifier = "verifikator" };
                db.FieldVisits.Add(visit);
                Ids["{visit}"] = visit.Id.ToString();
                var activity = new Rapor.Web.Domain.FieldActivity { UnitCode = "32.73.29.1001", Kind = "Kerja bakti", Place = "RW 01", Date = new DateOnly(2034, 1, 5), CreatedBy = Lurah, CreatedAt = DateTime.UtcNow };
                db.FieldActivities.Add(activity);
                Ids["{activity}"] = activity.Id.ToString();
                var evidence = new Rapor.Web.Domain.Evidence
                {
                    UnitCode = "32.73.29.1001", FileName = "bukti.png", ContentType = "image/png", Size = Scenario.Png.Length, Sha256 = "", UploadedBy = "test", UploadedAt = DateTime.UtcNow,
                };
                db.Evidence.Add(evidence);
                Ids["{evidence}"] = evidence.Id.ToString();
                Directory.CreateDirectory(StorageRoot);
                await File.WriteAllBytesAsync(Path.Combine(StorageRoot, evidence.Id.ToString("N")), Scenario.Png);
                return await db.SaveChangesAsync();
            });
            // PATEN (issue 13): a ticket called to counter 1 of Kecamatan Cinambo, for the ticket pages and the counter steps.
            await this.DeskAsync(Scenario.Cinambo, 1);
            await WithDbAsync(async db =>
            {
                var service = await db.ServiceStandards.FirstAsync(s => s.UnitCode == Scenario.Cinambo && s.Active);
                var counter = await db.QueueCounters.FirstAsync(c => c.UnitCode == Scenario.Cinambo && c.Number == 1);
                var now = DateTime.UtcNow;
                var ticket = new Rapor.Web.Domain.QueueTicket
                {
                    UnitCode = Scenario.Cinambo, Day = DateOnly.FromDateTime(now), Group = "Z", Seq = 901, ServiceId = service.Id, ServiceCode = service.Code,
                    Status = Rapor.Web.Domain.TicketStatus.Dipanggil, TakenAt = now, FirstCalledAt = now, CalledAt = now, CallCount = 1, CounterId = counter.Id,
                };
                db.QueueTickets.Add(ticket);
                Ids["{ticket}"] = ticket.Id.ToString();
                return await db.SaveChangesAsync();
            });
            Waspada = await WithDbAsync(async db =>
            {
                var visit = await db.SupervisionVisits.Where(v => v.DesaCode == WaspadaScenario.BatujajarTimur && v.Status == Rapor.Web.Domain.SupervisionVisitStatus.Selesai).Select(v => v.Id).FirstAsync();
                var finding = await db.Temuan.Where(f => f.DesaCode == WaspadaScenario.BatujajarTimur).Select(f => f.Id).FirstAsync();
                var other = await db.SupervisionVisits.Where(v => v.DesaCode == WaspadaScenario.BatujajarBarat).Select(v => v.Id).FirstAsync();
                var year = await db.IdmScores.MaxAsync(s => s.Year);
                return (visit.ToString(), finding.ToString(), other.ToString(), year);
            });
            Ids["{wv}"] = Waspada.OtherVisit;
            Ids["{wf}"] = Waspada.Finding;
        }

        /// <summary>Placeholders in matrix paths ({fw}, {innovation}, …) → ids made above.</summary>
        public Dictionary<string, string> Ids { get; } = [];

        public string Url(string path) => Ids.Aggregate(path, (p, id) => p.Replace(id.Key, id.Value, StringComparison.Ordinal));

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
    // The foreign tenant: accounts of Kab. Bandung Barat looking at Kota Bandung (and their own data).
    private const string AdminKbb = "admin.kbb";
    private const string VerifikatorKbb = "verifikator.kbb";
    private const string CamatKbb = "camat.batujajar";
    private const string Loket = "loket.cinambo";
    private static readonly string[] Users = ["anon", Admin, AdminBandung, Verifikator, Pimpinan, Camat, Lurah, Staf, AdminKbb, VerifikatorKbb, CamatKbb, Loket];
    private static readonly string[] SignedIn = [Admin, AdminBandung, Verifikator, Pimpinan, Camat, Lurah, Staf, AdminKbb, VerifikatorKbb, CamatKbb, Loket];
    private static readonly string[] TenantWide = [Admin, AdminBandung, Verifikator, Pimpinan];
    private static readonly string[] Anyone = Users;

    /// <summary>Path → the users allowed; everyone else must be denied.</summary>
    private static readonly (string Path, string[] Allowed)[] Matrix =
    [
        ("/", SignedIn),
        ("/Regions", SignedIn),
        ("/Regions/Tenant/32.73", TenantWide),
        ("/Regions/Tenant/16.71", [Admin]),
        ("/Regions/Unit/32.73.29", [.. TenantWide, Camat, Staf, Loket]),
        ("/Regions/Unit/32.73.29.1001", [.. TenantWide, Camat, Lurah]),
        ("/Regions/Unit/32.73.29.1003", [.. TenantWide, Camat]),
        ("/Regions/Unit/32.73.01", TenantWide),
        ("/Regions/Unit/16.71.01", [Admin]),
        ("/Regions/Map", SignedIn),
        ("/Regions/Import", [Admin]),
        ("/People", SignedIn),
        ("/People?unit=32.73.29", [.. TenantWide, Camat, Staf, Loket]),
        ("/People?unit=32.73.29.1001", [.. TenantWide, Camat, Lurah]),
        ("/People?unit=32.73.29.1003", [.. TenantWide, Camat]),
        ("/People/Edit?unit=32.73.29", [Admin, AdminBandung, Camat]),
        ("/People/Edit?unit=32.73.29.1001", [Admin, AdminBandung, Camat]),
        ("/People/Edit?unit=32.73.01", [Admin, AdminBandung]),
        ("/Users", [Admin, AdminBandung, AdminKbb]),
        ("/Users/Create", [Admin, AdminBandung, AdminKbb]),
        ("/Audit", [Admin, AdminBandung, AdminKbb]),
        ("/Reports", SignedIn),
        ("/Reports/Fill/32.73.29.1001/2034-01", [.. TenantWide, Camat, Lurah]),
        ("/Reports/Fill/32.73.29/2034-01", [.. TenantWide, Camat, Staf, Loket]),
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
        ("/Activities/Create", [Camat, Lurah, Staf, CamatKbb]),
        ("/Frameworks", [Admin, AdminBandung, AdminKbb]),
        ("/Frameworks/Edit/{fw}", [Admin, AdminBandung]),
        ("/Notifications", SignedIn),
        ("/api/frameworks/32.73/2025", Users),
        ("/api/reports/32.73.29.1001/2034-01", [.. TenantWide, Camat, Lurah]),
        ("/api/reports/32.73.29.1003/2034-01", [.. TenantWide, Camat]),
        ("/Verification?period=2034-01", [Verifikator, VerifikatorKbb]),
        ("/Verification/Report/32.73.29.1001/2034-01", [Verifikator]),
        ("/Verification/Visits?unit=32.73.29/&period=2034-01".Replace("/&", "&", StringComparison.Ordinal), [Verifikator]),
        ("/Rapor/Ranking", SignedIn),
        ("/Rapor/32.73.29/2034-01", [.. TenantWide, Camat, Staf, Loket]),
        ("/Rapor/32.73.29.1001/2034-01", [.. TenantWide, Camat, Lurah]),
        ("/Rapor/32.73.29.1003/2034-01", [.. TenantWide, Camat]),
        ("/Rapor/32.73.01/2034-01?handler=Pdf", TenantWide),
        ("/Dashboard", [Admin, AdminBandung, Pimpinan, AdminKbb]),
        ("/Publik", Users),
        ("/api/public/32.73/rankings/2034-02", Users),
        ("/Innovations/Gallery", SignedIn),
        ("/Innovations?unit=32.73.29", [.. TenantWide, Camat, Staf, Loket]),
        ("/Innovations?unit=32.17.09", [Admin, AdminKbb, VerifikatorKbb, CamatKbb]),
        ("/Innovations/Edit?unit=32.73.29", [Camat, Staf]),
        ("/Innovations/Edit?unit=32.73.29.1001", [Lurah]),
        ("/Innovations/Compliance", [.. TenantWide, AdminKbb, VerifikatorKbb]),
        ("/People/Import?unit=32.73.29", [Admin, AdminBandung, Camat]),
        ("/api/public/innovations", Users),
        ("/api/regions/32.73", Users),
        ("/api/regions/32.73/children", Users),
        ("/openapi/v1.json", Users),
        ("/Services?unit=32.73.29", [.. TenantWide, Camat, Staf, Loket]),
        ("/Services?unit=32.73", TenantWide),
        ("/Services/Edit?unit=32.73.29", [Admin, AdminBandung, Camat]),
        ("/Services/Poster?unit=32.73.29", [.. TenantWide, Camat, Staf, Loket]),
        ("/Layanan/32.73.29", Users),
        ("/Queue?unit=32.73.29", [.. TenantWide, Camat, Staf, Loket]),
        ("/Queue?unit=32.73.29.1001", [.. TenantWide, Camat, Lurah]),
        ("/Queue/Stats?unit=32.73.29", [.. TenantWide, Camat, Staf, Loket]),
        ("/Antrean/Loket/32.73.29", [Camat, Staf, Loket]),
        ("/Antrean/Kiosk/32.73.29", Users),
        ("/Antrean/Layar/32.73.29", Users),
        ("/Skm?unit=32.73.29", [.. TenantWide, Camat, Staf, Loket]),
        ("/Skm/Entry?unit=32.73.29", [Admin, AdminBandung, Camat, Staf, Loket]),
        ("/Skm/Import?unit=32.73.29", [Admin, AdminBandung, Camat, Staf, Loket]),
        ("/Survei/32.73.29", Users),
        ("/ApiTokens", SignedIn),
        ("/Perangkat/Pasang", Users),
        ("/api/queue/32.73.29/board", [.. TenantWide, Camat, Staf, Loket]),
        ("/api/queue/32.73.29/services", [.. TenantWide, Camat, Staf, Loket]),
        ("/api/public/32.73/services/32.73.29", Users),
        // PATEN (issue 13)
        ("/Antrean/Tiket/{ticket}", Users), // the ticket's QR: its number is the only secret
        ("/api/public/queue/tickets/{ticket}", Users),
        ("/api/queue/32.73.29/events", [.. TenantWide, Camat, Staf, Loket]), // same readers as the board; read up to the headers only (a stream)
        ("/api/tokens/me", SignedIn),
        ("/api/public/32.73/ikm/32.73.29/2034", Users), // not published: 404 to everyone, never the figures
        ("/Skm/Laporan/32.73.29/2034", Users),
        ("/healthz", Users),
        ("/Tenants", [Admin]),
        ("/Onboarding", [Admin]),
        ("/Onboarding?handler=Search&q=palembang", [Admin]),
        ("/Onboarding/Checklist/32.73", [Admin, AdminBandung]),
        ("/Onboarding/Framework/32.73", [Admin, AdminBandung]),
        ("/Onboarding/Periods/16.71", [Admin]),
        ("/Onboarding/Admin/32.73", [Admin, AdminBandung]),
        ("/Onboarding/Branding/16.71", [Admin]),
        ("/Maps/Upload?tenant=32.73", [Admin, AdminBandung]),
        ("/Regions/Map?tenant=16.71", SignedIn),
        ("/api/regions/32.73/shapes?level=kelurahan", Users),
        // Added with the route-table suite (issue 18): every remaining page and endpoint.
        ("/Index", SignedIn),
        ("/Account/Login", Anyone),
        ("/Account/LoginWith2fa", []), // only inside a sign-in that waits for its code; otherwise back to the login page
        ("/Account/Logout", Anyone),
        ("/Account/AccessDenied", []), // the page that says "denied" answers 403 to everyone
        ("/Account/Security", SignedIn),
        ("/Error?code=404", Anyone),
        ("/culture?c=id", Anyone),
        ("/api/ping", Anyone),
        ("/api/docs", Anyone),
        ("/api/docs/scalar.js", Anyone),
        ("/api/docs/scalar.aspnetcore.js", Anyone),
        ("/api/docs/favicon.svg", Anyone),
        ("/api/regions", Anyone),
        ("/api/public/32.73/rapor/32.73.29/2034-02", Anyone),
        ("/Publik/Rapor/32.73.29/2034-02", Anyone),
        ("/Activities/Kinds", [AdminBandung, AdminKbb]),
        ("/Innovations/Detail?id={innovation}", SignedIn), // verified: every tenant may read and replicate it
        ("/Innovations/Detail?id={draft}", [Admin, AdminKbb, VerifikatorKbb, CamatKbb]),
        ("/Verification/Visit?id={visit}", [Verifikator]),
        ("/files/evidence/{evidence}", [.. TenantWide, Camat, Lurah]),
        ("/files/photo/{evidence}", [.. TenantWide, Camat, Lurah]), // a verified innovation's photo is public (ProvenanceTests)
        ("/api/tenants/32.73/logo", Anyone),
        ("/Innovations/Verification", [Verifikator, VerifikatorKbb]),
        ("/Messages", [Admin, AdminBandung, AdminKbb]),
        ("/Profile", SignedIn),
        ("/Rapor/Simulator", [Admin, AdminBandung, AdminKbb, Pimpinan]),
        ("/Account/Invitation?user=x&token=y", Anyone), // a wrong link says so, to anyone
    ];

    /// <summary>
    /// State-changing requests (method, path, JSON body or null for a form post) → the users allowed. Every
    /// POST/PUT/PATCH/DELETE endpoint under /api needs a row: it is also that endpoint's CSRF test.
    /// </summary>
    /// <summary>A multipart body with an indicator and no file, for upload endpoints.</summary>
    /// <summary>A phone's photo upload without the file: the photo id it chose, nothing else.</summary>
    private const string PhotoPart = "--b\r\nContent-Disposition: form-data; name=\"photoId\"\r\n\r\n0199b000-0000-7000-8000-0000000000f1\r\n--b--\r\n";

    private const string Multipart = "--b\r\nContent-Disposition: form-data; name=\"indicator\"\r\n\r\n1.01\r\n--b--\r\n";

    private static readonly (string Method, string Path, string? Body, string[] Allowed)[] Writes =
    [
        ("PUT", "/api/reports/32.73.29.1001/2034-01/values", "[{\"code\":\"1.01\",\"value\":\"5\"}]", [Lurah]),
        ("PUT", "/api/reports/32.73.29.1003/2034-01/values", "[]", []),
        ("POST", "/api/reports/32.73.29.1001/2034-01/submit", "", [Lurah]),
        ("POST", "/api/reports/32.73.01.1001/2034-01/submit", "", []),
        ("POST", "/api/verification/32.73.29.1001/2034-01/decisions", "{}", [Verifikator]),
        ("POST", "/api/reports/32.73.29.1001/2034-01/evidence", Multipart, [Lurah]), // no file part: 400 for the lurah, after the unit check
        // PATEN (issue 13): only the unit's own counter staff act on its tickets (a 409 once the ticket moved on is "allowed").
        ("POST", "/api/queue/tickets/{ticket}/recall", "{}", [Camat, Staf, Loket]),
        ("POST", "/api/queue/tickets/{ticket}/start", "{}", [Camat, Staf, Loket]),
        ("POST", "/api/queue/tickets/{ticket}/no-show", "{}", [Camat, Staf, Loket]),
        ("POST", "/api/queue/tickets/{ticket}/finish", "{\"outcome\":\"Selesai\"}", [Camat, Staf, Loket]),
        ("POST", "/api/queue/32.73.29/tickets", "{}", [Camat, Staf, Loket]), // no service: 400
        // Field capture (issue 14): phones that were offline send what they kept. Ids: {visit} a verifier's visit,
        // {wv} a WASPADA visit of Desa Batujajar Barat, {wf} a finding of Desa Batujajar Timur (answered by its kades only).
        ("POST", "/api/activities/0199b000-0000-7000-8000-0000000000a1", "{}", [Camat, Lurah, Staf, CamatKbb]),
        ("POST", "/api/activities/{activity}/photos", PhotoPart, [Lurah]), // only who recorded the activity
        ("POST", "/api/verification/visits/{visit}/sync", "{}", [Verifikator]),
        ("POST", "/api/verification/visits/{visit}/photos", PhotoPart, [Verifikator]),
        ("POST", "/api/waspada/visits/{wv}/sync", "{}", [CamatKbb]),
        ("POST", "/api/waspada/visits/{wv}/photos", PhotoPart, [CamatKbb]),
        ("POST", "/api/waspada/findings/{wf}/follow-up", Multipart, []),
        ("POST", "/api/waspada/findings/{wf}/review", "{}", [CamatKbb]),
        ("POST", "/api/queue/32.73.29/counters/99/call-next", "{}", [Camat, Staf, Loket]), // no such counter: 404, nobody called
        ("POST", "/api/queue/tickets/{ticket}/transfer", "{\"counter\":9}", [Camat, Staf, Loket]), // no counter 9: 400
        // A citizen's survey answer: anyone; signed-in first so the CSRF case proves a cookie alone cannot post it. No answers: 400.
        ("POST", "/api/public/skm/32.73.29/responses", "{}", [.. SignedIn, "anon"]),
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
        // Up to the headers only: the queue's event stream (SSE) never ends; disposing the response closes it.
        using var response = await client.GetAsync(fixture.Url(path), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var location = response.Headers.Location?.OriginalString ?? "";
        var denied = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/Account/Login", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal)));
        var ok = !denied && (int)response.StatusCode is >= 200 and < 400 or 400 or 404;
        Assert.True(allowed ? ok : denied, $"{user} GET {path}: {(int)response.StatusCode} {location}");
    }

    // WASPADA (issue 14): Kab. Bandung Barat's supervision of its desa; a kepala desa is the lurah role at a desa (ADR-030).
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
        await Role_is_allowed_or_denied_as_the_matrix_says(user, WaspadaPath(path), allowed);
    }

    private string WaspadaPath(string path)
    {
        var w = fixture.Waspada;
        return path.Replace("{v}", w.Visit, StringComparison.Ordinal).Replace("{f}", w.Finding, StringComparison.Ordinal)
            .Replace("{o}", w.OtherVisit, StringComparison.Ordinal).Replace("{y}", w.IdmYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
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

    public static TheoryData<string, string, string, bool> WriteCases()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (method, path, _, allowed) in Writes)
            foreach (var user in Users)
                data.Add(user, method, path, allowed.Contains(user));
        return data;
    }

    private HttpRequestMessage WriteRequest(string method, string path, string? token, string contentType = "application/json")
    {
        var body = Writes.First(w => w.Method == method && w.Path == path).Body;
        var content = new StringContent(body ?? "", System.Text.Encoding.UTF8, contentType);
        if (body is not null && body.StartsWith("--b\r\n", StringComparison.Ordinal) && contentType == "application/json")
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var request = new HttpRequestMessage(new HttpMethod(method), fixture.Url(path)) { Content = content };
        if (token is not null)
            request.Headers.Add("RequestVerificationToken", token);
        return request;
    }

    /// <summary>Writes with a valid antiforgery token: only the allowed users get past authorization (a 400 for an incomplete body is "allowed").</summary>
    [Theory]
    [MemberData(nameof(WriteCases))]
    public async Task Role_may_or_may_not_change_as_the_write_table_says(string user, string method, string path, bool allowed)
    {
        var client = await fixture.ClientFor(user);
        var token = user == "anon" ? null : await RaporFactory.AntiforgeryTokenAsync(client, "/Account/Security");
        using var request = WriteRequest(method, path, token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var denied = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(Rapor.Web.Infrastructure.ApiAntiforgery.Title, body, StringComparison.Ordinal);
        Assert.True(allowed ? !denied && (int)response.StatusCode < 500 : denied, $"{user} {method} {path}: {(int)response.StatusCode} {body}");
    }

    public static TheoryData<string, string> CsrfCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path, _, allowed) in Writes.Where(w => w.Path.StartsWith("/api/", StringComparison.Ordinal) && w.Allowed.Length > 0))
            data.Add(method, path);
        return data;
    }

    /// <summary>
    /// One per state-changing API endpoint: the signed-in cookie alone — as a cross-site form or text/plain POST would
    /// send it — or with another session's token is refused before the endpoint runs.
    /// </summary>
    [Theory]
    [MemberData(nameof(CsrfCases))]
    public async Task A_cookie_authenticated_change_without_this_sessions_antiforgery_token_is_refused(string method, string path)
    {
        var ct = TestContext.Current.CancellationToken;
        var user = Writes.First(w => w.Method == method && w.Path == path).Allowed[0];
        var victim = await fixture.ClientFor(user);
        var other = await fixture.LoginAsync(Camat);
        var foreignToken = await RaporFactory.AntiforgeryTokenAsync(other, "/");
        var auditBefore = await fixture.WithDbAsync(db => db.AuditEntries.CountAsync(ct));
        foreach (var (token, type) in new[] { ((string?)null, "application/json"), (null, "text/plain"), (null, "application/x-www-form-urlencoded"), (foreignToken, "application/json") })
        {
            using var request = WriteRequest(method, path, token, type);
            using var response = await victim.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(Rapor.Web.Infrastructure.ApiAntiforgery.Title, await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }
        Assert.Equal(auditBefore, await fixture.WithDbAsync(db => db.AuditEntries.CountAsync(ct)));
    }

    /// <summary>
    /// The route table itself: every page and endpoint the app maps must be reached by a row of <see cref="Matrix"/>
    /// (GET) or <see cref="Writes"/>. A new route fails here until its row is added.
    /// </summary>
    [Fact]
    public async Task Every_route_of_the_app_has_a_row()
    {
        var ct = TestContext.Current.CancellationToken;
        var all = EndpointKeys.All(fixture.Services);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var admin = await fixture.ClientFor(Admin);
        foreach (var path in Matrix.Select(m => m.Path).Concat(WaspadaMatrix.Select(m => WaspadaPath(m.Path))).Distinct())
        {
            using var r = await admin.GetAsync(fixture.Url(path), HttpCompletionOption.ResponseHeadersRead, ct);
            if (r.Headers.TryGetValues(EndpointKeys.Header, out var keys))
                covered.Add(Uri.UnescapeDataString(keys.Single()));
        }
        var token = await RaporFactory.AntiforgeryTokenAsync(admin, "/");
        foreach (var (method, path, _, _) in Writes)
        {
            using var request = WriteRequest(method, path, token);
            using var r = await admin.SendAsync(request, ct);
            if (r.Headers.TryGetValues(EndpointKeys.Header, out var keys))
                covered.Add(Uri.UnescapeDataString(keys.Single()));
        }
        var missing = all.Except(covered).ToList();
        Assert.True(missing.Count == 0, "Routes without a row in AuthorizationMatrixTests — add one per route:\n" + string.Join("\n", missing.Select(Hint)));

        static string Hint(string key) => key.StartsWith("PAGE ", StringComparison.Ordinal)
            ? $"  {key}: Matrix row (\"{key[5..]}…sample URL…\", [users allowed]),"
            : key.Split(' ')[0] is "GET" or "ANY"
                ? $"  {key}: Matrix row (\"{key.Split(' ')[1]} with sample values\", [users allowed]),"
                : $"  {key}: Writes row (\"{key.Split(' ')[0].Split(',')[0]}\", \"{key.Split(' ')[1]} with sample values\", \"<json body>\", [users allowed]),";
    }

    [Fact]
    public async Task Only_the_units_own_people_may_upload_evidence_through_the_API()
    {
        var photo = PhotoFixtures.SceneJpeg(1, 200, 150);
        foreach (var user in Users)
        {
            var client = await fixture.ClientFor(user);
            using var form = new MultipartFormDataContent { { new StringContent("1.01"), "indicator" }, { new ByteArrayContent(photo), "file", "foto.jpg" } };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports/32.73.29.1001/2034-01/evidence") { Content = form };
            request.Headers.Add("RequestVerificationToken", await RaporFactory.AntiforgeryTokenAsync(client, user == "anon" ? "/Account/Login" : "/"));
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var expected = user == Lurah ? HttpStatusCode.Created : user == "anon" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{user}: {(int)response.StatusCode}");
        }
    }
}
