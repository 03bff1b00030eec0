using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Labels;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Workspace.Labels;

/// <summary>
/// One batch: what was issued, the first codes as they print, and its downloads — the sheet PDF (again at any
/// time, on the same or another sheet), the codes as CSV for a printing house, and one code as SVG or PNG.
/// </summary>
public sealed class BatchModel(CodeIssuer issuer, CurrentBusiness business, DigitalLinkBase linkBase, LabelSheetRenderer renderer) : PageModel
{
    /// <summary>Codes drawn on the page.</summary>
    public const int PreviewCount = 6;

    /// <summary>The print options the form was issued with (1-based start position, product name), carried in the query.</summary>
    [BindProperty(SupportsGet = true, Name = "start")]
    public int Start { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "name")]
    public bool IncludeName { get; set; } = true;

    public LabelBatchInfo Batch { get; private set; } = null!;
    public LabelLayout? Layout { get; private set; }
    public IReadOnlyList<Preview> Previews { get; private set; } = [];

    /// <summary>A code drawn on the page: its serial (null for a lot code), URI and SVG.</summary>
    public sealed record Preview(string? Serial, string Uri, string Svg);

    public async Task<IActionResult> OnGetAsync(Guid batchId, CancellationToken ct)
    {
        if (await issuer.FindBatchAsync(business.Id, batchId, ct) is not { } batch)
            return NotFound();
        Batch = batch;
        Layout = StoredLayout.TryResolve(batch.Layout, out var layout, out _) ? layout : null;
        if (Layout is null || Start < 1 || Start > Layout.LabelsPerPage)
            Start = 1;
        var previews = new List<Preview>();
        await foreach (var link in issuer.LinksAsync(batch, linkBase.For(Request), batch.Kind == LabelBatchKind.Lot ? 1 : PreviewCount, ct))
        {
            var label = LabelContent.For(link, IncludeName ? batch.ProductName : null);
            previews.Add(new Preview(link.Qualifiers.FirstOrDefault(q => q.Ai == "21").Value, label.Uri, renderer.RenderSvg(label)));
        }
        Previews = previews;
        return Page();
    }
}
