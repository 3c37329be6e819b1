using Quartz;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Messaging;

/// <summary>
/// Registration of messaging and of the scheduler. See docs/decisions/ADR-060-scheduler.md and ADR-061-outbox.md.
/// <para>
/// To add a scheduled job: write an <see cref="IJob"/> (constructor-injected, scoped services; read "now" from
/// <see cref="TimeProvider"/>; make anything it sends once-only with <see cref="OutgoingMessage.DedupKey"/>), then add
/// one <c>q.AddRaporJob&lt;MyJob&gt;("my-job", config, "0 0 7 * * ?")</c> line in <see cref="AddRaporMessaging"/>.
/// On PostgreSQL the job fires on one instance of the cluster; on SQLite (one instance) in memory.
/// </para>
/// </summary>
public static class MessagingSetup
{
    public static void AddRaporMessaging(this IServiceCollection services, IConfiguration config, DatabaseOptions database)
    {
        services.Configure<MessagingOptions>(config.GetSection("Messaging"));
        services.AddSingleton<MessageRenderer>();
        services.AddScoped<Messenger>();
        services.AddScoped<Reminders>();
        services.AddSingleton<IMessageChannel, EmailChannel>();
        services.AddSingleton<IMessageChannel, WhatsAppChannel>();
        services.AddHttpClient(WhatsAppChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        var scheduler = config.GetSection("Scheduler");
        if (!scheduler.GetValue("Enabled", true))
            return;
        // Cron times are the offices' local time (WIB by default; Scheduler:TimeZone for a WITA/WIT installation).
        var zone = TimeZoneInfo.FindSystemTimeZoneById(scheduler["TimeZone"] ?? "Asia/Jakarta");
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "Rapor");
            if (database.Provider == DatabaseProvider.Postgres)
                // Tables come from our migrations (Data/Migrations/Postgres/*QuartzScheduler*), not from Quartz at run time.
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(Npgsql.NpgsqlFactory.Instance, database.ConnectionString);
                    s.UseClustering();
                });
            else
                q.UseInMemoryStore();
            q.AddRaporJob<DeadlineReminderJob>("deadline-reminders", scheduler, "0 0 7 * * ?", zone);
            q.AddRaporJob<PendingApprovalJob>("pending-approvals", scheduler, "0 5 7 * * ?", zone);
            q.AddRaporJob<WaitingVerificationJob>("waiting-verification", scheduler, "0 10 7 * * ?", zone);
            q.AddRaporJob<WeeklyDigestJob>("weekly-digest", scheduler, "0 0 7 ? * MON", zone);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>
    /// One job with one cron trigger; <c>Scheduler:Jobs:{name}</c> overrides the cron expression (Quartz syntax,
    /// seconds first), an empty value switches the job off.
    /// </summary>
    public static void AddRaporJob<T>(this IQuartzBuilder q, string name, IConfiguration scheduler, string defaultCron, TimeZoneInfo zone) where T : class, IJob
    {
        var cron = scheduler[$"Jobs:{name}"] ?? defaultCron;
        if (string.IsNullOrWhiteSpace(cron))
            return;
        var key = new JobKey(name, "rapor");
        q.AddJob<T>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity(name + "-trigger", "rapor")
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
