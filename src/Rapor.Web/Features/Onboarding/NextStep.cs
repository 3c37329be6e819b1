using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Onboarding;

/// <summary>
/// What a page says when its tenant has nothing to show yet — instead of an empty table (or another city's data):
/// the first thing missing, and for someone who can fix it, where to do so. Texts are resource keys (Bahasa Indonesia).
/// </summary>
public sealed record NextStep(string Text, string? LinkText = null, string? Link = null)
{
    public enum Need
    {
        /// <summary>The page shows periods that have opened (ranking, verification, compliance).</summary>
        OpenPeriod,

        /// <summary>The page shows finalized results (dashboard, public page).</summary>
        FinalizedPeriod,
    }

    /// <summary>Null when the tenant has what the page needs.</summary>
    public static async Task<NextStep?> ForAsync(RaporDbContext db, HttpContext http, string? tenant, Need need, CancellationToken ct)
    {
        var user = http.User;
        if (tenant is null)
            return UnitScope.IsPlatformAdmin(user)
                ? new("Pilih dulu kabupaten/kota yang ingin Anda kerjakan.", "Pilih kabupaten/kota", "/Tenants?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString))
                : new("Akun Anda belum terikat pada kabupaten/kota. Hubungi admin.");
        var admin = UnitScope.CanAdminister(user, tenant);
        if (!await db.Regions.AnyAsync(r => r.TenantCode == tenant && r.Level == RegionLevel.Kecamatan, ct))
            return UnitScope.IsPlatformAdmin(user)
                ? new("Kabupaten/kota ini belum memiliki daftar wilayah.", "Lanjutkan pendaftaran", $"/Onboarding/Checklist/{tenant}")
                : new("Daftar wilayah kabupaten/kota ini belum tersedia. Hubungi admin platform.");
        if (!await db.Frameworks.AnyAsync(f => f.TenantCode == tenant, ct))
            return admin
                ? new("Belum ada kerangka penilaian. Salin kerangka kabupaten/kota lain atau contoh bawaan, lalu sesuaikan.", "Siapkan kerangka", $"/Onboarding/Framework/{tenant}")
                : new("Admin kabupaten/kota belum menyiapkan kerangka penilaian.");
        var today = DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        if (!await db.Periods.AnyAsync(p => p.TenantCode == tenant && p.OpensOn <= today, ct))
            return admin
                ? new("Belum ada periode penilaian yang dibuka.", "Buka periode", $"/Onboarding/Periods/{tenant}")
                : new("Admin kabupaten/kota belum membuka periode penilaian.");
        if (need == Need.FinalizedPeriod && !await db.Periods.AnyAsync(p => p.TenantCode == tenant && p.FinalizedAt != null, ct))
            return admin
                ? new("Belum ada periode yang difinalisasi; hasil tampil di sini setelah laporan diverifikasi dan periode difinalisasi.", "Ke peringkat", "/Rapor/Ranking")
                : new("Belum ada periode yang difinalisasi; hasil tampil di sini setelah admin memfinalisasi periode.");
        return null;
    }
}
