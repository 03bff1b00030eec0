using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Exports;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Inspections;

namespace VnTrace.Server.Authority.Certifications;

/// <summary>Conformity assessments in the officer's scope, by year and result; recording one; xlsx export.</summary>
public sealed class IndexModel(CertificationService certifications, CurrentOfficer officer, VnTraceDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<VnTrace.Server.Programme.Support.SupportText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Result { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public CertificationForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }
    public bool CanRecord { get; private set; }
    public IReadOnlyList<CertificationView> Rows { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Businesses { get; private set; } = [];

    public sealed class CertificationForm
    {
        public Guid OrganizationId { get; set; }
        public string Result { get; set; } = "pass";
        public string? CertificateNumber { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await certifications.RecordAsync(await officer.GetAsync(ct),
            new CertificationInput(Form.OrganizationId, Form.Result, Form.CertificateNumber, Form.ValidFrom, Form.ValidTo), ct);
        if (outcome.Refusal is { } refusal)
        {
            Problem = refusal.Message;
            await LoadAsync(ct);
            return Page();
        }
        Message = text["Cert.Saved"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await certifications.ListAsync(await officer.GetAsync(ct), Year, Result, Q, ct);
        var sheet = new ExportSheet("Conformity assessments", "ConformityAssessments",
        [
            new("Business", ExportCellKind.Text, "The assessed business"),
            new("Result", ExportCellKind.Literal, "pass or fail"),
            new("Certificate number", ExportCellKind.Text, "The certificate's number"),
            new("Assessed on", ExportCellKind.Date, "The day of the assessment (counts in that year)"),
            new("Valid from", ExportCellKind.Date, "First day of validity"),
            new("Valid to", ExportCellKind.Date, "Last day of validity"),
        ], rows.Select(r => new object?[] { r.OrganizationName, r.Result, r.CertificateNumber, r.AssessedOn, r.ValidFrom, r.ValidTo }).ToList(),
        [("Standard", "TCVN 12850:2019")]);
        return File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, "conformity-assessments.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        CanRecord = scope.CanRecord;
        Rows = await certifications.ListAsync(scope, Year, Result, Q, ct);
        Businesses = (await scope.Organizations(db.Organizations).Where(o => o.Status == OrganizationStatus.Approved).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
    }
}
