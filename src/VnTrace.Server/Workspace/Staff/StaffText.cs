namespace VnTrace.Server.Workspace.Staff;

/// <summary>Resources of the staff page (StaffText.resx Vietnamese, .en.resx English).</summary>
public sealed class StaffText;
