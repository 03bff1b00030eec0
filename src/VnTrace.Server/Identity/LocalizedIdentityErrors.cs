using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Identity;

/// <summary>Identity's user-name errors and a wrong current password in the interface language; the password rule's own are <see cref="PasswordPolicy"/>'s.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedText> t) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Identity.DefaultError"]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["Identity.DuplicateUserName", userName]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["Identity.InvalidUserName", userName ?? ""]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["Identity.PasswordMismatch"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
