using Rapor.Web.Domain;

namespace Rapor.Web.Data;

/// <summary>
/// An example framework for Kota Bandung in the shape of SIP Bandung Juara's four bidang. The indicators are
/// realistic but invented from the domain brief (the real SIP indicator list is not public): adapt before use.
/// Weights per bidang sum to 100 for kecamatan and for kelurahan separately (level-specific indicators balance them).
/// </summary>
public static class BandungFramework
{
    private sealed record Def(string Code, string Name, string Unit, IndicatorType Type, double Target, double Weight,
        UnitLevel Level, Frequency Freq = Frequency.Monthly, Direction Dir = Direction.HigherIsBetter, bool Evidence = false,
        ValueSource Source = ValueSource.Manual, string? Activity = null, string? Description = null);

    private static readonly (string Name, double Weight, Def[] Indicators)[] Definition =
    [
        ("Kualitas pelayanan publik", 30,
        [
            new("1.01", "Layanan PATEN/administrasi selesai sesuai SLA", "%", IndicatorType.Percentage, 95, 25, UnitLevel.Both, Evidence: true, Source: ValueSource.QueueSla, Description: "Dari antrean digital: tiket yang selesai dilayani dalam waktu standar pelayanan dibagi seluruh tiket selesai bulan ini. Unit tanpa antrean mengisi manual."),
            new("1.02", "Indeks Kepuasan Masyarakat (IKM) unit layanan", "nilai 25–100", IndicatorType.Number, 88.31, 15, UnitLevel.Both, Frequency.Annual, Evidence: true, Source: ValueSource.Ikm, Description: "Hasil SKM (PermenPANRB 14/2017) tahun ini; 88,31 adalah batas mutu A. Unit yang tidak mengelola SKM di Rapor mengisi manual."),
            new("1.03", "Rata-rata waktu tunggu antrean PATEN", "menit", IndicatorType.Number, 15, 15, UnitLevel.Kecamatan, Dir: Direction.LowerIsBetter, Evidence: true, Source: ValueSource.QueueWait,
                Description: "Dari antrean digital: rata-rata menit dari mengambil nomor sampai dipanggil. Unit tanpa antrean mengisi manual."),
            new("1.04", "Pengaduan masyarakat yang ditindaklanjuti", "%", IndicatorType.Percentage, 100, 15, UnitLevel.Both),
            new("1.05", "Standar pelayanan dan maklumat pelayanan dipampang", "ya/tidak", IndicatorType.YesNo, 1, 10, UnitLevel.Both, Frequency.Annual, Evidence: true),
            new("1.06", "Layanan jemput bola / daring yang diselesaikan", "layanan", IndicatorType.Number, 20, 10, UnitLevel.Both),
            new("1.07", "Hasil SKM dipublikasikan dengan rencana tindak lanjut", "dokumen", IndicatorType.Document, 1, 10, UnitLevel.Kecamatan, Frequency.Annual, Evidence: true),
            new("1.08", "Surat pengantar dan layanan kependudukan yang diterbitkan", "dokumen", IndicatorType.Number, 150, 25, UnitLevel.Kelurahan),
        ]),
        ("Kinerja penyelenggaraan tugas umum pemerintahan", 25,
        [
            new("2.01", "Partisipasi RW dalam musrenbang", "%", IndicatorType.Percentage, 90, 15, UnitLevel.Both, Frequency.Annual, Evidence: true),
            new("2.02", "Realisasi penerimaan PBB-P2 terhadap target (kumulatif)", "%", IndicatorType.Percentage, 100, 20, UnitLevel.Both, Evidence: true),
            new("2.03", "Penyerapan anggaran kecamatan terhadap rencana kas (kumulatif)", "%", IndicatorType.Percentage, 95, 30, UnitLevel.Kecamatan),
            new("2.04", "Rapat koordinasi dengan RT/RW, OPD dan instansi vertikal", "kali", IndicatorType.Number, 4, 10, UnitLevel.Both),
            new("2.05", "Laporan penyelenggaraan pemerintahan kecamatan disampaikan", "dokumen", IndicatorType.Document, 1, 10, UnitLevel.Kecamatan, Frequency.Annual, Evidence: true),
            new("2.06", "Data profil kelurahan dan kependudukan dimutakhirkan", "ya/tidak", IndicatorType.YesNo, 1, 20, UnitLevel.Kelurahan),
            new("2.07", "Aset yang tercatat dan berlabel", "%", IndicatorType.Percentage, 100, 15, UnitLevel.Both, Frequency.Annual),
            new("2.08", "Pembinaan lembaga kemasyarakatan (LPM, RW, PKK, Karang Taruna)", "kegiatan", IndicatorType.Number, 4, 20, UnitLevel.Kelurahan),
        ]),
        ("Ketertiban, kebersihan, keindahan dan lingkungan hidup", 25,
        [
            new("3.01", "Kerja bakti bersama warga", "kegiatan", IndicatorType.ActivityCount, 4, 20, UnitLevel.Both, Source: ValueSource.FieldActivities, Activity: "kerja_bakti"),
            new("3.02", "Nilai inspeksi kebersihan wilayah (K3)", "nilai 0–100", IndicatorType.Number, 85, 25, UnitLevel.Both, Evidence: true),
            new("3.03", "Titik sampah liar yang ditangani", "%", IndicatorType.Percentage, 100, 15, UnitLevel.Both),
            new("3.04", "Pelanggaran ketertiban (PKL, reklame liar) yang ditertibkan", "%", IndicatorType.Percentage, 90, 20, UnitLevel.Kecamatan),
            new("3.05", "Sampah terpilah melalui bank sampah", "kg", IndicatorType.Number, 500, 25, UnitLevel.Kelurahan),
            new("3.06", "Kejadian gangguan ketertiban umum", "kejadian", IndicatorType.Number, 2, 15, UnitLevel.Both, Dir: Direction.LowerIsBetter),
            new("3.07", "Taman dan ruang terbuka hijau dipelihara", "ya/tidak", IndicatorType.YesNo, 1, 5, UnitLevel.Kecamatan),
        ]),
        ("Inovasi, kreativitas dan peningkatan indeks kebahagiaan", 20,
        [
            new("4.01", "Subuh keliling", "kegiatan", IndicatorType.ActivityCount, 4, 15, UnitLevel.Both, Source: ValueSource.FieldActivities, Activity: "subuh_keliling"),
            new("4.02", "Jumat keliling", "kegiatan", IndicatorType.ActivityCount, 4, 15, UnitLevel.Both, Source: ValueSource.FieldActivities, Activity: "jumat_keliling"),
            new("4.03", "Makan malam bersama keluarga pra sejahtera", "kegiatan", IndicatorType.ActivityCount, 2, 15, UnitLevel.Both, Source: ValueSource.FieldActivities, Activity: "makan_malam_prasejahtera"),
            new("4.04", "Culinary night", "kegiatan", IndicatorType.ActivityCount, 1, 10, UnitLevel.Kecamatan, Source: ValueSource.FieldActivities, Activity: "culinary_night"),
            new("4.05", "Inovasi pada tahap penerapan", "inovasi", IndicatorType.Number, 2, 20, UnitLevel.Both, Frequency.Annual, Source: ValueSource.Innovations,
                Description: "Dihitung dari registri inovasi: inovasi unit yang tahap penerapannya diverifikasi pada tahun ini."),
            new("4.06", "Kegiatan peningkatan kebahagiaan warga (seni, olahraga, festival)", "kegiatan", IndicatorType.Number, 2, 15, UnitLevel.Both),
            new("4.07", "Kampung tematik / RW unggulan aktif", "ya/tidak", IndicatorType.YesNo, 1, 20, UnitLevel.Kelurahan, Evidence: true),
            new("4.08", "Kemitraan dengan komunitas dan dunia usaha", "kemitraan", IndicatorType.Number, 2, 10, UnitLevel.Kecamatan),
        ]),
    ];

    public static Framework Create(string tenantCode, int year) => new()
    {
        TenantCode = tenantCode,
        Year = year,
        Name = $"SIP {year} — contoh kerangka (sesuaikan sebelum dipakai)",
        Bidang = Definition.Select((b, n) => new Bidang
        {
            Number = n + 1,
            Name = b.Name,
            Weight = b.Weight,
            TenantCode = tenantCode,
            Indicators = b.Indicators.Select(d => new Indicator
            {
                Code = d.Code,
                Name = d.Name,
                Description = d.Description,
                Unit = d.Unit,
                Type = d.Type,
                Direction = d.Dir,
                Target = d.Target,
                Weight = d.Weight,
                Frequency = d.Freq,
                Level = d.Level,
                EvidenceRequired = d.Evidence,
                Rule = d.Type is IndicatorType.YesNo or IndicatorType.Document ? ScoringRule.YesNo
                    : d.Dir == Direction.LowerIsBetter ? ScoringRule.LowerIsBetter : ScoringRule.LinearToTarget,
                Source = d.Source,
                ActivityKind = d.Activity,
                TenantCode = tenantCode,
            }).ToList(),
        }).ToList(),
    };
}
