using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapor.Web.Data;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Messaging;

/// <summary>A message to send: its template, parameters (see <see cref="MessageCatalog"/>), link and once-only key.</summary>
/// <param name="DedupKey">
/// Set for anything a job may create twice (a reminder): the same key for the same user is queued once, ever, per
/// channel. Include what makes the occasion (period, unit, threshold, the deadline date …) and the user id.
/// </param>
public sealed record OutgoingMessage(MessageTemplate Template, IReadOnlyDictionary<string, string> Parameters, string? Link = null, string? DedupKey = null);

/// <summary>
/// The one way to send a message to a user: in-app at once (the bell), and through the outbox by e-mail and WhatsApp
/// when the channel is configured, the user has an address/number for it and has not opted out of that kind there.
/// The outbox dispatcher delivers with retries; see docs/decisions/ADR-061-outbox.md.
/// </summary>
public sealed class Messenger(RaporDbContext db, TimeProvider clock, IOptions<MessagingOptions> options, MessageRenderer renderer)
{
    private sealed record Recipient(string Id, string UnitCode, string? Email, string? Phone, string Language);

    /// <summary>
    /// Adds the messages for one user to the context without saving (for a caller whose own SaveChanges must carry
    /// them, e.g. an invitation written with the account it invites). Returns the rows added (0: no such user).
    /// </summary>
    public async Task<int> QueueAsync(string userId, OutgoingMessage message, CancellationToken ct)
    {
        var r = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Recipient(u.Id, u.UnitCode, u.Email, u.PhoneNumber, u.Language)).FirstOrDefaultAsync(ct);
        if (r is null)
            return 0;
        var optedOut = await db.MessageOptOuts.AsNoTracking().Where(o => o.UserId == userId && o.Kind == message.Template.Kind)
            .Select(o => o.Channel).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var parameters = MessageCatalog.Serialize(message.Parameters);
        var (_, text) = renderer.Render(message.Template.Code, parameters, "id");
        db.Notifications.Add(new Notification
        {
            UserId = r.Id, Text = Truncate(text, 500), Link = message.Link, CreatedAt = now, Code = message.Template.Code, Parameters = parameters,
        });
        var added = 1;
        foreach (var (channel, address) in ChannelsFor(r, optedOut))
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                UserId = r.Id, UnitCode = r.UnitCode, Channel = channel, Kind = message.Template.Kind, Code = message.Template.Code,
                Parameters = parameters, Link = message.Link, Address = address, Language = r.Language, DedupKey = Key(message.DedupKey, r.Id),
                // The in-app copy is delivered by being written; its row is the once-only guard and the log entry.
                Status = channel == Channel.InApp ? DeliveryStatus.Sent : DeliveryStatus.Pending,
                SentAt = channel == Channel.InApp ? now : null,
                CreatedAt = now, NextAttemptAt = now,
            });
            added++;
        }
        return added;
    }

    /// <summary>
    /// Queues and saves the message for one user. False when it was already queued for that key (by an earlier run,
    /// or by another instance at the same moment — the unique key decides) or the user does not exist.
    /// </summary>
    public async Task<bool> SendAsync(string userId, OutgoingMessage message, CancellationToken ct)
    {
        var key = Key(message.DedupKey, userId);
        if (key is not null && await db.OutboxMessages.AnyAsync(m => m.Channel == Channel.InApp && m.DedupKey == key, ct))
            return false;
        if (await QueueAsync(userId, message, ct) == 0)
            return false;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException) when (key is not null)
        {
            // Another run queued the same occasion between our check and our insert: theirs stands, ours is dropped.
            foreach (var e in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                e.State = EntityState.Detached;
            if (await db.OutboxMessages.AnyAsync(m => m.Channel == Channel.InApp && m.DedupKey == key, ct))
                return false;
            throw;
        }
    }

    /// <summary>The channels a user gets this message on, with the address for each.</summary>
    private IEnumerable<(Channel, string)> ChannelsFor(Recipient r, List<Channel> optedOut)
    {
        yield return (Channel.InApp, "");
        var o = options.Value;
        if (o.Email.Enabled && !string.IsNullOrWhiteSpace(r.Email) && !optedOut.Contains(Channel.Email))
            yield return (Channel.Email, r.Email.Trim());
        if (o.WhatsApp.Enabled && IndonesianPhone.TryNormalize(r.Phone, out var phone) && !optedOut.Contains(Channel.WhatsApp))
            yield return (Channel.WhatsApp, phone);
    }

    private static string? Key(string? dedupKey, string userId) => dedupKey is null ? null : Truncate(dedupKey + ":" + userId, 200);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
