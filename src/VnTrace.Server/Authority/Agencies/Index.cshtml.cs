using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Authority.Agencies;

/// <summary>The agencies of the province: every officer reads the list; the DoST adds departments and communes.</summary>
public sealed class IndexModel(AgencyService agencies, CurrentOfficer officer, IStringLocalizer<AgencyText> t) : PageModel
{
    [BindProperty]
    public AgencyForm Create { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (!scope.CanApprove)
            return Forbid();
        if (ModelState.IsValid)
        {
            var (agency, refusals) = await agencies.CreateAsync(scope, Create.ToInput(), ct);
            if (agency is not null)
            {
                TempData["Message"] = t["Agencies.Created", agency.Name].Value;
                return RedirectToPage("Details", new { id = agency.Id });
            }
            RefusalModelState.Add(ModelState, nameof(Create), refusals);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = (await officer.GetAsync(ct)).CanApprove;
        Agencies = await agencies.ListAsync(ct);
    }
}
