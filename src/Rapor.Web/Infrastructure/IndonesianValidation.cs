using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Rapor.Web.Infrastructure;

/// <summary>
/// Validation and model-binding messages in Bahasa Indonesia (English through the shared resource file), also where
/// a form forgot to write one: an attribute without ErrorMessage — including the [Required] MVC adds for non-nullable
/// properties — gets an Indonesian default here, which DataAnnotations localization then translates like any key.
/// </summary>
public sealed class IndonesianValidation(IStringLocalizerFactory localizers) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = localizers.Create(typeof(SharedResource));
        options.ModelMetadataDetailsProviders.Add(new DefaultMessages());
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => t["Nilai \"{0}\" tidak valid.", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => t["Nilai \"{0}\" tidak valid untuk {1}.", v, f]);
        m.SetMissingBindRequiredValueAccessor(f => t["{0} wajib diisi.", f]);
        m.SetMissingKeyOrValueAccessor(() => t["Nilai wajib diisi."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["Isi permintaan wajib diisi."]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["Nilai \"{0}\" tidak valid.", v]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Nilai tidak valid."]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["Isian harus berupa angka."]);
        m.SetUnknownValueIsInvalidAccessor(f => t["Nilai untuk {0} tidak valid.", f]);
        m.SetValueMustBeANumberAccessor(f => t["{0} harus berupa angka.", f]);
        m.SetValueMustNotBeNullAccessor(v => t["Nilai \"{0}\" tidak boleh kosong.", v]);
    }

    private sealed class DefaultMessages : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var a in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (!string.IsNullOrEmpty(a.ErrorMessage) || a.ErrorMessageResourceType is not null)
                    continue;
                a.ErrorMessage = a switch
                {
                    RequiredAttribute => "{0} wajib diisi.",
                    StringLengthAttribute { MinimumLength: > 0 } => "{0} harus {2}–{1} karakter.",
                    StringLengthAttribute or MaxLengthAttribute => "{0} paling panjang {1} karakter.",
                    MinLengthAttribute => "{0} paling sedikit {1} karakter.",
                    RangeAttribute => "{0} harus antara {1} dan {2}.",
                    RegularExpressionAttribute => "Format {0} tidak sesuai.",
                    EmailAddressAttribute => "{0} bukan alamat e-mail yang valid.",
                    _ => "{0} tidak valid.",
                };
            }
        }
    }
}
