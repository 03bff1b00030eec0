namespace VnTrace.Server.Programme.Plans;

/// <summary>Resources of the plan and progress pages (PlanText.resx Vietnamese, .en.resx English).</summary>
public sealed class PlanText;
