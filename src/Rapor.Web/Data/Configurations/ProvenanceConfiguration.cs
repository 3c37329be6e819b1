using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rapor.Web.Domain;

namespace Rapor.Web.Data.Configurations;

public static class ProvenanceConfiguration
{
    /// <summary>
    /// A camera's wall-clock time, kept as text ("2025-06-14T09:30:00"): it has no time zone, so the UTC conversion
    /// every other timestamp gets would shift it by the server's offset.
    /// </summary>
    public static readonly ValueConverter<DateTime, string> WallClock = new(
        v => v.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        s => DateTime.SpecifyKind(DateTime.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Unspecified));
}

public sealed class EvidenceFlagConfiguration : IEntityTypeConfiguration<EvidenceFlag>
{
    public void Configure(EntityTypeBuilder<EvidenceFlag> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.UnitCode).HasMaxLength(13);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.OtherSource).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Missing).HasMaxLength(20);
        builder.Property(f => f.OtherUnitCode).HasMaxLength(13);
        builder.Property(f => f.OtherPeriod).HasMaxLength(7);
        builder.Property(f => f.OtherRef).HasMaxLength(200);
        builder.Property(f => f.OtherUploadedBy).HasMaxLength(256);
        builder.HasOne<Evidence>().WithMany().HasForeignKey(f => f.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.EvidenceId);
        builder.Ignore(f => f.IsRisk);
        builder.Ignore(f => f.KindCode);
    }
}

public sealed class PhotoPrintConfiguration : IEntityTypeConfiguration<PhotoPrint>
{
    public void Configure(EntityTypeBuilder<PhotoPrint> builder)
    {
        builder.HasKey(p => p.EvidenceId);
        builder.Property(p => p.TenantCode).HasMaxLength(5);
        // The database's clock, so instances with skewed clocks agree on what is new (see PhotoIndex).
        builder.Property(p => p.RecordedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        builder.HasOne<Evidence>().WithOne().HasForeignKey<PhotoPrint>(p => p.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.TenantCode, p.RecordedAt });
        builder.HasIndex(p => new { p.Innovation, p.RecordedAt });
    }
}
