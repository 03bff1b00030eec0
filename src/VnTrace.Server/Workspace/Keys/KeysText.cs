namespace VnTrace.Server.Workspace.Keys;

/// <summary>Resources of the API keys page (KeysText.resx Vietnamese, .en.resx English).</summary>
public sealed class KeysText;
