using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapor.Web.Domain;
using Microsoft.AspNetCore.Identity;
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
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is IAudited or IdentityUserRole<string> or IdentityUserToken<string>)
            .Select(e => Describe(context, e, now, user))
            .Where(a => a is not null)
            .ToList();
        context.Set<AuditEntry>().AddRange(entries!);
    }

    /// <summary>
    /// Secrets are never written to the audit trail; that they changed is (a password set, a new authenticator key).
    /// The concurrency stamp changes with every write and says nothing.
    /// </summary>
    private static readonly HashSet<string> Masked = ["PasswordHash", "SecurityStamp", "Value"];
    private static readonly HashSet<string> Skipped = ["ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail"];

    private static AuditEntry? Describe(DbContext context, EntityEntry entry, DateTime now, string user)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (Skipped.Contains(name))
                continue;
            var masked = Masked.Contains(name) && (entry.Entity is AppUser || name == "Value");
            object? Shown(object? v) => masked ? (v is null ? null : "***") : v;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = new { @new = Shown(p.CurrentValue) };
                    break;
                case EntityState.Deleted:
                    changes[name] = new { old = Shown(p.OriginalValue) };
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    changes[name] = new { old = Shown(p.OriginalValue), @new = Shown(p.CurrentValue) };
                    break;
            }
        }
        var (entity, key, scope) = entry.Entity switch
        {
            IdentityUserRole<string> r => ("UserRole", r.UserId, ScopeOfUser(context, r.UserId)),
            IdentityUserToken<string> t => ("UserToken", t.UserId, ScopeOfUser(context, t.UserId)),
            IAudited a => (entry.Metadata.ClrType.Name, (string?)null, a.AuditScope),
            _ => ("", (string?)null, ""),
        };
        if (entry.Entity is IdentityUserRole<string> role)
            changes["Role"] = RoleName(context, role.RoleId);
        if (entry.State == EntityState.Modified && changes.Count == 0)
            return null;
        key ??= string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(k => entry.Property(k.Name).CurrentValue?.ToString()));
        return new AuditEntry
        {
            At = now,
            UserName = user,
            Entity = entity,
            EntityKey = key.Length > 64 ? key[..64] : key,
            Action = entry.State switch
            {
                EntityState.Added => "Insert",
                EntityState.Deleted => "Delete",
                _ => "Update",
            },
            Scope = scope,
            Changes = JsonSerializer.Serialize(changes),
        };
    }

    /// <summary>The unit of the account a role or token row belongs to (tracked by UserManager), so tenant admins see it.</summary>
    private static string ScopeOfUser(DbContext context, string userId) =>
        context.ChangeTracker.Entries<AppUser>().FirstOrDefault(u => u.Entity.Id == userId)?.Entity.UnitCode
        ?? context.Set<AppUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => u.UnitCode).FirstOrDefault() ?? "";

    private static string? RoleName(DbContext context, string roleId) =>
        context.Set<IdentityRole>().Local.FirstOrDefault(r => r.Id == roleId)?.Name
        ?? context.Set<IdentityRole>().AsNoTracking().Where(r => r.Id == roleId).Select(r => r.Name).FirstOrDefault();
}
