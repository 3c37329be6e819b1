using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapor.Web.Domain;

namespace Rapor.Web.Data.Configurations;

public sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.TenantCode).HasMaxLength(5);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.TenantCode, f.Year }).IsUnique();
        builder.HasMany(f => f.Bidang).WithOne().HasForeignKey(b => b.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(f => f.AuditScope);
        builder.Ignore(f => f.Indicators);
    }
}

public sealed class BidangConfiguration : IEntityTypeConfiguration<Bidang>
{
    public void Configure(EntityTypeBuilder<Bidang> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.TenantCode).HasMaxLength(5);
        builder.HasMany(b => b.Indicators).WithOne().HasForeignKey(i => i.BidangId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(b => b.AuditScope);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Code).HasMaxLength(16);
        builder.Property(i => i.Name).HasMaxLength(300);
        builder.Property(i => i.Description).HasMaxLength(2000);
        builder.Property(i => i.Unit).HasMaxLength(40);
        builder.Property(i => i.Bands).HasMaxLength(400);
        builder.Property(i => i.ActivityKind).HasMaxLength(40);
        builder.Property(i => i.TenantCode).HasMaxLength(5);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Frequency).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Rule).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(i => i.AuditScope);
        builder.Ignore(i => i.IsTyped);
        builder.Ignore(i => i.IsServiceDeskFed);
    }
}

public sealed class PeriodConfiguration : IEntityTypeConfiguration<Period>
{
    public void Configure(EntityTypeBuilder<Period> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TenantCode).HasMaxLength(5);
        builder.HasIndex(p => new { p.TenantCode, p.Year, p.Month }).IsUnique();
        builder.Property(p => p.FinalizedBy).HasMaxLength(256);
        builder.Property(p => p.ReopenReason).HasMaxLength(500);
        builder.Ignore(p => p.AuditScope);
        builder.Ignore(p => p.Kind);
        builder.Ignore(p => p.Key);
        builder.Ignore(p => p.Label);
    }
}

public sealed class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UnitCode).HasMaxLength(13);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.GrantedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.PeriodId, e.UnitCode }).IsUnique();
        builder.HasOne<Period>().WithMany().HasForeignKey(e => e.PeriodId);
        builder.Ignore(e => e.AuditScope);
    }
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UnitCode).HasMaxLength(13);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.PeriodId, r.UnitCode }).IsUnique();
        builder.HasIndex(r => r.UnitCode);
        builder.HasOne<Period>().WithMany().HasForeignKey(r => r.PeriodId);
        builder.HasOne<Framework>().WithMany().HasForeignKey(r => r.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.AuditScope);
        builder.Ignore(r => r.IsEditable);
        builder.Ignore(r => r.NeedsCamatApproval);
    }
}

public sealed class ReportValueConfiguration : IEntityTypeConfiguration<ReportValue>
{
    public void Configure(EntityTypeBuilder<ReportValue> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Note).HasMaxLength(2000);
        builder.Property(v => v.UnitCode).HasMaxLength(13);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Property(v => v.Verification).HasConversion<string>().HasMaxLength(12);
        builder.Property(v => v.VerificationNote).HasMaxLength(1000);
        builder.Property(v => v.VerifiedBy).HasMaxLength(256);
        builder.Property(v => v.Derivation).HasMaxLength(400);
        builder.HasIndex(v => new { v.ReportId, v.IndicatorId }).IsUnique();
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(v => v.AuditScope);
    }
}

public sealed class ScoreRecordConfiguration : IEntityTypeConfiguration<ScoreRecord>
{
    public void Configure(EntityTypeBuilder<ScoreRecord> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UnitCode).HasMaxLength(13);
        builder.Property(s => s.ParentCode).HasMaxLength(13);
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Zone).HasMaxLength(8);
        builder.Property(s => s.BidangScores).HasMaxLength(200);
        builder.HasIndex(s => new { s.PeriodId, s.UnitCode }).IsUnique();
        builder.HasOne<Period>().WithMany().HasForeignKey(s => s.PeriodId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FieldVisitConfiguration : IEntityTypeConfiguration<FieldVisit>
{
    public void Configure(EntityTypeBuilder<FieldVisit> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.UnitCode).HasMaxLength(13);
        builder.Property(v => v.Verifier).HasMaxLength(256);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(v => v.Notes).HasMaxLength(2000);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => new { v.PeriodId, v.UnitCode });
        builder.HasOne<Period>().WithMany().HasForeignKey(v => v.PeriodId);
        builder.HasMany(v => v.Findings).WithOne().HasForeignKey(f => f.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(v => v.AuditScope);
    }
}

public sealed class VisitFindingConfiguration : IEntityTypeConfiguration<VisitFinding>
{
    public void Configure(EntityTypeBuilder<VisitFinding> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.UnitCode).HasMaxLength(13);
        builder.Property(f => f.Note).HasMaxLength(1000);
        builder.HasIndex(f => new { f.VisitId, f.IndicatorId }).IsUnique();
        builder.HasOne<Indicator>().WithMany().HasForeignKey(f => f.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(f => f.AuditScope);
    }
}

public sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.UnitCode).HasMaxLength(13);
    }
}

public sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UnitCode).HasMaxLength(13);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.UploadedBy).HasMaxLength(256);
        builder.HasIndex(e => e.ReportValueId);
        builder.HasIndex(e => e.FieldActivityId);
        builder.HasOne<ReportValue>().WithMany().HasForeignKey(e => e.ReportValueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FieldActivity>().WithMany().HasForeignKey(e => e.FieldActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FieldVisit>().WithMany().HasForeignKey(e => e.FieldVisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.FieldVisitId);
        builder.HasOne<InnovationStep>().WithMany().HasForeignKey(e => e.InnovationStepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.InnovationStepId);
        builder.HasIndex(e => e.Sha256);
        builder.Property(e => e.CapturedAt).HasConversion(ProvenanceConfiguration.WallClock).HasMaxLength(19);
        builder.Ignore(e => e.IsPhoto);
        builder.Ignore(e => e.IsViewableImage);
        builder.HasOne<SupervisionVisit>().WithMany().HasForeignKey(e => e.SupervisionVisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.SupervisionVisitId);
        builder.HasOne<TemuanEvent>().WithMany().HasForeignKey(e => e.TemuanEventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.TemuanEventId);
        builder.Ignore(e => e.AuditScope);
    }
}

public sealed class ActivityKindConfiguration : IEntityTypeConfiguration<ActivityKind>
{
    public void Configure(EntityTypeBuilder<ActivityKind> builder)
    {
        builder.HasKey(k => k.Code);
        builder.Property(k => k.Code).HasMaxLength(40);
        builder.Property(k => k.Name).HasMaxLength(120);
        builder.Property(k => k.TenantCode).HasMaxLength(5);
        builder.Ignore(k => k.AuditScope);
    }
}

public sealed class FieldActivityConfiguration : IEntityTypeConfiguration<FieldActivity>
{
    public void Configure(EntityTypeBuilder<FieldActivity> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UnitCode).HasMaxLength(13);
        builder.Property(a => a.Kind).HasMaxLength(40);
        builder.Property(a => a.Place).HasMaxLength(200);
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.UnitCode, a.Date });
        builder.Ignore(a => a.AuditScope);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Text).HasMaxLength(500);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.Property(n => n.Code).HasMaxLength(60);
        builder.Property(n => n.Parameters).HasMaxLength(2000);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

public sealed class InnovationConfiguration : IEntityTypeConfiguration<Innovation>
{
    public void Configure(EntityTypeBuilder<Innovation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TenantCode).HasMaxLength(5);
        builder.Property(i => i.UnitCode).HasMaxLength(13);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Problem).HasMaxLength(4000);
        builder.Property(i => i.Approach).HasMaxLength(4000);
        builder.Property(i => i.Results).HasMaxLength(4000);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.Property(i => i.Bentuk).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Jenis).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(i => i.UnitCode);
        builder.HasIndex(i => i.ReplicatedFromId);
        builder.HasOne<Innovation>().WithMany().HasForeignKey(i => i.ReplicatedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Owners).WithOne().HasForeignKey(o => o.InnovationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Steps).WithOne().HasForeignKey(s => s.InnovationId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(i => i.AuditScope);
        builder.Ignore(i => i.VerifiedStage);
    }
}

public sealed class InnovationOwnerConfiguration : IEntityTypeConfiguration<InnovationOwner>
{
    public void Configure(EntityTypeBuilder<InnovationOwner> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.UnitCode).HasMaxLength(13);
        builder.HasIndex(o => new { o.InnovationId, o.OfficialId }).IsUnique();
        builder.HasOne<Official>().WithMany().HasForeignKey(o => o.OfficialId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.AuditScope);
    }
}

public sealed class InnovationStepConfiguration : IEntityTypeConfiguration<InnovationStep>
{
    public void Configure(EntityTypeBuilder<InnovationStep> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UnitCode).HasMaxLength(13);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.ReturnNote).HasMaxLength(1000);
        builder.Property(s => s.VerifiedBy).HasMaxLength(256);
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(12);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(14);
        builder.HasIndex(s => new { s.InnovationId, s.Stage }).IsUnique();
        builder.Ignore(s => s.AuditScope);
    }
}

public sealed class TppPolicyConfiguration : IEntityTypeConfiguration<TppPolicy>
{
    public void Configure(EntityTypeBuilder<TppPolicy> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TenantCode).HasMaxLength(5);
        builder.Property(p => p.ApprovedBy).HasMaxLength(256);
        builder.Property(p => p.MinimumStage).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(p => new { p.TenantCode, p.Year }).IsUnique();
        builder.HasMany(p => p.Exclusions).WithOne().HasForeignKey(e => e.PolicyId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.AuditScope);
    }
}

public sealed class TppExclusionConfiguration : IEntityTypeConfiguration<TppExclusion>
{
    public void Configure(EntityTypeBuilder<TppExclusion> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Nip).HasMaxLength(18);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.TenantCode).HasMaxLength(5);
        builder.HasIndex(e => new { e.PolicyId, e.Nip }).IsUnique();
        builder.Ignore(e => e.AuditScope);
    }
}
