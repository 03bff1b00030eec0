using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Exports;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Surveys;

namespace VnTrace.Server.Authority.Surveys;

/// <summary>One survey: the summary per question (with a chart of each choice question), who answered, the exports.</summary>
public sealed class DetailsModel(SurveyService surveys, SurveySummaries summaries, CurrentOfficer officer) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [TempData] public string? SurveyMessage { get; set; }

    public Survey Survey { get; private set; } = null!;
    public SurveySummary Summary { get; private set; } = null!;
    public IReadOnlyList<SurveyRecipientView> Recipients { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadSurveyAsync(ct))
            return NotFound();
        Summary = await summaries.SummarizeAsync(Survey, ct);
        Recipients = await surveys.RecipientsAsync(Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetAnswersAsync(CancellationToken ct) =>
        await LoadSurveyAsync(ct)
            ? File(await summaries.ExportAsync(Survey, ct), XlsxExportWriter.ContentType, "survey-answers.xlsx")
            : NotFound();

    public async Task<IActionResult> OnGetSummaryAsync(CancellationToken ct) =>
        await LoadSurveyAsync(ct)
            ? File(SurveySummaries.SummaryWorkbook(await summaries.SummarizeAsync(Survey, ct)), XlsxExportWriter.ContentType, "survey-summary.xlsx")
            : NotFound();

    private async Task<bool> LoadSurveyAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (await surveys.GetAsync(scope, Id, ct) is not { } survey)
            return false;
        Survey = survey;
        CanEdit = surveys.CanEdit(scope, survey);
        IsOpen = surveys.IsOpen(survey);
        return true;
    }

    /// <summary>The chart's data for a choice question, read by wwwroot/js/survey-charts.js (an attribute, never script).</summary>
    public static string ChartData(QuestionSummary q) =>
        System.Text.Json.JsonSerializer.Serialize(new { labels = q.Options.Select(o => o.Option), counts = q.Options.Select(o => o.Count) });
}
