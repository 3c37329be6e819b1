using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapor.Web.Domain;

namespace Rapor.Web.Data.Configurations;

public sealed class ServiceStandardConfiguration : IEntityTypeConfiguration<ServiceStandard>
{
    public void Configure(EntityTypeBuilder<ServiceStandard> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantCode).HasMaxLength(5);
        builder.Property(s => s.UnitCode).HasMaxLength(13);
        builder.Property(s => s.Code).HasMaxLength(16);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.QueueGroup).HasMaxLength(1);
        builder.Property(s => s.Requirements).HasMaxLength(4000);
        builder.Property(s => s.Procedure).HasMaxLength(4000);
        builder.Property(s => s.SlaUnit).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Fee).HasPrecision(14, 2);
        builder.Property(s => s.Product).HasMaxLength(300);
        builder.Property(s => s.Responsible).HasMaxLength(200);
        builder.Property(s => s.LegalBasis).HasMaxLength(1000);
        builder.HasIndex(s => new { s.UnitCode, s.Code }).IsUnique();
        builder.Ignore(s => s.AuditScope);
        builder.Ignore(s => s.IsTemplate);
    }
}

public sealed class ServiceDeskConfiguration : IEntityTypeConfiguration<ServiceDesk>
{
    public void Configure(EntityTypeBuilder<ServiceDesk> builder)
    {
        builder.HasKey(s => s.UnitCode);
        builder.Property(s => s.UnitCode).HasMaxLength(13);
        builder.Property(s => s.TenantCode).HasMaxLength(5);
        builder.Property(s => s.RunningText).HasMaxLength(500);
        builder.Property(s => s.Weighting).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(s => s.AuditScope);
    }
}

public sealed class QueueCounterConfiguration : IEntityTypeConfiguration<QueueCounter>
{
    public void Configure(EntityTypeBuilder<QueueCounter> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.UnitCode).HasMaxLength(13);
        builder.Property(c => c.Name).HasMaxLength(60);
        builder.Property(c => c.Groups).HasMaxLength(26);
        builder.HasIndex(c => new { c.UnitCode, c.Number }).IsUnique();
        builder.Ignore(c => c.AuditScope);
    }
}

public sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.UnitCode).HasMaxLength(13);
        builder.Property(t => t.Group).HasMaxLength(1);
        builder.Property(t => t.ServiceCode).HasMaxLength(16);
        builder.Property(t => t.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.OutcomeNote).HasMaxLength(500);
        builder.Property(t => t.IssuedBy).HasMaxLength(256);
        builder.Property(t => t.CalledBy).HasMaxLength(256);
        builder.Property(t => t.ServedBy).HasMaxLength(256);
        // A number is issued once per unit, day and group, whatever the number of app instances.
        builder.HasIndex(t => new { t.UnitCode, t.Day, t.Group, t.Seq }).IsUnique();
        builder.HasIndex(t => new { t.UnitCode, t.Day, t.Status });
        builder.HasIndex(t => new { t.CounterId, t.Status });
        builder.Ignore(t => t.Number);
    }
}

public sealed class QueueSequenceConfiguration : IEntityTypeConfiguration<QueueSequence>
{
    public void Configure(EntityTypeBuilder<QueueSequence> builder)
    {
        builder.HasKey(s => new { s.UnitCode, s.Day, s.Group });
        builder.Property(s => s.UnitCode).HasMaxLength(13);
        builder.Property(s => s.Group).HasMaxLength(1);
    }
}

public sealed class SkmResponseConfiguration : IEntityTypeConfiguration<SkmResponse>
{
    public void Configure(EntityTypeBuilder<SkmResponse> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UnitCode).HasMaxLength(13);
        builder.Property(r => r.TenantCode).HasMaxLength(5);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ServiceCode).HasMaxLength(16);
        builder.Property(r => r.Gender).HasMaxLength(1);
        builder.Property(r => r.Education).HasMaxLength(40);
        builder.Property(r => r.Occupation).HasMaxLength(60);
        builder.Property(r => r.Saran).HasMaxLength(1000);
        builder.Property(r => r.ClientKey).HasMaxLength(64);
        builder.Property(r => r.EnteredBy).HasMaxLength(256);
        builder.HasIndex(r => r.TicketId).IsUnique();
        builder.HasIndex(r => new { r.UnitCode, r.Date });
        builder.HasIndex(r => new { r.ClientKey, r.SubmittedAt });
        builder.Ignore(r => r.Answers);
    }
}

public sealed class SkmReportConfiguration : IEntityTypeConfiguration<SkmReport>
{
    public void Configure(EntityTypeBuilder<SkmReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UnitCode).HasMaxLength(13);
        builder.Property(r => r.TenantCode).HasMaxLength(5);
        builder.Property(r => r.Period).HasMaxLength(7);
        builder.Property(r => r.Analysis).HasMaxLength(4000);
        builder.Property(r => r.PublishedBy).HasMaxLength(256);
        builder.Property(r => r.PublishedFigures).HasMaxLength(8000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.UnitCode, r.Period }).IsUnique();
        builder.HasMany(r => r.FollowUps).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.AuditScope);
    }
}

public sealed class SkmFollowUpConfiguration : IEntityTypeConfiguration<SkmFollowUp>
{
    public void Configure(EntityTypeBuilder<SkmFollowUp> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.UnitCode).HasMaxLength(13);
        builder.Property(f => f.Action).HasMaxLength(500);
        builder.Property(f => f.Pic).HasMaxLength(150);
        builder.Ignore(f => f.AuditScope);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Access).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.UnitCode).HasMaxLength(13);
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.RevokedBy).HasMaxLength(256);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Hint).HasMaxLength(16);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UnitCode);
        builder.Ignore(t => t.AuditScope);
    }
}
