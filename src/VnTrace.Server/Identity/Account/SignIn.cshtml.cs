using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Identity.Account;

public sealed class SignInModel(SignInManager<AppUser> signIn, IStringLocalizer<AccountText> t) : PageModel
{
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
        var result = await signIn.PasswordSignInAsync(Form.UserName.Trim(), Form.Password, Form.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", t["SignIn.LockedOut"]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", t["SignIn.Failed"]);
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account/home");
    }
}
