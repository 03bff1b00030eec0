using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Surveys;

namespace VnTrace.Server.Authority.Surveys;

/// <summary>An officer of the sending agency (or the DoST) keys in the answers a business gave on paper or by phone.</summary>
public sealed class AnswerModel(SurveyService surveys, CurrentOfficer officer, VnTraceDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid OrganizationId { get; set; }
    [BindProperty] public List<SurveyAnswerField> Fields { get; set; } = [];

    public Survey Survey { get; private set; } = null!;
    public string BusinessName { get; private set; } = "";
    public IReadOnlyList<Refusal> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
            return refused;
        Fields = SurveyAnswerForm.Fields(Survey, await surveys.ResponseAsync(Id, OrganizationId, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
            return refused;
        var (answers, problems) = SurveyAnswerForm.Read(Survey, Fields);
        if (problems.Count == 0)
            problems.AddRange(await surveys.AnswerForAsync(await officer.GetAsync(ct), Id, OrganizationId, answers, ct));
        if (problems.Count > 0)
        {
            Problems = problems;
            return Page();
        }
        TempData["SurveyMessage"] = "keyed_in";
        return Redirect($"/authority/surveys/{Id}");
    }

    /// <summary>Not found unless the survey is in scope and was sent to the business; forbidden unless the officer may key in.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (await surveys.GetAsync(scope, Id, ct) is not { } survey)
            return NotFound();
        var recipient = await db.SurveyRecipients.Where(r => r.SurveyId == Id && r.OrganizationId == OrganizationId)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => o.Name).FirstOrDefaultAsync(ct);
        if (recipient is null)
            return NotFound();
        if (!surveys.CanEdit(scope, survey))
            return Forbid();
        Survey = survey;
        BusinessName = recipient;
        return null;
    }
}
