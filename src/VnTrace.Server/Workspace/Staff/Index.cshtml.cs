using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Identity.Staff;

namespace VnTrace.Server.Workspace.Staff;

/// <summary>The owner's view of the business's people: members, pending invitations, invite, change role, remove.</summary>
[Authorize(Policy = Policies.WorkspaceOwner)]
public sealed class IndexModel(StaffService staff, CurrentBusiness business, IStringLocalizer<StaffText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public InviteForm Invite { get; set; } = new();

    public IReadOnlyList<StaffMember> Members { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<PendingInvitation> Invitations { get; private set; } = [];

    /// <summary>The link of the invitation just created: shown on this response only, never stored.</summary>
    public string? IssuedLink { get; private set; }
    public IssuedInvitation? Issued { get; private set; }

    public Guid? CurrentUserId => business.UserId;

    public sealed class InviteForm
    {
        [Required(ErrorMessage = "Validation.Required"), MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Staff.InviteeName")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Staff.Role")]
        public string Role { get; set; } = Roles.BusinessStaff;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!StaffService.BusinessRoles.Contains(Invite.Role))
            ModelState.AddModelError("Invite.Role", t["Staff.RoleUnknown"]);
        if (ModelState.IsValid)
        {
            Issued = await staff.InviteAsync(business.Id, Invite.Name, Invite.Role, business.UserId!.Value, ct);
            IssuedLink = UriHelper.BuildAbsolute(Request.Scheme, Request.Host, Request.PathBase, "/account/accept-invite",
                QueryString.Create("token", Issued!.Token));
            ModelState.Clear();
            Invite = new InviteForm();
        }
        // The link is shown in this response, not through a redirect: it must not travel in TempData or a URL.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeInvitationAsync(Guid id, CancellationToken ct)
    {
        if (!await staff.RevokeInvitationAsync(business.Id, id, ct))
            return NotFound();
        TempData["Message"] = t["Staff.InvitationRevoked"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid id, string role, CancellationToken ct) =>
        Done(await staff.ChangeRoleAsync(business.Id, id, role, ct), t["Staff.RoleChanged"]);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        Done(await staff.RemoveAsync(business.Id, id, ct), t["Staff.Removed"]);

    private IActionResult Done(MemberChange outcome, LocalizedString message)
    {
        switch (outcome)
        {
            case MemberChange.NotFound:
                return NotFound();
            case MemberChange.UnknownRole:
                return BadRequest();
            case MemberChange.LastOwner:
                TempData["Error"] = t["Staff.LastOwner"].Value;
                break;
            default:
                TempData["Message"] = message.Value;
                break;
        }
        return RedirectToPage(new { q = Q, p = PageNumber });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Members, Total) = await staff.MembersAsync(business.Id, Q, PageNumber, ct);
        Invitations = await staff.PendingInvitationsAsync(business.Id, ct);
    }
}
