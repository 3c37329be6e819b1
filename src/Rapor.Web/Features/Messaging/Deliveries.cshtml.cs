using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Features.Notifications;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Messaging;

/// <summary>The admin's delivery log: every e-mail and WhatsApp message with its status, failures first to act on.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DeliveriesModel(RaporDbContext db, MessageRenderer renderer, IOptions<MessagingOptions> options, TimeProvider clock) : PageModel
{
    public sealed record Row(OutboxMessage Message, string Recipient, string Subject);

    public List<Row> Rows { get; private set; } = [];
    public Dictionary<DeliveryStatus, int> Counts { get; private set; } = [];
    public DeliveryStatus? Status { get; private set; }
    public Channel? ChannelFilter { get; private set; }
    public MessagingOptions Options => options.Value;
    public string? Message { get; private set; }
    public const int Shown = 200;

    public async Task OnGetAsync(DeliveryStatus? status, Channel? channel, CancellationToken ct)
    {
        Status = status;
        ChannelFilter = channel;
        Message = this.Take("Message");
        var all = Queues.Deliveries(db, User).Where(m => m.Channel != Channel.InApp);
        Counts = (await all.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        var q = all;
        if (status is { } s)
            q = q.Where(m => m.Status == s);
        if (channel is { } c)
            q = q.Where(m => m.Channel == c);
        var rows = await (from m in q
                          join u in db.Users on m.UserId equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          orderby m.CreatedAt descending
                          select new { m, Name = u == null ? "" : u.DisplayName + " (" + u.UserName + ")" }).AsNoTracking().Take(Shown).ToListAsync(ct);
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Rows = rows.Select(r => new Row(r.m, r.Name, renderer.Render(r.m.Code, r.m.Parameters, lang).Subject)).ToList();
    }

    /// <summary>Puts a failed message back in the queue for a fresh round of attempts (e.g. after the gateway was fixed).</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var n = await Queues.Deliveries(db, User).Where(m => m.Id == id && m.Status == DeliveryStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, DeliveryStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.LockedUntil, (DateTime?)null), ct);
        TempData["Message"] = n == 1 ? "Pesan dimasukkan kembali ke antrean dan akan dikirim ulang." : "Pesan tidak ditemukan atau tidak berstatus gagal.";
        return RedirectToPage(new { status = DeliveryStatus.Failed });
    }

    public static string StatusText(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Pending => "menunggu",
        DeliveryStatus.Sent => "terkirim",
        _ => "gagal",
    };
}
