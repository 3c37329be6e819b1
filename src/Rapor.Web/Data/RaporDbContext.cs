using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rapor.Web.Domain;

namespace Rapor.Web.Data;

/// <summary>
/// The one DbContext. Each provider has a thin subclass so that SQLite and PostgreSQL keep their own
/// checked-in migrations (see docs/decisions/ADR-002-two-migration-sets.md).
/// </summary>
public abstract class RaporDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RegionShape> RegionShapes => Set<RegionShape>();
    public DbSet<Official> Officials => Set<Official>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<Bidang> Bidang => Set<Bidang>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Period> Periods => Set<Period>();
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportValue> ReportValues => Set<ReportValue>();
    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EvidenceFlag> EvidenceFlags => Set<EvidenceFlag>();
    public DbSet<PhotoPrint> PhotoPrints => Set<PhotoPrint>();
    public DbSet<ActivityKind> ActivityKinds => Set<ActivityKind>();
    public DbSet<FieldActivity> FieldActivities => Set<FieldActivity>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ScoreRecord> Scores => Set<ScoreRecord>();
    public DbSet<FieldVisit> FieldVisits => Set<FieldVisit>();
    public DbSet<VisitFinding> VisitFindings => Set<VisitFinding>();
    public DbSet<Innovation> Innovations => Set<Innovation>();
    public DbSet<InnovationOwner> InnovationOwners => Set<InnovationOwner>();
    public DbSet<InnovationStep> InnovationSteps => Set<InnovationStep>();
    public DbSet<TppPolicy> TppPolicies => Set<TppPolicy>();
    public DbSet<TppExclusion> TppExclusions => Set<TppExclusion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MessageOptOut> MessageOptOuts => Set<MessageOptOut>();
    public DbSet<ServiceStandard> ServiceStandards => Set<ServiceStandard>();
    public DbSet<ServiceDesk> ServiceDesks => Set<ServiceDesk>();
    public DbSet<QueueCounter> QueueCounters => Set<QueueCounter>();
    public DbSet<QueueTicket> QueueTickets => Set<QueueTicket>();
    public DbSet<QueueSequence> QueueSequences => Set<QueueSequence>();
    public DbSet<SkmResponse> SkmResponses => Set<SkmResponse>();
    public DbSet<SkmReport> SkmReports => Set<SkmReport>();
    public DbSet<SkmFollowUp> SkmFollowUps => Set<SkmFollowUp>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SupervisionVisit> SupervisionVisits => Set<SupervisionVisit>();
    public DbSet<SupervisionTeamMember> SupervisionTeamMembers => Set<SupervisionTeamMember>();
    public DbSet<VisitAnswer> VisitAnswers => Set<VisitAnswer>();
    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<Temuan> Temuan => Set<Temuan>();
    public DbSet<TemuanEvent> TemuanEvents => Set<TemuanEvent>();
    public DbSet<IdmScore> IdmScores => Set<IdmScore>();

    /// <summary>
    /// A transaction for several writes that commit together; disposing it without committing rolls back. On SQLite
    /// it also holds this process's single-writer turn until disposed.
    /// </summary>
    public virtual async Task<WriteTransaction> BeginWriteAsync(CancellationToken ct) => new(await Database.BeginTransactionAsync(ct), null);

    /// <summary>Bulk demo seeding only: demo rows are marked as such and would flood the audit trail.</summary>
    public bool SuppressAudit { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RaporDbContext).Assembly);
        // Guid keys are made in code (Guid.CreateVersion7) so the audit row knows them before saving. Marking them
        // "never generated" also makes EF insert a new child reached through a navigation instead of updating it.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is [{ ClrType: var t } key] && t == typeof(Guid))
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All timestamps are UTC; SQLite returns them unspecified and Npgsql insists on Utc for timestamptz.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>
/// SQLite takes one writer at a time. Writers of this process queue here (first come, first served) instead of
/// colliding on the database lock, where the driver answers "busy" by sleeping 150 ms and retrying (ADR-007).
/// </summary>
public sealed class SqliteRaporDbContext(DbContextOptions<SqliteRaporDbContext> options) : RaporDbContext(options)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new();
    private bool _holdsGate;

    private SemaphoreSlim Gate => Gates.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_holdsGate)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            _holdsGate = true;
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            _holdsGate = false;
            Gate.Release();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (_holdsGate)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        Gate.Wait();
        try
        {
            _holdsGate = true;
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            _holdsGate = false;
            Gate.Release();
        }
    }

    public override async Task<WriteTransaction> BeginWriteAsync(CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            _holdsGate = true;
            return new WriteTransaction(await Database.BeginTransactionAsync(ct), () =>
            {
                _holdsGate = false;
                Gate.Release();
            });
        }
        catch
        {
            _holdsGate = false;
            Gate.Release();
            throw;
        }
    }
}

public sealed class PostgresRaporDbContext(DbContextOptions<PostgresRaporDbContext> options) : RaporDbContext(options);

/// <summary>See <see cref="RaporDbContext.BeginWriteAsync"/>.</summary>
public sealed class WriteTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, Action? release) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            release?.Invoke();
        }
    }
}
