using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Services;

/// <summary>The tenant template and its adoption by a unit.</summary>
public static class ServiceCatalogue
{
    private sealed record Example(string Code, string Name, ServiceKind Kind, string Group, int Sla, SlaUnit Unit, string Requirements, string Product, string Legal);

    /// <summary>
    /// A starting list of PATEN services (Permendagri 4/2010: perizinan and non-perizinan delegated to the camat) for an
    /// admin to adjust; requirements and times are typical of published kecamatan Standar Pelayanan, not a regulation.
    /// </summary>
    private static readonly Example[] Examples =
    [
        new("SKTM", "Surat Keterangan Tidak Mampu", ServiceKind.NonPerizinan, "A", 30, SlaUnit.Menit,
            "Surat pengantar RT/RW dan kelurahan/desa\nFotokopi KTP-el pemohon\nFotokopi Kartu Keluarga", "Surat Keterangan Tidak Mampu", "Permendagri 4/2010 tentang PATEN"),
        new("SKD", "Surat Keterangan Domisili", ServiceKind.NonPerizinan, "A", 30, SlaUnit.Menit,
            "Surat pengantar RT/RW dan kelurahan/desa\nFotokopi KTP-el\nFotokopi Kartu Keluarga", "Surat Keterangan Domisili", "Permendagri 4/2010 tentang PATEN"),
        new("SKAW", "Surat Keterangan Ahli Waris", ServiceKind.NonPerizinan, "A", 60, SlaUnit.Menit,
            "Surat pengantar kelurahan/desa\nSurat keterangan kematian\nFotokopi KTP-el dan KK para ahli waris\nSurat pernyataan ahli waris bermeterai", "Surat Keterangan Ahli Waris", "Permendagri 4/2010 tentang PATEN"),
        new("LGL", "Legalisasi dokumen", ServiceKind.NonPerizinan, "A", 15, SlaUnit.Menit,
            "Dokumen asli\nFotokopi dokumen yang dilegalisasi", "Dokumen terlegalisasi", "Permendagri 4/2010 tentang PATEN"),
        new("DISP", "Rekomendasi dispensasi nikah / izin keramaian", ServiceKind.NonPerizinan, "A", 45, SlaUnit.Menit,
            "Surat permohonan\nSurat pengantar kelurahan/desa\nFotokopi KTP-el pemohon", "Surat rekomendasi", "Permendagri 4/2010 tentang PATEN"),
        new("IUMK", "Izin Usaha Mikro dan Kecil (IUMK)", ServiceKind.Perizinan, "B", 3, SlaUnit.HariKerja,
            "Formulir permohonan\nFotokopi KTP-el dan KK\nSurat pengantar RT/RW\nPas foto 4×6 (2 lembar)", "Naskah IUMK", "Perpres 98/2014; Permendagri 83/2014"),
        new("REKIMB", "Rekomendasi Persetujuan Bangunan Gedung (rumah tinggal)", ServiceKind.Perizinan, "B", 5, SlaUnit.HariKerja,
            "Formulir permohonan\nFotokopi KTP-el\nBukti kepemilikan tanah\nGambar rencana bangunan\nBukti lunas PBB tahun berjalan", "Surat rekomendasi", "PP 16/2021; Permendagri 4/2010"),
        new("REKL", "Izin reklame insidentil", ServiceKind.Perizinan, "B", 2, SlaUnit.HariKerja,
            "Formulir permohonan\nFotokopi KTP-el\nDesain dan ukuran reklame\nDenah lokasi", "Izin reklame insidentil", "Permendagri 4/2010 tentang PATEN"),
    ];

    public static IEnumerable<ServiceStandard> ExampleTemplate(string tenantCode) => Examples.Select((e, n) => new ServiceStandard
    {
        TenantCode = tenantCode, UnitCode = tenantCode, Code = e.Code, Name = e.Name, Kind = e.Kind, QueueGroup = e.Group, SlaValue = e.Sla, SlaUnit = e.Unit,
        Requirements = e.Requirements, Procedure = "Pemohon mengambil nomor antrean\nPetugas memeriksa kelengkapan berkas\nPetugas memproses dan mencetak dokumen\nCamat/Sekcam menandatangani\nDokumen diserahkan kepada pemohon",
        Fee = 0, Product = e.Product, Responsible = "Camat (dilaksanakan Kasi Pelayanan)", LegalBasis = e.Legal, Order = n + 1,
    });

    /// <summary>Copies every template service the unit does not have yet (by code); what the unit already adjusted stays.</summary>
    public static async Task<int> AdoptAsync(RaporDbContext db, Region unit, CancellationToken ct)
    {
        var template = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit.TenantCode).ToListAsync(ct);
        var have = await db.ServiceStandards.Where(s => s.UnitCode == unit.Code).Select(s => s.Code).ToListAsync(ct);
        var added = template.Where(t => !have.Contains(t.Code)).Select(t => new ServiceStandard
        {
            TenantCode = unit.TenantCode, UnitCode = unit.Code, Code = t.Code, Name = t.Name, Kind = t.Kind, QueueGroup = t.QueueGroup, Requirements = t.Requirements,
            Procedure = t.Procedure, SlaValue = t.SlaValue, SlaUnit = t.SlaUnit, Fee = t.Fee, Product = t.Product, Responsible = t.Responsible, LegalBasis = t.LegalBasis,
            Active = t.Active, Order = t.Order, AdoptedFromId = t.Id,
        }).ToList();
        db.ServiceStandards.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    public static string SlaText(ServiceStandard s, Microsoft.Extensions.Localization.IStringLocalizer t) =>
        t[s.SlaUnit == SlaUnit.Menit ? "{0} menit" : "{0} hari kerja", s.SlaValue];

    public static string FeeText(decimal fee, Microsoft.Extensions.Localization.IStringLocalizer t) =>
        fee == 0 ? t["Gratis (Rp0)"] : "Rp" + fee.ToString("N0", CultureInfo.CurrentCulture);

    public static string KindText(ServiceKind k) => k == ServiceKind.Perizinan ? "Perizinan" : "Non-perizinan";
}
