using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Rapor.TestSupport;
using Rapor.Web.Features.Messaging;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rapor.Tests.Features.Messaging;

/// <summary>
/// The app with e-mail pointed at a real SMTP server on loopback and WhatsApp at a stand-in HTTP gateway, both run by
/// the test, and a clock the test moves. The dispatcher does not poll: tests call <see cref="DispatchAllAsync"/>.
/// </summary>
public class MessagingFactory : RaporFactory
{
    public FakeTimeProvider Clock { get; }
    public LoopbackSmtp Smtp { get; }
    public StubGateway Gateway { get; }

    public MessagingFactory() : this(new FakeTimeProvider(DateTimeOffset.UtcNow), new LoopbackSmtp(), new StubGateway())
    {
    }

    private MessagingFactory(FakeTimeProvider clock, LoopbackSmtp smtp, StubGateway gateway)
    {
        Clock = clock;
        Clock.SetLocalTimeZone(TimeZoneInfo.Local);
        Smtp = smtp;
        Gateway = gateway;
    }

    /// <summary>A second instance on the same database, mail server, gateway and clock.</summary>
    protected MessagingFactory(MessagingFactory first) : base(first)
    {
        (Clock, Smtp, Gateway) = (first.Clock, first.Smtp, first.Gateway);
    }

    public MessagingFactory SecondMessagingInstance() => new Second(this);

    private sealed class Second(MessagingFactory first) : MessagingFactory(first);

    public virtual bool SchedulerEnabled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:BaseUrl", "https://rapor.example.go.id");
        builder.UseSetting("Messaging:Email:Host", "127.0.0.1");
        builder.UseSetting("Messaging:Email:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Email:Security", "None");
        builder.UseSetting("Messaging:Email:From", "rapor@example.go.id");
        builder.UseSetting("Messaging:WhatsApp:Url", Gateway.Url);
        builder.UseSetting("Messaging:WhatsApp:Token", StubGateway.Token);
        builder.UseSetting("Messaging:WhatsApp:Templates:DeadlineReminder", "Yth. {nama} ({unit}), laporan belum diajukan; batas {batas}.");
        // No background dispatcher: its timer runs on the test's clock, and a jump of days would expire its claims.
        builder.UseSetting("Messaging:Outbox:Dispatch", "false");
        builder.UseSetting("Messaging:Outbox:RetrySeconds", "60");
        builder.UseSetting("Messaging:Outbox:MaxAttempts", "3");
        builder.UseSetting("Scheduler:Enabled", SchedulerEnabled ? "true" : "false");
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Runs the dispatcher until nothing is due.</summary>
    public async Task<int> DispatchAllAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        var total = 0;
        int n;
        while ((n = await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken)) > 0)
            total += n;
        return total;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (this is not Second)
        {
            await Smtp.DisposeAsync();
            await Gateway.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>A real SMTP server (SmtpServer library) on a free loopback port that keeps every message it accepts.</summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    public int Port { get; } = FreePort();
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public LoopbackSmtp()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public IEnumerable<MimeMessage> To(string address) => Messages.Where(m => m.To.Mailboxes.Any(x => x.Address == address));

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private sealed class Store(LoopbackSmtp owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}

/// <summary>A stand-in WhatsApp gateway: a tiny Kestrel app that records each POST and can be told to fail the next ones.</summary>
public sealed class StubGateway : IAsyncDisposable
{
    public const string Token = "rahasia-gateway";
    public sealed record Sent(string Target, string Message, string? Authorization);

    public ConcurrentQueue<Sent> Received { get; } = new();

    private int _failNext;

    /// <summary>The next this many requests are answered 503.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failNext, count);
    private readonly WebApplication _app;
    public string Url { get; }

    public StubGateway()
    {
        var port = LoopbackSmtp.FreePort();
        Url = $"http://127.0.0.1:{port}/send";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.None));
        _app = builder.Build();
        _app.MapPost("/send", async (HttpRequest request) =>
        {
            if (Interlocked.Decrement(ref _failNext) >= 0)
                return Results.StatusCode(503);
            var body = await System.Text.Json.JsonSerializer.DeserializeAsync<Dictionary<string, string>>(request.Body);
            Received.Enqueue(new Sent(body!["target"], body["message"], request.Headers.Authorization));
            return Results.Ok(new { status = true });
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
