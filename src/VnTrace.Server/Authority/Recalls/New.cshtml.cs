using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Web;
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
        var lots = RecallForms.ReadLots(Form.Lots, otherErrors: !ModelState.IsValid, l);
        ModelState.AddFieldErrors(lots.Errors);
        if (!ModelState.IsValid)
            return Page();
        var opened = await RecallForms.OpenAsync(recalls, authority, lots, Form.Reason!, l, ct);
        ModelState.AddFieldErrors(opened.Errors);
        if (opened.Campaign is not { } campaign)
            return Page();
        TempData["Message"] = l["Recall.Opened", campaign.Notices.Count].Value;
        return Redirect($"/authority/recalls/{campaign.Id}");
    }
}
