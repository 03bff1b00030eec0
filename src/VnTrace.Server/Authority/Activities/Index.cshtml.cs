using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Exports;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Activities;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Authority.Activities;

/// <summary>The trainings, classes, conferences and articles in the officer's scope, filtered; the filtered view as xlsx.</summary>
public sealed class IndexModel(ActivityService activities, AgencyService agencies, CurrentOfficer officer, TimeProvider clock,
    IStringLocalizer<ActivityText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<ActivitySummary> Rows { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        CanRecord = scope.CanRecord;
        Agencies = await agencies.ListAsync(ct);
        var thisYear = VietnamTime.Today(clock).Year;
        Years = [.. Enumerable.Range(0, 6).Select(i => thisYear - i)];
        Rows = await activities.ListAsync(scope, Filter(), ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        var rows = await activities.ListAsync(scope, Filter(), ct);
        var sheet = new ExportSheet(t["Activities.Title"], "Activities",
        [
            new ExportColumn("Kind", ExportCellKind.Literal, "training_course, awareness_class, conference or article.", 18) { Header = "Loại / Kind" },
            new ExportColumn("Title", ExportCellKind.Text, "The course's, class's, conference's or article's title.", 44) { Header = "Tên / Title" },
            new ExportColumn("Date", ExportCellKind.Date, "The day it took place, or the article's publication date.", 12) { Header = "Ngày / Date" },
            new ExportColumn("Agency", ExportCellKind.Text, "The organising agency.", 30) { Header = "Đơn vị tổ chức / Agency" },
            new ExportColumn("Venue", ExportCellKind.Text, "Where it took place (courses, classes, conferences).", 24) { Header = "Địa điểm / Venue" },
            new ExportColumn("Online", ExportCellKind.Literal, "yes when it was held online.", 10) { Header = "Trực tuyến / Online" },
            new ExportColumn("Outlet", ExportCellKind.Text, "An article's newspaper, radio, portal or page.", 24) { Header = "Cơ quan đăng / Outlet" },
            new ExportColumn("Attendees", ExportCellKind.Number, "Lines of the attendee register.", 12) { Header = "Người dự / Attendees" },
            new ExportColumn("Civil servants", ExportCellKind.Number, "Attendees who are civil servants.", 12) { Header = "Công chức / Civil servants" },
        ],
        rows.Select(r => new object?[]
        {
            ActivityKinds.Name(r.Kind), r.Title, r.Date, r.AgencyName, r.Venue, r.Kind == ActivityKind.Article ? null : r.Online ? "yes" : "no",
            r.Outlet, ActivityKinds.HasAttendees(r.Kind) ? (decimal)r.Attendees : null, ActivityKinds.HasAttendees(r.Kind) ? (decimal)r.CivilServants : null,
        }).ToList(),
        [
            ("Scope", scope.AgencyName), ("Kind", Kind ?? "all"), ("Year", Year?.ToString(CultureInfo.InvariantCulture) ?? "all"),
            ("Search", Q ?? ""), ("Computed at", VietnamTime.Display(clock.GetUtcNow())),
        ]);
        return File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, "activities.xlsx");
    }

    private ActivityFilter Filter() =>
        new(Year is >= 2000 and <= 2100 ? Year : null, ActivityKinds.Parse(Kind), Q, Agency);
}
