using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Activities;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Authority.Activities;

/// <summary>
/// Records an activity of one kind (chosen first, each kind with its form). A department or commune officer records
/// for its own agency; the DoST for any; an inspector not at all.
/// </summary>
public sealed class NewModel(ActivityService activities, AgencyService agencies, CurrentOfficer officer, IStringLocalizer<ActivityText> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindQuery { get; set; }

    [BindProperty]
    public ActivityForm Form { get; set; } = new();

    public ActivityFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (!scope.CanRecord)
            return Forbid();
        Form = new ActivityForm { Kind = ActivityKinds.Parse(KindQuery) is { } k ? ActivityKinds.Name(k) : "training_course", AgencyId = scope.AgencyId };
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (!scope.CanRecord)
            return Forbid();
        if (ModelState.IsValid)
        {
            var (id, refusals) = await activities.CreateAsync(scope, Form.ToInput(), ct);
            if (id is { } created)
            {
                TempData["Message"] = t["Activity.Created"].Value;
                return Redirect($"/authority/activities/{created}");
            }
            if (refusals.Any(r => r.Kind == RefusalKind.Forbidden))
                return Forbid();
            ActivityForm.AddRefusals(ModelState, nameof(Form), refusals, t);
        }
        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(OfficerScope scope, CancellationToken ct) =>
        View = new ActivityFormView(Form, scope.IsProvince ? await agencies.ListAsync(ct) : null, scope.AgencyName, ModelState);
}
