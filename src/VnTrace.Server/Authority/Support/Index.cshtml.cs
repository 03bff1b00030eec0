using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Exports;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Authority.Support;

/// <summary>The support calls, and the applications in the officer's scope filtered by stage and name, exportable to xlsx.</summary>
public sealed class IndexModel(SupportQueries queries, CurrentOfficer officer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<SupportCallView> Calls { get; private set; } = [];
    public IReadOnlyList<ApplicationSummary> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Calls = await queries.CallsAsync(null, ct);
        Rows = await LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(ApplicationsSheet.Write(await LoadAsync(ct)), XlsxExportWriter.ContentType, "support-applications.xlsx");

    private async Task<IReadOnlyList<ApplicationSummary>> LoadAsync(CancellationToken ct)
    {
        SupportStage? stage = SupportWords.TryStage(Stage, out var s) ? s : null;
        return await queries.ApplicationsAsync(await officer.GetAsync(ct), null, stage, Q, ct);
    }
}
