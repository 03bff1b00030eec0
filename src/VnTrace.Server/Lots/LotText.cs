namespace VnTrace.Server.Lots;

/// <summary>Resources of the lots and production diary pages (LotText.resx Vietnamese, .en.resx English).</summary>
public sealed class LotText;
