using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Exports;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Authority.Support;

/// <summary>The applications in the officer's scope, filtered by stage and name, exportable to xlsx.</summary>
public sealed class IndexModel(SupportQueries queries, CurrentOfficer officer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<ApplicationSummary> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await LoadAsync(ct);
        var sheet = new ExportSheet("Support applications", "SupportApplications",
        [
            new("Call", ExportCellKind.Text, "The support call's title"),
            new("Year", ExportCellKind.Number, "The call's year"),
            new("Business", ExportCellKind.Text, "The applying business"),
            new("Stage", ExportCellKind.Literal, "applied, surveyed, scored, selected, rejected, supported, evaluated"),
            new("Applied on", ExportCellKind.Date, "The day the application was made"),
            new("Score", ExportCellKind.Number, "Σ weight × score over the call's criteria"),
            new("Decision", ExportCellKind.Text, "The selection decision's number"),
            new("Planned VND", ExportCellKind.Number, "Sum of the planned amounts of its budget lines"),
            new("Spent VND", ExportCellKind.Number, "Sum of the spent amounts of its budget lines"),
        ], rows.Select(r => new object?[] { r.CallTitle, (decimal)r.Year, r.OrganizationName, r.Stage, r.AppliedOn, r.TotalScore, r.DecisionNumber, (decimal)r.Planned, (decimal)r.Spent }).ToList(),
        [("Source", "VnTrace support programme")]);
        return File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, "support-applications.xlsx");
    }

    private async Task<IReadOnlyList<ApplicationSummary>> LoadAsync(CancellationToken ct)
    {
        SupportStage? stage = SupportWords.TryStage(Stage, out var s) ? s : null;
        return await queries.ApplicationsAsync(await officer.GetAsync(ct), null, stage, Q, ct);
    }
}
