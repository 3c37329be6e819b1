namespace Rapor.Web.Features.Messaging;

/// <summary>Configuration section "Messaging" (appsettings or environment, e.g. Messaging__Email__Host).</summary>
public sealed class MessagingOptions
{
    /// <summary>Absolute address of the app for links in e-mail and WhatsApp (e.g. https://rapor.bandung.go.id); paths only when empty.</summary>
    public string BaseUrl { get; set; } = "";
    public EmailOptions Email { get; set; } = new();
    public WhatsAppOptions WhatsApp { get; set; } = new();
    public OutboxOptions Outbox { get; set; } = new();

    public string LinkFor(string? path) =>
        path is null ? "" : BaseUrl.Length == 0 ? path : BaseUrl.TrimEnd('/') + path;
}

public sealed class EmailOptions
{
    /// <summary>SMTP server; e-mail is off while it is empty.</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, StartTls or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string From { get; set; } = "rapor@localhost";
    public string FromName { get; set; } = "Rapor";

    public bool Enabled => Host.Length > 0;
}

/// <summary>
/// An HTTP gateway of the kind Indonesian offices use for WhatsApp: one POST per message with the number and the text,
/// authorised by a token header.
/// </summary>
public sealed class WhatsAppOptions
{
    /// <summary>The gateway's send endpoint; WhatsApp is off while it is empty.</summary>
    public string Url { get; set; } = "";
    public string Token { get; set; } = "";

    /// <summary>Header carrying the token ("Authorization" for most gateways).</summary>
    public string TokenHeader { get; set; } = "Authorization";

    /// <summary>Body fields: the gateway's names for the number and the text.</summary>
    public string PhoneField { get; set; } = "target";
    public string MessageField { get; set; } = "message";

    /// <summary>"json" or "form" (application/x-www-form-urlencoded).</summary>
    public string Format { get; set; } = "json";

    /// <summary>
    /// The text sent: {nama} the recipient, {unit} his unit, {batas} the deadline (when the message has one), {pesan}
    /// the message itself, {tautan} its link. Templates:{Kind} overrides it per kind (e.g. Templates:DeadlineReminder).
    /// </summary>
    public string Template { get; set; } = "Yth. {nama} ({unit}),\n{pesan}\n{tautan}";
    public Dictionary<string, string> Templates { get; set; } = [];

    public bool Enabled => Url.Length > 0;
}

public sealed class OutboxOptions
{
    /// <summary>Whether this instance runs the dispatcher (every instance may: claims are atomic).</summary>
    public bool Dispatch { get; set; } = true;
    public int PollSeconds { get; set; } = 15;
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a message is marked failed; the wait doubles from <see cref="RetrySeconds"/> each time.</summary>
    public int MaxAttempts { get; set; } = 6;
    public int RetrySeconds { get; set; } = 60;

    /// <summary>How long a claim holds; a dispatcher that died mid-send leaves its rows to another one after this.</summary>
    public int LeaseSeconds { get; set; } = 300;
}
