using Microsoft.Extensions.Localization;

namespace Rapor.Web.Infrastructure;

/// <summary>
/// The views' <c>T</c>. Resource names in a .resx are case-insensitive: "Catatan" and "catatan" collide and the build
/// drops one (MSB3568, an error in this build). So only the capitalised key carries a translation, and a lower-case
/// lookup ("batas waktu" inside a sentence) reuses it with its first letter lowered.
/// </summary>
public sealed class SharedLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name] => Fold(name, _inner[name], n => _inner[n]);

    public LocalizedString this[string name, params object[] arguments] => Fold(name, _inner[name, arguments], n => _inner[n, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);

    private static LocalizedString Fold(string name, LocalizedString found, Func<string, LocalizedString> lookup)
    {
        if (!found.ResourceNotFound || name.Length == 0 || !char.IsLower(name[0]))
            return found;
        var capital = lookup(char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..]);
        if (capital.ResourceNotFound)
            return found;
        var value = capital.Value.Length == 0 ? capital.Value : char.ToLower(capital.Value[0], CultureInfo.CurrentCulture) + capital.Value[1..];
        return new LocalizedString(name, value, resourceNotFound: false, capital.SearchedLocation);
    }
}
