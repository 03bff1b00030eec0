using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Api;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Recall;

/// <summary>
/// Recall campaigns over the API: open one (authority, or a business for its own lots), see who is affected and how
/// much reached them, acknowledge a notice with the quantity recovered, close the campaign.
/// </summary>
public static class RecallApi
{
    public static WebApplicationBuilder AddRecall(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RecallService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRecallApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recalls").RequireAuthorization("ApiKey").WithTags("Recall");
        // The documents and problems are written with their own JSON contexts (JsonHttpResult, ProblemHttpResult),
        // which carry no OpenAPI metadata: each response the handler's Results<…> can give is declared here.
        group.MapPost("", Open).WithSummary("Open a recall of lots, units or containers; every business they reached is notified.")
            .Produces<RecallDocument>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", List).WithSummary("Recalls the caller opened, or was notified of (the authority sees all).")
            .Produces<List<RecallDocument>>();
        group.MapGet("/{id:guid}", Get).WithSummary("One recall: lots, affected businesses, quantities, acknowledgements.")
            .Produces<RecallDocument>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/acknowledgement", Acknowledge).WithSummary("An affected business acknowledges its notice and reports what it recovered.")
            .Produces<RecallDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/close", Close).WithSummary("The initiator (or the authority) closes the recall.")
            .Produces<RecallDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record OpenRequest(string[]? Lots, string? Reason);
    public sealed record AcknowledgeRequest(decimal? QuantityRecovered, string? Note);
    public sealed record CloseRequest(string? Note);

    internal static async Task<Results<JsonHttpResult<RecallDocument>, ProblemHttpResult>> Open(HttpContext http, RecallService recalls, VnTraceDbContext db, OpenRequest request, CancellationToken ct)
    {
        var (campaign, refusal) = await recalls.OpenAsync(http.User.OrganizationId(), request.Lots ?? [], request.Reason ?? "", ct);
        if (refusal is not null)
            return Problem(refusal);
        var document = await DocumentAsync(db, campaign!.Id, http.User.OrganizationId(), ct);
        return TypedResults.Json(document, RecallJson.Default.RecallDocument, statusCode: StatusCodes.Status201Created);
    }

    internal static async Task<JsonHttpResult<List<RecallDocument>>> List(HttpContext http, VnTraceDbContext db, CancellationToken ct)
    {
        var caller = http.User.OrganizationId();
        var isAuthority = await IsAuthorityAsync(db, caller, ct);
        var ids = await db.RecallCampaigns
            .Where(c => isAuthority || c.InitiatorId == caller || c.Notices.Any(n => n.OrganizationId == caller))
            .OrderByDescending(c => c.OpenedAt).Select(c => c.Id).Take(200).ToListAsync(ct);
        var documents = new List<RecallDocument>();
        foreach (var id in ids)
            documents.Add((await DocumentAsync(db, id, caller, ct))!);
        return TypedResults.Json(documents, RecallJson.Default.ListRecallDocument);
    }

    internal static async Task<Results<JsonHttpResult<RecallDocument>, ProblemHttpResult>> Get(HttpContext http, VnTraceDbContext db, Guid id, CancellationToken ct)
    {
        var document = await DocumentAsync(db, id, http.User.OrganizationId(), ct);
        return document is null
            ? EpcisProblems.NotFound($"There is no recall {id} that you opened or were notified of.")
            : TypedResults.Json(document, RecallJson.Default.RecallDocument);
    }

    internal static async Task<Results<JsonHttpResult<RecallDocument>, ProblemHttpResult>> Acknowledge(HttpContext http, RecallService recalls, VnTraceDbContext db, Guid id, AcknowledgeRequest request, CancellationToken ct)
    {
        var refusal = await recalls.AcknowledgeAsync(id, http.User.OrganizationId(), request.QuantityRecovered, request.Note, ct);
        return refusal is not null ? Problem(refusal) : TypedResults.Json((await DocumentAsync(db, id, http.User.OrganizationId(), ct))!, RecallJson.Default.RecallDocument);
    }

    internal static async Task<Results<JsonHttpResult<RecallDocument>, ProblemHttpResult>> Close(HttpContext http, RecallService recalls, VnTraceDbContext db, Guid id, CloseRequest request, CancellationToken ct)
    {
        var caller = http.User.OrganizationId();
        var refusal = await recalls.CloseAsync(id, caller, await IsAuthorityAsync(db, caller, ct), request.Note, ct);
        return refusal is not null ? Problem(refusal) : TypedResults.Json((await DocumentAsync(db, id, caller, ct))!, RecallJson.Default.RecallDocument);
    }

    private static Task<bool> IsAuthorityAsync(VnTraceDbContext db, Guid organizationId, CancellationToken ct) =>
        db.Organizations.AnyAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.Authority, ct);

    private static async Task<RecallDocument?> DocumentAsync(VnTraceDbContext db, Guid id, Guid caller, CancellationToken ct) =>
        await RecallDocuments.ReadAsync(db, id, caller, await IsAuthorityAsync(db, caller, ct), ct);

    private static ProblemHttpResult Problem(RecallRefusal refusal) => refusal.Status switch
    {
        404 => EpcisProblems.NotFound(refusal.Message),
        403 => EpcisProblems.Result(403, EpcisExceptionType.Security, refusal.Message),
        409 => EpcisProblems.Result(409, EpcisExceptionType.Conflict, refusal.Message),
        _ => EpcisProblems.Result(refusal.Status, EpcisExceptionType.Validation, refusal.Message),
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RecallDocument))]
[JsonSerializable(typeof(List<RecallDocument>))]
internal sealed partial class RecallJson : JsonSerializerContext;
