using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Labels;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Workspace.Labels;

/// <summary>
/// A batch's labels as a PDF of sticker sheets, streamed page by page from the stored serials in their issued order:
/// on the batch's sheet or a catalogue one (?layout=), from a position of a partly used first sheet (?start=, 1-based),
/// with or without the product name (?name=).
/// </summary>
public sealed class PdfModel(CodeIssuer issuer, CurrentBusiness business, DigitalLinkBase linkBase, LabelSheetRenderer renderer,
    LabelSheetLimiter limiter, IStringLocalizer<LabelsText> t) : PageModel
{
    /// <summary>Where the busy page leads back to.</summary>
    public string BatchUrl { get; private set; } = "/workspace/labels";
    public async Task<IActionResult> OnGetAsync(Guid batchId, string? layout, int start = 1, bool name = true, CancellationToken ct = default)
    {
        if (await issuer.FindBatchAsync(business.Id, batchId, ct) is not { } batch)
            return NotFound();
        // The batch's own sheet (custom ones included), or any catalogue sheet.
        var chosen = string.IsNullOrEmpty(layout) || layout == batch.Layout ? batch.Layout : LabelLayout.Find(layout)?.Id;
        if (!StoredLayout.TryResolve(chosen, out var sheet, out _))
            return Refuse(batchId, t["Labels.Error.LayoutUnknown"]);
        if (start < 1 || start > sheet.LabelsPerPage)
            return Refuse(batchId, t["Labels.Error.StartPosition", sheet.LabelsPerPage]);

        var lease = await limiter.AcquireAsync(ct);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return Busy(batchId);
        }
        // Held until the response is written: the sheet is made while it streams, after this method returns.
        Response.RegisterForDispose(lease);

        var productName = name ? batch.ProductName : null;
        var labels = issuer.LinksAsync(batch, linkBase.For(Request), ct: ct).Select(link => LabelContent.For(link, productName));
        return new LabelDownload("application/pdf", LabelDownload.FileName("labels", batch.LotNumber, "pdf"),
            (stream, aborted) => renderer.WritePdfAsync(labels, sheet, stream, start - 1, aborted));
    }

    /// <summary>503 with Retry-After: this page saying so to a person, problem+json to a program.</summary>
    private IActionResult Busy(Guid batchId)
    {
        Response.Headers.RetryAfter = LabelSheetLimiter.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = t["Labels.Busy.Message", LabelSheetLimiter.RetryAfterSeconds];
        var acceptsHtml = Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (!acceptsHtml)
        {
            return new ObjectResult(new ProblemDetails
            {
                Type = "epcisException:" + VnTrace.Gs1.Epcis.EpcisExceptionType.Implementation,
                Title = t["Labels.Busy.Title"],
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = message,
            })
            {
                StatusCode = StatusCodes.Status503ServiceUnavailable,
                ContentTypes = { "application/problem+json" },
            };
        }
        BatchUrl = $"/workspace/labels/{batchId}";
        var page = Page();
        page.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return page;
    }

    private RedirectResult Refuse(Guid batchId, string message)
    {
        TempData["Error"] = message;
        return Redirect($"/workspace/labels/{batchId}");
    }
}
