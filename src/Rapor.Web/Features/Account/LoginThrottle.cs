using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Account;

/// <summary>
/// Growing delays instead of a lockout anyone can trigger (ADR-041). Failures are counted in the database, so every
/// instance sees them, under two keys: the account name with the client's address — after 3 failures that client
/// waits 1, 2, 4 … seconds (at most 15 minutes) before its next try on that account — and the account name alone,
/// which after 10 failures from anywhere adds at most <see cref="AccountMaxDelay"/>: enough to stop a distributed
/// guesser, never enough to lock the real user out. Unknown and existing account names are treated alike.
/// </summary>
public sealed class LoginThrottle(RaporDbContext db, TimeProvider clock)
{
    public const int ClientFreeFailures = 3;
    public const int AccountFreeFailures = 10;
    public static readonly TimeSpan ClientMaxDelay = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan AccountMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Failures older than this no longer count.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>How long this client must still wait before trying <paramref name="userName"/> again (zero: go ahead).</summary>
    public async Task<TimeSpan> WaitAsync(string userName, string client, CancellationToken ct)
    {
        var (account, pair) = Keys(userName, client);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.LoginFailures.AsNoTracking().Where(f => f.Key == account || f.Key == pair).ToListAsync(ct);
        var wait = TimeSpan.Zero;
        foreach (var r in rows.Where(r => now - r.LastFailureAt < Memory))
        {
            var delay = r.Key == pair ? Delay(r.Failures, ClientFreeFailures, ClientMaxDelay) : Delay(r.Failures, AccountFreeFailures, AccountMaxDelay);
            var left = r.LastFailureAt + delay - now;
            if (left > wait)
                wait = left;
        }
        return wait;
    }

    public async Task FailedAsync(string userName, string client, CancellationToken ct)
    {
        var (account, pair) = Keys(userName, client);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var key in new[] { account, pair })
        {
            var row = await db.LoginFailures.FirstOrDefaultAsync(f => f.Key == key, ct);
            if (row is null)
                db.LoginFailures.Add(row = new LoginFailure { Key = key });
            row.Failures = now - row.LastFailureAt < Memory ? row.Failures + 1 : 1;
            row.LastFailureAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two failures at once both inserting the first row: one counts, which is enough to throttle.
            db.ChangeTracker.Clear();
        }
    }

    public async Task SucceededAsync(string userName, string client, CancellationToken ct)
    {
        var (account, pair) = Keys(userName, client);
        await db.LoginFailures.Where(f => f.Key == account || f.Key == pair).ExecuteDeleteAsync(ct);
    }

    /// <summary>0 up to <paramref name="free"/> failures, then 1 s, 2 s, 4 s … capped.</summary>
    public static TimeSpan Delay(int failures, int free, TimeSpan max) =>
        failures < free ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(failures - free, 30)), max.TotalSeconds));

    private static (string Account, string Pair) Keys(string userName, string client)
    {
        var name = userName.Trim().ToUpperInvariant();
        return ("a:" + Hash(name), "c:" + Hash(name + "\n" + client));
    }

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}
