using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Recall;

namespace VnTrace.Server.Authority.Recalls;

/// <summary>The authority opens a recall of any lots: every business the goods reached is notified at once.</summary>
[Authorize(Policy = Policies.AuthorityWrite)]
public sealed class NewModel(RecallService recalls, IStringLocalizer<RecallText> l) : PageModel
{
    [BindProperty]
    public OpenRecallForm Form { get; set; } = new();

    public void OnGet(string? code) => Form.Lots = code;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The campaign's initiator is the officer's organization (the authority); an account without one cannot open.
        if (User.FindOrganizationId() is not { } authority)
        {
            ModelState.AddModelError("", l["Error.NoOrganization"]);
            return Page();
        }
        var campaign = await RecallForms.OpenAsync(recalls, authority, Form, ModelState, l, ct);
        if (campaign is null)
            return Page();
        TempData["Message"] = l["Recall.Opened", campaign.Notices.Count].Value;
        return Redirect($"/authority/recalls/{campaign.Id}");
    }
}
