using Rapor.Web.Domain;

namespace Rapor.Web.Features.Reports;

/// <summary>How a report status reads and looks everywhere (form, compliance board, inbox).</summary>
public static class StatusBadge
{
    public static string Text(ReportStatus? status) => status switch
    {
        null => "belum diisi",
        ReportStatus.Draf => "draf",
        ReportStatus.Diajukan => "diajukan",
        ReportStatus.Dikembalikan => "dikembalikan",
        ReportStatus.DisetujuiCamat => "disetujui camat",
        ReportStatus.Diverifikasi => "diverifikasi",
        _ => status.ToString()!,
    };

    public static string Css(ReportStatus? status) => status switch
    {
        null => "bg-light text-dark border",
        ReportStatus.Draf => "bg-secondary",
        ReportStatus.Diajukan => "bg-primary",
        ReportStatus.Dikembalikan => "bg-warning text-dark",
        ReportStatus.DisetujuiCamat => "bg-info text-dark",
        _ => "bg-success",
    };
}
