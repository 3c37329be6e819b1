using System.Collections.Concurrent;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;

namespace Rapor.Web.Features.Provenance;

/// <summary>
/// The reuse index: every photo hash of a tenant (and, as partition "*", every innovation photo of every tenant) in
/// one contiguous array per partition, scanned linearly with a popcount — about a millisecond for a million hashes,
/// so no tree is needed (ADR-051). The database is the truth: before each lookup a partition reads the prints
/// recorded since its watermark (database clock) minus an overlap, so prints written by another app instance, or
/// committed late by a slow transaction, are picked up; entries seen twice are skipped by id.
/// </summary>
public sealed class PhotoIndex : IDisposable
{
    public const string InnovationPartition = "*";

    /// <summary>A transaction that stamps a print and commits later than this is not expected (uploads commit at once).</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    public sealed record Candidate(Guid EvidenceId, int Distance);

    /// <summary>Prints within <paramref name="maxDistance"/> bits of <paramref name="hash"/>, nearest first.</summary>
    public async Task<List<Candidate>> FindAsync(RaporDbContext db, string partition, ulong hash, int maxDistance, CancellationToken ct)
    {
        var p = _partitions.GetOrAdd(partition, _ => new Partition());
        await p.Gate.WaitAsync(ct);
        try
        {
            await p.RefreshAsync(db, partition, ct);
            return p.Scan(hash, maxDistance);
        }
        finally
        {
            p.Gate.Release();
        }
    }

    /// <summary>Adds prints straight into a partition (benchmark: a million hashes without a database).</summary>
    internal void Load(string partition, IEnumerable<(Guid Id, ulong Hash)> prints)
    {
        var p = _partitions.GetOrAdd(partition, _ => new Partition());
        foreach (var (id, h) in prints)
            p.Add(id, h);
        p.Watermark = DateTime.MaxValue; // nothing to read
    }

    /// <summary>Scan only (no refresh), for the benchmark.</summary>
    internal List<Candidate> ScanOnly(string partition, ulong hash, int maxDistance) => _partitions[partition].Scan(hash, maxDistance);

    public void Dispose()
    {
        foreach (var p in _partitions.Values)
            p.Dispose();
    }

    private sealed class Partition : IDisposable
    {
        public readonly SemaphoreSlim Gate = new(1, 1);

        public void Dispose() => Gate.Dispose();

        private ulong[] _hashes = new ulong[1024];
        private Guid[] _ids = new Guid[1024];
        private int _count;
        private readonly Dictionary<Guid, DateTime> _recent = [];
        public DateTime? Watermark;

        public void Add(Guid id, ulong hash)
        {
            if (_count == _hashes.Length)
            {
                Array.Resize(ref _hashes, _count * 2);
                Array.Resize(ref _ids, _count * 2);
            }
            _hashes[_count] = hash;
            _ids[_count++] = id;
        }

        public async Task RefreshAsync(RaporDbContext db, string partition, CancellationToken ct)
        {
            if (Watermark == DateTime.MaxValue)
                return;
            var query = db.PhotoPrints.AsNoTracking();
            query = partition == InnovationPartition ? query.Where(x => x.Innovation) : query.Where(x => x.TenantCode == partition);
            if (Watermark is { } w)
            {
                var since = w - Overlap;
                query = query.Where(x => x.RecordedAt > since);
            }
            var rows = await query.Select(x => new { x.EvidenceId, x.Hash, x.RecordedAt }).ToListAsync(ct);
            foreach (var r in rows)
            {
                if (!_recent.TryAdd(r.EvidenceId, r.RecordedAt))
                    continue;
                Add(r.EvidenceId, unchecked((ulong)r.Hash));
                if (Watermark is null || r.RecordedAt > Watermark)
                    Watermark = r.RecordedAt;
            }
            Watermark ??= DateTime.MinValue.AddDays(1);
            // Only ids still inside the overlap can come back; forget the rest so the set stays small.
            var keepFrom = Watermark.Value - Overlap;
            foreach (var old in _recent.Where(x => x.Value <= keepFrom).Select(x => x.Key).ToList())
                _recent.Remove(old);
        }

        public List<Candidate> Scan(ulong hash, int maxDistance)
        {
            var found = new List<Candidate>();
            var hashes = _hashes.AsSpan(0, _count);
            for (var i = 0; i < hashes.Length; i++)
            {
                var d = BitOperations.PopCount(hashes[i] ^ hash);
                if (d <= maxDistance)
                    found.Add(new Candidate(_ids[i], d));
            }
            found.Sort((a, b) => a.Distance.CompareTo(b.Distance));
            return found;
        }
    }
}
