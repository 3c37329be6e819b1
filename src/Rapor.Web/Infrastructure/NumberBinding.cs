using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rapor.Web.Infrastructure;

/// <summary>
/// Reads numbers the way both browsers and Indonesian users write them: "-6.9123" (GPS, input type=number) and
/// "12,5" / "1.234,5" (Indonesian typing). Culture-bound parsing under id-ID would read "-6.9123" as -69123.
/// </summary>
public static class FlexibleNumber
{
    public static bool TryParse(string? raw, out double value)
    {
        value = 0;
        var s = raw?.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(s))
            return false;
        if (s.Contains(',', StringComparison.Ordinal))
            s = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}

public sealed class FlexibleDoubleBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(double) ? new Binder() : null;

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext ctx)
        {
            var result = ctx.ValueProvider.GetValue(ctx.ModelName);
            if (result == ValueProviderResult.None)
                return Task.CompletedTask;
            ctx.ModelState.SetModelValue(ctx.ModelName, result);
            var raw = result.FirstValue;
            if (string.IsNullOrWhiteSpace(raw))
            {
                if (ctx.ModelMetadata.IsReferenceOrNullableType)
                    ctx.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }
            if (FlexibleNumber.TryParse(raw, out var v))
                ctx.Result = ModelBindingResult.Success(v);
            else
                ctx.ModelState.TryAddModelError(ctx.ModelName, $"\"{raw}\" bukan angka.");
            return Task.CompletedTask;
        }
    }
}
