using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Exports;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Inspections;

namespace VnTrace.Server.Authority.Inspections;

/// <summary>The inspection visits in the officer's scope, open or closed, with findings and open corrective actions; xlsx export.</summary>
public sealed class IndexModel(InspectionQueries queries, CurrentOfficer officer) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool? Open { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<VisitSummary> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.VisitsAsync(await officer.GetAsync(ct), null, Open, Q, ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await queries.VisitsAsync(await officer.GetAsync(ct), null, Open, Q, ct);
        var sheet = new ExportSheet("Inspection visits", "InspectionVisits",
        [
            new("Plan", ExportCellKind.Text, "The inspection plan"),
            new("Business", ExportCellKind.Text, "The visited business"),
            new("Visit date", ExportCellKind.Date, "The day of the visit"),
            new("Findings", ExportCellKind.Number, "Findings recorded"),
            new("Open actions", ExportCellKind.Number, "Corrective actions not yet done"),
            new("Closed on", ExportCellKind.Date, "The day the visit was closed"),
        ], rows.Select(r => new object?[] { r.PlanTitle, r.OrganizationName, r.VisitDate, (decimal)r.Findings, (decimal)r.OpenActions, r.ClosedOn }).ToList(),
        [("Checklist", "TCVN 12850:2019")]);
        return File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, "inspection-visits.xlsx");
    }
}
