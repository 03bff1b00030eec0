using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Api;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Trace;

/// <summary>Limits of one trace request (VnTrace__Trace__MaxNodes, VnTrace__Trace__MaxDepth).</summary>
public sealed class TraceOptions
{
    public int MaxNodes { get; set; } = 5_000;
    public int MaxDepth { get; set; } = 50;
}

/// <summary>
/// GET /api/trace: one step back / one step forward and the whole chain from a lot, unit, container, party or
/// location, computed from the stored EPCIS events the caller may see (Circular 02/2024, Decree 37/2026 Art. 22).
/// </summary>
public static class TraceApi
{
    public static WebApplicationBuilder AddTrace(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("VnTrace:Trace").Get<TraceOptions>() ?? new TraceOptions());
        return builder;
    }

    public static IEndpointRouteBuilder MapTraceApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api")
            .RequireAuthorization("ApiKey")
            .WithTags("Trace")
            .MapGet("/trace", GetTrace)
            .WithSummary("The genealogy graph of an identifier: backward (where it came from), forward (where it went) or both.")
            .WithDescription("id: a GS1 Digital Link or EPC URI (lot, serial, SSCC, GLN of a party or location). direction: backward, forward or both (default). "
                + "from / to: an optional eventTime window (date-times with offset; from inclusive, to exclusive). maxNodes: at most the server's limit. table=false leaves out the flat table. "
                + "A graph larger than the limit comes back with truncated=true.")
            // The source-generated JSON results carry no OpenAPI metadata; the responses are declared.
            .Produces<TraceDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<JsonHttpResult<TraceDocument>, ProblemHttpResult>> GetTrace(HttpContext http, VnTraceDbContext db, TraceOptions options,
        string? id, string? direction, string? from, string? to, int? maxNodes, bool? table, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id))
            return EpcisProblems.QueryParameter("id is required: a GS1 Digital Link or EPC URI of a lot, serial, SSCC, party or location.");
        if (!EpcDigitalLink.TryToCanonicalDigitalLink(id, out var start))
        {
            var why = DigitalLink.TryParse(id, out _, out var error) ? "" : $" ({error.Message})";
            return EpcisProblems.QueryParameter($"id '{id}' is not a GS1 Digital Link or EPC URI{why}.");
        }
        TraceDirection? dir = (direction ?? "both").ToLowerInvariant() switch
        {
            "backward" => TraceDirection.Backward,
            "forward" => TraceDirection.Forward,
            "both" => TraceDirection.Both,
            _ => null,
        };
        if (dir is null)
            return EpcisProblems.QueryParameter($"direction '{direction}' must be backward, forward or both.");
        if (!TryTime("from", from, out var fromTime, out var timeError) || !TryTime("to", to, out var toTime, out timeError))
            return EpcisProblems.QueryParameter(timeError!);
        if (!TraceWindow.TryCreate(fromTime, toTime, out var window, out var windowError))
            return EpcisProblems.QueryParameter(windowError);
        if (maxNodes is < 1 || maxNodes > options.MaxNodes)
            return EpcisProblems.QueryParameter($"maxNodes must be from 1 to {options.MaxNodes}.");

        var visibility = await TraceVisibility.OfAsync(db, http.User.OrganizationId(), ct);
        var limits = new TraceLimits { MaxNodes = maxNodes ?? options.MaxNodes, MaxDepth = options.MaxDepth };

        var graph = await GenealogyTracer.TraceAsync(start, dir.Value, window, new DatabaseTraceEventSource(db, visibility), limits, ct);
        if (graph.StartUnknown)
            return EpcisProblems.NotFound($"No event you can see names '{id}'.");
        return TypedResults.Json(TraceDocument.Of(graph, includeTable: table ?? true), TraceJson.Default.TraceDocument);
    }

    private static bool TryTime(string name, string? raw, out DateTimeOffset? time, out string? error)
    {
        time = null;
        error = null;
        if (string.IsNullOrEmpty(raw))
            return true;
        if (EpcisDateTimes.TryParseWithOffset(raw, out var t))
        {
            time = t;
            return true;
        }
        error = $"{name} '{raw}' is not a date-time with a time-zone offset (e.g. 2026-01-31T08:00:00+07:00).";
        return false;
    }
}

/// <summary>The trace as the API returns it: the graph, the events, and the flat table.</summary>
public sealed record TraceDocument(
    string Start,
    TraceDirection Direction,
    DateTimeOffset? From,
    DateTimeOffset? To,
    bool Truncated,
    TraceTruncation Truncation,
    IReadOnlyList<TraceNode> Nodes,
    IReadOnlyList<TraceEdge> Edges,
    IReadOnlyList<TraceEventInfo> Events,
    IReadOnlyList<TraceTableRow>? Table)
{
    /// <param name="includeTable">The flat table repeats the graph row by row (a third of a wide response); table=false leaves it out.</param>
    public static TraceDocument Of(TraceGraph g, bool includeTable) =>
        new(g.Start, g.Direction, g.Window.From, g.Window.To, g.Truncated, g.Truncation, g.Nodes, g.Edges, g.Events, includeTable ? g.ToTable() : null);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TraceDocument))]
internal sealed partial class TraceJson : JsonSerializerContext;
