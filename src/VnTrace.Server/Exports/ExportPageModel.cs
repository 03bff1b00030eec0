using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Identity;
using VnTrace.Server.Labels;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Exports;

/// <summary>
/// The export page of the workspace and of the authority console: the API's filters as a form (product, lot with its
/// genealogy, dates in Viet Nam's time), and a download button per export that builds the file with the signed-in
/// user's organization's rights — exactly what the API gives that organization's key (<see cref="ExportService"/>).
/// </summary>
public abstract class ExportPageModel(ExportService exports, DigitalLinkBase links, ExportOptions options, IStringLocalizer<ExportText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Gtin { get; set; }

    /// <summary>A lot as scanned or typed: Digital Link, EPC URI or element string.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lot { get; set; }

    [BindProperty(SupportsGet = true)]
    public TraceDirection? Trace { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The last day exported, inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public ExportFormat Format { get; set; } = ExportFormat.Xlsx;

    public string? Error { get; private set; }

    /// <summary>The page's lead: what this reader's exports cover.</summary>
    public abstract string LeadKey { get; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(ExportKind kind, CancellationToken ct)
    {
        string? lot = null;
        if (!string.IsNullOrWhiteSpace(Lot))
        {
            if (!ScannedCode.TryToDigitalLink(Lot.Trim(), out var link, out _))
                return Refused(t["Error.Lot"]);
            lot = link.ToCanonicalUri();
        }
        if (!ExportScope.TryParse(Gtin, lot, Trace?.ToString(), DayStart(From), DayStart(To?.AddDays(1)), out var scope, out var scopeError))
            return Refused(t["Error." + scopeError.Problem]);
        var (file, failure) = await exports.BuildAsync(User.OrganizationId(), kind, scope, ExportHeaders.Bilingual, links.For(Request), ct);
        if (failure is not null)
            return Refused(failure.TooLarge ? t["Error.TooLarge", options.MaxRows.ToString("N0", CultureInfo.CurrentCulture)] : t["Error.NotFound"]);
        return new ResultAction(file!.ToResult(Response, Format, ct));
    }

    private PageResult Refused(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Midnight of a day in Viet Nam's time, as the API's from/to take it.</summary>
    private static string? DayStart(DateOnly? day) => day is { } d
        ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), Readable.VietnamOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : null;
}
