namespace VnTrace.Server.Programme.Support;

/// <summary>Resources of the support, inspection and certification pages (SupportText.resx Vietnamese, .en.resx English).</summary>
public sealed class SupportText;
