namespace VnTrace.Server.Locations;

/// <summary>Resources of the location pages (LocationText.resx Vietnamese, .en.resx English).</summary>
public sealed class LocationText;
