using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapor.TestSupport;
using Rapor.Web.Domain;
using static Rapor.TestSupport.WaspadaScenario;

namespace Rapor.Tests.Features.Waspada;

/// <summary>
/// The kecamatan indicators WASPADA feeds, computed when the camat submits, with their derivation: Kec. Saguling (no demo
/// data) and last month, so every visit and due date in it has passed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SupervisionIndicatorTests(RaporFactory factory) : IClassFixture<RaporFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submitting_the_kecamatan_report_computes_desa_on_schedule_and_findings_on_time_with_their_derivation()
    {
        var month = new DateOnly(Scenario.Today.Year, Scenario.Today.Month, 1).AddMonths(-1);
        var other = month.Month == 12 ? month.AddMonths(-1) : month.AddMonths(1);
        DateOnly Day(int d) => month.AddDays(d - 1);
        await factory.KecamatanPeopleAsync(Saguling, "camat.saguling");
        var period = $"{month.Year}-{month.Month:00}";
        var (supervised, onTime) = await factory.WithDbAsync(async db =>
        {
            var fw = new Framework { TenantCode = Kbb, Year = month.Year, Name = "Uji WASPADA" };
            var b = new Bidang { FrameworkId = fw.Id, Number = 2, Name = "Penyelenggaraan pemerintahan", Weight = 100, TenantCode = Kbb };
            Indicator Ind(string code, string name, ValueSource source) => new()
            {
                BidangId = b.Id, Code = code, Name = name, Unit = "%", Type = IndicatorType.Percentage, Target = 100, Weight = 50, Frequency = Frequency.Monthly,
                Level = UnitLevel.Kecamatan, Rule = ScoringRule.LinearToTarget, Source = source, TenantCode = Kbb,
            };
            var i1 = Ind("2.09", "Desa diawasi sesuai jadwal", ValueSource.DesaSupervised);
            var i2 = Ind("2.10", "Temuan ditindaklanjuti tepat waktu", ValueSource.FindingsOnTime);
            b.Indicators.AddRange([i1, i2]);
            fw.Bidang.Add(b);
            Assert.Empty(FrameworkRules.Validate(fw));
            db.Frameworks.Add(fw);
            var p = Period.Monthly(Kbb, month.Year, month.Month);
            p.OpensOn = Scenario.Today.AddDays(-10);
            p.Deadline = Scenario.Today.AddDays(10);
            p.LocksOn = Scenario.Today.AddDays(20);
            db.Periods.Add(p);
            await db.SaveChangesAsync(Ct);
            return (i1.Id, i2.Id);
        });
        Task<Guid> Plan(string desa, DateOnly day) => factory.PlannedVisitAsync(desa, day);
        var v1 = await Plan("32.17.16.2001", Day(5));     // done the next day: on schedule
        var v2 = await Plan("32.17.16.2002", Day(5));     // done 10 days later: late
        await Plan("32.17.16.2003", Day(10));             // never done
        await Plan("32.17.16.2004", new DateOnly(other.Year, other.Month, 8)); // planned, but not this month
        var v6 = await Plan("32.17.16.2006", Day(12));    // cancelled: does not count
        await Plan("32.17.16.2006", new DateOnly(other.Year, other.Month, 9));
        // 32.17.16.2005 Cipangeran is in no plan this year: counts as not supervised.
        await factory.WithDbAsync(async db =>
        {
            var visits = await db.SupervisionVisits.Where(v => v.Id == v1 || v.Id == v2 || v.Id == v6).ToDictionaryAsync(v => v.Id, Ct);
            visits[v1].CompleteForDemo(Day(6), "test", DateTime.UtcNow);
            visits[v2].CompleteForDemo(Day(15), "test", DateTime.UtcNow);
            visits[v6].Cancel("Banjir", "test", DateTime.UtcNow);
            var items = await db.ChecklistItems.Where(i => i.TemplateId == visits[v1].TemplateId).OrderBy(i => i.SectionOrder).ThenBy(i => i.Order).Take(4).ToListAsync(Ct);
            Temuan Finding(int n, DateOnly due) => Temuan.Create(visits[v1], items[n],
                new VisitAnswer { VisitId = v1, ItemId = items[n].Id, Answer = ChecklistAnswer.TidakSesuai, DueOn = due, DesaCode = visits[v1].DesaCode, Note = "x" }, Day(6), "test", DateTime.UtcNow);
            var onTime = Finding(0, Day(20));
            onTime.SubmitFollowUp("Beres", Day(18), "kades", DateTime.UtcNow);
            onTime.Accept(null, "camat", DateTime.UtcNow);
            var late = Finding(1, Day(20));
            late.SubmitFollowUp("Beres", Day(25), "kades", DateTime.UtcNow);
            late.Accept(null, "camat", DateTime.UtcNow);
            var open = Finding(2, Day(15));
            var notYet = Finding(3, new DateOnly(Scenario.Today.Year, Scenario.Today.Month, 1).AddMonths(1));
            db.Temuan.AddRange(onTime, late, open, notYet);
            return await db.SaveChangesAsync(Ct);
        });

        var camat = await factory.LoginAsync("camat.saguling");
        var fill = WebUtility.HtmlDecode(await camat.GetStringAsync($"/Reports/Fill/{Saguling}/{period}", Ct));
        Assert.Contains("1 dari 4 desa diawasi sesuai jadwal", fill, StringComparison.Ordinal);
        Assert.Contains($"Cipangeran: tidak ada dalam rencana pengawasan {month.Year}", fill, StringComparison.Ordinal);
        Assert.Contains("Jati: 0 dari 1 kunjungan sesuai jadwal", fill, StringComparison.Ordinal);

        // Cookie-authenticated API changes carry the page's antiforgery token (ADR-040).
        using var submitRequest = new HttpRequestMessage(HttpMethod.Post, $"/api/reports/{Saguling}/{period}/submit");
        submitRequest.Headers.Add("RequestVerificationToken", await RaporFactory.AntiforgeryTokenAsync(camat, "/"));
        using var submit = await camat.SendAsync(submitRequest, Ct);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var values = await factory.WithDbAsync(db => db.ReportValues.Where(v => v.UnitCode == Saguling).ToDictionaryAsync(v => v.IndicatorId, Ct));
        Assert.Equal(25, values[supervised].Value);
        Assert.StartsWith("1 dari 4 desa diawasi sesuai jadwal (toleransi 7 hari) = 25 %", values[supervised].Note, StringComparison.Ordinal);
        Assert.Equal(33.33, values[onTime].Value);
        Assert.StartsWith("1 dari 3 temuan yang jatuh tempo ditindaklanjuti tepat waktu = 33,33 %", values[onTime].Note, StringComparison.Ordinal);
    }
}
