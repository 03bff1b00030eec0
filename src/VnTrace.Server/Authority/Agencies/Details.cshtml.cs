using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity.Staff;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Authority.Agencies;

/// <summary>One agency: its scope (the DoST edits it), its officers, inviting and removing them.</summary>
public sealed class DetailsModel(AgencyService agencies, CurrentOfficer officer, IStringLocalizer<AgencyText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    // The page has two forms; each handler binds and validates its own (TryUpdateModelAsync), not both.
    public AgencyForm Edit { get; set; } = new();

    public InviteForm Invite { get; set; } = new();

    public Agency Agency { get; private set; } = null!;
    public IReadOnlyList<OfficerView> Officers { get; private set; } = [];
    public bool CanManage { get; private set; }
    public Guid? Me { get; private set; }
    public IssuedInvitation? Issued { get; private set; }
    public string? IssuedLink { get; private set; }

    public sealed class InviteForm
    {
        [Required(ErrorMessage = "Validation.Required"), MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Officers.InviteeName")]
        public string Name { get; set; } = "";

        [Display(Name = "Officers.Role")]
        public string Role { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        Edit = AgencyForm.From(Agency);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (await TryUpdateModelAsync(Edit, nameof(Edit)))
        {
            var refusals = await agencies.UpdateAsync(scope, Id, Edit.ToInput(), ct);
            if (refusals.Count == 0)
            {
                TempData["Message"] = t["Agencies.Saved"].Value;
                return RedirectToPage(new { Id });
            }
            if (refusals[0].Kind == Programme.RefusalKind.Forbidden)
                return Forbid();
            if (refusals[0].Kind == Programme.RefusalKind.NotFound)
                return NotFound();
            RefusalModelState.Add(ModelState, nameof(Edit), refusals);
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (await TryUpdateModelAsync(Invite, nameof(Invite)))
        {
            var (issued, refusal) = await agencies.InviteOfficerAsync(scope, Id, Invite.Name, Invite.Role, ct);
            if (refusal?.Kind == Programme.RefusalKind.Forbidden)
                return Forbid();
            if (refusal is not null)
                RefusalModelState.Add(ModelState, nameof(Invite), [refusal]);
            else
            {
                Issued = issued;
                IssuedLink = UriHelper.BuildAbsolute(Request.Scheme, Request.Host, Request.PathBase, "/account/accept-invite",
                    QueryString.Create("token", issued!.Token));
                ModelState.Clear();
                Invite = new InviteForm();
            }
        }
        // The link is shown in this response only: it must not travel in TempData or a URL.
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(ct))
            return NotFound();
        Edit = AgencyForm.From(Agency);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken ct)
    {
        var refusal = await agencies.RemoveOfficerAsync(await officer.GetAsync(ct), userId, ct);
        if (refusal?.Kind == Programme.RefusalKind.Forbidden)
            return Forbid();
        TempData["Message"] = refusal?.Message ?? t["Officers.RemovedMessage"].Value;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        CanManage = scope.CanApprove;
        Me = scope.UserId;
        var agency = await agencies.FindAsync(Id, ct);
        if (agency is null)
            return false;
        Agency = agency;
        Officers = await agencies.OfficersAsync(Id, ct);
        return true;
    }
}
