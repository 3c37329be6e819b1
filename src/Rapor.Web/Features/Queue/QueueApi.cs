using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;
using Rapor.Web.Infrastructure.ApiTokens;

namespace Rapor.Web.Features.Queue;

/// <summary>
/// The digital queue: the kiosk takes tickets (kiosk device token or a signed-in officer), counters call and serve,
/// displays read the board and listen to the event stream, and a citizen follows a ticket by its link.
/// </summary>
public static class QueueApi
{
    public sealed record TicketRequest(string? Service, string? Priority);

    public sealed record CallNextRequest(string? Group);

    public sealed record FinishRequest(string? Outcome, string? Note);

    public sealed record TransferRequest(int Counter);

    public sealed record ServiceItem(string Code, string Name, string Group, string Kind, int SlaValue, string SlaUnit, decimal Fee);

    public sealed record KioskDto(string Unit, string UnitName, List<ServiceItem> Services, List<QueueBoard.GroupState> Groups);

    public sealed record TicketDto(Guid Id, string Number, string Service, string ServiceName, string Group, string Status, string Priority, DateTime TakenAt,
        DateTime? CalledAt, int? Counter, string? CounterName, string? Outcome, int Ahead, int? EstimatedWaitMinutes, string FollowUrl, string UnitName);

    public sealed record IssuedDto(TicketDto Ticket, string QrSvg);

    public static void MapQueueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/queue").WithTags("Antrean").RequireAuthorization();
        api.MapGet("/{unit}/services", Services).WithSummary("Layanan yang dapat diambil antreannya di kios (token kios/layar atau petugas unit)");
        api.MapGet("/{unit}/board", GetBoard).WithSummary("Keadaan antrean hari ini: panggilan per loket, panggilan terakhir, jumlah menunggu");
        api.MapGet("/{unit}/events", Events).WithSummary("Aliran Server-Sent Events: tiket diambil, dipanggil, dipanggil ulang, selesai …");
        var change = api.MapGroup("").AddEndpointFilter<AntiforgeryUnlessToken>();
        change.MapPost("/{unit}/tickets", Issue).WithSummary("Ambil nomor antrean { service, priority? (Lansia|Difabel|IbuHamil) }: token kios atau petugas unit");
        change.MapPost("/{unit}/counters/{counter:int}/call-next", CallNext).WithSummary("Panggil antrean berikutnya (prioritas dulu); 204 bila tidak ada yang menunggu");
        change.MapPost("/tickets/{id:guid}/recall", (Guid id, HttpContext http, RaporDbContext db, QueueService q, CancellationToken ct) =>
            StepAsync(id, http, db, (t, c) => q.RecallAsync(t, c, http.User.Identity!.Name!, ct), ct)).WithSummary("Panggil ulang");
        change.MapPost("/tickets/{id:guid}/no-show", (Guid id, HttpContext http, RaporDbContext db, QueueService q, CancellationToken ct) =>
            StepAsync(id, http, db, (t, c) => q.NoShowAsync(t, c, http.User.Identity!.Name!, ct), ct)).WithSummary("Tandai tidak hadir");
        change.MapPost("/tickets/{id:guid}/start", (Guid id, HttpContext http, RaporDbContext db, QueueService q, CancellationToken ct) =>
            StepAsync(id, http, db, (t, c) => q.StartAsync(t, c, http.User.Identity!.Name!, ct), ct)).WithSummary("Mulai melayani");
        change.MapPost("/tickets/{id:guid}/finish", Finish).WithSummary("Selesai { outcome: Selesai|Ditolak|Diteruskan, note? }");
        change.MapPost("/tickets/{id:guid}/transfer", Transfer).WithSummary("Alihkan ke loket lain { counter }");
        app.MapGet("/api/public/queue/tickets/{id:guid}", Follow).WithTags("Public").AllowAnonymous().WithSummary("Posisi satu tiket (dari QR tiket)");
    }

    internal static bool CanReadBoard(ClaimsPrincipal user, string unit) =>
        user.IsDevice(ApiTokenPurpose.Kiosk, unit) || user.IsDevice(ApiTokenPurpose.Display, unit) || UnitScope.CanView(user, unit);

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static ProblemHttpResult Forbidden() => Problem(403, "Akses ditolak", "Akun atau perangkat ini tidak berwenang atas antrean unit tersebut.");

    private static async Task<Results<Ok<KioskDto>, ProblemHttpResult>> Services(string unit, HttpContext http, RaporDbContext db, QueueService q, CancellationToken ct)
    {
        if (!CanReadBoard(http.User, unit))
            return Forbidden();
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == unit).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null)
            return Problem(404, "Unit tidak ditemukan", $"Tidak ada unit {unit}.");
        var services = await db.ServiceStandards.AsNoTracking().Where(s => s.UnitCode == unit && s.Active).OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
        var board = await QueueBoard.LoadAsync(db, unit, q.Today, DateTime.UtcNow, ct);
        return TypedResults.Ok(new KioskDto(unit, name, services.Select(ToItem).ToList(), board!.Groups));
    }

    internal static ServiceItem ToItem(ServiceStandard s) => new(s.Code, s.Name, s.QueueGroup, s.Kind.ToString(), s.SlaValue, s.SlaUnit.ToString(), s.Fee);

    private static async Task<Results<Ok<QueueBoard.Board>, ProblemHttpResult>> GetBoard(string unit, HttpContext http, RaporDbContext db, QueueService q, TimeProvider clock, CancellationToken ct)
    {
        if (!CanReadBoard(http.User, unit))
            return Forbidden();
        var board = await QueueBoard.LoadAsync(db, unit, q.Today, clock.GetUtcNow().UtcDateTime, ct);
        return board is null ? Problem(404, "Unit tidak ditemukan", $"Tidak ada unit {unit}.") : TypedResults.Ok(board);
    }

    /// <summary>
    /// Server-Sent Events: every queue event of the unit as it commits (on any instance), a comment every 15 s so proxies
    /// keep the connection and clients notice a dead one; <c>X-Accel-Buffering: no</c> keeps nginx from buffering.
    /// </summary>
    private static async Task Events(string unit, HttpContext http, QueueBroadcaster broadcaster, CancellationToken ct)
    {
        if (!CanReadBoard(http.User, unit))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var response = http.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = broadcaster.Subscribe(unit);
        await response.WriteAsync("retry: 2000\nevent: hello\ndata: {}\n\n", ct);
        await response.Body.FlushAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
            beat.CancelAfter(TimeSpan.FromSeconds(15));
            try
            {
                if (!await subscription.Reader.WaitToReadAsync(beat.Token))
                    return;
                while (subscription.Reader.TryRead(out var json))
                    await response.WriteAsync($"event: queue\ndata: {json}\n\n", ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await response.WriteAsync(": ping\n\n", ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await response.Body.FlushAsync(ct);
        }
    }

    private static async Task<Results<Created<IssuedDto>, ProblemHttpResult>> Issue(string unit, TicketRequest? body, HttpContext http, RaporDbContext db,
        QueueService q, CancellationToken ct)
    {
        var user = http.User;
        var kiosk = user.IsDevice(ApiTokenPurpose.Kiosk, unit);
        if (!kiosk && !UnitScope.CanServeQueue(user, unit))
            return Forbidden();
        if (string.IsNullOrWhiteSpace(body?.Service))
            return Problem(400, "Layanan wajib dipilih", "Isi \"service\" dengan kode layanan unit ini.");
        var priority = TicketPriority.Umum;
        if (!string.IsNullOrEmpty(body.Priority) && (!Enum.TryParse(body.Priority, ignoreCase: true, out priority) || !Enum.IsDefined(priority)))
            return Problem(400, "Prioritas tidak dikenal", "priority harus Lansia, Difabel atau IbuHamil (kosong: umum).");
        if (!await db.ServiceDesks.AsNoTracking().AnyAsync(d => d.UnitCode == unit && d.UsesQueue, ct))
            return Problem(400, "Antrean belum aktif", "Unit ini belum mengaktifkan antrean digital (Layanan → Pengaturan).");
        var code = body.Service.Trim();
        var service = await db.ServiceStandards.AsNoTracking().FirstOrDefaultAsync(s => s.UnitCode == unit && s.Code == code && s.Active, ct);
        if (service is null)
            return Problem(400, "Layanan tidak dikenal", $"Tidak ada layanan aktif dengan kode \"{code}\" di unit ini.");
        var ticket = await q.IssueAsync(unit, service, priority, kiosk ? TicketChannel.Kiosk : TicketChannel.Petugas, user.Identity?.Name ?? "kios", ct);
        var dto = await ToDtoAsync(ticket, http, db, q, ct);
        return TypedResults.Created($"/api/public/queue/tickets/{ticket.Id}", new IssuedDto(dto, QrCode.Svg(dto.FollowUrl)));
    }

    private static async Task<Results<Ok<TicketDto>, NoContent, ProblemHttpResult>> CallNext(string unit, int counter, CallNextRequest? body, HttpContext http,
        RaporDbContext db, QueueService q, CancellationToken ct)
    {
        if (!UnitScope.CanServeQueue(http.User, unit))
            return Forbidden();
        var c = await db.QueueCounters.AsNoTracking().FirstOrDefaultAsync(x => x.UnitCode == unit && x.Number == counter && x.Active, ct);
        if (c is null)
            return Problem(404, "Loket tidak ditemukan", $"Tidak ada loket aktif nomor {counter} di unit ini.");
        var group = body?.Group?.Trim().ToUpperInvariant();
        if (group is { Length: > 0 } && (group.Length != 1 || !char.IsAsciiLetterUpper(group[0])))
            return Problem(400, "Kelompok tidak valid", "group berupa satu huruf, mis. \"A\".");
        var result = await q.CallNextAsync(c, string.IsNullOrEmpty(group) ? null : group, http.User.Identity!.Name!, ct);
        if (result.Error is { } error)
            return Problem(result.Status, "Tidak dapat memanggil", error);
        if (result.Ticket is null)
            return TypedResults.NoContent();
        return TypedResults.Ok(await ToDtoAsync(result.Ticket, http, db, q, ct));
    }

    private static Task<Results<Ok<TicketDto>, ProblemHttpResult>> Finish(Guid id, FinishRequest? body, HttpContext http, RaporDbContext db, QueueService q, CancellationToken ct)
    {
        var outcome = TicketOutcome.Selesai;
        if (!string.IsNullOrEmpty(body?.Outcome) && (!Enum.TryParse(body.Outcome, ignoreCase: true, out outcome) || !Enum.IsDefined(outcome)))
            return Task.FromResult<Results<Ok<TicketDto>, ProblemHttpResult>>(Problem(400, "Hasil tidak dikenal", "outcome harus Selesai, Ditolak atau Diteruskan."));
        if (body?.Note is { Length: > 500 })
            return Task.FromResult<Results<Ok<TicketDto>, ProblemHttpResult>>(Problem(400, "Catatan terlalu panjang", "Catatan paling panjang 500 karakter."));
        var note = string.IsNullOrWhiteSpace(body?.Note) ? null : body.Note.Trim();
        return StepAsync(id, http, db, (t, c) => q.FinishAsync(t, c, outcome, note, http.User.Identity!.Name!, ct), ct);
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> Transfer(Guid id, TransferRequest body, HttpContext http, RaporDbContext db, QueueService q, CancellationToken ct)
    {
        var unit = await db.QueueTickets.AsNoTracking().Where(t => t.Id == id).Select(t => t.UnitCode).FirstOrDefaultAsync(ct);
        // Only the unit's own officers learn which counters it has.
        if (unit is not null && !UnitScope.CanServeQueue(http.User, unit))
            return Problem(403, "Akses ditolak", "Hanya petugas loket unit ini yang dapat memindahkan tiket.");
        var to = unit is null ? null : await db.QueueCounters.AsNoTracking().FirstOrDefaultAsync(c => c.UnitCode == unit && c.Number == body.Counter, ct);
        if (unit is not null && to is null)
            return Problem(400, "Loket tujuan tidak ada", $"Tidak ada loket nomor {body.Counter} di unit ini.");
        return await StepAsync(id, http, db, (t, c) => q.TransferAsync(t, c, to!, http.User.Identity!.Name!, ct), ct);
    }

    /// <summary>Loads the ticket and the counter holding it, checks the officer's unit, runs the step.</summary>
    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> StepAsync(Guid id, HttpContext http, RaporDbContext db,
        Func<QueueTicket, QueueCounter, Task<QueueService.Outcome>> step, CancellationToken ct)
    {
        var ticket = await db.QueueTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null)
            return Problem(404, "Tiket tidak ditemukan", $"Tidak ada tiket {id}.");
        if (!UnitScope.CanServeQueue(http.User, ticket.UnitCode))
            return Forbidden();
        var counter = ticket.CounterId is { } cid ? await db.QueueCounters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (counter is null)
            return Problem(409, "Tiket belum dipanggil", $"Tiket {ticket.Number} sedang {QueueService.StatusText(ticket.Status)} dan tidak dipegang loket mana pun.");
        var result = await step(ticket, counter);
        if (result.Error is { } error)
            return Problem(result.Status, "Tidak dapat diproses", error);
        var q = http.RequestServices.GetRequiredService<QueueService>();
        return TypedResults.Ok(await ToDtoAsync(result.Ticket!, http, db, q, ct));
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> Follow(Guid id, HttpContext http, RaporDbContext db, QueueService q, CancellationToken ct)
    {
        var ticket = await db.QueueTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return ticket is null ? Problem(404, "Tiket tidak ditemukan", "Periksa kembali tautan pada tiket.") : TypedResults.Ok(await ToDtoAsync(ticket, http, db, q, ct));
    }

    internal static async Task<TicketDto> ToDtoAsync(QueueTicket t, HttpContext http, RaporDbContext db, QueueService q, CancellationToken ct)
    {
        var service = await db.ServiceStandards.AsNoTracking().Where(s => s.Id == t.ServiceId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? t.ServiceCode;
        var unitName = await db.Regions.AsNoTracking().Where(r => r.Code == t.UnitCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? t.UnitCode;
        var counter = t.CounterId is { } cid ? await db.QueueCounters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        var (ahead, minutes) = await q.PositionAsync(t, ct);
        return new TicketDto(t.Id, t.Number, t.ServiceCode, service, t.Group, t.Status.ToString(), t.Priority.ToString(), t.TakenAt, t.CalledAt, counter?.Number, counter?.Name,
            t.Outcome?.ToString(), ahead, minutes, QrCode.AbsoluteUrl(http.Request, $"/Antrean/Tiket/{t.Id}"), unitName);
    }
}
