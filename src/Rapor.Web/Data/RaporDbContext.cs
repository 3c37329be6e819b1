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

public sealed class SqliteRaporDbContext(DbContextOptions<SqliteRaporDbContext> options) : RaporDbContext(options);

public sealed class PostgresRaporDbContext(DbContextOptions<PostgresRaporDbContext> options) : RaporDbContext(options);
