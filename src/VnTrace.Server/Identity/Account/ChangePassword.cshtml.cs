using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Identity.Account;

/// <summary>
/// A signed-in person changes their password (a generated one is meant to be changed). The current password is
/// asked and its wrong guesses are slowed down like sign-in's, so a borrowed session cannot try passwords here.
/// </summary>
[Authorize]
[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class ChangePasswordModel(SignInManager<AppUser> signIn, SignInThrottle throttle, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public ChangePasswordForm Form { get; set; } = new();

    public sealed class ChangePasswordForm
    {
        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Account.CurrentPassword")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Account.NewPassword")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer"), Display(Name = "Account.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var users = signIn.UserManager;
        if (await users.GetUserAsync(User) is not { UserName: { } userName } user)
            return Challenge();
        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.WaitFor(userName, address) > TimeSpan.Zero)
        {
            ModelState.AddModelError("", t["SignIn.LockedOut"]);
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Form.CurrentPassword, Form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                if (e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    throttle.Failed(userName, address);
                    ModelState.AddModelError("Form.CurrentPassword", e.Description);
                }
                else
                    ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Form.NewPassword" : "", e.Description);
            }
            return Page();
        }
        throttle.Succeeded(userName, address);
        // The change renewed the security stamp, which signs out every other session (a copied cookie too);
        // this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = t["ChangePassword.Done"].Value;
        return Redirect("/account/home");
    }
}
