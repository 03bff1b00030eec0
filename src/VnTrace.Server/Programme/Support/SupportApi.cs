using Microsoft.AspNetCore.Http.HttpResults;

namespace VnTrace.Server.Programme.Support;

/// <summary>
/// <c>/api/programme/support</c>: calls, applications and their stages, activities and budget lines. A stage out of
/// order is 409 with the reason; a selection by a department or commune key is 403.
/// </summary>
public static class SupportApi
{
    public static void Map(RouteGroupBuilder programme)
    {
        var group = programme.MapGroup("/support");
        group.MapGet("/calls", ListCalls).WithSummary("The support calls, newest year first, with their criteria (weight, score range).");
        group.MapPost("/calls", CreateCall).WithSummary("Opens a yearly support call with its selection criteria (DoST only).")
            .Produces<RecordId>(StatusCodes.Status201Created).ProducesValidationProblems();
        group.MapPost("/calls/{id:guid}/applications", Apply)
            .WithSummary("Applies for a business in the key's scope; names the business's registered products the support is for.")
            .Produces<CreatedApplication>(StatusCodes.Status201Created).ProducesValidationProblems();
        group.MapGet("/applications", ListApplications).WithSummary("The applications in the key's scope, by call and stage.");
        group.MapGet("/applications/{id:guid}", GetApplication).WithSummary("One application: stage, next steps, scores, decision, activities and budget.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapMove(group, "/applications/{id:guid}/survey", Survey, "Records the survey visit: applied → surveyed.");
        MapMove(group, "/applications/{id:guid}/scores", Score, "Scores every criterion within its range: surveyed → scored.");
        MapMove(group, "/applications/{id:guid}/select", Select, "Xét chọn, selected, with the decision's number and date: scored → selected (DoST only).");
        MapMove(group, "/applications/{id:guid}/reject", Reject, "Xét chọn, rejected, with the decision and a reason: scored → rejected (DoST only).");
        MapMove(group, "/applications/{id:guid}/support", StartSupport, "Support begins: selected → supported (counts in businesses_supported and products_supported).");
        MapMove(group, "/applications/{id:guid}/evaluation", Evaluate, "The evaluation after support: supported → evaluated.");
        group.MapPost("/applications/{id:guid}/activities", AddActivity)
            .WithSummary("A support activity (training, consulting, stamps, software, equipment) with budget lines per funding source, in VND.")
            .Produces<RecordId>(StatusCodes.Status201Created).ProducesValidationProblems();
        group.MapPost("/activities/{id:guid}/budget-lines", AddLine).WithSummary("Another budget line of an activity.")
            .Produces<RecordId>(StatusCodes.Status201Created).ProducesValidationProblems();
        group.MapPost("/budget-lines/{id:guid}/entries", RecordEntry)
            .WithSummary("A commitment or spending on a budget line; past the planned amount only with overrideReason, from a DoST key (else 409).")
            .Produces<RecordId>(StatusCodes.Status201Created).ProducesValidationProblems();
    }

    private static void MapMove(RouteGroupBuilder group, string pattern, Delegate handler, string summary) =>
        group.MapPost(pattern, handler).WithSummary(summary).Produces<StageMoved>().ProducesValidationProblems();

    private static RouteHandlerBuilder ProducesValidationProblems(this RouteHandlerBuilder b) => b
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Ok<IReadOnlyList<SupportCallView>>> ListCalls(int? year, SupportQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.CallsAsync(year, ct));

    internal static async Task<Results<Created<RecordId>, ProblemHttpResult>> CreateCall(SupportCallInput input, HttpContext http, SupportService support, CancellationToken ct) =>
        ToCreated(await support.CreateCallAsync(http.ProgrammeScope(), input, ct), id => $"/api/programme/support/calls/{id.Id}");

    internal static async Task<Results<Created<CreatedApplication>, ProblemHttpResult>> Apply(Guid id, ApplicationInput input, HttpContext http, SupportService support, CancellationToken ct) =>
        ToCreated(await support.ApplyAsync(http.ProgrammeScope(), id, input, ct), a => $"/api/programme/support/applications/{a.Id}");

    internal static async Task<Results<Ok<List<ApplicationSummary>>, ProblemHttpResult>> ListApplications(Guid? callId, string? stage, string? q, HttpContext http, SupportQueries queries, CancellationToken ct)
    {
        SupportStage? s = null;
        if (stage is not null)
        {
            if (!SupportWords.TryStage(stage, out var parsed))
                return ProgrammeProblems.Result(Refusal.Invalid("stage must be applied, surveyed, scored, selected, rejected, supported or evaluated.", "stage"));
            s = parsed;
        }
        return TypedResults.Ok(await queries.ApplicationsAsync(http.ProgrammeScope(), callId, s, q, ct));
    }

    internal static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> GetApplication(Guid id, HttpContext http, SupportQueries queries, CancellationToken ct) =>
        await queries.ApplicationAsync(http.ProgrammeScope(), id, ct) is { } view
            ? TypedResults.Ok(view)
            : ProgrammeProblems.Result(Refusal.NotFound("No support application with this id in your scope."));

    internal static async Task<Results<Ok<StageMoved>, ProblemHttpResult>> Survey(Guid id, SurveyInput input, HttpContext http, SupportService support, CancellationToken ct) =>
        ToOk(await support.SurveyAsync(http.ProgrammeScope(), id, input, ct));

    internal static async Task<Results<Ok<StageMoved>, ProblemHttpResult>> Score(Guid id, ScoresInput input, HttpContext http, SupportService support, CancellationToken ct) =>
        ToOk(await support.ScoreAsync(http.ProgrammeScope(), id, input, ct));

    internal static async Task<Results<Ok<StageMoved>, ProblemHttpResult>> Select(Guid id, DecisionInput input, HttpContext http, SupportService support, CancellationToken ct) =>
        ToOk(await support.DecideAsync(http.ProgrammeScope(), id, select: true, input, ct));

    internal static async Task<Results<Ok<StageMoved>, ProblemHttpResult>> Reject(Guid id, DecisionInput input, HttpContext http, SupportService support, CancellationToken ct) =>
        ToOk(await support.DecideAsync(http.ProgrammeScope(), id, select: false, input, ct));

    internal static async Task<Results<Ok<StageMoved>, ProblemHttpResult>> StartSupport(Guid id, SupportStartInput input, HttpContext http, SupportService support, CancellationToken ct) =>
        ToOk(await support.StartSupportAsync(http.ProgrammeScope(), id, input, ct));

    internal static async Task<Results<Ok<StageMoved>, ProblemHttpResult>> Evaluate(Guid id, EvaluationInput input, HttpContext http, SupportService support, CancellationToken ct) =>
        ToOk(await support.EvaluateAsync(http.ProgrammeScope(), id, input, ct));

    internal static async Task<Results<Created<RecordId>, ProblemHttpResult>> AddActivity(Guid id, ActivityInput input, HttpContext http, SupportBudget budget, CancellationToken ct) =>
        ToCreated(await budget.AddActivityAsync(http.ProgrammeScope(), id, input, ct), _ => $"/api/programme/support/applications/{id}");

    internal static async Task<Results<Created<RecordId>, ProblemHttpResult>> AddLine(Guid id, BudgetLineInput input, HttpContext http, SupportBudget budget, CancellationToken ct) =>
        ToCreated(await budget.AddLineAsync(http.ProgrammeScope(), id, input, ct), _ => null);

    internal static async Task<Results<Created<RecordId>, ProblemHttpResult>> RecordEntry(Guid id, BudgetEntryInput input, HttpContext http, SupportBudget budget, CancellationToken ct) =>
        ToCreated(await budget.RecordAsync(http.ProgrammeScope(), id, input, ct), _ => null);

    internal static Results<Created<T>, ProblemHttpResult> ToCreated<T>(Outcome<T> outcome, Func<T, string?> location) =>
        outcome.Refusal is { } refusal ? ProgrammeProblems.Result(refusal) : TypedResults.Created(location(outcome.Value!), outcome.Value!);

    internal static Results<Ok<T>, ProblemHttpResult> ToOk<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? ProgrammeProblems.Result(refusal) : TypedResults.Ok(outcome.Value!);
}
