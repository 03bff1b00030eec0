namespace VnTrace.Server.Lookup;

/// <summary>Resources of the consumer page, the report form, publication settings and scan statistics (LookupText.resx Vietnamese, .en.resx English).</summary>
public sealed class LookupText;
