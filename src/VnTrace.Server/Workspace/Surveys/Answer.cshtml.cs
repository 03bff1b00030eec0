using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Identity;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Surveys;

namespace VnTrace.Server.Workspace.Surveys;

/// <summary>The business answers a survey sent to it (and only such a survey: any other id is not found).</summary>
public sealed class AnswerModel(SurveyService surveys, CurrentBusiness business) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public List<SurveyAnswerField> Fields { get; set; } = [];
    [TempData] public string? SurveyMessage { get; set; }

    public Survey Survey { get; private set; } = null!;
    public SurveyResponse? Answers { get; private set; }
    public bool IsOpen { get; private set; }
    public IReadOnlyList<Refusal> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        Fields = SurveyAnswerForm.Fields(Survey, Answers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        var (answers, problems) = SurveyAnswerForm.Read(Survey, Fields);
        if (problems.Count == 0 && business.UserId is { } userId)
            problems.AddRange(await surveys.AnswerAsBusinessAsync(business.Id, userId, Id, answers, ct));
        if (problems.Count > 0)
        {
            Problems = problems;
            return Page();
        }
        SurveyMessage = "answered";
        return Redirect($"/workspace/surveys/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await surveys.ForBusinessAsync(business.Id, Id, ct) is not { } found)
            return false;
        Survey = found.Survey;
        Answers = found.Response;
        IsOpen = surveys.IsOpen(found.Survey);
        return true;
    }
}
