using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Surveys;

namespace VnTrace.Server.Authority.Surveys;

/// <summary>A question as typed in the builder; a choice question's options one per line.</summary>
public sealed class QuestionForm
{
    public string? Text { get; set; }
    public string? Kind { get; set; } = "single_choice";
    public string? Options { get; set; }
}

/// <summary>
/// The survey builder: the questions (added and removed on the server, so it works without script), and the
/// businesses it goes to, picked from the approved businesses in the officer's scope with filters (OCOP producers,
/// commune, name) — a choice made under one filter is kept under the next.
/// </summary>
public sealed class NewModel(SurveyService surveys, CurrentOfficer officer) : PageModel
{
    /// <summary>How many businesses the picker lists at once; a narrower filter finds the rest.</summary>
    public const int PickerSize = 200;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Deadline { get; set; }
    [BindProperty] public List<QuestionForm> Questions { get; set; } = [];
    [BindProperty] public List<Guid> Recipients { get; set; } = [];
    [BindProperty] public bool OcopOnly { get; set; } = true;
    [BindProperty] public string? Commune { get; set; }
    [BindProperty] public string? Search { get; set; }

    public IReadOnlyList<SurveyCandidate> Candidates { get; private set; } = [];
    public IReadOnlyList<Refusal> Problems { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Questions = [new QuestionForm()];
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAddQuestionAsync(CancellationToken ct)
    {
        Questions.Add(new QuestionForm());
        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveQuestionAsync(int index, CancellationToken ct)
    {
        if (index >= 0 && index < Questions.Count)
            Questions.RemoveAt(index);
        return await RedisplayAsync(ct);
    }

    public Task<IActionResult> OnPostFilterAsync(CancellationToken ct) => RedisplayAsync(ct);

    /// <summary>Adds every business the current filter lists (e.g. all OCOP producers of a commune).</summary>
    public async Task<IActionResult> OnPostSelectShownAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Recipients = [.. Recipients.Union(Candidates.Select(c => c.Id))];
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        var input = new SurveyInput(Title,
            [.. Questions.Select(q => new QuestionInput(q.Text, q.Kind,
                (q.Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))],
            Recipients, Description, Deadline);
        var (id, refusals) = await surveys.CreateAsync(scope, input, ct);
        if (id is { } created)
        {
            TempData["SurveyMessage"] = "created";
            return Redirect($"/authority/surveys/{created}");
        }
        Problems = refusals;
        return await RedisplayAsync(ct);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Questions.Count == 0)
            Questions.Add(new QuestionForm());
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        CanCreate = scope.CanRecord;
        Candidates = await surveys.CandidatesAsync(scope, OcopOnly, Commune, Search, Recipients, PickerSize, ct);
    }
}
