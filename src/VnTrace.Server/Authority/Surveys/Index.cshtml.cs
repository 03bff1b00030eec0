using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Exports;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Surveys;

namespace VnTrace.Server.Authority.Surveys;

/// <summary>The needs surveys in the officer's scope (the DoST sees all, an agency its own), filterable and exportable.</summary>
public sealed class IndexModel(SurveyService surveys, CurrentOfficer officer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<SurveyListItem> Rows { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        CanCreate = scope.CanRecord;
        Rows = await LoadAsync(scope, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await LoadAsync(await officer.GetAsync(ct), ct);
        var sheet = new ExportSheet("Khảo sát nhu cầu", "Surveys",
        [
            new ExportColumn("Survey", ExportCellKind.Text, "The survey's title.", 48) { Header = "Khảo sát / Survey" },
            new ExportColumn("Agency", ExportCellKind.Text, "The agency that sent it.", 30) { Header = "Cơ quan / Agency" },
            new ExportColumn("Deadline", ExportCellKind.Date, "The last day answers are taken.", 14) { Header = "Hạn trả lời / Deadline" },
            new ExportColumn("Recipients", ExportCellKind.Number, "Businesses it was sent to.", 12) { Header = "Gửi đến / Recipients" },
            new ExportColumn("Responses", ExportCellKind.Number, "Businesses that answered.", 12) { Header = "Đã trả lời / Responses" },
            new ExportColumn("Created", ExportCellKind.UtcDateTime, "When it was sent (UTC).", 20) { Header = "Ngày gửi / Created" },
        ],
        rows.Select(r => new object?[] { r.Title, r.AgencyName, r.Deadline, (decimal)r.Recipients, (decimal)r.Responses,
            new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)) }).ToList(),
        [("Source", "VnTrace needs surveys")]);
        return File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, "surveys.xlsx");
    }

    private async Task<IReadOnlyList<SurveyListItem>> LoadAsync(OfficerScope scope, CancellationToken ct)
    {
        IEnumerable<SurveyListItem> rows = await surveys.ListAsync(scope, ct);
        if (Q?.Trim() is { Length: > 0 } q)
            rows = rows.Where(r => r.Title.Contains(q, StringComparison.CurrentCultureIgnoreCase));
        if (Year is { } year)
            rows = rows.Where(r => r.CreatedAt.Year == year);
        return [.. rows];
    }
}
