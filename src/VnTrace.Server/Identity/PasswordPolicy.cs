using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Identity;

/// <summary>
/// The one password rule, for every password a person sets: sign-up, an accepted staff invitation, a change of
/// password, a reset. Registered as Identity's only <see cref="IPasswordValidator{TUser}"/>
/// (<see cref="IdentitySetup"/>), so <see cref="UserManager{TUser}"/> applies it to CreateAsync, ChangePasswordAsync,
/// ResetPasswordAsync and AddPasswordAsync alike. Length and a list of common passwords, no composition rules
/// (NIST SP 800-63B §5.1.1.2: minimum length, a blocklist of commonly used values, no "must contain a digit").
/// </summary>
public sealed class PasswordPolicy(IStringLocalizer<SharedText> t) : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;

    /// <summary>"aaaaaaaaaaaa" and "121212121212" are long but not in the list.</summary>
    public const int MinimumDistinctCharacters = 4;

    /// <summary>CommonPasswords.txt (see CommonPasswords.LICENSE.txt), compared case-insensitively.</summary>
    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Validate(password ?? ""));

    public IdentityResult Validate(string password)
    {
        if (password.Length < MinimumLength)
            return Failed("PasswordTooShort", t["Identity.PasswordTooShort", MinimumLength]);
        if (password.Distinct().Count() < MinimumDistinctCharacters)
            return Failed("PasswordRequiresUniqueChars", t["Identity.PasswordRequiresUniqueChars", MinimumDistinctCharacters]);
        if (IsCommon(password))
            return Failed("PasswordTooCommon", t["Identity.PasswordTooCommon"]);
        return IdentityResult.Success;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("VnTrace.Server.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>(10_000);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0)
                passwords.Add(line);
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
