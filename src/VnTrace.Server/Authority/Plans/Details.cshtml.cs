using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Exports;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;

namespace VnTrace.Server.Authority.Plans;

/// <summary>
/// One plan's progress in a year, computed as the page opens, within the officer's scope; each actual opens the
/// records behind it. The DoST sets the year's targets here; everyone downloads the table.
/// </summary>
public sealed class DetailsModel(PlanService plans, ProgressService progress, CurrentOfficer officer, TimeProvider clock,
    IStringLocalizer<PlanText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The targets form: indicator code → the typed text (empty for no target).</summary>
    [BindProperty]
    public Dictionary<string, string?> Targets { get; set; } = [];

    public ProgrammePlan Plan { get; private set; } = null!;
    public int ShownYear { get; private set; }
    public OfficerScope Scope { get; private set; } = null!;
    public IReadOnlyList<IndicatorProgress> Rows { get; private set; } = [];
    public bool CanManage => Scope.CanApprove;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        Targets = CurrentTargets();
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        var sheet = new ExportSheet(t["Progress.Title", ShownYear], "Progress",
            [
                new ExportColumn("Indicator", ExportCellKind.Literal, "The indicator's code in the catalogue.", 30) { Header = "Mã chỉ tiêu / Indicator" },
                new ExportColumn("Name", ExportCellKind.Text, "The indicator's name.", 44) { Header = "Chỉ tiêu / Name" },
                new ExportColumn("Target", ExportCellKind.Number, "The plan's target for the year.", 12) { Header = "Mục tiêu / Target" },
                new ExportColumn("Actual", ExportCellKind.Number, "Computed from the records when the file was made.", 12) { Header = "Thực hiện / Actual" },
                new ExportColumn("Percent", ExportCellKind.Number, "Actual as a percent of the target.", 12) { Header = "Đạt % / Percent" },
                new ExportColumn("Expected", ExportCellKind.Number, "Where a linear pace through the year puts the actual today.", 14) { Header = "Cần đạt đến nay / Expected" },
                new ExportColumn("Pace", ExportCellKind.Literal, "not_started, on_track, behind or reached.", 14) { Header = "Tiến độ / Pace" },
            ],
            Rows.Select(r => new object?[] { r.Indicator, t["Indicator." + r.Indicator].Value, r.Target, r.Actual, r.Percent, r.Expected, PlansApi.PaceCode(r.Pace) }).ToList(),
            [("Plan", Plan.Name), ("Year", ShownYear.ToString(CultureInfo.InvariantCulture)), ("Scope", Scope.AgencyName),
             ("Computed at", VietnamTime.Display(clock.GetUtcNow()))]);
        return File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, $"progress-{ShownYear}.xlsx");
    }

    public async Task<IActionResult> OnPostTargetsAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (!CanManage)
            return Forbid();
        var parsed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (code, text) in Targets)
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                parsed[code] = value;
            else
                ModelState.AddModelError($"Targets[{code}]", t["Targets.NotNumber", text]);
        }
        if (ModelState.ErrorCount == 0)
        {
            var refusals = await plans.SetTargetsAsync(Scope, Id, ShownYear, parsed, ct);
            if (refusals.Count == 0)
            {
                TempData["Message"] = t["Targets.Saved", ShownYear].Value;
                return RedirectToPage(new { Id, year = ShownYear });
            }
            foreach (var r in refusals)
                ModelState.AddModelError(r.Field is { } f && IndicatorCodes.IsKnown(f) ? $"Targets[{f}]" : "", r.Message);
        }
        return Page();
    }

    public string IndicatorName(string code) => t["Indicator." + code];

    public static string Figure(decimal value, bool percent) =>
        value.ToString(value == decimal.Truncate(value) ? "0" : "0.#", CultureInfo.InvariantCulture) + (percent ? " %" : "");

    private Dictionary<string, string?> CurrentTargets() =>
        Plan.Targets.Where(x => x.Year == ShownYear).ToDictionary(x => x.Indicator, x => (string?)Figure(x.Target, false));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var plan = await plans.FindAsync(Id, ct);
        if (plan is null)
            return false;
        Plan = plan;
        ShownYear = Math.Clamp(Year ?? VietnamTime.Today(clock).Year, plan.FromYear, plan.ToYear);
        Scope = await officer.GetAsync(ct);
        Rows = await progress.ForYearAsync(plan, ShownYear, Scope, ct);
        return true;
    }
}
