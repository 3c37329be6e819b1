using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapor.TestSupport;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Messaging;

namespace Rapor.Tests.Features.Messaging;

/// <summary>
/// Reminders that reach people: the jobs' rules against a clock the test moves, delivery through a real SMTP server and
/// a stand-in WhatsApp gateway, once per user and occasion however often a job runs.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReminderTests(MessagingFactory app) : IClassFixture<MessagingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<string> ContactAsync(RaporFactory app, string userName, string? email, string? phone, string language = "id") => app.WithDbAsync(async db =>
    {
        var u = await db.Users.FirstAsync(x => x.UserName == userName, Ct);
        u.Email = email;
        u.PhoneNumber = phone;
        u.Language = language;
        await db.SaveChangesAsync(Ct);
        return u.Id;
    });

    private Task<int> RunAsync(Func<Reminders, Task<int>> job) => app.WithDbAsync(async _ =>
    {
        using var scope = app.Services.CreateScope();
        return await job(scope.ServiceProvider.GetRequiredService<Reminders>());
    });

    /// <summary>The user's queued messages of one code about one period (other tests of the class open other periods).</summary>
    private Task<List<OutboxMessage>> OutboxAsync(string userId, string code, string period)
    {
        var occasion = ":" + period + ":";
        return app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.UserId == userId && m.Code == code && m.DedupKey!.Contains(occasion)).ToListAsync(Ct));
    }

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetLocalNow().DateTime);

    private static string IdDate(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

    [Fact]
    public async Task Deadline_reminders_reach_a_unit_that_has_not_submitted_at_H7_H3_H1_and_overdue_once_each()
    {
        var lurah = await ContactAsync(app, "lurah.cisarantenwetan", "lurah.cw@example.go.id", "0812-3456-7890");
        var period = await app.OpenPeriodAsync(2030, 1, opensInDays: -10, deadlineInDays: 7, locksInDays: 20, today: Today);
        await app.SubmittedReportAsync(Scenario.Sukamulya, period, 0.9);
        var sukamulya = await ContactAsync(app, "lurah.sukamulya", "lurah.sm@example.go.id", null);
        var deadline = Today.AddDays(7);

        Assert.True(await RunAsync(r => r.DeadlinesAsync(Ct)) > 0);
        Assert.Equal(0, await RunAsync(r => r.DeadlinesAsync(Ct))); // the same day again: nothing new
        var rows = await OutboxAsync(lurah, MessageCatalog.DeadlineSoon.Code, period);
        Assert.Equal([Channel.InApp, Channel.Email, Channel.WhatsApp], rows.Select(r => r.Channel).Order());
        Assert.Empty(await OutboxAsync(sukamulya, MessageCatalog.DeadlineSoon.Code, period)); // submitted: nothing to remind

        await app.DispatchAllAsync();
        IEnumerable<MimeKit.MimeMessage> January() => app.Smtp.To("lurah.cw@example.go.id").Where(m => m.Subject?.Contains("Januari 2030", StringComparison.Ordinal) == true);
        var mail = Assert.Single(January());
        Assert.Equal($"Pengingat: laporan Januari 2030 jatuh tempo {IdDate(deadline)}", mail.Subject);
        Assert.Contains("Laporan Januari 2030 Kelurahan Cisaranten Wetan belum diajukan", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://rapor.example.go.id/Reports/Fill/32.73.29.1001/2030-01", mail.TextBody, StringComparison.Ordinal);
        var wa = Assert.Single(app.Gateway.Received, m => m.Target == "6281234567890" && m.Message.Contains(IdDate(deadline), StringComparison.Ordinal));
        Assert.Equal($"Yth. Lurah Cisaranten Wetan (demo) (Cisaranten Wetan), laporan belum diajukan; batas {IdDate(deadline)}.", wa.Message);
        Assert.Equal(StubGateway.Token, wa.Authorization);

        // H-3, H-1, then overdue: one each, however often the job runs that day.
        foreach (var days in new[] { 4, 2, 2 })
        {
            app.Clock.Advance(TimeSpan.FromDays(days));
            await RunAsync(r => r.DeadlinesAsync(Ct));
            await RunAsync(r => r.DeadlinesAsync(Ct));
        }
        await app.DispatchAllAsync();
        Assert.Equal(3, (await OutboxAsync(lurah, MessageCatalog.DeadlineSoon.Code, period)).Count(r => r.Channel == Channel.InApp));
        Assert.Single(await OutboxAsync(lurah, MessageCatalog.Overdue.Code, period), r => r.Channel == Channel.InApp);
        Assert.Equal(4, January().Count());
        Assert.Contains(January(), m => m.Subject == "Laporan Januari 2030 terlambat");
    }

    [Fact]
    public async Task An_extended_deadline_is_what_the_reminders_count_down_to()
    {
        var staf = await ContactAsync(app, "staf.cinambo", "staf.cinambo@example.go.id", null);
        var period = await app.OpenPeriodAsync(2030, 2, opensInDays: -20, deadlineInDays: -2, locksInDays: 15, today: Today);
        var today = Today;
        await app.WithDbAsync(async db =>
        {
            var p = await db.Periods.FirstAsync(x => x.TenantCode == Scenario.Tenant && x.Year == 2030 && x.Month == 2, Ct);
            db.DeadlineExtensions.Add(new DeadlineExtension { PeriodId = p.Id, UnitCode = Scenario.Cinambo, NewDeadline = today.AddDays(3), Reason = "banjir", GrantedBy = "admin.bandung" });
            return await db.SaveChangesAsync(Ct);
        });
        await RunAsync(r => r.DeadlinesAsync(Ct));
        Assert.Empty(await OutboxAsync(staf, MessageCatalog.Overdue.Code, period));
        var row = Assert.Single(await OutboxAsync(staf, MessageCatalog.DeadlineSoon.Code, period), m => m.Channel == Channel.InApp);
        Assert.Contains("\"hari\":\"3\"", row.Parameters, StringComparison.Ordinal);
        // A kelurahan of the same kecamatan without an extension is overdue in the same period.
        var other = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "lurah.sukamulya").Select(u => u.Id).FirstAsync(Ct));
        Assert.Single(await OutboxAsync(other, MessageCatalog.Overdue.Code, period), m => m.Channel == Channel.InApp);
    }

    [Fact]
    public async Task A_message_is_written_in_the_recipients_language()
    {
        var user = await ContactAsync(app, "staf.cisarantenwetan", "staf.cw@example.go.id", null, language: "en");
        await app.OpenPeriodAsync(2030, 3, opensInDays: -10, deadlineInDays: 3, locksInDays: 20, today: Today);
        await RunAsync(r => r.DeadlinesAsync(Ct));
        await app.DispatchAllAsync();
        var mail = Assert.Single(app.Smtp.To("staf.cw@example.go.id"), m => m.Subject?.Contains("March 2030", StringComparison.Ordinal) == true);
        var deadline = Today.AddDays(3);
        Assert.Equal($"Reminder: report for March 2030 due {deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-US"))}", mail.Subject);
        Assert.Contains("has not been submitted", mail.TextBody, StringComparison.Ordinal);
        // In the app the same notice follows the reader's language, not the one it was queued in.
        var client = await app.LoginAsync("staf.cisarantenwetan");
        Assert.Contains("Laporan Maret 2030", System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Notifications", Ct)), StringComparison.Ordinal);
        await client.GetAsync("/culture?c=en&returnUrl=/", Ct);
        Assert.Contains("Report for March 2030", System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Notifications", Ct)), StringComparison.Ordinal);
        Assert.NotNull(user);
    }

    [Fact]
    public async Task A_failing_gateway_is_retried_with_growing_waits_and_marked_failed_after_the_last_attempt()
    {
        var user = await ContactAsync(app, "admin.bandung", null, "+62 813 1111 2222");
        using (var scope = app.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<Messenger>().SendAsync(user,
                new OutgoingMessage(MessageCatalog.PendingApproval, new Dictionary<string, string> { ["jumlah"] = "2" }, "/Reports", "retry-test"), Ct));
        Task<OutboxMessage> Row() => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.UserId == user && m.Channel == Channel.WhatsApp && m.DedupKey!.StartsWith("retry-test"), Ct));

        app.Gateway.FailNext(2);
        await app.DispatchAllAsync();
        var first = await Row();
        Assert.Equal((DeliveryStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.Contains("503", first.LastError, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(60), first.NextAttemptAt, TimeSpan.FromSeconds(1));
        await app.DispatchAllAsync();
        Assert.Equal(1, (await Row()).Attempts); // not due yet

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.DispatchAllAsync();
        var second = await Row();
        Assert.Equal(2, second.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(120), second.NextAttemptAt, TimeSpan.FromSeconds(1));

        app.Clock.Advance(TimeSpan.FromSeconds(121));
        await app.DispatchAllAsync();
        var third = await Row();
        Assert.Equal((DeliveryStatus.Sent, 3), (third.Status, third.Attempts));
        Assert.Single(app.Gateway.Received, m => m.Target == "6281311112222");

        // A gateway that keeps failing: failed after MaxAttempts (3 here), shown to the admin.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Messenger>().SendAsync(user,
                new OutgoingMessage(MessageCatalog.PendingApproval, new Dictionary<string, string> { ["jumlah"] = "5" }, "/Reports", "retry-test-2"), Ct);
        app.Gateway.FailNext(100);
        for (var i = 0; i < 3; i++)
        {
            await app.DispatchAllAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(10));
        }
        app.Gateway.FailNext(0);
        var failed = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DedupKey!.StartsWith("retry-test-2") && m.Channel == Channel.WhatsApp, Ct));
        Assert.Equal((DeliveryStatus.Failed, 3), (failed.Status, failed.Attempts));

        var admin = await app.LoginAsync("admin.bandung");
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/Messages?status=Failed", Ct));
        Assert.Contains("6281311112222", page, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"failed-count\"[^>]*>[1-9]", await admin.GetStringAsync("/", Ct));
        // Another tenant's admin sees none of Bandung's deliveries.
        var kbb = await app.LoginAsync("admin.kbb");
        Assert.DoesNotContain("6281311112222", await kbb.GetStringAsync("/Messages?status=Failed", Ct), StringComparison.Ordinal);
        // Sending again puts it back in the queue.
        var retry = await RaporFactory.PostFormAsync(admin, $"/Messages?handler=Retry&id={failed.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, retry.StatusCode);
        await app.DispatchAllAsync();
        Assert.Equal(DeliveryStatus.Sent, (await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failed.Id, Ct))).Status);
    }

    [Fact]
    public async Task Pending_approvals_reach_the_camat_waiting_reports_the_verifikator_and_the_digest_the_pimpinan()
    {
        var period = await app.OpenPeriodAsync(2030, 4, opensInDays: -10, deadlineInDays: 5, locksInDays: 20, today: Today);
        await app.SubmittedReportAsync("32.73.29.1002", period, 0.8); // approved by the camat: waits for the city
        await app.WithDbAsync(async db =>
        {
            var r = await db.Reports.FirstAsync(x => x.UnitCode == "32.73.29.1002" && db.Periods.Any(p => p.Id == x.PeriodId && p.Year == 2030 && p.Month == 4), Ct);
            var p = await db.Periods.FirstAsync(x => x.Id == r.PeriodId, Ct);
            var fw = await db.Frameworks.FirstAsync(f => f.TenantCode == Scenario.Tenant && f.Year == 2030, Ct);
            var waiting = new Report { PeriodId = p.Id, UnitCode = "32.73.29.1004", Level = RegionLevel.Kelurahan, FrameworkId = fw.Id };
            waiting.Submit("test", DateTime.UtcNow, late: false);
            db.Reports.Add(waiting);
            return await db.SaveChangesAsync(Ct);
        });
        var camat = await ContactAsync(app, "camat.cinambo", "camat.cinambo@example.go.id", null);
        var verifikator = await ContactAsync(app, "verifikator", "verifikator@example.go.id", null);
        var pimpinan = await ContactAsync(app, "pimpinan", "pimpinan@example.go.id", null);

        await RunAsync(r => r.PendingApprovalsAsync(Ct));
        await RunAsync(r => r.WaitingVerificationAsync(Ct));
        await RunAsync(r => r.WeeklyDigestAsync(Ct));
        await RunAsync(r => r.WeeklyDigestAsync(Ct));
        await app.DispatchAllAsync();

        var approval = Assert.Single(app.Smtp.To("camat.cinambo@example.go.id"), m => m.Subject?.EndsWith("menunggu persetujuan Anda", StringComparison.Ordinal) == true);
        Assert.StartsWith("1 laporan", approval.Subject, StringComparison.Ordinal);
        var verification = Assert.Single(app.Smtp.To("verifikator@example.go.id"));
        Assert.Matches("^[0-9.]+ laporan menunggu verifikasi$", verification.Subject);
        var digest = Assert.Single(app.Smtp.To("pimpinan@example.go.id"));
        Assert.Contains("Ringkasan mingguan", digest.Subject, StringComparison.Ordinal);
        Assert.Matches("dari 181 unit sudah mengajukan", digest.TextBody);
        Assert.DoesNotContain("nilai", digest.TextBody, StringComparison.OrdinalIgnoreCase); // counts, never a provisional score
        Assert.All(new[] { camat, verifikator, pimpinan }, Assert.NotNull);
    }

    [Fact]
    public async Task Two_instances_deliver_each_message_once()
    {
        await using var second = app.SecondMessagingInstance();
        var users = new List<string>();
        foreach (var name in new[] { "camat.cinambo", "verifikator", "pimpinan", "lurah.sukamulya" })
            users.Add(await ContactAsync(app, name, name + "@once.example.go.id", null));
        const int count = 60;
        using (var scope = app.Services.CreateScope())
        {
            var messenger = scope.ServiceProvider.GetRequiredService<Messenger>();
            for (var i = 0; i < count; i++)
                Assert.True(await messenger.SendAsync(users[i % users.Count], new OutgoingMessage(MessageCatalog.WaitingVerification,
                    new Dictionary<string, string> { ["jumlah"] = MessageCatalog.Number(1000 + i) }, null, $"once-test:{i}"), Ct));
        }
        var a = app.Services.GetRequiredService<OutboxDispatcher>();
        var b = second.Services.GetRequiredService<OutboxDispatcher>();
        async Task Drain(OutboxDispatcher d)
        {
            while (await d.DispatchOnceAsync(Ct) > 0)
            {
            }
        }
        await Task.WhenAll(Drain(a), Drain(b), Drain(a), Drain(b));
        var received = app.Smtp.Messages.Where(m => m.To.Mailboxes.Single().Address?.EndsWith("@once.example.go.id", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.Subject).Distinct().Count());
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.DedupKey!.StartsWith("once-test") && m.Status != DeliveryStatus.Sent, Ct)));
    }
}
