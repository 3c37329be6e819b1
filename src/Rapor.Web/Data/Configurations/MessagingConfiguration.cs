using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapor.Web.Domain;

namespace Rapor.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.UnitCode).HasMaxLength(13);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Code).HasMaxLength(60);
        builder.Property(m => m.Parameters).HasMaxLength(2000);
        builder.Property(m => m.Link).HasMaxLength(300);
        builder.Property(m => m.Address).HasMaxLength(256);
        builder.Property(m => m.Language).HasMaxLength(2);
        builder.Property(m => m.DedupKey).HasMaxLength(200);
        builder.Property(m => m.LockedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        // Once per user and occasion on each channel; two instances running the same job collide here, not in the inbox.
        builder.HasIndex(m => new { m.Channel, m.DedupKey }).IsUnique();
        // The dispatcher's claim: due pending rows first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.UnitCode, m.CreatedAt });
    }
}

public sealed class MessageOptOutConfiguration : IEntityTypeConfiguration<MessageOptOut>
{
    public void Configure(EntityTypeBuilder<MessageOptOut> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.UserId).HasMaxLength(450);
        builder.Property(o => o.UnitCode).HasMaxLength(13);
        builder.Property(o => o.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(o => new { o.UserId, o.Channel, o.Kind }).IsUnique();
        builder.Ignore(o => o.AuditScope);
    }
}
