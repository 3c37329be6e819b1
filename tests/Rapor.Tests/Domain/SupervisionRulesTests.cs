using Rapor.Web.Domain;

namespace Rapor.Tests.Domain;

public sealed class SupervisionRulesTests
{
    private static readonly DateTime Now = new(2026, 5, 10, 3, 0, 0, DateTimeKind.Utc);

    private static (SupervisionVisit Visit, ChecklistItem Item) VisitWithItem()
    {
        var template = DefaultChecklist.Create("32.17", "test", Now);
        var visit = new SupervisionVisit { KecamatanCode = "32.17.09", DesaCode = "32.17.09.2001", TenantCode = "32.17", TemplateId = template.Id, ScheduledOn = new(2026, 5, 4), CreatedBy = "test" };
        return (visit, template.Items[0]);
    }

    private static Temuan Finding(TemuanSeverity? severity = null, DateOnly? due = null)
    {
        var (visit, item) = VisitWithItem();
        var answer = new VisitAnswer { VisitId = visit.Id, ItemId = item.Id, Answer = ChecklistAnswer.TidakSesuai, Severity = severity, DueOn = due, DesaCode = visit.DesaCode, Note = "Buku belum diisi sejak Maret" };
        return Temuan.Create(visit, item, answer, new(2026, 5, 4), "kasi", Now);
    }

    [Fact]
    public void The_default_checklist_has_forty_items_in_the_seven_sections_the_issue_names()
    {
        var t = DefaultChecklist.Create("32.17", "test", Now);
        Assert.Equal(40, t.Items.Count);
        Assert.Equal(7, t.Sections.Count());
        Assert.Contains(t.Sections, s => s.Key.Contains("APBDes", StringComparison.Ordinal));
        Assert.Contains(t.Sections, s => s.Key.Contains("BPD", StringComparison.Ordinal));
        Assert.Equal(t.Items.Count, t.Items.Select(i => i.Code).Distinct().Count());
    }

    [Theory]
    [InlineData(TemuanSeverity.Berat, 14)]
    [InlineData(TemuanSeverity.Sedang, 30)]
    [InlineData(TemuanSeverity.Ringan, 60)]
    public void A_finding_without_a_due_date_gets_one_by_severity(TemuanSeverity severity, int days)
    {
        var t = Finding(severity);
        Assert.Equal(new DateOnly(2026, 5, 4).AddDays(days), t.DueOn);
        Assert.Equal(TemuanAction.Dibuat, Assert.Single(t.Events).Action);
    }

    [Fact]
    public void Accepting_a_follow_up_sent_on_the_due_day_counts_as_on_time_and_the_day_after_does_not()
    {
        var onTime = Finding(due: new(2026, 6, 1));
        onTime.SubmitFollowUp("Buku sudah diisi", new(2026, 6, 1), "kades", Now);
        onTime.Accept(null, "camat", Now);
        Assert.True(onTime.ClosedOnTime);
        Assert.Equal(TemuanStatus.Selesai, onTime.Status);

        var late = Finding(due: new(2026, 6, 1));
        late.SubmitFollowUp("Buku sudah diisi", new(2026, 6, 2), "kades", Now);
        late.Accept(null, "camat", Now);
        Assert.False(late.ClosedOnTime);
    }

    [Fact]
    public void A_returned_follow_up_goes_back_to_the_desa_and_every_step_is_in_the_history()
    {
        var t = Finding(due: new(2026, 6, 1));
        t.SubmitFollowUp("Sudah", new(2026, 5, 20), "kades", Now);
        Assert.Throws<DomainException>(() => t.SubmitFollowUp("Lagi", new(2026, 5, 21), "kades", Now));
        Assert.Throws<DomainException>(() => t.Return(" ", null, new(2026, 5, 21), "camat", Now));
        t.Return("Lampirkan foto buku", new(2026, 6, 15), new(2026, 5, 21), "camat", Now);
        Assert.Equal(TemuanStatus.Dikembalikan, t.Status);
        Assert.Equal(new DateOnly(2026, 6, 15), t.DueOn);
        Assert.Equal([TemuanAction.Dibuat, TemuanAction.Ditanggapi, TemuanAction.Dikembalikan, TemuanAction.TenggatDiubah], t.Events.Select(e => e.Action));
        Assert.Throws<DomainException>(() => t.Accept(null, "camat", Now));
    }

    [Fact]
    public void Escalation_rises_once_per_level_and_a_new_due_date_starts_it_over()
    {
        var t = Finding(due: new(2026, 6, 1));
        Assert.Equal(0, t.EscalationDue(new(2026, 6, 1)));
        Assert.Equal(1, t.EscalationDue(new(2026, 6, 2)));
        Assert.Equal(2, t.EscalationDue(new(2026, 6, 15)));
        Assert.True(t.Escalate(1, new(2026, 6, 2), Now));
        Assert.False(t.Escalate(1, new(2026, 6, 3), Now));
        Assert.True(t.Escalate(2, new(2026, 6, 20), Now));
        t.ChangeDue(new(2026, 7, 1), "Menunggu pencairan tahap II", new(2026, 6, 20), "camat", Now);
        Assert.Equal(0, t.EscalationLevel);
        Assert.Equal(0, t.EscalationDue(new(2026, 6, 20)));
    }

    [Fact]
    public void Compliance_counts_applicable_items_only()
    {
        var (visit, item) = VisitWithItem();
        visit.Answers.Add(new VisitAnswer { VisitId = visit.Id, ItemId = item.Id, Answer = ChecklistAnswer.Sesuai, DesaCode = visit.DesaCode });
        visit.Answers.Add(new VisitAnswer { VisitId = visit.Id, ItemId = Guid.NewGuid(), Answer = ChecklistAnswer.TidakSesuai, DesaCode = visit.DesaCode });
        visit.Answers.Add(new VisitAnswer { VisitId = visit.Id, ItemId = Guid.NewGuid(), Answer = ChecklistAnswer.TidakBerlaku, DesaCode = visit.DesaCode });
        Assert.Equal(50, visit.Compliance);
        Assert.Null(SupervisionVisit.ComplianceOf([]));
    }

    [Fact]
    public void A_visit_is_on_schedule_up_to_seven_days_after_its_date()
    {
        var (visit, _) = VisitWithItem();
        visit.Complete(visit.ScheduledOn.AddDays(7), "kasi", Now);
        Assert.True(visit.DoneOnSchedule);
        var (late, _) = VisitWithItem();
        late.Complete(late.ScheduledOn.AddDays(8), "kasi", Now);
        Assert.False(late.DoneOnSchedule);
        Assert.Throws<DomainException>(() => late.Complete(late.ScheduledOn, "kasi", Now));
    }

    [Theory]
    [InlineData(0.4907, IdmStatus.SangatTertinggal)]
    [InlineData(0.4908, IdmStatus.Tertinggal)]
    [InlineData(0.5989, IdmStatus.Tertinggal)]
    [InlineData(0.7072, IdmStatus.Berkembang)]
    [InlineData(0.8155, IdmStatus.Maju)]
    [InlineData(0.8156, IdmStatus.Mandiri)]
    public void Idm_status_follows_the_thresholds_of_the_domain_brief(double idm, IdmStatus status) =>
        Assert.Equal(status, IdmRules.StatusOf(idm));

    [Theory]
    [InlineData("SANGAT TERTINGGAL", IdmStatus.SangatTertinggal)]
    [InlineData("sangat_tertinggal", IdmStatus.SangatTertinggal)]
    [InlineData(" Mandiri ", IdmStatus.Mandiri)]
    [InlineData("berkembang", IdmStatus.Berkembang)]
    public void Idm_status_is_read_as_sheets_write_it(string text, IdmStatus status) => Assert.Equal(status, IdmRules.Parse(text));

    [Fact]
    public void An_unknown_idm_status_is_not_guessed() => Assert.Null(IdmRules.Parse("Swasembada"));

    [Fact]
    public void A_framework_refuses_supervision_sources_on_a_kelurahan_indicator()
    {
        var i = new Indicator { Code = "9.9", Name = "x", Type = IndicatorType.Percentage, Target = 100, Weight = 100, Level = UnitLevel.Kelurahan, Rule = ScoringRule.LinearToTarget, Source = ValueSource.FindingsOnTime };
        Assert.Contains("indikator dari pengawasan desa hanya untuk tingkat kecamatan dan bertipe persentase.", FrameworkRules.ValidateIndicator(i));
        i.Level = UnitLevel.Kecamatan;
        Assert.Empty(FrameworkRules.ValidateIndicator(i));
    }
}
