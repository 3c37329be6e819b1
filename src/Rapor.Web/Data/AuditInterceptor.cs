using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Data;

/// <summary>
/// Writes one <see cref="AuditEntry"/> per inserted, updated or deleted <see cref="IAudited"/> entity,
/// inside the same SaveChanges so data and audit commit together.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is null or RaporDbContext { SuppressAudit: true })
            return;
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var user = currentUser.Name;
        var entries = context.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Describe(e, now, user))
            .Where(a => a is not null)
            .ToList();
        context.Set<AuditEntry>().AddRange(entries!);
    }

    private static AuditEntry? Describe(EntityEntry<IAudited> entry, DateTime now, string user)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = new { @new = p.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[name] = new { old = p.OriginalValue };
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    changes[name] = new { old = p.OriginalValue, @new = p.CurrentValue };
                    break;
            }
        }
        if (entry.State == EntityState.Modified && changes.Count == 0)
            return null;
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(k => entry.Property(k.Name).CurrentValue?.ToString());
        return new AuditEntry
        {
            At = now,
            UserName = user,
            Entity = entry.Metadata.ClrType.Name,
            EntityKey = string.Join(",", key),
            Action = entry.State switch
            {
                EntityState.Added => "Insert",
                EntityState.Deleted => "Delete",
                _ => "Update",
            },
            Scope = entry.Entity.AuditScope,
            Changes = JsonSerializer.Serialize(changes),
        };
    }
}
