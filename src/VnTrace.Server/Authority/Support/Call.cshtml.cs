using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Exports;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Authority.Support;

/// <summary>
/// One support call: its criteria and weights, the applications in the officer's scope (by stage, xlsx), the budget
/// per funding source and the activities behind it; an officer applies here for a business of the scope.
/// </summary>
public sealed class CallModel(SupportQueries queries, SupportService support, CurrentOfficer officer, IStringLocalizer<SupportText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CallId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public Guid OrganizationId { get; set; }
    [BindProperty] public string? Needs { get; set; }

    public SupportCallView Call { get; private set; } = null!;
    public IReadOnlyList<ApplicationSummary> Rows { get; private set; } = [];
    public CallBudgetView Budget { get; private set; } = new([], []);
    public IReadOnlyList<(Guid Id, string Name)> Businesses { get; private set; } = [];
    public bool CanRecord { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        return File(ApplicationsSheet.Write(Rows, ("Call", $"{Call.Title} ({Call.Year})")), XlsxExportWriter.ContentType, $"support-applications-{Call.Year}.xlsx");
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        var outcome = await support.ApplyAsync(await officer.GetAsync(ct), CallId, new ApplicationInput(OrganizationId, null, Needs), ct);
        if (outcome.Refusal is { } refusal)
        {
            if (!await LoadAsync(ct))
                return NotFound();
            Problem = refusal.Message;
            return Page();
        }
        TempData["Message"] = text["Call.Applied"].Value;
        return Redirect($"/authority/support/applications/{outcome.Value!.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var call = await queries.CallAsync(CallId, ct);
        if (call is null)
            return false;
        Call = call;
        var scope = await officer.GetAsync(ct);
        CanRecord = scope.CanRecord;
        SupportStage? stage = SupportWords.TryStage(Stage, out var s) ? s : null;
        Rows = await queries.ApplicationsAsync(scope, CallId, stage, Q, ct);
        Budget = await queries.CallBudgetAsync(scope, CallId, ct);
        if (CanRecord)
            Businesses = await queries.BusinessesAsync(scope, ct);
        return true;
    }
}
