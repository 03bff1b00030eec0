namespace VnTrace.Server.Authority;

/// <summary>Resources of the authority's pages (AuthorityText.resx Vietnamese, .en.resx English).</summary>
public sealed class AuthorityText;
