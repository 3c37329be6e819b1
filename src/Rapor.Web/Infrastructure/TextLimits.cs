using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Rapor.Web.Infrastructure;

/// <summary>
/// Text lengths checked in the app against the database columns themselves (the EF model's max lengths), so a form
/// can say "nama paling panjang 300 karakter" before PostgreSQL refuses the row (22001) or SQLite silently keeps it.
/// </summary>
public static class TextLimits
{
    /// <summary>Indonesian field names for messages; a property not listed is named as it is.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Name"] = "nama", ["Code"] = "kode", ["Description"] = "deskripsi", ["Unit"] = "satuan", ["Bands"] = "tabel rentang",
        ["ActivityKind"] = "jenis kegiatan", ["Note"] = "catatan", ["Notes"] = "catatan", ["Reason"] = "alasan", ["ReopenReason"] = "alasan membuka kembali",
        ["VerificationNote"] = "alasan verifikasi", ["ReturnNote"] = "catatan pengembalian", ["Problem"] = "masalah", ["Approach"] = "pendekatan",
        ["Results"] = "hasil", ["Place"] = "tempat", ["DisplayName"] = "nama lengkap", ["Province"] = "provinsi", ["Nip"] = "NIP", ["Position"] = "jabatan",
        ["FileName"] = "nama berkas", ["Text"] = "teks",
    };

    /// <summary>The column length of a property, e.g. <c>MaxLength&lt;Indicator&gt;(db, nameof(Indicator.Name))</c>.</summary>
    public static int? MaxLength<T>(DbContext db, string property) =>
        db.Model.FindEntityType(typeof(T))?.FindProperty(property)?.GetMaxLength();

    /// <summary>Every string of <paramref name="entity"/> longer than its column, as messages starting with <paramref name="where"/>.</summary>
    public static IEnumerable<string> Check(DbContext db, object entity, string where)
    {
        var type = db.Model.FindEntityType(entity.GetType());
        if (type is null)
            yield break;
        foreach (var p in type.GetProperties())
        {
            if (p.ClrType != typeof(string) || p.GetMaxLength() is not { } max || p.PropertyInfo?.GetValue(entity) is not string value || value.Length <= max)
                continue;
            yield return Message(where, p, max, value.Length);
        }
    }

    private static string Message(string where, IProperty p, int max, int length) =>
        $"{where}{Labels.GetValueOrDefault(p.Name, p.Name)} paling panjang {max} karakter (terisi {length}).";

    /// <summary>
    /// The safety net behind the forms: a change with a too long text never reaches the database; the request ends
    /// as a 400 with the field named (RaporApp maps <see cref="InputTooLongException"/>), never as a 500.
    /// </summary>
    public sealed class Guard : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Check(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(eventData.Context);
            return ValueTask.FromResult(result);
        }

        private static void Check(DbContext? db)
        {
            if (db is null)
                return;
            var errors = new List<string>();
            foreach (var e in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
            {
                foreach (var p in e.Properties)
                {
                    if (p.CurrentValue is string s && p.Metadata.GetMaxLength() is { } max && s.Length > max)
                        errors.Add(Message("", p.Metadata, max, s.Length));
                }
            }
            if (errors.Count > 0)
                throw new InputTooLongException(string.Join(" ", errors.Distinct()));
        }
    }
}

/// <summary>Input longer than its column; the message (Bahasa Indonesia) names the field and the limit.</summary>
public sealed class InputTooLongException(string message) : Exception(message);
