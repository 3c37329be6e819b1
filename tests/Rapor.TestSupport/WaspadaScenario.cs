using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.Web.Domain;

namespace Rapor.TestSupport;

/// <summary>Arranges WASPADA data (Kab. Bandung Barat) straight in the database and talks to the offline sync API as a phone does.</summary>
public static class WaspadaScenario
{
    public const string Kbb = "32.17";
    public const string Batujajar = "32.17.09";
    public const string BatujajarTimur = "32.17.09.2001";
    public const string BatujajarBarat = "32.17.09.2002";
    public const string Saguling = "32.17.16";

    /// <summary>A kecamatan account (and a Kasi official for teams) in a kecamatan that has no demo data.</summary>
    public static async Task<Guid> KecamatanPeopleAsync(this RaporFactory f, string kecamatan, string camatUser)
    {
        using var scope = f.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(camatUser) is null)
        {
            var u = new AppUser { UserName = camatUser, DisplayName = camatUser, UnitCode = kecamatan, EmailConfirmed = true };
            await users.CreateAsync(u, RaporFactory.DemoPassword);
            await users.AddToRoleAsync(u, Roles.Camat);
        }
        return await f.WithDbAsync(async db =>
        {
            var kasi = await db.Officials.FirstOrDefaultAsync(o => o.UnitCode == kecamatan && o.Position == "kasi_pemerintahan");
            if (kasi is null)
            {
                kasi = new Official { Name = "Kasi Pemerintahan " + kecamatan, Position = "kasi_pemerintahan", UnitCode = kecamatan, Nip = "198001012005011001", StartDate = new DateOnly(2015, 1, 1) };
                db.Officials.Add(kasi);
                await db.SaveChangesAsync();
            }
            return kasi.Id;
        });
    }

    /// <summary>A visit of <paramref name="desa"/> on <paramref name="day"/> with the Kasi Pemerintahan of its kecamatan, on the tenant's current checklist.</summary>
    public static Task<Guid> PlannedVisitAsync(this RaporFactory f, string desa, DateOnly day) =>
        f.WithDbAsync(async db =>
        {
            var kecamatan = RegionCode.ParentOf(desa)!;
            var template = await db.ChecklistTemplates.Where(t => t.TenantCode == Kbb).OrderByDescending(t => t.Number).FirstOrDefaultAsync();
            if (template is null)
            {
                template = DefaultChecklist.Create(Kbb, "test", DateTime.UtcNow);
                db.ChecklistTemplates.Add(template);
            }
            template.FrozenAt ??= DateTime.UtcNow;
            var kasi = await db.Officials.FirstAsync(o => o.UnitCode == kecamatan && o.Position == "kasi_pemerintahan");
            var visit = new SupervisionVisit { KecamatanCode = kecamatan, DesaCode = desa, TenantCode = Kbb, TemplateId = template.Id, ScheduledOn = day, CreatedBy = "test", CreatedAt = DateTime.UtcNow };
            visit.Team.Add(new SupervisionTeamMember { VisitId = visit.Id, OfficialId = kasi.Id, DesaCode = desa });
            db.SupervisionVisits.Add(visit);
            await db.SaveChangesAsync();
            return visit.Id;
        });

    public static Task<List<ChecklistItem>> ItemsOfAsync(this RaporFactory f, Guid visitId) =>
        f.WithDbAsync(async db =>
        {
            var templateId = await db.SupervisionVisits.Where(v => v.Id == visitId).Select(v => v.TemplateId).FirstAsync();
            return await db.ChecklistItems.AsNoTracking().Where(i => i.TemplateId == templateId).OrderBy(i => i.SectionOrder).ThenBy(i => i.Order).ToListAsync();
        });

    /// <summary>Form fields answering every item "sesuai" except those in <paramref name="notCompliant"/> (with a note).</summary>
    public static Dictionary<string, string?> Answers(IEnumerable<ChecklistItem> items, params string[] notCompliant)
    {
        var fields = new Dictionary<string, string?>();
        foreach (var i in items)
        {
            var bad = notCompliant.Contains(i.Code);
            fields[$"answer.{i.Id}"] = bad ? "TidakSesuai" : "Sesuai";
            if (bad)
            {
                fields[$"note.{i.Id}"] = "Tidak ditemukan saat kunjungan";
                fields[$"severity.{i.Id}"] = "Berat";
                fields[$"recommendation.{i.Id}"] = "Lengkapi " + i.Code;
            }
        }
        return fields;
    }

    /// <summary>A fresh antiforgery token for API calls (as the offline queue asks for one before it sends).</summary>
    public static async Task<string> ApiTokenAsync(HttpClient client)
    {
        var r = await client.GetFromJsonAsync<TokenJson>("/api/field-capture/token");
        return r!.Token;
    }

    private sealed record TokenJson(string Token);

    /// <summary>POSTs a JSON body with the antiforgery header.</summary>
    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token ?? await ApiTokenAsync(client));
        return await client.SendAsync(request);
    }

    /// <summary>What offline.js sends for a form: a submission id, the version it started from, complete or not, the fields.</summary>
    public static Task<HttpResponseMessage> SyncAsync(HttpClient client, string url, Dictionary<string, string?> fields, bool complete, Guid? submission = null, int? baseVersion = null, string? token = null) =>
        PostJsonAsync(client, url, new { submissionId = submission ?? Guid.NewGuid(), baseVersion, complete, fields }, token);

    /// <summary>One photo as offline.js uploads it: multipart with the phone's id.</summary>
    public static async Task<HttpResponseMessage> PhotoAsync(HttpClient client, string url, Guid id, byte[] bytes, string name = "foto.jpg", string? field = null, string? token = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(id.ToString()), "photoId" }, { new ByteArrayContent(bytes), "file", name } };
        if (field is not null)
            form.Add(new StringContent(field), "field");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.Add("RequestVerificationToken", token ?? await ApiTokenAsync(client));
        return await client.SendAsync(request);
    }

    /// <summary>A minimal JPEG by signature (the server checks content, not decoding).</summary>
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];
}
