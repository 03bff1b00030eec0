namespace VnTrace.Server.Programme.Lists;

/// <summary>Resources of the lists, risk and coverage pages (ListsText.resx Vietnamese, .en.resx English).</summary>
public sealed class ListsText;
