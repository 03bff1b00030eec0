namespace VnTrace.Server.Labels;

/// <summary>Resources of the label pages (LabelsText.resx Vietnamese, .en.resx English).</summary>
public sealed class LabelsText;
