using Rapor.Web.Domain;
using static Rapor.Web.Domain.InnovationCompliance;

namespace Rapor.Tests.Domain;

public sealed class InnovationComplianceTests
{
    private static readonly TppPolicy Policy = new() { TenantCode = "32.17", Year = 2026, MinimumStage = InnovationStage.UjiCoba, CutOffDate = new(2026, 10, 31), MinimumDays = 90 };
    private static readonly Guid Waspada = Guid.NewGuid();

    private static Tenure Kasi(string nip, DateOnly start, DateOnly? end = null, string position = "kasi_pemerintahan") =>
        new(nip, "Pejabat " + nip[^3..], position, "32.17.09", start, end);

    private static OwnedStage Verified(string nip, DateOnly on, InnovationStage stage = InnovationStage.UjiCoba) =>
        new(nip, Waspada, "WASPADA", stage, StageStatus.Diverifikasi, on);

    private static Verdict One(IEnumerable<Tenure> tenures, IEnumerable<OwnedStage> stages) => Assert.Single(Judge(Policy, tenures, stages));

    [Theory]
    [InlineData(2026, 10, 31, true)]  // on the cut-off day: counts
    [InlineData(2026, 11, 1, false)]  // the day after: too late
    public void Verification_on_the_cut_off_counts_and_the_day_after_does_not(int y, int m, int d, bool compliant)
    {
        var v = One([Kasi("197001012000011001", new(2020, 1, 1))], [Verified("197001012000011001", new(y, m, d))]);
        Assert.Equal(compliant, v.Compliant);
        if (!compliant)
            Assert.Contains("setelah batas 31-10-2026", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_below_the_minimum_does_not_count()
    {
        var v = One([Kasi("197001012000011001", new(2020, 1, 1))], [Verified("197001012000011001", new(2026, 3, 1), InnovationStage.Inisiatif)]);
        Assert.False(v.Compliant);
        Assert.Contains("belum diverifikasi pada tahap uji coba", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_owner_of_a_shared_innovation_complies()
    {
        var tenures = new[] { Kasi("197001012000011001", new(2020, 1, 1)), Kasi("198002022005012002", new(2021, 1, 1), position: "kasubag_umum") };
        var stages = new[] { Verified("197001012000011001", new(2026, 4, 1)), Verified("198002022005012002", new(2026, 4, 1)) };
        Assert.All(Judge(Policy, tenures, stages), v => Assert.True(v.Compliant));
    }

    [Fact]
    public void No_innovation_means_not_compliant_and_staff_positions_are_not_judged()
    {
        var verdicts = Judge(Policy, [Kasi("197001012000011001", new(2020, 1, 1)), Kasi("199001012015011001", new(2020, 1, 1), position: "staf_asn")], []);
        var v = Assert.Single(verdicts);
        Assert.Equal((false, "Tidak memiliki inovasi."), (v.Compliant, v.Reason));
    }

    [Fact]
    public void After_a_mid_year_move_only_time_as_Kasi_counts()
    {
        // Staf until 31 March, Kasi from 1 April: an innovation verified in February (as staf) does not count …
        var nip = "198505052010011005";
        var tenures = new[] { new Tenure(nip, "Dadan", "staf_asn", "32.17.09", new(2019, 1, 1), new(2026, 3, 31)), Kasi(nip, new(2026, 4, 1)) };
        var early = One(tenures, [Verified(nip, new(2026, 2, 15))]);
        Assert.False(early.Compliant);
        Assert.Contains("di luar masa jabatan Kasi/Kasubag", early.Reason, StringComparison.Ordinal);
        Assert.Equal(214, early.DaysInPosition); // 1 April – 31 October
        // … one verified in May does.
        Assert.True(One(tenures, [Verified(nip, new(2026, 5, 2))]).Compliant);
    }

    [Fact]
    public void A_Kasi_for_less_than_the_minimum_days_before_the_cut_off_is_not_judged()
    {
        var v = One([Kasi("197001012000011001", new(2026, 9, 1))], []);
        Assert.False(v.Subject);
        Assert.Contains("61 hari", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_returned_then_re_verified_counts_from_its_verification_date()
    {
        var nip = "197001012000011001";
        var returned = new OwnedStage(nip, Waspada, "WASPADA", InnovationStage.UjiCoba, StageStatus.Dikembalikan, null);
        Assert.False(One([Kasi(nip, new(2020, 1, 1))], [returned]).Compliant);
        Assert.True(One([Kasi(nip, new(2020, 1, 1))], [returned with { Status = StageStatus.Diverifikasi, VerifiedOn = new(2026, 6, 30) }]).Compliant);
    }

    [Theory]
    [InlineData(new[] { 2, 2 }, 20, "kurang inovatif")]                 // 2 × penerapan / max(10, 2)
    [InlineData(new[] { 2, 2, 2, 2, 1, 1, 1, 0 }, 61, "sangat inovatif")] // (4·100 + 3·60 + 30) / 10
    [InlineData(new[] { 2, 2, 2, 1, 1, 1 }, 48, "inovatif")]
    [InlineData(new int[0], 0, "tidak dapat dinilai")]
    public void Innovation_index_divides_by_max_10_n_and_gives_a_predikat(int[] stages, double index, string predikat)
    {
        var i = InnovationIndex.Of(stages.Select(s => (InnovationStage?)(InnovationStage)s).ToList());
        Assert.Equal(index, i, 6);
        Assert.Equal(predikat, InnovationIndex.Predikat(i));
    }
}
