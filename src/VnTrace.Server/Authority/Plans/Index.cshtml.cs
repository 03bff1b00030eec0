using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;

namespace VnTrace.Server.Authority.Plans;

/// <summary>The province's plans: every officer reads them; the DoST adds one.</summary>
public sealed class IndexModel(PlanService plans, CurrentOfficer officer, IStringLocalizer<PlanText> t) : PageModel
{
    [BindProperty]
    public PlanForm Create { get; set; } = new();

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public bool CanManage { get; private set; }

    public sealed class PlanForm
    {
        [Required(ErrorMessage = "Validation.Required"), MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Plans.Name")]
        public string Name { get; set; } = "";

        [MaxLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Plans.DecisionNumber")]
        public string? DecisionNumber { get; set; }

        [Display(Name = "Plans.DecisionDate")]
        public DateOnly? DecisionDate { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Plans.From")]
        public int? FromYear { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Plans.To")]
        public int? ToYear { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (!scope.CanApprove)
            return Forbid();
        if (ModelState.IsValid)
        {
            var (plan, refusals) = await plans.CreateAsync(scope,
                new PlanInput(Create.Name, Create.DecisionNumber, Create.DecisionDate, Create.FromYear!.Value, Create.ToYear!.Value), ct);
            if (plan is not null)
            {
                TempData["Message"] = t["Plans.Created"].Value;
                return RedirectToPage("Details", new { id = plan.Id, year = plan.FromYear });
            }
            foreach (var r in refusals)
                ModelState.AddModelError(r.Field switch { "from" => "Create.FromYear", "to" => "Create.ToYear", "name" => "Create.Name", "decisionNumber" => "Create.DecisionNumber", _ => "" }, r.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = (await officer.GetAsync(ct)).CanApprove;
        Plans = await plans.ListAsync(ct);
    }
}
