using Microsoft.AspNetCore.Http.HttpResults;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Risk;

/// <summary>POST /api/programme/risk/assess body: k, c, p; with productGroup or productId the assessment is stored.</summary>
public sealed record RiskAssessRequest(decimal? K, decimal? C, decimal? P, string? ProductGroup = null, Guid? ProductId = null,
    DateOnly? EffectiveFrom = null, string? Basis = null);

/// <param name="Id">The stored assessment, when a group or product was named.</param>
public sealed record RiskAssessResponse(decimal R, string Level, Guid? Id = null);

public sealed record GroupRiskResponse(string ProductGroup, string Level, string Source, decimal? R, DateOnly EffectiveFrom, string? Basis);

public sealed record HighRiskImportResponse(int Imported);

/// <summary>The risk classification of Law 78/2025/QH15 and Decree 37/2026 (R = k × C × P) and the ministries' high-risk lists.</summary>
public static class RiskApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/risk/assess", Assess)
            .WithSummary("R = k × C × P and its level (low < 4.5 ≤ medium < 16 ≤ high); with productGroup or productId the assessment is stored.")
            .Produces<RiskAssessResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/risk/groups", Groups)
            .WithSummary("Each assessed product group's level on a day (default today): a ministry high-risk list in force, else its latest assessment.")
            .Produces<GroupRiskResponse[]>();
        group.MapPost("/risk/high-risk-lists", Import).DisableAntiforgery()
            .WithSummary("Imports a ministry's high-risk list (multipart 'file', xlsx or CSV with columns group and effective date): all rows or none, bad rows reported by row. DoST only.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<HighRiskImportResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static async Task<Results<Ok<RiskAssessResponse>, ProblemHttpResult>> Assess(RiskAssessRequest request, HttpContext http, RiskService risk, CancellationToken ct)
    {
        var (stored, r, level, refusals) = await risk.AssessAsync(http.ProgrammeScope(),
            new RiskInput(request.K, request.C, request.P, request.ProductGroup, request.ProductId, request.EffectiveFrom, request.Basis), ct);
        if (refusals.Count > 0)
            return ProgrammeProblems.Result(refusals);
        return TypedResults.Ok(new RiskAssessResponse(r, RiskRule.Word(level), stored?.Id));
    }

    internal static async Task<Ok<List<GroupRiskResponse>>> Groups(DateOnly? day, RiskService risk, TimeProvider clock, CancellationToken ct)
    {
        var groups = await risk.GroupsAsync(day ?? Platform.Text.VietnamTime.Today(clock), ct);
        return TypedResults.Ok(groups.Select(g => new GroupRiskResponse(g.ProductGroup, RiskRule.Word(g.Level),
            g.Source == RiskSource.MinistryList ? "ministry_list" : "assessment", g.R, g.EffectiveFrom, g.Basis)).ToList());
    }

    internal static async Task<Results<Created<HighRiskImportResponse>, ProblemHttpResult>> Import(HttpContext http, RiskService risk, CancellationToken ct)
    {
        var scope = http.ProgrammeScope();
        if (!scope.CanApprove)
            return ProgrammeProblems.Result(Refusal.Forbidden("Only DoST officers import the ministries' high-risk lists."));
        if (!http.Request.HasFormContentType)
            return ProgrammeProblems.Result(Refusal.Invalid("Send the list as multipart/form-data with a 'file' part.", "file"));
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file)
            return ProgrammeProblems.Result(Refusal.Invalid("Send the list as multipart/form-data with a 'file' part.", "file"));
        await using var stream = file.OpenReadStream();
        var (imported, refusals) = await risk.ImportHighRiskListAsync(scope, stream, file.FileName, form["basis"].ToString(), ct);
        if (refusals.Count > 0)
            return ProgrammeProblems.Result(refusals);
        return TypedResults.Created("/api/programme/risk/groups", new HighRiskImportResponse(imported));
    }
}
