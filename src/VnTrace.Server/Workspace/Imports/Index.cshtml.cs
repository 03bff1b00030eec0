using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Imports;

namespace VnTrace.Server.Workspace.Imports;

/// <summary>
/// Spreadsheet import: pick what to import, download its template, upload, read the row-by-row report, then import
/// everything (only when nothing is wrong) or, by explicit choice, only the valid rows.
/// </summary>
public sealed class IndexModel(IEnumerable<IImportKind> kinds, ImportService imports, IStringLocalizer<ImportText> t) : PageModel
{
    /// <summary>Errors listed on the page; the count says how many more there are.</summary>
    public const int ErrorsShown = 500;

    /// <summary>Valid rows listed on the page.</summary>
    public const int RowsShown = 200;

    public IReadOnlyList<IImportKind> Kinds { get; } = [.. kinds];

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>The kept upload being reported on.</summary>
    [BindProperty(SupportsGet = true, Name = "file")]
    public Guid? FileId { get; set; }

    public IImportKind Selected { get; private set; } = null!;
    public ImportReport? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Select())
            return NotFound();
        if (FileId is { } id)
        {
            Report = await imports.ReportAsync(Selected, id, ct);
            if (Report is null)
                return NotFound();
        }
        return Page();
    }

    /// <summary>The blank template of a kind, as .xlsx or .csv.</summary>
    public IActionResult OnGetTemplate(string? format)
    {
        if (!Select())
            return NotFound();
        using var output = new MemoryStream();
        if (format == "csv")
        {
            ImportTemplate.WriteCsv(Selected.Columns, output);
            return File(output.ToArray(), ImportTemplate.CsvContentType, Selected.TemplateName + ".csv");
        }
        ImportTemplate.WriteXlsx(Selected.Columns, output);
        return File(output.ToArray(), ImportTemplate.XlsxContentType, Selected.TemplateName + ".xlsx");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? upload, CancellationToken ct)
    {
        if (!Select())
            return NotFound();
        if (upload is null || upload.Length == 0)
        {
            Error = t["Upload.NoFile"];
            return Page();
        }
        Report = await imports.UploadAsync(Selected, upload, ct);
        if (Report.FileId is not { } id)
            return Page();
        return Redirect($"/workspace/imports?kind={Uri.EscapeDataString(Selected.Key)}&file={id}");
    }

    /// <summary>Imports the kept upload: <paramref name="mode"/> "all" or "valid" (the valid rows only).</summary>
    public async Task<IActionResult> OnPostImportAsync(string? mode, CancellationToken ct)
    {
        if (!Select() || FileId is not { } id)
            return NotFound();
        var outcome = await imports.ImportAsync(Selected, id, validRowsOnly: mode == "valid", ct);
        if (outcome is null)
            return NotFound();
        if (!outcome.Succeeded)
        {
            Error = outcome.Error;
            Report = outcome.Report;
            return Page();
        }
        TempData["Message"] = outcome.Skipped == 0
            ? t["Outcome.Imported", outcome.Imported, Selected.Title].Value
            : t["Outcome.ImportedSkipping", outcome.Imported, Selected.Title, outcome.Skipped].Value;
        return Redirect($"/workspace/imports?kind={Uri.EscapeDataString(Selected.Key)}");
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!Select() || FileId is not { } id)
            return NotFound();
        await imports.DiscardAsync(id, ct);
        return Redirect($"/workspace/imports?kind={Uri.EscapeDataString(Selected.Key)}");
    }

    /// <summary>A file-level error in the reader's language; the English message when it has no code.</summary>
    public string Describe(TabularFileError error)
    {
        if (error.Code is { } code && t["FileError." + code, [.. error.Args]] is { ResourceNotFound: false } text)
            return text.Value;
        return error.Message;
    }

    private bool Select()
    {
        var selected = Kind is null ? Kinds.FirstOrDefault() : Kinds.FirstOrDefault(k => k.Key == Kind);
        if (selected is null)
            return false;
        Selected = selected;
        Kind = selected.Key;
        return true;
    }
}
