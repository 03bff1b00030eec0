namespace VnTrace.Server.Trace;

/// <summary>Resources of the trace pages and the drawn graph (TraceText.resx Vietnamese, .en.resx English).</summary>
public sealed class TraceText;
