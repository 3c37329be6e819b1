using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;

namespace Rapor.Web.Data;

/// <summary>
/// Demo innovations from the seed articles, in their real kecamatan: WASPADA and CERAH (Batujajar, KBB), Margahayu's
/// innovations (Kab. Bandung), Soreang replicating WASPADA after its study visit; Batujajar's 25 ASN (invented names)
/// and KBB's innovation obligation for this year.
/// </summary>
public static class DemoInnovations
{
    public const string Kbb = "32.17";
    public const string Batujajar = "32.17.09";
    public const string Margahayu = "32.04.09";
    public const string Soreang = "32.04.37";

    private static readonly (string Name, string Position)[] BatujajarRoster =
    [
        ("Hendra Gunawan (demo)", "camat"), ("Nia Kurniasih (demo)", "sekcam"),
        ("Agus Salim (demo)", "kasi_pemerintahan"), ("Rudi Hartono (demo)", "kasi_trantib"), ("Euis Rohaeti (demo)", "kasi_pemberdayaan"),
        ("Dewi Sartika (demo)", "kasi_pelayanan"), ("Iwan Setiawan (demo)", "kasi_kesos"), ("Lina Marlina (demo)", "kasubag_umum"),
        ("Yayat Supriatna (demo)", "kasubag_program"),
        ("Asep Kurnia (demo)", "staf_asn"), ("Budi Santoso (demo)", "staf_asn"), ("Cucu Suryani (demo)", "staf_asn"), ("Dadang Sudrajat (demo)", "staf_asn"),
        ("Eka Permana (demo)", "staf_asn"), ("Fitri Handayani (demo)", "staf_asn"), ("Gilang Ramadhan (demo)", "staf_asn"), ("Heni Rahmawati (demo)", "staf_asn"),
        ("Indra Lesmana (demo)", "staf_asn"), ("Jajang Nurjaman (demo)", "staf_asn"), ("Kiki Amalia (demo)", "staf_asn"), ("Lukman Hakim (demo)", "staf_asn"),
        ("Mamat Rahmat (demo)", "staf_asn"), ("Neneng Hasanah (demo)", "staf_asn"), ("Oman Abdurahman (demo)", "staf_asn"), ("Popon Sopiah (demo)", "staf_asn"),
    ];

    private static readonly string[] MargahayuInnovations =
    [
        "Smart Innovation Collaborative Governance (SICG)", "Smart Public Service", "MAPS (Margahayu Ayo Pilah Sampah)",
        "Laboratorium Pemerintahan Desa dan Kecamatan", "Margahayu Fair", "Kampung Tematik", "Rapat Minggon", "Literasi Media Boneka",
        "Advokasi Jajanan Sehat", "Sekolah Sehat", "Pasar Sehat",
    ];

    public static async Task SeedAsync(RaporDbContext db, UserManager<AppUser> users, string password, int year, CancellationToken ct)
    {
        if (await db.Innovations.AnyAsync(i => i.IsDemo, ct))
            return;
        var roster = BatujajarRoster.Select((p, n) => new Official
        {
            Name = p.Name, Position = p.Position, UnitCode = Batujajar,
            // Valid NIP shape: birth 1975–1994, TMT 2000–2019, sex, sequence.
            Nip = $"{1975 + n % 20}{(n % 12) + 1:00}{(n % 27) + 1:00}{2000 + n % 20}{(n % 12) + 1:00}{(n % 2) + 1}{n + 1:000}",
            StartDate = new DateOnly(2022 + n % 3, 1, 3),
        }).ToList();
        db.Officials.AddRange(roster);
        Official Of(string position) => roster.First(o => o.Position == position);

        var margahayuCamat = new Official { Name = "Camat Margahayu (demo)", Nip = "197306152000121003", Position = "camat", UnitCode = Margahayu, StartDate = new(2017, 1, 2) };
        var soreangKasubag = new Official { Name = "Kasubag Program Soreang (demo)", Nip = "198609102011012004", Position = "kasubag_program", UnitCode = Soreang, StartDate = new(2023, 1, 2) };
        db.Officials.AddRange(margahayuCamat, soreangKasubag);

        var now = DateTime.UtcNow;
        Innovation New(string tenant, string unit, string name, InnovationBentuk bentuk, InnovationJenis jenis, string problem, string? results, Official owner,
            (InnovationStage Stage, DateOnly Date, DateOnly? Verified)[] steps, Guid? replicatedFrom = null)
        {
            var i = new Innovation { TenantCode = tenant, UnitCode = unit, Name = name, Bentuk = bentuk, Jenis = jenis, Problem = problem, Results = results,
                ReplicatedFromId = replicatedFrom, CreatedBy = "system", CreatedAt = now, IsDemo = true };
            i.Owners.Add(new InnovationOwner { InnovationId = i.Id, OfficialId = owner.Id, UnitCode = unit });
            foreach (var s in steps)
                i.Steps.Add(new InnovationStep { InnovationId = i.Id, Stage = s.Stage, Date = s.Date, UnitCode = unit, Status = s.Verified is null ? StageStatus.Diajukan : StageStatus.Diverifikasi, VerifiedOn = s.Verified, VerifiedBy = s.Verified is null ? null : "verifikator.kbb" });
            db.Innovations.Add(i);
            return i;
        }

        var waspada = New(Kbb, Batujajar, "WASPADA (Pengawasan pada Desa)", InnovationBentuk.TataKelola, InnovationJenis.NonDigital,
            "Pengawasan kecamatan terhadap pemerintah desa belum terjadwal dan sistematis.", "7 desa dikunjungi terjadwal tiap bulan; temuan APBDes ditindaklanjuti.",
            Of("kasi_pemerintahan"),
            [(InnovationStage.Inisiatif, new(year, 1, 10), new(year, 1, 20)), (InnovationStage.UjiCoba, new(year, 2, 1), new(year, 2, 20)), (InnovationStage.Penerapan, new(year, 3, 1), new(year, 3, 15))]);
        waspada.Owners.Add(new InnovationOwner { InnovationId = waspada.Id, OfficialId = Of("sekcam").Id, UnitCode = Batujajar });
        New(Kbb, Batujajar, "CERAH (Cepat, Ramah, Humanis)", InnovationBentuk.PelayananPublik, InnovationJenis.NonDigital,
            "Warga menunggu lama dan merasa kurang dilayani di loket kecamatan.", "Layanan selesai sesuai SLA naik; keluhan keramahan turun.",
            Of("kasi_pelayanan"), [(InnovationStage.Inisiatif, new(year, 3, 1), new(year, 3, 10)), (InnovationStage.UjiCoba, new(year, 5, 2), new(year, 6, 10))]);
        New(Kbb, Batujajar, "Posko Aduan Trantib Malam", InnovationBentuk.PelayananPublik, InnovationJenis.NonDigital,
            "Aduan ketertiban malam hari tidak tercatat.", null, Of("kasi_trantib"), [(InnovationStage.Inisiatif, new(year, 4, 1), null)]);

        foreach (var (name, n) in MargahayuInnovations.Select((x, n) => (x, n)))
        {
            var stage = n < 6 ? InnovationStage.Penerapan : n < 9 ? InnovationStage.UjiCoba : InnovationStage.Inisiatif;
            var steps = Enumerable.Range(0, (int)stage + 1).Select(s => ((InnovationStage)s, new DateOnly(2018, 2 + s, 1), (DateOnly?)new DateOnly(2018, 2 + s, 20))).ToArray();
            New("32.04", Margahayu, name, name.Contains("Smart", StringComparison.Ordinal) || name.Contains("SICG", StringComparison.Ordinal) ? InnovationBentuk.TataKelola : InnovationBentuk.PelayananPublik,
                name.Contains("Smart", StringComparison.Ordinal) ? InnovationJenis.Digital : InnovationJenis.NonDigital,
                "Inovasi Kecamatan Margahayu yang dinilai pada sinergitas kinerja kecamatan Jawa Barat 2018.", null, margahayuCamat, steps);
        }

        // Soreang studied Batujajar (December 2025) and replicates WASPADA.
        New("32.04", Soreang, "WASPADA (Pengawasan pada Desa)", InnovationBentuk.TataKelola, InnovationJenis.NonDigital, waspada.Problem!, null, soreangKasubag, [], waspada.Id);

        db.TppPolicies.Add(new TppPolicy { TenantCode = Kbb, Year = year, MinimumStage = InnovationStage.UjiCoba, CutOffDate = new(year, 12, 31), CutPercent = 10 });
        await db.SaveChangesAsync(ct);

        await DatabaseInitializer.EnsureUserAsync(users, "admin.kbb", "Admin Kabupaten Bandung Barat (demo)", Kbb, Roles.Admin, password);
        await DatabaseInitializer.EnsureUserAsync(users, "verifikator.kbb", "Verifikator Kabupaten Bandung Barat (demo)", Kbb, Roles.Verifikator, password);
        await DatabaseInitializer.EnsureUserAsync(users, "camat.batujajar", "Camat Batujajar (demo)", Batujajar, Roles.Camat, password);
        var kasi = await DatabaseInitializer.EnsureUserAsync(users, "kasi.trantib.batujajar", "Kasi Trantib Batujajar (demo)", Batujajar, Roles.Staf, password);
        kasi.OfficialId = Of("kasi_trantib").Id;
        await users.UpdateAsync(kasi);
        var kasiKesos = await DatabaseInitializer.EnsureUserAsync(users, "kasi.kesos.batujajar", "Kasi Kesos Batujajar (demo)", Batujajar, Roles.Staf, password);
        kasiKesos.OfficialId = Of("kasi_kesos").Id;
        await users.UpdateAsync(kasiKesos);
    }
}
