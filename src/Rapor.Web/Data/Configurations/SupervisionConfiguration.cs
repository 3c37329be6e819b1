using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapor.Web.Domain;

namespace Rapor.Web.Data.Configurations;

public sealed class SupervisionVisitConfiguration : IEntityTypeConfiguration<SupervisionVisit>
{
    public void Configure(EntityTypeBuilder<SupervisionVisit> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.KecamatanCode).HasMaxLength(8);
        builder.Property(v => v.DesaCode).HasMaxLength(13);
        builder.Property(v => v.TenantCode).HasMaxLength(5);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(v => v.Summary).HasMaxLength(4000);
        builder.Property(v => v.CancelReason).HasMaxLength(500);
        builder.Property(v => v.CompletedBy).HasMaxLength(256);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.UpdatedBy).HasMaxLength(256);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => new { v.KecamatanCode, v.ScheduledOn });
        builder.HasIndex(v => new { v.DesaCode, v.ScheduledOn });
        builder.HasIndex(v => new { v.TenantCode, v.ScheduledOn });
        builder.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(v => v.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Team).WithOne().HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Answers).WithOne().HasForeignKey(a => a.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(v => v.AuditScope);
        builder.Ignore(v => v.Year);
        builder.Ignore(v => v.IsOpen);
        builder.Ignore(v => v.DoneOnSchedule);
        builder.Ignore(v => v.Compliance);
    }
}

public sealed class SupervisionTeamMemberConfiguration : IEntityTypeConfiguration<SupervisionTeamMember>
{
    public void Configure(EntityTypeBuilder<SupervisionTeamMember> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.DesaCode).HasMaxLength(13);
        builder.HasIndex(m => new { m.VisitId, m.OfficialId }).IsUnique();
        builder.HasOne<Official>().WithMany().HasForeignKey(m => m.OfficialId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(m => m.AuditScope);
    }
}

public sealed class VisitAnswerConfiguration : IEntityTypeConfiguration<VisitAnswer>
{
    public void Configure(EntityTypeBuilder<VisitAnswer> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.DesaCode).HasMaxLength(13);
        builder.Property(a => a.Answer).HasConversion<string>().HasMaxLength(14);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.Note).HasMaxLength(1000);
        builder.Property(a => a.Recommendation).HasMaxLength(1000);
        builder.HasIndex(a => new { a.VisitId, a.ItemId }).IsUnique();
        builder.HasOne<ChecklistItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.AuditScope);
    }
}

public sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TenantCode).HasMaxLength(5);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        builder.HasIndex(t => new { t.TenantCode, t.Number }).IsUnique();
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.AuditScope);
        builder.Ignore(t => t.Sections);
    }
}

public sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TenantCode).HasMaxLength(5);
        builder.Property(i => i.Section).HasMaxLength(120);
        builder.Property(i => i.Code).HasMaxLength(12);
        builder.Property(i => i.Text).HasMaxLength(400);
        builder.Property(i => i.Guidance).HasMaxLength(1000);
        builder.Ignore(i => i.AuditScope);
    }
}

public sealed class TemuanConfiguration : IEntityTypeConfiguration<Temuan>
{
    public void Configure(EntityTypeBuilder<Temuan> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TenantCode).HasMaxLength(5);
        builder.Property(t => t.KecamatanCode).HasMaxLength(8);
        builder.Property(t => t.DesaCode).HasMaxLength(13);
        builder.Property(t => t.Section).HasMaxLength(120);
        builder.Property(t => t.ItemCode).HasMaxLength(12);
        builder.Property(t => t.ItemText).HasMaxLength(400);
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.Property(t => t.Recommendation).HasMaxLength(1000);
        builder.Property(t => t.FollowUp).HasMaxLength(4000);
        builder.Property(t => t.ReviewNote).HasMaxLength(1000);
        builder.Property(t => t.Severity).HasConversion<string>().HasMaxLength(8);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(14);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.KecamatanCode, t.Status });
        builder.HasIndex(t => new { t.DesaCode, t.Status });
        builder.HasIndex(t => new { t.Status, t.DueOn });
        // One finding per non-compliant item of a visit: completing a visit twice cannot double them.
        builder.HasIndex(t => new { t.VisitId, t.ItemId }).IsUnique();
        builder.HasOne<SupervisionVisit>().WithMany().HasForeignKey(t => t.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TemuanId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.AuditScope);
        builder.Ignore(t => t.AwaitsDesa);
    }
}

public sealed class TemuanEventConfiguration : IEntityTypeConfiguration<TemuanEvent>
{
    public void Configure(EntityTypeBuilder<TemuanEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Note).HasMaxLength(4000);
        builder.Property(e => e.DesaCode).HasMaxLength(13);
        builder.HasIndex(e => e.TemuanId);
        builder.Ignore(e => e.AuditScope);
    }
}

public sealed class IdmScoreConfiguration : IEntityTypeConfiguration<IdmScore>
{
    public void Configure(EntityTypeBuilder<IdmScore> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantCode).HasMaxLength(5);
        builder.Property(s => s.DesaCode).HasMaxLength(13);
        builder.Property(s => s.SheetStatus).HasConversion<string>().HasMaxLength(18);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(18);
        builder.Property(s => s.ImportedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.DesaCode, s.Year }).IsUnique();
        builder.HasIndex(s => new { s.TenantCode, s.Year, s.Status });
        builder.Ignore(s => s.AuditScope);
    }
}
