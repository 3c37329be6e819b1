using Rapor.Web.Domain;

namespace Rapor.Web.Features.Frameworks;

/// <summary>Copies a framework to another year or tenant (Palembang copies Bandung, then edits): new ids, not frozen.</summary>
public static class FrameworkCopy
{
    public static Framework Copy(Framework source, string tenantCode, int year) => new()
    {
        TenantCode = tenantCode,
        Year = year,
        Name = source.Name.Replace(source.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
        RollUpShare = source.RollUpShare,
        GreenFrom = source.GreenFrom,
        YellowFrom = source.YellowFrom,
        CopiedFromId = source.Id,
        Bidang = source.Bidang.OrderBy(b => b.Number).Select(b => new Bidang
        {
            Number = b.Number,
            Name = b.Name,
            Weight = b.Weight,
            TenantCode = tenantCode,
            Indicators = b.Indicators.OrderBy(i => i.Code).Select(i => new Indicator
            {
                Code = i.Code,
                Name = i.Name,
                Description = i.Description,
                Unit = i.Unit,
                Type = i.Type,
                Direction = i.Direction,
                Target = i.Target,
                Weight = i.Weight,
                Frequency = i.Frequency,
                Level = i.Level,
                EvidenceRequired = i.EvidenceRequired,
                Rule = i.Rule,
                Bands = i.Bands,
                Source = i.Source,
                ActivityKind = i.ActivityKind,
                TenantCode = tenantCode,
            }).ToList(),
        }).ToList(),
    };
}
