using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace VnTrace.Server.Identity.Account;

/// <summary>Where a signed-in person lands: the workspace of their business, or the authority's pages.</summary>
[Authorize]
public sealed class HomeModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.IsInRole(Roles.BusinessOwner) || User.IsInRole(Roles.BusinessStaff))
            return Redirect("/workspace");
        if (User.IsAuthorityReader())
            return Redirect("/authority/organizations");
        return Redirect("/account/denied");
    }
}
