using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Authority.Support;

/// <summary>
/// One application through its stages: survey visit, scores, selection decision, support activities with budget
/// lines and spending, evaluation. Every step is the service's; a refusal (out of order, out of range, beyond a
/// budget line without an override) is shown on the page as the service worded it.
/// </summary>
public sealed class ApplicationModel(SupportQueries queries, SupportService support, SupportBudget budget, CurrentOfficer officer,
    IStringLocalizer<SupportText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public StepForm Form { get; set; } = new();

    public ApplicationView Application { get; private set; } = null!;
    public SupportCallView Call { get; private set; } = null!;
    public OfficerScope Scope { get; private set; } = null!;
    public string? Problem { get; private set; }

    /// <summary>The fields of every step's form; each handler reads the ones its step needs.</summary>
    public sealed class StepForm
    {
        public DateOnly? Date { get; set; }
        public string? Notes { get; set; }
        public Dictionary<Guid, int> Scores { get; set; } = [];
        public string? DecisionNumber { get; set; }
        public string? Reason { get; set; }
        public string? Outcome { get; set; }
        public string? Kind { get; set; }
        public string? Description { get; set; }
        public string? FundingSource { get; set; }
        public string? Planned { get; set; }
        public Guid ActivityId { get; set; }
        public Guid LineId { get; set; }
        public string? Amount { get; set; }
        public string? OverrideReason { get; set; }
    }

    public bool Can(string step) => Scope.CanRecord && Application.NextSteps.Contains(step) && (step is not ("selected" or "rejected") || Scope.CanApprove);

    public bool CanPlanBudget => Scope.CanRecord && Application.Stage is "selected" or "supported";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSurveyAsync(CancellationToken ct) =>
        await StepAsync(s => support.SurveyAsync(s, Id, new SurveyInput(Form.Date, Form.Notes), ct), "Step.Surveyed", ct);

    public async Task<IActionResult> OnPostScoreAsync(CancellationToken ct) =>
        await StepAsync(s => support.ScoreAsync(s, Id, new ScoresInput(Form.Scores.Select(x => new ScoreInput(x.Key, x.Value)).ToList()), ct), "Step.Scored", ct);

    public async Task<IActionResult> OnPostSelectAsync(CancellationToken ct) =>
        await StepAsync(s => support.DecideAsync(s, Id, select: true, new DecisionInput(Form.DecisionNumber, Form.Date, Form.Reason), ct), "Step.Selected", ct);

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        await StepAsync(s => support.DecideAsync(s, Id, select: false, new DecisionInput(Form.DecisionNumber, Form.Date, Form.Reason), ct), "Step.Rejected", ct);

    public async Task<IActionResult> OnPostSupportAsync(CancellationToken ct) =>
        await StepAsync(s => support.StartSupportAsync(s, Id, new SupportStartInput(Form.Date), ct), "Step.Supported", ct);

    public async Task<IActionResult> OnPostEvaluateAsync(CancellationToken ct) =>
        await StepAsync(s => support.EvaluateAsync(s, Id, new EvaluationInput(Form.Date, Form.Outcome, Form.Notes), ct), "Step.Evaluated", ct);

    public async Task<IActionResult> OnPostActivityAsync(CancellationToken ct)
    {
        if (!Vnd.TryParse(Form.Planned, out var planned))
            return await RefuseAsync(text["Budget.BadAmount"], ct);
        return await StepAsync(s => budget.AddActivityAsync(s, Id,
            new ActivityInput(Form.Kind, Form.Description, [new BudgetLineInput(Form.FundingSource, planned)]), ct), "Step.Activity", ct);
    }

    public async Task<IActionResult> OnPostLineAsync(CancellationToken ct)
    {
        if (!Vnd.TryParse(Form.Planned, out var planned))
            return await RefuseAsync(text["Budget.BadAmount"], ct);
        return await StepAsync(s => budget.AddLineAsync(s, Form.ActivityId, new BudgetLineInput(Form.FundingSource, planned), ct), "Step.Line", ct);
    }

    public async Task<IActionResult> OnPostEntryAsync(CancellationToken ct)
    {
        if (!Vnd.TryParse(Form.Amount, out var amount))
            return await RefuseAsync(text["Budget.BadAmount"], ct);
        return await StepAsync(s => budget.RecordAsync(s, Form.LineId, new BudgetEntryInput(Form.Kind, amount, Form.Date, Form.OverrideReason), ct), "Step.Entry", ct);
    }

    private async Task<IActionResult> StepAsync<T>(Func<OfficerScope, Task<Outcome<T>>> step, string done, CancellationToken ct)
    {
        var outcome = await step(await officer.GetAsync(ct));
        if (outcome.Refusal is { } refusal)
            return await RefuseAsync(refusal.Message, ct);
        TempData["Message"] = text[done].Value;
        return Redirect($"/authority/support/applications/{Id}");
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        Problem = message;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Scope = await officer.GetAsync(ct);
        var application = await queries.ApplicationAsync(Scope, Id, ct);
        if (application is null)
            return false;
        Application = application;
        Call = (await queries.CallAsync(application.CallId, ct))!;
        return true;
    }
}
