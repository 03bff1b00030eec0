namespace VnTrace.Server.Programme.Agencies;

/// <summary>Resources of the agencies, officers and agency-key pages (AgencyText.resx Vietnamese, .en.resx English).</summary>
public sealed class AgencyText;
