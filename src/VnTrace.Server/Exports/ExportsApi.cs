using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Platform.Api;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Exports;

/// <summary>Limits of one export (VnTrace__Exports__MaxRows).</summary>
public sealed class ExportOptions
{
    /// <summary>Most rows in one export; a larger one is refused (413) rather than cut, since a regulator needs it whole.</summary>
    public int MaxRows { get; set; } = 100_000;
}

public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// Regulator exports (issue 4, item 4): for a product, a lot with its genealogy, or a time range, the critical
/// tracking events with their key data elements (FSMA 204 sortable spreadsheet; Circular 31/2026/TT-BCT's 24-hour
/// hand-over) and the Decree 37/2026 Art. 23.5 minimum data set, as .xlsx or CSV, over exactly what the caller may see.
/// </summary>
public static class ExportsApi
{
    public static WebApplicationBuilder AddExports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("VnTrace:Exports").Get<ExportOptions>() ?? new ExportOptions());
        builder.Services.AddScoped<ExportEventReader>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        const string parameters = "Scope: gtin (a product: its lots and units), or lot (a GS1 Digital Link or EPC URI of a lot class) with "
            + "trace=backward|forward|both to add the events of its whole genealogy; and/or from / to (eventTime window, date-times with offset, "
            + "from inclusive, to exclusive). format=xlsx|csv, or Accept: text/csv or the .xlsx media type (default xlsx). "
            + "Only events the caller may see; more rows than VnTrace:Exports:MaxRows is a 413.";
        var group = app.MapGroup("/api/exports")
            .RequireAuthorization("ApiKey")
            .WithTags("Exports");
        group.MapGet("/critical-tracking-events", GetCriticalTrackingEvents)
            .WithSummary("Critical tracking events with their key data elements, one row per event and lot (FSMA 204 sortable spreadsheet).")
            .WithDescription(parameters);
        group.MapGet("/minimum-data-set", GetMinimumDataSet)
            .WithSummary("The Decree 37/2026 Art. 23.5 minimum data set of every traceability code in the scope.")
            .WithDescription(parameters);
        return app;
    }

    internal static Task<IResult> GetCriticalTrackingEvents(HttpContext http, VnTraceDbContext db, ExportEventReader reader, ExportOptions options,
        string? gtin, string? lot, string? trace, string? from, string? to, string? format, CancellationToken ct) =>
        ExportAsync(http, db, reader, options, gtin, lot, trace, from, to, format, "critical-tracking-events",
            "Critical tracking events with their key data elements (FSMA 204 sortable spreadsheet; Circular 31/2026/TT-BCT)",
            async (events, scope, about) =>
                CriticalTrackingEvents.Build(events, await reader.PartyNamesAsync(ExportItems.PartyGlns(events), ct), about),
            ct);

    internal static Task<IResult> GetMinimumDataSet(HttpContext http, VnTraceDbContext db, ExportEventReader reader, ExportOptions options,
        string? gtin, string? lot, string? trace, string? from, string? to, string? format, CancellationToken ct) =>
        ExportAsync(http, db, reader, options, gtin, lot, trace, from, to, format, "minimum-data-set",
            "Minimum data set, Decree 37/2026/NĐ-CP Art. 23.5",
            (events, scope, about) => Task.FromResult(MinimumDataSet.Build(events, InScope(scope), about)),
            ct);

    private static async Task<IResult> ExportAsync(HttpContext http, VnTraceDbContext db, ExportEventReader reader, ExportOptions options,
        string? gtin, string? lot, string? trace, string? from, string? to, string? format, string fileName, string title,
        Func<IReadOnlyList<ExportEvent>, ExportScope, IReadOnlyList<(string, string)>, Task<ExportSheet>> build, CancellationToken ct)
    {
        if (!TryNegotiate(http.Request, format, out var fileFormat, out var formatProblem))
            return formatProblem;
        if (!ExportScope.TryParse(gtin, lot, trace, from, to, out var scope, out var scopeProblem))
            return scopeProblem;

        var caller = http.User.OrganizationId();
        var (events, problem) = await reader.ReadAsync(caller, scope, ct);
        if (problem is not null)
            return problem;

        var generated = DateTimeOffset.UtcNow;
        var callerName = await db.Organizations.Where(o => o.Id == caller).Select(o => o.Name).SingleAsync(ct);
        IReadOnlyList<(string, string)> about =
        [
            ("Export", title),
            ("Scope", scope.Describe()),
            ("Visibility", "Only events the requesting organization may see: its own, those its partners shared by naming it as source or destination, "
                + "and every organization's for the provincial authority."),
            ("Requested by", callerName),
            ("Generated (UTC)", generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("Events", events!.Count.ToString(CultureInfo.InvariantCulture)),
            (ExportSheet.NotRecorded, "The system does not hold this value yet (see each column's note below); it is not an empty value and nothing was invented."),
        ];
        var sheet = await build(events, scope, about);
        if (sheet.Rows.Count > options.MaxRows)
            return reader.TooLarge(reader.RowLimitMessage());

        var name = $"{fileName}-{generated.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        http.Response.Headers["X-Export-Rows"] = sheet.Rows.Count.ToString(CultureInfo.InvariantCulture);
        return fileFormat switch
        {
            ExportFormat.Csv => TypedResults.Stream(stream => CsvExportWriter.WriteAsync(sheet, stream, ct),
                CsvExportWriter.ContentType + "; charset=utf-8", name + ".csv"),
            _ => TypedResults.File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, name + ".xlsx"),
        };
    }

    /// <summary>Which codes the minimum data set lists: the product's, the lot's (and its units'), or all reached.</summary>
    private static Func<string, bool> InScope(ExportScope scope) => scope switch
    {
        { GtinLink: { } product } => id => id == product || id.StartsWith(product + "/", StringComparison.Ordinal),
        { Lot: { } lot, Trace: null } => id => id == lot || id.StartsWith(lot + "/21/", StringComparison.Ordinal),
        _ => _ => true,
    };

    /// <summary>format= wins; else the Accept header (text/csv, the .xlsx type, or anything → .xlsx); nothing acceptable is 406.</summary>
    private static bool TryNegotiate(HttpRequest request, string? format, out ExportFormat result, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        problem = null;
        result = ExportFormat.Xlsx;
        if (!string.IsNullOrWhiteSpace(format))
        {
            switch (format.Trim().ToLowerInvariant())
            {
                case "xlsx": result = ExportFormat.Xlsx; return true;
                case "csv": result = ExportFormat.Csv; return true;
                default:
                    problem = EpcisProblems.QueryParameter($"format '{format}' must be xlsx or csv.");
                    return false;
            }
        }
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
            return true;
        foreach (var media in accept.Where(m => m.Quality is not 0).OrderByDescending(m => m.Quality ?? 1))
        {
            if (media.MediaType.Equals(XlsxExportWriter.ContentType, StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("*/*", StringComparison.Ordinal) || media.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                result = ExportFormat.Xlsx;
                return true;
            }
            if (media.MediaType.Equals(CsvExportWriter.ContentType, StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase))
            {
                result = ExportFormat.Csv;
                return true;
            }
        }
        problem = EpcisProblems.Result(StatusCodes.Status406NotAcceptable, EpcisExceptionType.NotAcceptable,
            $"The exports are {XlsxExportWriter.ContentType} or {CsvExportWriter.ContentType}; use format=xlsx|csv or one of those in Accept.");
        return false;
    }
}
