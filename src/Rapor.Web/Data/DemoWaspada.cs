using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Domain;

namespace Rapor.Web.Data;

/// <summary>
/// WASPADA demo (DATA DEMO, synthetic): Kecamatan Batujajar supervises its 7 real desa — a year of visits every two
/// months by its Kasi Pemerintahan and Kasi PMD, findings with follow-ups in every state, two years of IDM — and each
/// desa gets a kepala desa account kades.&lt;kode&gt;. Deterministic: the same day gives the same data.
/// </summary>
public static class DemoWaspada
{
    private static readonly (double Lat, double Lng)[] Offsets =
        [(0.010, -0.008), (0.004, -0.021), (-0.012, 0.006), (0.016, 0.012), (-0.020, -0.004), (-0.006, 0.022), (0.021, -0.002)];

    /// <summary>How often each desa is found compliant: some desa are tidy, some are not.</summary>
    private static readonly double[] Profiles = [0.97, 0.93, 0.90, 0.95, 0.85, 0.92, 0.88];

    private static readonly string[] KepalaDesa =
        ["Ujang Saepuloh (demo)", "Dedi Mulyadi (demo)", "Entis Sutisna (demo)", "Yuyun Yuningsih (demo)", "Asep Saepudin (demo)", "Cecep Supriatna (demo)", "Ika Rostika (demo)"];

    /// <summary>What the team wrote for a "tidak sesuai" item, per section (A–G of the default checklist).</summary>
    private static readonly string[] Notes =
    [
        "Buku ada tetapi belum diisi sejak dua bulan terakhir", "Dokumen pendukung belum lengkap saat diperiksa",
        "Belum ditetapkan atau belum diundangkan", "Belum terlihat di kantor desa saat kunjungan", "Belum tercatat lengkap di Buku Inventaris",
        "Dokumen BUMDes belum ada saat diperiksa", "Dokumentasi BPD belum lengkap",
    ];

    public static async Task SeedAsync(RaporDbContext db, UserManager<AppUser> users, string password, DateOnly today, CancellationToken ct)
    {
        if (await db.SupervisionVisits.AnyAsync(v => v.IsDemo, ct))
            return;
        const string kecamatan = DemoInnovations.Batujajar;
        var tenant = DemoInnovations.Kbb;
        var desa = await db.Regions.AsNoTracking().Where(r => r.ParentCode == kecamatan && r.Type == "desa").OrderBy(r => r.Code).ToListAsync(ct);
        var roster = await db.Officials.AsNoTracking().Where(o => o.UnitCode == kecamatan).ToListAsync(ct);
        var pemerintahan = roster.FirstOrDefault(o => o.Position == "kasi_pemerintahan");
        var pmd = roster.FirstOrDefault(o => o.Position == "kasi_pemberdayaan");
        var sekcam = roster.FirstOrDefault(o => o.Position == "sekcam");
        if (desa.Count == 0 || pemerintahan is null || pmd is null)
            return;
        // Around the kecamatan's centroid in the shipped boundary file; desa offices are not in any shipped data.
        var centre = (-6.90675, 107.48549);
        var rng = new Random(1409);
        var now = DateTime.UtcNow;
        DateTime At(DateOnly d, int hour = 10) => d.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Local).ToUniversalTime();

        var template = await db.ChecklistTemplates.Include(t => t.Items).Where(t => t.TenantCode == tenant).OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
        if (template is null)
        {
            template = DefaultChecklist.Create(tenant, "system", now);
            db.ChecklistTemplates.Add(template);
        }
        template.FrozenAt ??= now;
        var items = template.Items.OrderBy(i => i.SectionOrder).ThenBy(i => i.Order).ToList();

        db.SuppressAudit = true;
        try
        {
            for (var n = 0; n < desa.Count; n++)
            {
                var d = desa[n];
                var head = new Official { Name = KepalaDesa[n % KepalaDesa.Length], Position = "kepala_desa", UnitCode = d.Code, StartDate = new DateOnly(today.Year - 3, 3, 1) };
                db.Officials.Add(head);
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11).AddDays(4 + 2 * n);
                for (var k = 0; k < 7; k++)
                {
                    var date = Weekday(first.AddMonths(2 * k));
                    var team = k % 3 == 2 && sekcam is not null ? new[] { pemerintahan, pmd, sekcam } : new[] { pemerintahan, pmd };
                    var visit = new SupervisionVisit
                    {
                        KecamatanCode = kecamatan, DesaCode = d.Code, TenantCode = tenant, TemplateId = template.Id, ScheduledOn = date,
                        CreatedBy = "camat.batujajar", CreatedAt = At(first.AddDays(-20)), IsDemo = true,
                    };
                    foreach (var o in team)
                        visit.Team.Add(new SupervisionTeamMember { VisitId = visit.Id, OfficialId = o.Id, DesaCode = d.Code });
                    db.SupervisionVisits.Add(visit);
                    // One desa's latest visit is left undone: the kecamatan sees it late.
                    var late = n == 4 && date < today && date >= today.AddDays(-60);
                    if (date >= today.AddDays(-3) || late)
                        continue;
                    var visitedOn = (n + k) % 5 == 3 ? date.AddDays(9) : date.AddDays(rng.Next(0, 3));
                    if (visitedOn > today)
                        visitedOn = today;
                    var (lat, lng) = Offsets[n % Offsets.Length];
                    visit.Latitude = Math.Round(centre.Item1 + lat + (rng.NextDouble() - 0.5) * 0.0004, 6);
                    visit.Longitude = Math.Round(centre.Item2 + lng + (rng.NextDouble() - 0.5) * 0.0004, 6);
                    visit.GpsAccuracy = rng.Next(4, 25);
                    // Desa improve over the year after being supervised.
                    var p = Math.Min(0.99, Profiles[n % Profiles.Length] + 0.02 * k);
                    foreach (var item in items)
                    {
                        var roll = rng.NextDouble();
                        var answer = roll < p ? ChecklistAnswer.Sesuai : roll < p + (1 - p) * 0.2 ? ChecklistAnswer.TidakBerlaku : ChecklistAnswer.TidakSesuai;
                        var a = new VisitAnswer { VisitId = visit.Id, ItemId = item.Id, Answer = answer, DesaCode = d.Code };
                        if (answer == ChecklistAnswer.TidakSesuai)
                        {
                            var s = (item.SectionOrder - 1) % Notes.Length;
                            a.Note = Notes[s];
                            a.Recommendation = $"Lengkapi dan tunjukkan buktinya: {item.Text}";
                            a.Severity = rng.NextDouble() switch { < 0.2 => TemuanSeverity.Berat, < 0.6 => TemuanSeverity.Sedang, _ => TemuanSeverity.Ringan };
                        }
                        visit.Answers.Add(a);
                    }
                    visit.Summary = "Pembinaan administrasi desa; arahan disampaikan kepada kepala desa dan perangkat. (DATA DEMO)";
                    visit.CompleteForDemo(visitedOn, "kasi.pemerintahan.batujajar", At(visitedOn, 14));
                    foreach (var a in visit.Answers.Where(a => a.Answer == ChecklistAnswer.TidakSesuai))
                        db.Temuan.Add(FollowUpForDemo(Temuan.Create(visit, items.First(i => i.Id == a.ItemId), a, visitedOn, "kasi.pemerintahan.batujajar", At(visitedOn, 15), demo: true),
                            d, today, rng, At));
                }
            }
            SeedIdm(db, tenant, desa, today, rng, now);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressAudit = false;
        }

        var heads = await db.Officials.AsNoTracking().Where(o => o.Position == "kepala_desa" && o.UnitCode.StartsWith(kecamatan + ".")).ToListAsync(ct);
        foreach (var d in desa)
        {
            var account = await DatabaseInitializer.EnsureUserAsync(users, $"kades.{d.Code}", $"Kepala Desa {d.Name} (demo)", d.Code, Roles.Lurah, password);
            account.OfficialId ??= heads.FirstOrDefault(h => h.UnitCode == d.Code)?.Id;
            await users.UpdateAsync(account);
        }
        // The field officer who fills the visits on his phone.
        var kasi = await DatabaseInitializer.EnsureUserAsync(users, "kasi.pemerintahan.batujajar", "Kasi Pemerintahan Batujajar (demo)", kecamatan, Roles.Staf, password);
        if (kasi.OfficialId is null)
        {
            kasi.OfficialId = pemerintahan.Id;
            await users.UpdateAsync(kasi);
        }
    }

    /// <summary>Moves a demo finding along as a year of real follow-up would have: old ones mostly closed, recent ones in every state.</summary>
    private static Temuan FollowUpForDemo(Temuan f, Region desa, DateOnly today, Random rng, Func<DateOnly, int, DateTime> at)
    {
        var kades = $"kades.{desa.Code}";
        var roll = rng.NextDouble();
        if (f.DueOn < today.AddDays(-20))
        {
            if (roll < 0.1)
                return f; // never answered: long overdue
            var sent = roll < 0.75 ? f.DueOn.AddDays(-rng.Next(1, 10)) : f.DueOn.AddDays(rng.Next(3, 15));
            if (sent > today)
                sent = today;
            f.SubmitFollowUp("Sudah diperbaiki; bukti terlampir. (DATA DEMO)", sent, kades, at(sent, 9));
            f.Accept("Sesuai hasil pengecekan.", "camat.batujajar", at(sent.AddDays(3) > today ? today : sent.AddDays(3), 11));
            return f;
        }
        if (f.DueOn < today)
        {
            if (roll < 0.35)
                return f; // overdue, not answered yet
            var sent = f.DueOn.AddDays(-rng.Next(1, 5));
            f.SubmitFollowUp("Perbaikan sudah dilakukan. (DATA DEMO)", sent, kades, at(sent, 9));
            if (roll < 0.6)
                f.Accept("Sesuai hasil pengecekan.", "camat.batujajar", at(sent.AddDays(2) > today ? today : sent.AddDays(2), 11));
            else if (roll > 0.85)
                f.Return("Bukti belum menunjukkan perbaikan; lampirkan foto buku yang sudah diisi.", null, today, "camat.batujajar", at(sent.AddDays(2) > today ? today : sent.AddDays(2), 11));
            return f;
        }
        if (roll < 0.25)
        {
            var sent = today.AddDays(-rng.Next(0, 5));
            f.SubmitFollowUp("Sedang dilengkapi; sebagian sudah selesai. (DATA DEMO)", sent, kades, at(sent, 9));
        }
        return f;
    }

    /// <summary>Two years of IDM (the latest published is last year's); one row carries a sheet status that its value contradicts.</summary>
    private static void SeedIdm(RaporDbContext db, string tenant, List<Region> desa, DateOnly today, Random rng, DateTime now)
    {
        for (var n = 0; n < desa.Count; n++)
        {
            // Spread over the statuses: one tertinggal, mostly berkembang, some maju, one mandiri.
            var level = Levels[n % Levels.Length];
            var baseIks = level + 0.03;
            var baseIke = level - 0.05;
            var baseIkl = level + 0.02;
            for (var back = 2; back >= 1; back--)
            {
                var growth = back == 1 ? 0.02 + rng.NextDouble() * 0.03 : 0;
                var iks = Math.Round(Math.Min(1, baseIks + growth), 4);
                var ike = Math.Round(Math.Min(1, baseIke + growth), 4);
                var ikl = Math.Round(Math.Min(1, baseIkl + growth), 4);
                var idm = Math.Round(IdmRules.Mean(iks, ike, ikl), 4);
                var status = IdmRules.StatusOf(idm);
                var sheet = n == 2 && back == 1 && status < IdmStatus.Mandiri ? status + 1 : status;
                db.IdmScores.Add(new IdmScore
                {
                    TenantCode = tenant, DesaCode = desa[n].Code, Year = today.Year - back, Iks = iks, Ike = ike, Ikl = ikl, Idm = idm,
                    SheetStatus = sheet, Status = status, StatusMismatch = sheet != status, ImportedBy = "system", ImportedAt = now, IsDemo = true,
                });
            }
        }
    }

    private static readonly double[] Levels = [0.57, 0.66, 0.73, 0.64, 0.61, 0.80, 0.69];

    private static DateOnly Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(2),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };
}
