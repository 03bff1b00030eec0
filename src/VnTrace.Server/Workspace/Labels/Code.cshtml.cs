using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Labels;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Workspace.Labels;

/// <summary>
/// One code of a batch as SVG or PNG, for packaging artwork: the lot's code, or an issued serial of the batch
/// (?serial=); with or without the product name (?name=), the PNG <c>?size=</c> pixels wide (default 600).
/// </summary>
public sealed class CodeModel(CodeIssuer issuer, CurrentBusiness business, DigitalLinkBase linkBase, LabelSheetRenderer renderer) : PageModel
{
    public const int DefaultPngPixels = 600;

    public async Task<IActionResult> OnGetAsync(Guid batchId, string format, string? serial, bool name = true, int size = DefaultPngPixels,
        CancellationToken ct = default)
    {
        if (await issuer.FindBatchAsync(business.Id, batchId, ct) is not { } batch
            || await issuer.FindLinkAsync(batch, linkBase.For(Request), string.IsNullOrEmpty(serial) ? null : serial, ct) is not { } link)
            return NotFound();
        var label = LabelContent.For(link, name ? batch.ProductName : null);
        var fileName = LabelDownload.FileName("code", serial is null ? batch.LotNumber : $"{batch.LotNumber}-{serial}", format);
        if (format == "svg")
        {
            var svg = Encoding.UTF8.GetBytes(renderer.RenderSvg(label));
            return new LabelDownload("image/svg+xml", fileName, (stream, aborted) => stream.WriteAsync(svg, aborted).AsTask());
        }
        var pixels = Math.Clamp(size, 200, LabelSheetRenderer.MaxPngPixels);
        var png = renderer.RenderPng(label, pixels);
        return new LabelDownload("image/png", fileName, (stream, aborted) => stream.WriteAsync(png, aborted).AsTask());
    }
}
