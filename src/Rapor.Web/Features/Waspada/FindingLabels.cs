using Rapor.Web.Domain;

namespace Rapor.Web.Features.Waspada;

/// <summary>The words a finding's status and history steps are shown with (keys of the shared localizer).</summary>
public static class FindingLabels
{
    public static string Status(TemuanStatus s) => s switch
    {
        TemuanStatus.Terbuka => "menunggu tindak lanjut desa",
        TemuanStatus.Ditanggapi => "menunggu pemeriksaan kecamatan",
        TemuanStatus.Dikembalikan => "dikembalikan ke desa",
        _ => "selesai",
    };

    public static string StatusClass(Temuan f, DateOnly today) => f.Status switch
    {
        TemuanStatus.Selesai => "bg-success",
        TemuanStatus.Ditanggapi => "bg-info text-dark",
        _ when f.IsOverdue(today) => "bg-danger",
        TemuanStatus.Dikembalikan => "bg-warning text-dark",
        _ => "bg-secondary",
    };

    public static string Action(TemuanAction a) => a switch
    {
        TemuanAction.Dibuat => "Temuan dibuat dari hasil kunjungan",
        TemuanAction.Ditanggapi => "Desa mengirim tindak lanjut",
        TemuanAction.Diterima => "Kecamatan menerima tindak lanjut",
        TemuanAction.Dikembalikan => "Kecamatan mengembalikan tindak lanjut",
        TemuanAction.TenggatDiubah => "Tenggat diubah",
        _ => "Eskalasi karena lewat tenggat",
    };
}
