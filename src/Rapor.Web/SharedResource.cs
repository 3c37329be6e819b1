namespace Rapor.Web;

/// <summary>
/// Marker for the shared UI strings. Keys are the Bahasa Indonesia text (the default culture);
/// Resources/SharedResource.en.resx holds the English (see docs/decisions/ADR-003-localization.md).
/// </summary>
public sealed class SharedResource;
