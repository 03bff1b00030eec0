using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Server.Platform.Api;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Query;

/// <summary>
/// EPCIS 2.0 REST query interface: GET /events with the standard parameters, one event by eventID, and the
/// top-level resources (eventTypes, epcs, bizSteps, bizLocations, readPoints, dispositions) with their events.
/// A caller sees only the events its organization captured.
/// </summary>
public static class QueryApi
{
    public static WebApplicationBuilder AddQuery(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EventQueryExecutor>();
        return builder;
    }

    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("")
            .RequireAuthorization("ApiKey")
            .AddEndpointFilter<EpcisHeadersFilter>()
            .WithTags("Query");

        group.MapGet("/events", GetEvents).WithSummary("Events matching the standard EPCIS query parameters, paged.").QueryResponses();
        // OPTIONS discovery (REST binding): the versions spoken come from the endpoint filter; Allow says the methods.
        foreach (var resource in (string[])["/events", "/eventTypes", "/epcs", "/bizSteps", "/bizLocations", "/readPoints", "/dispositions"])
            group.MapMethods(resource, ["OPTIONS"], Describe(resource == "/events" ? "OPTIONS, GET, POST" : "OPTIONS, GET"))
                .WithSummary($"Discovery for {resource}: EPCIS and CBV versions, allowed methods.");
        group.MapGet("/events/{eventID}", GetEvent).WithSummary("One event by its eventID.")
            .Produces(StatusCodes.Status200OK, contentType: "application/ld+json", additionalContentTypes: ["application/json", "application/xml"])
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status406NotAcceptable);
        group.MapGet("/eventTypes", ListEventTypes).WithSummary("Event types present in the caller's events.");
        group.MapGet("/eventTypes/{eventType}/events", (HttpContext h, EventQueryExecutor x, string eventType, CancellationToken ct) =>
            QueryEvents(h, x, ct, ("eventType", eventType))).QueryResponses();
        group.MapGet("/epcs", ListEpcs).WithSummary("EPCs named by the caller's events (canonical Digital Link form).");
        group.MapGet("/epcs/{epc}/events", (HttpContext h, EventQueryExecutor x, string epc, CancellationToken ct) =>
            QueryEvents(h, x, ct, ("MATCH_anyEPC", Uri.UnescapeDataString(epc)))).QueryResponses();
        MapVocabulary(group, "bizSteps", "EQ_bizStep", e => e.BizStep, v => Cbv.ToBareWord(CbvVocabulary.BizStep, v));
        MapVocabulary(group, "dispositions", "EQ_disposition", e => e.Disposition, v => Cbv.ToBareWord(CbvVocabulary.Disposition, v));
        MapVocabulary(group, "bizLocations", "EQ_bizLocation", e => e.BizLocation, v => v);
        MapVocabulary(group, "readPoints", "EQ_readPoint", e => e.ReadPoint, v => v);
        return app;
    }

    /// <summary>
    /// What an events query answers, for OpenAPI (the handlers stream their documents, so they return IResult): an
    /// EPCISQueryDocument in JSON-LD or XML, or a problem for a bad parameter, an unacceptable type or a result too large.
    /// </summary>
    private static RouteHandlerBuilder QueryResponses(this RouteHandlerBuilder endpoint) => endpoint
        .Produces(StatusCodes.Status200OK, contentType: "application/ld+json", additionalContentTypes: ["application/json", "application/xml"])
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status406NotAcceptable)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    internal static Task<IResult> GetEvents(HttpContext http, EventQueryExecutor executor, CancellationToken ct) =>
        QueryEvents(http, executor, ct, null);

    /// <summary>GET /events, or a resource's events with one parameter fixed by the path.</summary>
    private static async Task<IResult> QueryEvents(HttpContext http, EventQueryExecutor executor, CancellationToken ct,
        (string Name, string Value)? fixedParameter)
    {
        var format = EventResults.Negotiate(http.Request);
        if (format is null)
            return NotAcceptable();
        var parameters = http.Request.Query;
        if (fixedParameter is { } p)
        {
            var merged = parameters.ToDictionary(kv => kv.Key, kv => kv.Value);
            merged[p.Name] = p.Value;
            parameters = new QueryCollection(merged);
        }
        var (query, error) = EventQuery.Parse(parameters);
        if (query is null)
            return EpcisProblems.QueryParameter(error!);

        var (page, tooLarge) = await executor.RunAsync(http.User.OrganizationId(), query, ct);
        if (page is null)
            return EpcisProblems.Result(StatusCodes.Status413PayloadTooLarge, EpcisExceptionType.QueryTooLarge, tooLarge!);
        if (page.Next is { } next)
            http.Response.Headers.Link = $"<{NextPageUrl(http.Request, next.Encode(query.Fingerprint))}>; rel=\"next\"";
        return EventResults.QueryDocument(EventResults.Materialize(page.EventJson), format.Value);
    }

    internal static async Task<IResult> GetEvent(HttpContext http, VnTraceDbContext db, string eventID, CancellationToken ct)
    {
        var format = EventResults.Negotiate(http.Request);
        if (format is null)
            return NotAcceptable();
        var owner = http.User.OrganizationId();
        var id = Uri.UnescapeDataString(eventID);
        // With an error declaration on record, that is the current statement of the event.
        var json = await db.Events.Where(e => e.OwnerId == owner && e.EventId == id)
            .OrderByDescending(e => e.HasErrorDeclaration).Select(e => e.Json).FirstOrDefaultAsync(ct);
        return json is null
            ? EpcisProblems.NotFound($"There is no event with eventID '{id}'.")
            : EventResults.SingleEvent(EventResults.Materialize([json])[0], format.Value);
    }

    internal static async Task<IResult> ListEventTypes(HttpContext http, VnTraceDbContext db, CancellationToken ct)
    {
        var owner = http.User.OrganizationId();
        var types = await db.Events.Where(e => e.OwnerId == owner).Select(e => e.EventType).Distinct().ToListAsync(ct);
        return Collection(types.Order().Select(t => t.ToString()));
    }

    internal static async Task<IResult> ListEpcs(HttpContext http, VnTraceDbContext db, int? perPage, string? nextPageToken, CancellationToken ct)
    {
        var owner = http.User.OrganizationId();
        var roles = new[] { IdentifierRole.Epc, IdentifierRole.ParentId, IdentifierRole.InputEpc, IdentifierRole.OutputEpc }.ToList();
        var values = db.EventIdentifiers
            .Where(i => roles.Contains(i.Role) && db.Events.Any(e => e.Id == i.TraceabilityEventId && e.OwnerId == owner))
            .Select(i => i.Value);
        return await PagedCollection(http, values, perPage, nextPageToken, v => v, ct);
    }

    private static void MapVocabulary(RouteGroupBuilder group, string resource, string queryParameter,
        System.Linq.Expressions.Expression<Func<TraceabilityEvent, string?>> field, Func<string, string> display)
    {
        group.MapGet("/" + resource, async (HttpContext http, VnTraceDbContext db, int? perPage, string? nextPageToken, CancellationToken ct) =>
        {
            var owner = http.User.OrganizationId();
            var values = db.Events.Where(e => e.OwnerId == owner).Select(field).Where(v => v != null).Select(v => v!);
            return await PagedCollection(http, values, perPage, nextPageToken, display, ct);
        }).WithSummary($"Values of {queryParameter[3..]} in the caller's events.");
        group.MapGet("/" + resource + "/{value}/events", (HttpContext h, EventQueryExecutor x, string value, CancellationToken ct) =>
            QueryEvents(h, x, ct, (queryParameter, Uri.UnescapeDataString(value))))
            .WithSummary($"Events with this {queryParameter[3..]}.").QueryResponses();
    }

    /// <summary>A JSON-LD Collection of distinct values, paged on the value itself.</summary>
    private static async Task<IResult> PagedCollection(HttpContext http, IQueryable<string> values, int? perPage, string? nextPageToken,
        Func<string, string> display, CancellationToken ct)
    {
        var take = Math.Clamp(perPage ?? EventQuery.DefaultPerPage, 1, EventQuery.MaxPerPage);
        var distinct = values.Distinct();
        if (nextPageToken is not null)
        {
            string after;
            try { after = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(nextPageToken)); }
            catch (FormatException) { return EpcisProblems.QueryParameter("nextPageToken is not valid."); }
            distinct = distinct.Where(v => string.Compare(v, after) > 0);
        }
        var page = await distinct.OrderBy(v => v).Take(take + 1).ToListAsync(ct);
        if (page.Count > take)
        {
            page.RemoveAt(take);
            var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(page[^1]));
            http.Response.Headers.Link = $"<{NextPageUrl(http.Request, token)}>; rel=\"next\"";
        }
        return Collection(page.Select(display));
    }

    private static IResult Collection(IEnumerable<string> members) =>
        TypedResults.Text(JsonSerializer.Serialize(new CollectionDocument(
            ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "Collection", members.ToArray()),
            QueryJson.Default.CollectionDocument), "application/ld+json");

    private static string NextPageUrl(HttpRequest request, string token)
    {
        var query = request.Query.Where(kv => kv.Key != "nextPageToken")
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new KeyValuePair<string, string?>("nextPageToken", token));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    private static Func<HttpContext, IResult> Describe(string allow) => http =>
    {
        http.Response.Headers.Allow = allow;
        http.Response.Headers["GS1-EPCIS-Min"] = EpcisHeadersFilter.EpcisVersion;
        http.Response.Headers["GS1-EPCIS-Max"] = EpcisHeadersFilter.EpcisVersion;
        http.Response.Headers["GS1-CBV-Min"] = EpcisHeadersFilter.CbvVersion;
        http.Response.Headers["GS1-CBV-Max"] = EpcisHeadersFilter.CbvVersion;
        return TypedResults.NoContent();
    };

    private static IResult NotAcceptable() =>
        EpcisProblems.Result(StatusCodes.Status406NotAcceptable, EpcisExceptionType.NotAcceptable,
            "Results are available as application/ld+json (or application/json) and application/xml.");

    public sealed record CollectionDocument(
        [property: System.Text.Json.Serialization.JsonPropertyName("@context")] string[] Context,
        string Type,
        string[] Member);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(QueryApi.CollectionDocument))]
internal sealed partial class QueryJson : System.Text.Json.Serialization.JsonSerializerContext;
