namespace VnTrace.Server.Programme.Activities;

/// <summary>Resources of the activity pages (ActivityText.resx Vietnamese, .en.resx English).</summary>
public sealed class ActivityText;
