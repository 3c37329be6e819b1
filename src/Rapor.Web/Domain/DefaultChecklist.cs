namespace Rapor.Web.Domain;

/// <summary>
/// The supervision checklist every tenant starts from (40 items in 7 sections), after the rules a kecamatan checks
/// in a desa: village administration books (Permendagri 47/2016), village finance (Permendagri 20/2018), village
/// legal products (Permendagri 111/2014), assets (Permendagri 1/2016), BUMDes (PP 11/2021) and BPD
/// (Permendagri 110/2016). An example to adapt: the admin edits it into a new version.
/// </summary>
public static class DefaultChecklist
{
    public const string Name = "Daftar periksa pengawasan desa";

    private static readonly (string Section, string Prefix, (string Text, string? Guidance)[] Items)[] Definition =
    [
        ("Administrasi pemerintahan desa", "A",
        [
            ("Buku Peraturan di Desa diisi dan mutakhir", "Setiap Perdes dan Perkades tahun berjalan tercatat dengan nomor dan tanggal."),
            ("Buku Keputusan Kepala Desa diisi", null),
            ("Buku Aparat Pemerintah Desa memuat SK pengangkatan setiap perangkat", null),
            ("Buku Agenda dan Buku Ekspedisi surat diisi", "Surat masuk dan keluar bulan terakhir tercatat."),
            ("Buku Lembaran Desa dan Berita Desa diisi", null),
            ("Buku Induk Penduduk dan buku mutasi penduduk dimutakhirkan", "Kelahiran, kematian dan pindah datang bulan terakhir tercatat."),
            ("Buku Rencana Kerja Pembangunan dan Buku Kegiatan Pembangunan diisi", null),
            ("Struktur organisasi dan tugas perangkat desa dipampang", null),
        ]),
        ("APBDes dan realisasi Dana Desa", "B",
        [
            ("APBDes tahun berjalan ditetapkan paling lambat 31 Desember tahun sebelumnya", null),
            ("Dana Desa tahap I direalisasikan sesuai RAB", "Bandingkan SPP, bukti belanja dan RAB kegiatan."),
            ("Dana Desa tahap II direalisasikan sesuai RAB; laporan tahap I disampaikan", null),
            ("Dana Desa tahap III direalisasikan sesuai RAB; laporan tahap II disampaikan", null),
            ("Buku Kas Umum ditutup tiap akhir bulan dan saldonya sesuai rekening kas desa", "Cocokkan saldo BKU dengan rekening koran bulan terakhir."),
            ("Pajak yang dipungut disetor ke kas negara (Buku Pembantu Pajak)", null),
            ("Laporan realisasi APBDes semester I disampaikan kepada bupati melalui camat", null),
            ("Papan informasi APBDes dipasang di tempat yang mudah dilihat warga", null),
        ]),
        ("Peraturan desa dan peraturan kepala desa", "C",
        [
            ("Perdes RPJMDes ditetapkan dan masih berlaku", null),
            ("Perdes RKPDes tahun berjalan ditetapkan", null),
            ("Rancangan Perdes APBDes dievaluasi bupati sebelum ditetapkan", null),
            ("Perkades penjabaran APBDes ditetapkan", null),
            ("Perdes diundangkan dalam Lembaran Desa dan disebarluaskan", null),
        ]),
        ("Pelayanan kepada masyarakat", "D",
        [
            ("Jam pelayanan kantor desa dipampang dan ditaati", null),
            ("Standar pelayanan (persyaratan, waktu, biaya) dipampang", null),
            ("Register pelayanan surat mencatat setiap layanan", null),
            ("Sarana pengaduan masyarakat tersedia dan pengaduan ditindaklanjuti", null),
            ("Perangkat desa hadir sesuai daftar hadir pada hari kunjungan", null),
        ]),
        ("Aset desa", "E",
        [
            ("Buku Inventaris dan Kekayaan Desa mutakhir", null),
            ("Buku Tanah Kas Desa dan Buku Tanah di Desa diisi", null),
            ("Tanah kas desa bersertifikat atas nama pemerintah desa", null),
            ("Aset hasil pembangunan tahun lalu dicatat sebagai aset desa", null),
            ("Kendaraan dan peralatan kantor diberi kode dan label aset", null),
        ]),
        ("BUMDes", "F",
        [
            ("Perdes pendirian BUMDes beserta AD/ART ada", null),
            ("BUMDes terdaftar sebagai badan hukum", null),
            ("Penyertaan modal desa ke BUMDes tercantum dalam APBDes", null),
            ("Laporan keuangan BUMDes tahun lalu disampaikan dalam musyawarah desa", null),
            ("Unit usaha BUMDes berjalan", null),
        ]),
        ("Badan Permusyawaratan Desa (BPD)", "G",
        [
            ("Anggota BPD lengkap dan SK peresmian dari bupati masih berlaku", null),
            ("Rapat BPD terdokumentasi (undangan, daftar hadir, notulen)", null),
            ("Musyawarah desa diselenggarakan BPD", null),
            ("BPD menerima Laporan Keterangan Penyelenggaraan Pemerintahan Desa", null),
        ]),
    ];

    public static ChecklistTemplate Create(string tenant, string user, DateTime now)
    {
        var t = new ChecklistTemplate { TenantCode = tenant, Number = 1, Name = Name, CreatedBy = user, CreatedAt = now };
        foreach (var ((section, prefix, items), s) in Definition.Select((d, n) => (d, n)))
        {
            foreach (var ((text, guidance), n) in items.Select((x, n) => (x, n)))
                t.Items.Add(new ChecklistItem
                {
                    TemplateId = t.Id, TenantCode = tenant, Section = section, SectionOrder = s + 1, Order = n + 1,
                    Code = $"{prefix}.{n + 1}", Text = text, Guidance = guidance,
                });
        }
        return t;
    }
}
