using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Activities;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Authority.Activities;

/// <summary>Corrects an activity: its organising agency's officers, or the DoST. The register is edited on the details page.</summary>
public sealed class EditModel(ActivityService activities, AgencyService agencies, CurrentOfficer officer, IStringLocalizer<ActivityText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ActivityForm Form { get; set; } = new();

    public ActivityFormView View { get; private set; } = null!;
    public string ActivityTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (await activities.GetAsync(scope, Id, ct) is not { } details)
            return NotFound();
        if (!details.CanEdit)
            return Forbid();
        Form = ActivityForm.From(details);
        ActivityTitle = details.Summary.Title;
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (await activities.GetAsync(scope, Id, ct) is not { } details)
            return NotFound();
        if (!details.CanEdit)
            return Forbid();
        ActivityTitle = details.Summary.Title;
        if (ModelState.IsValid)
        {
            var refusals = await activities.UpdateAsync(scope, Id, Form.ToInput(), ct);
            if (refusals.Count == 0)
            {
                TempData["Message"] = t["Activity.Saved"].Value;
                return Redirect($"/authority/activities/{Id}");
            }
            if (refusals.Any(r => r.Kind == RefusalKind.Forbidden))
                return Forbid();
            ActivityForm.AddRefusals(ModelState, nameof(Form), refusals, t);
        }
        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(OfficerScope scope, CancellationToken ct) =>
        View = new ActivityFormView(Form, scope.IsProvince ? await agencies.ListAsync(ct) : null,
            scope.IsProvince ? "" : scope.AgencyName, ModelState);
}
