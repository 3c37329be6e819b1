using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Rapor.Web;
using Rapor.Web.Infrastructure;

namespace Rapor.Tests.Infrastructure;

public class SharedLocalizerTests
{
    private static IStringLocalizer<SharedResource> Localizer()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<IStringLocalizer<SharedResource>, SharedLocalizer>();
        return services.BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    private static string InEnglish(Func<IStringLocalizer<SharedResource>, string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en-US");
        try
        {
            return read(Localizer());
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_lower_case_key_inside_a_sentence_reuses_the_capitalised_translation() =>
        Assert.Equal("deadline", InEnglish(t => t["batas waktu"]));

    [Fact]
    public void The_capitalised_key_is_translated_as_written() =>
        Assert.Equal("Deadline", InEnglish(t => t["Batas waktu"]));

    [Fact]
    public void A_key_without_translation_shows_the_Indonesian_text() =>
        Assert.Equal("tidak ada terjemahan xyz", InEnglish(t => t["tidak ada terjemahan xyz"]).ToString());

    [Fact]
    public void Arguments_are_formatted_into_the_translation() =>
        Assert.Equal("1,234 entries", InEnglish(t => t["{0:N0} entri", 1234]));
}
