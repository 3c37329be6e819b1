using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Maps;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Onboarding;

/// <summary>
/// Creates kabupaten/kota tenants with all their kecamatan and kelurahan/desa — from the national list (the platform
/// admin picks one; the demo and the national-scale load use the same call) or from a CSV of the same shape. One
/// transaction for the whole call: a failure anywhere leaves no tenant, no unit, no shape and no audit row behind.
/// Rows are flushed in chunks with the change tracker cleared in between, so 514 kab/kota (91,599 rows, each with its
/// audit row) stay a flat, bounded memory cost (ADR-011).
/// </summary>
public sealed class TenantOnboarding(RaporDbContext db, RegionCatalog catalog, ShippedShapes shapes, TimeProvider clock, ICurrentUser user)
{
    /// <summary>Rows written per SaveChanges inside the one transaction.</summary>
    internal const int ChunkRows = 4_000;

    public sealed record Onboarded(string Code, string Name, int Kecamatan, int Kelurahan, int Desa, int Shapes);

    public sealed record Outcome(IReadOnlyList<Onboarded> Tenants, IReadOnlyList<string> Errors)
    {
        public bool Ok => Errors.Count == 0;
    }

    /// <summary>Test hook: runs after each flushed chunk (a test throws here to prove nothing half-done remains).</summary>
    internal Func<int, Task>? AfterChunk { get; set; }

    /// <summary>Onboards the given kab/kota codes from the national list; all of them or none.</summary>
    public async Task<Outcome> FromNationalListAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var errors = new List<string>();
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        foreach (var code in wanted.Where(c => catalog.Find(c) is null))
            errors.Add($"Kode {code} bukan kabupaten/kota pada daftar {RegionCatalog.Version}.");
        errors.AddRange(await ExistingAsync(wanted, ct));
        if (errors.Count > 0 || wanted.Count == 0)
            return new([], errors.Count > 0 ? errors : ["Pilih minimal satu kabupaten/kota."]);
        var units = catalog.ReadUnits(wanted.ToHashSet(StringComparer.Ordinal));
        var tenants = wanted.Select(code =>
        {
            var k = catalog.Find(code)!;
            return new NewTenant(k.Code, k.Name, k.Province, $"{RegionCatalog.Version} (daftar nasional)", units[code]);
        }).ToList();
        return await WriteAsync(tenants, ct);
    }

    /// <summary>Onboards one kab/kota from a parsed CSV (a code not on the national list, e.g. after a split).</summary>
    public async Task<Outcome> FromListAsync(string code, string name, string? province, IReadOnlyList<Region> units, string source, CancellationToken ct)
    {
        var errors = await ExistingAsync([code], ct);
        if (errors.Count > 0)
            return new([], errors);
        return await WriteAsync([new NewTenant(code, name, province, source, units)], ct);
    }

    private sealed record NewTenant(string Code, string Name, string? Province, string Source, IReadOnlyList<Region> Units);

    private async Task<List<string>> ExistingAsync(List<string> codes, CancellationToken ct)
    {
        var taken = await db.Tenants.Where(t => codes.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
        var stray = await db.Regions.Where(r => codes.Contains(r.TenantCode)).Select(r => r.TenantCode).Distinct().ToListAsync(ct);
        return taken.Union(stray).Order(StringComparer.Ordinal).Select(c => $"Kode {c} sudah terdaftar; tidak ada yang diubah.").ToList();
    }

    private async Task<Outcome> WriteAsync(List<NewTenant> tenants, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var done = new List<Onboarded>();
        var pending = 0;
        var chunks = 0;
        await using var tx = await db.BeginWriteAsync(ct);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        // Only new rows are tracked, so change detection has nothing to find; the audit interceptor still runs it once per save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var t in tenants)
            {
                db.Tenants.Add(new Tenant
                {
                    Code = t.Code, Name = t.Name, Province = t.Province, RegionSource = t.Source, OnboardedAt = now, OnboardedBy = user.Name,
                });
                db.Regions.Add(new Region { Code = t.Code, Name = t.Name, Level = RegionLevel.KabupatenKota, Type = RegionCode.TenantTypeOf(t.Code), TenantCode = t.Code });
                db.Regions.AddRange(t.Units);
                var shapeCount = 0;
                var codes = t.Units.Select(u => u.Code).Append(t.Code).ToHashSet(StringComparer.Ordinal);
                foreach (var f in shapes.Within(t.Code))
                {
                    if (!codes.Contains(f.Code))
                        continue;
                    db.RegionShapes.Add(RegionShapes.New(f.Code, f.Geometry, f.Shape, f.Source, now));
                    shapeCount++;
                }
                pending += t.Units.Count + 2 + shapeCount;
                done.Add(new(t.Code, t.Name, t.Units.Count(u => u.Level == RegionLevel.Kecamatan),
                    t.Units.Count(u => u.Type == "kelurahan"), t.Units.Count(u => u.Type == "desa"), shapeCount));
                if (pending >= ChunkRows)
                {
                    await FlushAsync(++chunks, ct);
                    pending = 0;
                }
            }
            if (pending > 0)
                await FlushAsync(++chunks, ct);
            await tx.CommitAsync(ct);
            return new(done, []);
        }
        catch (DbUpdateException e)
        {
            // The transaction rolls back on dispose; nothing of this call may be saved by a later SaveChanges either.
            db.ChangeTracker.Clear();
            return new([], [$"Pendaftaran dibatalkan, tidak ada yang disimpan: basis data menolak sebuah baris ({e.InnerException?.Message ?? e.Message})."]);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task FlushAsync(int chunk, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (AfterChunk is { } hook)
            await hook(chunk);
    }
}
