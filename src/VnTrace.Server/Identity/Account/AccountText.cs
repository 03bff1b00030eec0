namespace VnTrace.Server.Identity.Account;

/// <summary>Resources of the sign-in, sign-up and account pages (AccountText.resx Vietnamese, .en.resx English).</summary>
public sealed class AccountText;
