using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Exports;
using VnTrace.Server.Labels;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Workspace.Labels;

/// <summary>
/// A batch's codes as CSV for a printing house: one row per label in print order, the URI to encode in the QR code
/// and the human-readable GTIN, lot and serial under it.
/// </summary>
public sealed class CsvModel(CodeIssuer issuer, CurrentBusiness business, DigitalLinkBase linkBase) : PageModel
{
    private static readonly ExportColumn[] Columns =
    [
        new("uri", ExportCellKind.Literal, "GS1 Digital Link to encode in the QR code"),
        new("gtin", ExportCellKind.Literal, "(01) GTIN-14"),
        new("lot", ExportCellKind.Text, "(10) batch/lot number"),
        new("serial", ExportCellKind.Text, "(21) serial number; empty for a lot code"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid batchId, CancellationToken ct)
    {
        if (await issuer.FindBatchAsync(business.Id, batchId, ct) is not { } batch)
            return NotFound();
        var rows = new List<object?[]>(batch.Count);
        await foreach (var link in issuer.LinksAsync(batch, linkBase.For(Request), ct: ct))
        {
            var serial = link.Qualifiers.Count > 1 ? link.Qualifiers[1].Value : null;
            rows.Add([link.ToString(), link.PrimaryKey.Value, link.Qualifiers[0].Value, serial]);
        }
        var sheet = new ExportSheet("Labels", "labels", Columns, rows, []);
        return new LabelDownload(CsvExportWriter.ContentType + "; charset=utf-8", LabelDownload.FileName("codes", batch.LotNumber, "csv"),
            (stream, aborted) => CsvExportWriter.WriteAsync(sheet, stream, aborted));
    }
}
