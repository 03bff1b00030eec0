namespace VnTrace.Server.Gs1Allocation;

/// <summary>Resources about GS1 code allocation (Gs1AllocationText.resx Vietnamese, .en.resx English).</summary>
public sealed class Gs1AllocationText;
