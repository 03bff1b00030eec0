using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity.Staff;

namespace VnTrace.Server.Identity.Account;

/// <summary>
/// Where an invitation link leads (anonymous): the colleague chooses a user name and password and joins the business
/// in the role the owner chose. The token comes in the query string on the first visit and in a hidden field after.
/// </summary>
public sealed class AcceptInviteModel(StaffService staff, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptForm Form { get; set; } = new();

    public InvitationView Invitation { get; private set; } = new(InvitationState.Unknown);

    public sealed class AcceptForm
    {
        [Required(ErrorMessage = "Validation.Required"), MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Account.FullName")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), MaxLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Account.UserName")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Account.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer"), Display(Name = "Account.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        KeepTokenPrivate();
        Invitation = await staff.FindInvitationAsync(Token, ct);
        if (Invitation.State != InvitationState.Valid)
            Response.StatusCode = StatusFor(Invitation.State);
        else
            Form.FullName = Invitation.InviteeName ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        KeepTokenPrivate();
        Invitation = await staff.FindInvitationAsync(Token, ct);
        if (Invitation.State != InvitationState.Valid)
        {
            Response.StatusCode = StatusFor(Invitation.State);
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        var accepted = await staff.AcceptAsync(Token, Form.FullName, Form.UserName, Form.Password, ct);
        if (accepted.State != InvitationState.Valid)
        {
            Invitation = Invitation with { State = accepted.State };
            Response.StatusCode = StatusFor(accepted.State);
            return Page();
        }
        if (accepted.UserId is null)
        {
            foreach (var e in accepted.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Form.Password" : "Form.UserName", e.Description);
            return Page();
        }
        TempData["Message"] = t["AcceptInvite.Done", Invitation.OrganizationName ?? ""].Value;
        return Redirect("/account/sign-in");
    }

    /// <summary>An unknown link is not found; a used, expired or revoked one is gone for good.</summary>
    private static int StatusFor(InvitationState state) =>
        state == InvitationState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;

    /// <summary>The token is a credential: keep it out of Referer headers and caches.</summary>
    private void KeepTokenPrivate()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }
}
