using Rapor.Web.Data;
using Rapor.Web.Domain;
using Rapor.Web.Infrastructure;

namespace Rapor.Web.Features.Frameworks;

/// <summary>Text lengths of a whole framework against its columns, for the editor and the Excel import alike.</summary>
public static class FrameworkText
{
    public static IEnumerable<string> Check(RaporDbContext db, Framework f) =>
        TextLimits.Check(db, f, "Kerangka: ")
            .Concat(f.Bidang.OrderBy(b => b.Number).SelectMany(b => TextLimits.Check(db, b, $"Bidang {b.Number}: ")))
            .Concat(f.Indicators.SelectMany(i => TextLimits.Check(db, i, $"Indikator {Shorten(i.Code)}: ")));

    private static string Shorten(string code) => code.Length > 20 ? code[..20] + "…" : code;
}
