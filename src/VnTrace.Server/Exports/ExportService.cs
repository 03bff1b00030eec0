using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Exports;

public enum ExportKind
{
    /// <summary>Critical tracking events with their key data elements (FSMA 204 sortable spreadsheet).</summary>
    CriticalTrackingEvents,
    /// <summary>The Decree 37/2026 Art. 23.5 minimum data set.</summary>
    MinimumDataSet,
}

public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>Why an export was refused: a lot the caller sees no event of (404), or more than the limits allow (413).</summary>
public sealed record ExportFailure(int Status, string ExceptionType, string Detail)
{
    public bool TooLarge => Status == StatusCodes.Status413PayloadTooLarge;
}

/// <summary>A built export: the sheet and the file name without extension.</summary>
public sealed record ExportFile(ExportSheet Sheet, string Name)
{
    public IResult ToResult(HttpResponse response, ExportFormat format, CancellationToken ct)
    {
        response.Headers["X-Export-Rows"] = Sheet.Rows.Count.ToString(CultureInfo.InvariantCulture);
        return format switch
        {
            ExportFormat.Csv => TypedResults.Stream(stream => CsvExportWriter.WriteAsync(Sheet, stream, ct),
                CsvExportWriter.ContentType + "; charset=utf-8", Name + ".csv"),
            _ => TypedResults.File(XlsxExportWriter.Write(Sheet), XlsxExportWriter.ContentType, Name + ".xlsx"),
        };
    }
}

/// <summary>
/// Builds an export for a caller — the API (API key) and the export pages of the workspace and the authority console
/// (signed-in user) alike — over exactly what the caller's organization may see (<see cref="ExportEventReader"/>).
/// </summary>
public sealed class ExportService(VnTraceDbContext db, ExportEventReader reader, ExportOptions options, TimeProvider clock)
{
    /// <param name="publicBase">This server's public address, for the links to product images.</param>
    public async Task<(ExportFile? File, ExportFailure? Failure)> BuildAsync(Guid caller, ExportKind kind, ExportScope scope, ExportHeaders headers,
        string publicBase, CancellationToken ct)
    {
        var (events, failure) = await reader.ReadAsync(caller, scope, ct);
        if (failure is not null)
            return (null, failure);

        var generated = clock.GetUtcNow();
        var callerName = await db.Organizations.Where(o => o.Id == caller).Select(o => o.Name).SingleAsync(ct);
        var (fileName, title) = kind switch
        {
            ExportKind.MinimumDataSet => ("minimum-data-set", "Minimum data set, Decree 37/2026/NĐ-CP Art. 23.5"),
            _ => ("critical-tracking-events", "Critical tracking events with their key data elements (FSMA 204 sortable spreadsheet; Circular 31/2026/TT-BCT)"),
        };
        IReadOnlyList<(string, string)> about =
        [
            ("Export", title),
            ("Scope", scope.Describe()),
            ("Visibility", "Only events the requesting organization may see: its own, those its partners shared by naming it as source or destination, "
                + "and every organization's for the provincial authority."),
            ("Requested by", callerName),
            ("Generated (UTC)", generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("Events", events!.Count.ToString(CultureInfo.InvariantCulture)),
            ("Headers", "Each header is Vietnamese / English; the English part is the column's stable name (headers=en gives it alone)."),
            (ExportSheet.NotRecorded, "The system does not hold this value yet (see each column's note below); it is not an empty value and nothing was invented."),
        ];
        var records = await ExportRecords.ReadAsync(db, events, publicBase, ct);
        var sheet = kind switch
        {
            ExportKind.MinimumDataSet => MinimumDataSet.Build(events, InScope(scope), records, headers, about),
            _ => CriticalTrackingEvents.Build(events, await reader.PartyNamesAsync(ExportItems.PartyGlns(events), ct), records, headers, about),
        };
        if (sheet.Rows.Count > options.MaxRows)
            return (null, reader.TooLarge(reader.RowLimitMessage()));
        return (new ExportFile(sheet, $"{fileName}-{generated.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}"), null);
    }

    /// <summary>Which codes the minimum data set lists: the product's, the lot's (and its units'), or all reached.</summary>
    private static Func<string, bool> InScope(ExportScope scope) => scope switch
    {
        { GtinLink: { } product } => id => id == product || id.StartsWith(product + "/", StringComparison.Ordinal),
        { Lot: { } lot, Trace: null } => id => id == lot || id.StartsWith(lot + "/21/", StringComparison.Ordinal),
        _ => _ => true,
    };
}
