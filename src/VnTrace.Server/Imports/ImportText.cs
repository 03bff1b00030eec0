namespace VnTrace.Server.Imports;

/// <summary>Resources of the import page (ImportText.resx Vietnamese, .en.resx English).</summary>
public sealed class ImportText;
