using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Platform.Api;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Labels;

namespace VnTrace.Server.Exports;

/// <summary>Limits of one export (VnTrace__Exports__MaxRows).</summary>
public sealed class ExportOptions
{
    /// <summary>Most rows in one export; a larger one is refused (413) rather than cut, since a regulator needs it whole.</summary>
    public int MaxRows { get; set; } = 100_000;
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
        builder.Services.AddScoped<ExportService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        const string parameters = "Scope: gtin (a product: its lots and units), or lot (a GS1 Digital Link or EPC URI of a lot class) with "
            + "trace=backward|forward|both to add the events of its whole genealogy; and/or from / to (eventTime window, date-times with offset, "
            + "from inclusive, to exclusive). format=xlsx|csv, or Accept: text/csv or the .xlsx media type (default xlsx). "
            + "Headers are \"Vietnamese / English\"; headers=en gives the English names alone. "
            + "Only events the caller may see; more rows than VnTrace:Exports:MaxRows is a 413.";
        var group = app.MapGroup("/api/exports")
            .RequireAuthorization("ApiKey")
            .WithTags("Exports");
        group.MapGet("/critical-tracking-events", GetCriticalTrackingEvents)
            .WithSummary("Critical tracking events with their key data elements, one row per event and lot (FSMA 204 sortable spreadsheet).")
            .WithDescription(parameters)
            .ExportResponses();
        group.MapGet("/minimum-data-set", GetMinimumDataSet)
            .WithSummary("The Decree 37/2026 Art. 23.5 minimum data set of every traceability code in the scope.")
            .WithDescription(parameters)
            .ExportResponses();
        return app;
    }

    /// <summary>What an export answers, for OpenAPI (its handlers stream a workbook or CSV, so they return IResult).</summary>
    private static RouteHandlerBuilder ExportResponses(this RouteHandlerBuilder endpoint) => endpoint
        .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", additionalContentTypes: ["text/csv"])
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status406NotAcceptable)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    internal static Task<IResult> GetCriticalTrackingEvents(HttpContext http, ExportService exports, DigitalLinkBase links, ExportOptions options,
        string? gtin, string? lot, string? trace, string? from, string? to, string? format, string? headers, CancellationToken ct) =>
        ExportAsync(http, exports, links, options, ExportKind.CriticalTrackingEvents, gtin, lot, trace, from, to, format, headers, ct);

    internal static Task<IResult> GetMinimumDataSet(HttpContext http, ExportService exports, DigitalLinkBase links, ExportOptions options,
        string? gtin, string? lot, string? trace, string? from, string? to, string? format, string? headers, CancellationToken ct) =>
        ExportAsync(http, exports, links, options, ExportKind.MinimumDataSet, gtin, lot, trace, from, to, format, headers, ct);

    private static async Task<IResult> ExportAsync(HttpContext http, ExportService exports, DigitalLinkBase links, ExportOptions options, ExportKind kind,
        string? gtin, string? lot, string? trace, string? from, string? to, string? format, string? headers, CancellationToken ct)
    {
        if (!TryNegotiate(http.Request, format, out var fileFormat, out var formatProblem))
            return formatProblem;
        ExportHeaders headerRow;
        switch ((headers ?? "").Trim().ToLowerInvariant())
        {
            case "": headerRow = ExportHeaders.Bilingual; break;
            case "en": headerRow = ExportHeaders.English; break;
            default: return EpcisProblems.QueryParameter($"headers '{headers}' must be en (English names only) or absent (Vietnamese / English).");
        }
        if (!ExportScope.TryParse(gtin, lot, trace, from, to, out var scope, out var scopeError))
            return scopeError.ToProblem();

        var (file, failure) = await exports.BuildAsync(http.User.OrganizationId(), kind, scope, headerRow, links.For(http.Request), ct);
        if (failure is not null)
            return ToProblem(failure, options);
        return file!.ToResult(http.Response, fileFormat, ct);
    }

    private static IResult ToProblem(ExportFailure failure, ExportOptions options) => failure.TooLarge
        ? EpcisProblems.Result(failure.Status, failure.ExceptionType, failure.Detail, extensions: new Dictionary<string, object?> { ["maxRows"] = options.MaxRows })
        : EpcisProblems.Result(failure.Status, failure.ExceptionType, failure.Detail);

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
