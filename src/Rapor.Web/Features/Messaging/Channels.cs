using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Messaging;

/// <summary>One rendered message on its way out.</summary>
public sealed record Delivery(OutboxMessage Message, string Subject, string Body, string RecipientName, string UnitName, string Link);

public interface IMessageChannel
{
    Channel Channel { get; }

    /// <summary>Sends or throws; the dispatcher turns an exception into a retry.</summary>
    Task SendAsync(Delivery d, CancellationToken ct);
}

/// <summary>E-mail over SMTP (MailKit): plain text, with the link written out.</summary>
public sealed class EmailChannel(IOptions<MessagingOptions> options) : IMessageChannel
{
    public Channel Channel => Channel.Email;

    public async Task SendAsync(Delivery d, CancellationToken ct)
    {
        var o = options.Value.Email;
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(o.FromName, o.From));
        mail.To.Add(new MailboxAddress(d.RecipientName, d.Message.Address));
        mail.Subject = d.Subject;
        // Repeats of one message carry one Message-Id, so a mail system that saw the first attempt can drop a repeat.
        mail.MessageId = d.Message.Id.ToString("N") + "@rapor";
        var body = d.Link.Length > 0 ? $"{d.Body}\n\n{d.Link}\n" : d.Body + "\n";
        mail.Body = new TextPart("plain") { Text = body };
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(o.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(o.Host, o.Port, security, ct);
        if (o.UserName.Length > 0)
            await client.AuthenticateAsync(o.UserName, o.Password, ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>WhatsApp through the configured HTTP gateway: one POST with number and text; any non-2xx answer is a failure.</summary>
public sealed class WhatsAppChannel(IHttpClientFactory http, IOptions<MessagingOptions> options) : IMessageChannel
{
    public const string HttpClientName = "whatsapp";

    public Channel Channel => Channel.WhatsApp;

    public async Task SendAsync(Delivery d, CancellationToken ct)
    {
        var o = options.Value.WhatsApp;
        var text = Text(o, d);
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url);
        if (o.Token.Length > 0)
            request.Headers.TryAddWithoutValidation(o.TokenHeader, o.Token);
        var fields = new Dictionary<string, string> { [o.PhoneField] = d.Message.Address, [o.MessageField] = text };
        request.Content = string.Equals(o.Format, "form", StringComparison.OrdinalIgnoreCase)
            ? new FormUrlEncodedContent(fields)
            : JsonContent.Create(fields);
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var answer = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"Gateway answered {(int)response.StatusCode}: {(answer.Length > 200 ? answer[..200] : answer)}");
        }
    }

    /// <summary>The configured template (per kind, else the general one) filled for this recipient.</summary>
    public static string Text(WhatsAppOptions o, Delivery d)
    {
        var template = o.Templates.GetValueOrDefault(d.Message.Kind.ToString()) ?? o.Template;
        var parameters = MessageCatalog.Deserialize(d.Message.Parameters);
        var culture = RaporCultures.Of(d.Message.Language);
        var batas = parameters.TryGetValue("batas", out var b) ? MessageCatalog.Format("batas", b, culture) : "-";
        return template.Replace("{nama}", d.RecipientName, StringComparison.Ordinal)
            .Replace("{unit}", d.UnitName, StringComparison.Ordinal)
            .Replace("{batas}", batas, StringComparison.Ordinal)
            .Replace("{tautan}", d.Link, StringComparison.Ordinal)
            .Replace("{pesan}", d.Body, StringComparison.Ordinal)
            .Trim();
    }
}
