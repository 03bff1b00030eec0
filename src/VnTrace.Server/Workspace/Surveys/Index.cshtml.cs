using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Identity;
using VnTrace.Server.Programme.Surveys;

namespace VnTrace.Server.Workspace.Surveys;

/// <summary>The surveys the authority sent to this business, newest first, with whether it has answered.</summary>
public sealed class IndexModel(SurveyService surveys, CurrentBusiness business) : PageModel
{
    public IReadOnlyList<(Survey Survey, DateTime? AnsweredAt)> Rows { get; private set; } = [];

    public bool IsOpen(Survey survey) => surveys.IsOpen(survey);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await surveys.ForBusinessAsync(business.Id, ct);
}
