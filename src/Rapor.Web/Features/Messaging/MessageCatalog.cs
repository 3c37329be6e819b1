using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Rapor.Web.Domain;

namespace Rapor.Web.Features.Messaging;

/// <summary>
/// A message as stored: a code naming its template and parameters. Subject and body are written in Indonesian and
/// are the localizer keys (ADR-003); the English lives in SharedResource.en.resx like every other UI string.
/// </summary>
public sealed record MessageTemplate(string Code, MessageKind Kind, string Subject, string Body);

/// <summary>
/// Every message the system sends. To add one: a new entry here (Indonesian subject and body with {placeholders}) and
/// its English in SharedResource.en.resx; then <c>Messenger.SendAsync(userId, MessageCatalog.X.With(...))</c>.
/// Placeholders are rendered in the reader's culture by their value: <c>{periode}</c> holds a period key ("2026-05" →
/// "Mei 2026" / "May 2026"), a value "yyyy-MM-dd" is a date ("10 Juni 2026"), a whole number is a count ("1.200").
/// </summary>
public static partial class MessageCatalog
{
    public static readonly MessageTemplate DeadlineSoon = new("report.deadline-soon", MessageKind.DeadlineReminder,
        "Pengingat: laporan {periode} jatuh tempo {batas}",
        "Laporan {periode} {unit} belum diajukan. Batas waktu {batas} — {hari} hari lagi.");

    public static readonly MessageTemplate Overdue = new("report.overdue", MessageKind.Overdue,
        "Laporan {periode} terlambat",
        "Laporan {periode} {unit} belum diajukan dan batas waktunya {batas} sudah lewat. Ajukan paling lambat {kunci} setelah meminta perpanjangan kepada admin.");

    public static readonly MessageTemplate PendingApproval = new("report.pending-approval", MessageKind.PendingApproval,
        "{jumlah} laporan menunggu persetujuan Anda",
        "{jumlah} laporan kelurahan/desa sudah diajukan dan menunggu persetujuan Anda.");

    public static readonly MessageTemplate WaitingVerification = new("report.waiting-verification", MessageKind.WaitingVerification,
        "{jumlah} laporan menunggu verifikasi",
        "{jumlah} laporan sudah disetujui dan menunggu verifikasi Anda.");

    public static readonly MessageTemplate WeeklyDigest = new("digest.weekly", MessageKind.WeeklyDigest,
        "Ringkasan mingguan: laporan {periode}",
        "Laporan {periode}: {diajukan} dari {jumlah_unit} unit sudah mengajukan, {diverifikasi} sudah diverifikasi, {terlambat} terlambat belum mengajukan. Batas waktu {batas}.");

    private static readonly Dictionary<string, MessageTemplate> ByCode =
        new[] { DeadlineSoon, Overdue, PendingApproval, WaitingVerification, WeeklyDigest }.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static MessageTemplate? Find(string code) => ByCode.GetValueOrDefault(code);

    public static IEnumerable<MessageTemplate> All => ByCode.Values;

    /// <summary>Parameters as stored (invariant: dates ISO, numbers plain, periods as keys).</summary>
    public static string Serialize(IReadOnlyDictionary<string, string> parameters) => JsonSerializer.Serialize(parameters);

    public static Dictionary<string, string> Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>Fills a template (already translated) with parameters formatted for <paramref name="culture"/>.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> parameters, CultureInfo culture) =>
        Placeholder().Replace(template, m => parameters.TryGetValue(m.Groups[1].Value, out var v) ? Format(m.Groups[1].Value, v, culture) : m.Value);

    public static string Format(string name, string value, CultureInfo culture)
    {
        if (name == "periode" && Period.TryParseKey(value, out var year, out var month))
            return month is { } mm
                ? culture.DateTimeFormat.GetMonthName(mm) + " " + year.ToString(CultureInfo.InvariantCulture)
                : (culture.TwoLetterISOLanguageName == "en" ? "Year " : "Tahun ") + year.ToString(CultureInfo.InvariantCulture);
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date.ToString("d MMMM yyyy", culture);
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return number.ToString("N0", culture);
        return value;
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>Renders stored messages in a given language through the shared localizer.</summary>
public sealed class MessageRenderer(IStringLocalizer<SharedResource> localizer)
{
    public static CultureInfo CultureOf(string? language) => RaporCultures.Of(language);

    /// <summary>Subject and body of a stored message in <paramref name="language"/>; an unknown code renders its fallback text.</summary>
    public (string Subject, string Body) Render(string code, string? parameters, string? language, string? fallback = null)
    {
        var culture = CultureOf(language);
        var template = MessageCatalog.Find(code);
        if (template is null)
            return (fallback ?? code, fallback ?? code);
        var values = MessageCatalog.Deserialize(parameters);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return (MessageCatalog.Fill(localizer[template.Subject], values, culture), MessageCatalog.Fill(localizer[template.Body], values, culture));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The label of a kind in the reader's current language (settings page, delivery log).</summary>
    public string KindLabel(MessageKind kind) => localizer[KindText(kind)];

    public static string KindText(MessageKind kind) => kind switch
    {
        MessageKind.DeadlineReminder => "Pengingat batas waktu (H-7, H-3, H-1)",
        MessageKind.Overdue => "Laporan terlambat",
        MessageKind.PendingApproval => "Laporan menunggu persetujuan camat",
        MessageKind.WaitingVerification => "Laporan menunggu verifikasi",
        MessageKind.WeeklyDigest => "Ringkasan mingguan",
        _ => "Pemberitahuan lain",
    };

    public static string ChannelText(Channel channel) => channel switch
    {
        Channel.Email => "E-mail",
        Channel.WhatsApp => "WhatsApp",
        _ => "Dalam aplikasi",
    };
}

public static class RaporCultures
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo Of(string? language) => language == "en" ? English : Indonesian;
}
