using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;

namespace VnTrace.Server.Authority.Plans;

/// <summary>The records behind one indicator's actual in a year: what the figure on the progress page is made of.</summary>
public sealed class IndicatorModel(PlanService plans, ProgressService progress, CurrentOfficer officer, TimeProvider clock,
    IStringLocalizer<PlanText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ProgrammePlan Plan { get; private set; } = null!;
    public int ShownYear { get; private set; }
    public IReadOnlyList<IndicatorRecord> Records { get; private set; } = [];
    public string Name => t["Indicator." + Code];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var plan = await plans.FindAsync(Id, ct);
        if (plan is null || !IndicatorCodes.IsKnown(Code))
            return NotFound();
        Plan = plan;
        ShownYear = Math.Clamp(Year ?? VietnamTime.Today(clock).Year, plan.FromYear, plan.ToYear);
        var records = await progress.RecordsAsync(Code, ShownYear, await officer.GetAsync(ct), ct);
        if (records is null)
            return NotFound();
        Records = records;
        return Page();
    }

    public string KindName(string kind)
    {
        var text = t["Kind." + kind];
        return text.ResourceNotFound ? kind : text.Value;
    }
}
