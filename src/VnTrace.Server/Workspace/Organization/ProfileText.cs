// The folder is Workspace/Organization (the page is /workspace/organization), but the namespace is "Profile": a
// namespace named Organization would hide the VnTrace.Server.Organizations.Organization type from every Workspace.* namespace.
namespace VnTrace.Server.Workspace.Profile;

/// <summary>Resources of the organization profile page (ProfileText.resx Vietnamese, .en.resx English).</summary>
public sealed class ProfileText;
