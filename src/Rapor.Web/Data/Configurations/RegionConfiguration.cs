using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapor.Web.Domain;

namespace Rapor.Web.Data.Configurations;

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(13);
        builder.Property(r => r.Name).HasMaxLength(120);
        builder.Property(r => r.NameKepmendagri2022).HasMaxLength(120);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Type).HasMaxLength(16);
        builder.Property(r => r.ParentCode).HasMaxLength(13);
        builder.Property(r => r.TenantCode).HasMaxLength(5);
        builder.HasIndex(r => r.ParentCode);
        builder.HasIndex(r => new { r.TenantCode, r.Level });
        builder.Property(r => r.IsActive).HasDefaultValue(true).HasSentinel(true);
        builder.Ignore(r => r.AuditScope);
    }
}

public sealed class RegionShapeConfiguration : IEntityTypeConfiguration<RegionShape>
{
    public void Configure(EntityTypeBuilder<RegionShape> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(13);
        builder.Property(s => s.TenantCode).HasMaxLength(5);
        builder.Property(s => s.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Source).HasMaxLength(200);
        builder.HasIndex(s => new { s.TenantCode, s.Level });
        builder.Ignore(s => s.AuditScope);
    }
}

public sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(5);
        builder.Property(t => t.Name).HasMaxLength(120);
        builder.Property(t => t.Province).HasMaxLength(120);
        builder.Property(t => t.RegionSource).HasMaxLength(200);
        builder.Property(t => t.OnboardedBy).HasMaxLength(256);
        builder.Property(t => t.OfficialName).HasMaxLength(200);
        builder.Property(t => t.SignatoryTitle).HasMaxLength(200);
        builder.Property(t => t.SignatoryName).HasMaxLength(150);
        builder.Property(t => t.SignatoryNip).HasMaxLength(18);
        builder.Property(t => t.LogoContentType).HasMaxLength(40);
        builder.Ignore(t => t.AuditScope);
        builder.Ignore(t => t.DisplayOfficialName);
    }
}

public sealed class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(150);
        builder.Property(o => o.Nip).HasMaxLength(18);
        builder.Property(o => o.Position).HasMaxLength(40);
        builder.Property(o => o.UnitCode).HasMaxLength(13);
        builder.HasIndex(o => new { o.UnitCode, o.Position });
        builder.HasIndex(o => o.Nip);
        builder.HasOne<Region>().WithMany().HasForeignKey(o => o.UnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.AuditScope);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Entity).HasMaxLength(64);
        builder.Property(a => a.EntityKey).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(8);
        builder.Property(a => a.Scope).HasMaxLength(13);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Entity, a.EntityKey });
        builder.HasIndex(a => a.Scope);
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(150);
        builder.Property(u => u.UnitCode).HasMaxLength(13);
        builder.Ignore(u => u.AuditScope);
        builder.Property(u => u.Language).HasMaxLength(2).HasDefaultValue("id");
    }
}
