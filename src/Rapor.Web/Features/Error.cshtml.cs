using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rapor.Web.Features;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    /// <summary>The exact reason when the failed request's input was refused (too long, a broken rule).</summary>
    public string? Detail { get; private set; }

    public string Message => Status switch
    {
        429 => "Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar lalu coba lagi.",
        404 => "Halaman tidak ditemukan.",
        403 => "Akses ditolak.",
        400 => "Permintaan tidak valid. Periksa kembali isian Anda.",
        413 => "Berkas atau permintaan terlalu besar. Batas unggah 10 MB per berkas.",
        _ => "Terjadi kesalahan di server. Tim kami sudah tercatat; silakan coba lagi.",
    };

    public void OnGet(int? code) => Handle(code);

    public void OnPost(int? code) => Handle(code);

    private void Handle(int? code)
    {
        Status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        Response.StatusCode = Status;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is Infrastructure.InputTooLongException or Domain.DomainException)
            Detail = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()!.Error.Message;
    }
}
