using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Exports;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Programme.Lists;

/// <summary>POST /api/programme/lists/{year}/entries body.</summary>
public sealed record ProposeEntryRequest(string? List, string? ProductGroup, string? Sector, string? Reason, string? GtinPrefix = null,
    Guid? ProductId = null, string? LegalBasis = null, DateOnly? RoadmapDate = null, Guid? ResponsibleAgencyId = null, string[]? Steps = null);

public sealed record DecisionRequest(string? Reason);

public sealed record EntryCreated(Guid Id, string Status);

public sealed record ListEntryResponse(Guid Id, int Year, string List, string ProductGroup, string? GtinPrefix, Guid? ProductId, string Sector,
    Guid ResponsibleAgencyId, string Reason, string? LegalBasis, DateOnly? RoadmapDate, IReadOnlyList<string> Steps, string Status,
    Guid ProposedByAgencyId, DateTime ProposedAt, DateTime? DecidedAt, string? DecisionReason, Guid? CopiedFromId)
{
    public static ListEntryResponse Of(ProductListEntry e) => new(e.Id, e.Year, ProductListService.Word(e.List), e.ProductGroup, e.GtinPrefix,
        e.ProductId, e.Sector, e.ResponsibleAgencyId, e.Reason, e.LegalBasis, e.RoadmapDate, e.Steps, e.Status.ToString().ToLowerInvariant(),
        e.ProposedByAgencyId, e.ProposedAt, e.DecidedAt, e.DecisionReason, e.CopiedFromId);
}

public sealed record EditionResponse(int Year, bool Frozen, int? CopiedFromYear, DateTime? ApprovedAt, string? Decision, IReadOnlyList<ListEntryResponse> Entries);

/// <summary>The yearly product lists: proposals, the DoST's decisions, the frozen editions, the xlsx export.</summary>
public static class ProductListsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/lists/{year:int}", Edition).WithSummary("An edition of the lists with every entry (proposed, approved, rejected); 404 before its first entry.")
            .Produces<EditionResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/lists/{year:int}/export", Export).WithSummary("An edition of the lists as .xlsx.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxExportWriter.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/lists/{year:int}/entries", Propose)
            .WithSummary("Proposes an entry (list mandatory|priority|on_request). 403 for a department outside its sectors; 409 for a duplicate or a frozen edition.")
            .Produces<EntryCreated>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/lists/entries/{id:guid}/approve", Approve).WithSummary("Approves a proposed entry. DoST only (403 for department and commune keys).")
            .Produces<ListEntryResponse>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/lists/entries/{id:guid}/reject", Reject).WithSummary("Rejects a proposed entry with its reason. DoST only.")
            .Produces<ListEntryResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/lists/{year:int}/approve", ApproveEdition)
            .WithSummary("Approves and freezes the year's edition once every proposal is decided; the next year then starts as its copy. DoST only.")
            .Produces<EditionResponse>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Results<Ok<EditionResponse>, ProblemHttpResult>> Edition(int year, ProductListService lists, CancellationToken ct)
    {
        if (await lists.EditionAsync(year, ct) is not { } edition)
            return ProgrammeProblems.Result(Refusal.NotFound($"There is no {year} edition yet."));
        return TypedResults.Ok(Response(edition));
    }

    internal static EditionResponse Response(ListEdition edition) => new(edition.Edition.Year, edition.Edition.Frozen, edition.Edition.CopiedFromYear,
        edition.Edition.ApprovedAt, edition.Edition.Decision, [.. edition.Entries.Select(ListEntryResponse.Of)]);

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(int year, ProductListService lists, VnTraceDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (await lists.EditionAsync(year, ct) is not { } edition)
            return ProgrammeProblems.Result(Refusal.NotFound($"There is no {year} edition yet."));
        var (agencies, products) = await NamesAsync(db, edition, ct);
        var sheet = ProductListExport.Build(edition, agencies, products, clock.GetUtcNow());
        return TypedResults.File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, $"product-lists-{year}.xlsx");
    }

    /// <summary>The agencies' and products' names an edition's entries name.</summary>
    public static async Task<(Dictionary<Guid, string> Agencies, Dictionary<Guid, string> Products)> NamesAsync(VnTraceDbContext db, ListEdition edition, CancellationToken ct)
    {
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var ids = edition.Entries.Where(e => e.ProductId != null).Select(e => e.ProductId!.Value).Distinct().ToList();
        var products = await db.Products.IgnoreTenantFilter("a list entry may name any business's product")
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.NameVi} ({p.Gtin})", ct);
        return (agencies, products);
    }

    internal static async Task<Results<Created<EntryCreated>, ProblemHttpResult>> Propose(int year, ProposeEntryRequest request, HttpContext http,
        ProductListService lists, CancellationToken ct)
    {
        var (entry, refusals) = await lists.ProposeAsync(http.ProgrammeScope(), year, new ListEntryInput(request.List, request.ProductGroup, request.Sector,
            request.Reason, request.GtinPrefix, request.ProductId, request.LegalBasis, request.RoadmapDate, request.ResponsibleAgencyId, request.Steps), ct);
        if (entry is null)
            return ProgrammeProblems.Result(refusals);
        return TypedResults.Created($"/api/programme/lists/{year}", new EntryCreated(entry.Id, "proposed"));
    }

    internal static async Task<Results<Ok<ListEntryResponse>, ProblemHttpResult>> Approve(Guid id, DecisionRequest? request, HttpContext http,
        ProductListService lists, CancellationToken ct)
    {
        var (entry, refusals) = await lists.ApproveAsync(http.ProgrammeScope(), id, request?.Reason, ct);
        return entry is null ? ProgrammeProblems.Result(refusals) : TypedResults.Ok(ListEntryResponse.Of(entry));
    }

    internal static async Task<Results<Ok<ListEntryResponse>, ProblemHttpResult>> Reject(Guid id, DecisionRequest? request, HttpContext http,
        ProductListService lists, CancellationToken ct)
    {
        var (entry, refusals) = await lists.RejectAsync(http.ProgrammeScope(), id, request?.Reason, ct);
        return entry is null ? ProgrammeProblems.Result(refusals) : TypedResults.Ok(ListEntryResponse.Of(entry));
    }

    internal static async Task<Results<Ok<EditionResponse>, ProblemHttpResult>> ApproveEdition(int year, DecisionRequest? request, HttpContext http,
        ProductListService lists, CancellationToken ct)
    {
        var (_, refusals) = await lists.ApproveEditionAsync(http.ProgrammeScope(), year, request?.Reason, ct);
        if (refusals.Count > 0)
            return ProgrammeProblems.Result(refusals);
        return TypedResults.Ok(Response((await lists.EditionAsync(year, ct))!));
    }
}
