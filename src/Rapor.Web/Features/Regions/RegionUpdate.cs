using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Regions;

/// <summary>
/// A code-list update for one tenant: what a new list adds, renames and removes, shown before anything changes and
/// applied in one transaction. A removed unit that holds data is never deleted — it is marked inactive and drops out
/// of lists, rankings and forms; one without data is deleted. A unit that comes back is active again (ADR-011).
/// </summary>
public static class RegionUpdate
{
    public enum Kind { Added, Renamed, Deleted, Deactivated, Reactivated }

    public sealed record Change(Kind Kind, string Code, string? OldName, string? NewName, RegionLevel Level);

    public sealed record Plan(string TenantCode, IReadOnlyList<Change> Changes, IReadOnlyList<Region> Incoming)
    {
        public int Count(Kind kind) => Changes.Count(c => c.Kind == kind);

        /// <summary>Names from the 2022 list that change without a rename (shown as a count only).</summary>
        public int OtherUpdates { get; init; }

        public bool IsEmpty => Changes.Count == 0 && OtherUpdates == 0;

        /// <summary>A digest of exactly what will change; the confirm step must see the same one (nothing moved meanwhile).</summary>
        public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
            Changes.Select(c => $"{c.Kind}|{c.Code}|{c.OldName}|{c.NewName}")) + "\n" + OtherUpdates.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>Compares <paramref name="incoming"/> (kecamatan and villages of one tenant) with the stored units.</summary>
    public static async Task<Plan> PlanAsync(RaporDbContext db, string tenantCode, IReadOnlyList<Region> incoming, CancellationToken ct)
    {
        var stored = await db.Regions.AsNoTracking().Where(r => r.TenantCode == tenantCode && r.Level != RegionLevel.KabupatenKota).ToDictionaryAsync(r => r.Code, ct);
        var changes = new List<Change>();
        var other = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in incoming.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            seen.Add(r.Code);
            if (!stored.TryGetValue(r.Code, out var old))
                changes.Add(new(Kind.Added, r.Code, null, r.Name, r.Level));
            else
            {
                if (!old.IsActive)
                    changes.Add(new(Kind.Reactivated, r.Code, old.Name, r.Name, r.Level));
                else if (old.Name != r.Name)
                    changes.Add(new(Kind.Renamed, r.Code, old.Name, r.Name, r.Level));
                else if (r.NameKepmendagri2022 is not null && r.NameKepmendagri2022 != old.NameKepmendagri2022)
                    other++;
            }
        }
        var gone = stored.Values.Where(r => r.IsActive && !seen.Contains(r.Code)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var holding = await HoldingDataAsync(db, gone.Select(r => r.Code).ToList(), ct);
        // A kecamatan keeps its villages that stay on the list: it holds data of its own in that sense.
        foreach (var r in gone)
        {
            var hasChildren = incoming.Any(i => i.ParentCode == r.Code);
            changes.Add(new(holding.Contains(r.Code) || hasChildren ? Kind.Deactivated : Kind.Deleted, r.Code, r.Name, null, r.Level));
        }
        return new Plan(tenantCode, changes, incoming) { OtherUpdates = other };
    }

    /// <summary>Applies a plan in one transaction (the caller checked the fingerprint against what the user saw).</summary>
    public static async Task ApplyAsync(RaporDbContext db, Plan plan, DateOnly today, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var incoming = plan.Incoming.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var stored = await db.Regions.Where(r => r.TenantCode == plan.TenantCode && r.Level != RegionLevel.KabupatenKota).ToDictionaryAsync(r => r.Code, ct);
        foreach (var c in plan.Changes)
        {
            switch (c.Kind)
            {
                case Kind.Added:
                    db.Regions.Add(incoming[c.Code]);
                    break;
                case Kind.Renamed:
                    stored[c.Code].Name = c.NewName!;
                    break;
                case Kind.Reactivated:
                    stored[c.Code].Reactivate();
                    stored[c.Code].Name = c.NewName!;
                    break;
                case Kind.Deactivated:
                    stored[c.Code].Deactivate(today);
                    break;
                case Kind.Deleted:
                    db.Regions.Remove(stored[c.Code]);
                    break;
            }
        }
        foreach (var (code, r) in incoming)
        {
            if (r.NameKepmendagri2022 is { } old2022 && stored.TryGetValue(code, out var s) && s.NameKepmendagri2022 != old2022)
                s.NameKepmendagri2022 = old2022;
        }
        var deleted = plan.Changes.Where(c => c.Kind == Kind.Deleted).Select(c => c.Code).ToList();
        if (deleted.Count > 0)
            db.RegionShapes.RemoveRange(await db.RegionShapes.Where(s => deleted.Contains(s.Code)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Units among <paramref name="codes"/> that some table refers to by a <c>UnitCode</c> column — reports, values,
    /// scores, officials, accounts, activities, visits, innovations, and any later feature that keeps per-unit data
    /// under that name (read from the EF model, so a new table is covered without editing this list).
    /// </summary>
    public static async Task<HashSet<string>> HoldingDataAsync(RaporDbContext db, IReadOnlyList<string> codes, CancellationToken ct)
    {
        var holding = new HashSet<string>(StringComparer.Ordinal);
        if (codes.Count == 0)
            return holding;
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var property = entity.FindProperty("UnitCode");
            var table = entity.GetTableName();
            if (property is null || property.ClrType != typeof(string) || table is null || entity.GetViewName() is not null)
                continue;
            var column = property.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()));
            foreach (var batch in codes.Chunk(500))
            {
                var parameters = batch.Select((c, i) => $"{{{i}}}");
                var sql = $"SELECT DISTINCT \"{column}\" AS \"Value\" FROM \"{table}\" WHERE \"{column}\" IN ({string.Join(", ", parameters)})";
                foreach (var code in await db.Database.SqlQueryRaw<string>(sql, batch.Cast<object>().ToArray()).ToListAsync(ct))
                    holding.Add(code);
            }
        }
        return holding;
    }
}
