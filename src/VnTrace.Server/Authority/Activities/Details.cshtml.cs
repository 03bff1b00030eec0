using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Imports;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Activities;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Authority.Activities;

/// <summary>
/// One activity with its attendee register and materials. The organising agency (or the DoST) adds and removes
/// attendees, imports a register file (all its rows or none, each broken row reported) and uploads materials.
/// </summary>
public sealed class DetailsModel(ActivityService activities, AttendeeRegister register, FileStore files, CurrentOfficer officer,
    IStringLocalizer<ActivityText> t, IStringLocalizer<SharedText> shared) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AttendeeLine Line { get; set; } = new();

    public ActivityDetails Activity { get; private set; } = null!;

    /// <summary>Why the register file was refused: every broken row (nothing of the file was kept).</summary>
    public IReadOnlyList<Refusal> RegisterErrors { get; private set; } = [];

    public string? LineError { get; private set; }
    public string? MaterialError { get; private set; }

    public sealed class AttendeeLine
    {
        public string? Name { get; set; }
        public string? Organization { get; set; }
        public string? TaxCode { get; set; }
        public bool CivilServant { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttendeeAsync(CancellationToken ct)
    {
        if (await EditableAsync(ct) is { } refused)
            return refused;
        var read = await register.ReadLineAsync(Line.Name, Line.Organization, Line.TaxCode, Line.CivilServant, ct);
        var refusals = read.Refusals.Count > 0 ? read.Refusals
            : (await activities.AddAttendeesAsync(await officer.GetAsync(ct), Id, read.Attendees, null, ct)).Refusals;
        if (refusals.Count == 0)
        {
            TempData["Message"] = t["Register.Added", 1].Value;
            return Redirect($"/authority/activities/{Id}#register");
        }
        LineError = string.Join(" ", refusals.Select(r => r.Message));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int position, CancellationToken ct)
    {
        var refusal = await activities.RemoveAttendeeAsync(await officer.GetAsync(ct), Id, position, ct);
        if (refusal?.Kind == RefusalKind.Forbidden)
            return Forbid();
        if (refusal?.Kind == RefusalKind.NotFound)
            return NotFound();
        TempData["Message"] = t["Register.Removed"].Value;
        return Redirect($"/authority/activities/{Id}#register");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (await EditableAsync(ct) is { } refused)
            return refused;
        IReadOnlyList<Refusal> refusals;
        int added = 0;
        if (file is null || file.Length == 0)
            refusals = [Refusal.Invalid(t["Register.NoFile"], "file")];
        else
        {
            await using var stream = file.OpenReadStream();
            var read = await register.ReadAsync(stream, file.FileName, ct);
            if (read.Refusals.Count > 0)
                refusals = read.Refusals;
            else
                (added, refusals) = await activities.AddAttendeesAsync(await officer.GetAsync(ct), Id, read.Attendees, read.Rows, ct);
        }
        if (refusals.Count == 0)
        {
            TempData["Message"] = t["Register.Added", added].Value;
            return Redirect($"/authority/activities/{Id}#register");
        }
        RegisterErrors = refusals;
        await LoadAsync(ct);
        return Page();
    }

    public IActionResult OnGetTemplate() =>
        File(AttendeeRegister.Template(), ImportTemplate.XlsxContentType, "mau-danh-sach-nguoi-du.xlsx");

    public async Task<IActionResult> OnPostMaterialAsync(IFormFile? file, CancellationToken ct)
    {
        if (await EditableAsync(ct) is { } refused)
            return refused;
        var organizationId = User.FindOrganizationId();
        if (file is null || organizationId is null)
            MaterialError = shared["File.Empty"];
        else
        {
            var upload = await files.AddAsync(organizationId.Value, file, FilePurpose.Document, isPublic: false, ct);
            if (upload.File is null)
                MaterialError = shared[upload.ErrorKey!];
            else if (await activities.AddMaterialAsync(await officer.GetAsync(ct), Id, upload.File, ct) is { } refusal)
                MaterialError = refusal.Message;
            else
            {
                TempData["Message"] = t["Material.Added", upload.File.FileName].Value;
                return Redirect($"/authority/activities/{Id}#materials");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetMaterialAsync(Guid material, CancellationToken ct)
    {
        if (await activities.MaterialAsync(await officer.GetAsync(ct), Id, material, ct) is not { } file)
            return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Null when the officer may change this activity; else the answer to give (404 outside the scope, 403 to read-only).</summary>
    private async Task<IActionResult?> EditableAsync(CancellationToken ct)
    {
        if (await activities.GetAsync(await officer.GetAsync(ct), Id, ct) is not { } details)
            return NotFound();
        return details.CanEdit ? null : Forbid();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await activities.GetAsync(await officer.GetAsync(ct), Id, ct) is not { } details)
            return false;
        Activity = details;
        return true;
    }

    /// <summary>A row's refusal as the report shows it: "Dòng 4: …".</summary>
    public string RowText(Refusal r) => r.Row is { } row ? t["Register.Row", row].Value : "";
}
