namespace VnTrace.Server.Workspace;

/// <summary>Resources of the workspace dashboard (WorkspaceText.resx Vietnamese, .en.resx English).</summary>
public sealed class WorkspaceText;
