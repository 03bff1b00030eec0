using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Identity.Account;

[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class SignInModel(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInThrottle throttle,
    IStringLocalizer<AccountText> t) : PageModel
{
    /// <summary>A hash to verify against when the user name is unknown, so that such a try costs what a wrong password costs.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser { FullName = "" }, Guid.NewGuid().ToString()));

    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Account.UserName"), MaxLength(100, ErrorMessage = "Validation.MaxLength")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Account.Password"), DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Account.RememberMe")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var userName = Form.UserName.Trim();
        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.WaitFor(userName, address) > TimeSpan.Zero)
        {
            ModelState.AddModelError("", t["SignIn.LockedOut"]);
            return Page();
        }
        // No account lockout (a stranger could lock out a known officer): wrong passwords slow down only the
        // address they come from (SignInThrottle). An account locked by its owner (a removed member) fails like an
        // unknown name, with the same message.
        var user = await signIn.UserManager.FindByNameAsync(userName);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null)
        {
            hasher.VerifyHashedPassword(new AppUser { FullName = "" }, DummyHash.Value, Form.Password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
            result = await signIn.PasswordSignInAsync(user, Form.Password, Form.RememberMe, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            throttle.Failed(userName, address);
            ModelState.AddModelError("", t["SignIn.Failed"]);
            return Page();
        }
        throttle.Succeeded(userName, address);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account/home");
    }
}
