using Microsoft.AspNetCore.Http.HttpResults;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Programme.Plans;

/// <summary>
/// The plan over the programme API: <c>GET /api/programme/plans</c>, <c>GET /api/programme/plans/{id}/progress?year=</c>
/// (the contract other departments' systems read), the drill-down records, and for the DoST creating a plan and
/// setting a year's targets.
/// </summary>
public static class PlansApi
{
    public sealed record PlanItem(Guid Id, string Name, int From, int To, string? DecisionNumber, DateOnly? DecisionDate);

    /// <summary>One row of progress: the contract's indicator, target, actual, percent, with the pace beside them.</summary>
    public sealed record ProgressItem(string Indicator, decimal Target, decimal Actual, decimal? Percent, string Unit,
        decimal Expected, string Pace, int? Numerator, int? Denominator);

    public sealed record RecordItem(string Kind, Guid Id, string Title, DateOnly? Date, string? Href);

    public sealed record CreatePlanRequest(string? Name, string? DecisionNumber, DateOnly? DecisionDate, int? From, int? To);

    public sealed record TargetsRequest(Dictionary<string, decimal>? Targets);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/plans", List).WithSummary("The province's plans.").Produces<PlanItem[]>();
        group.MapPost("/plans", Create).WithSummary("Create a plan (DoST only).")
            .Produces<PlanItem>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/plans/{id:guid}/targets/{year:int}", SetTargets)
            .WithSummary("Replace one year's targets of a plan: {\"targets\": {\"articles\": 5, …}} (DoST only).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/plans/{id:guid}/progress", Progress)
            .WithSummary("Every target of the year with its actual, computed now from the records, within the key's scope.")
            .Produces<ProgressItem[]>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/plans/{id:guid}/progress/{indicator}/records", Records)
            .WithSummary("The records that count toward one indicator's actual in the year.")
            .Produces<RecordItem[]>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<List<PlanItem>>> List(PlanService plans, CancellationToken ct) =>
        TypedResults.Ok((await plans.ListAsync(ct)).Select(p => new PlanItem(p.Id, p.Name, p.From, p.To, p.DecisionNumber, p.DecisionDate)).ToList());

    internal static async Task<Results<Created<PlanItem>, ProblemHttpResult>> Create(HttpContext http, PlanService plans, CreatePlanRequest request, CancellationToken ct)
    {
        if (request.From is null || request.To is null)
            return ProgrammeProblems.Result(Refusal.Invalid("A plan needs its first and last year: \"from\" and \"to\".", request.From is null ? "from" : "to"));
        var (plan, refusals) = await plans.CreateAsync(http.ProgrammeScope(),
            new PlanInput(request.Name ?? "", request.DecisionNumber, request.DecisionDate, request.From.Value, request.To.Value), ct);
        if (plan is null)
            return ProgrammeProblems.Result(refusals);
        return TypedResults.Created($"/api/programme/plans/{plan.Id}",
            new PlanItem(plan.Id, plan.Name, plan.FromYear, plan.ToYear, plan.DecisionNumber, plan.DecisionDate));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> SetTargets(HttpContext http, PlanService plans, Guid id, int year,
        TargetsRequest request, CancellationToken ct)
    {
        if (request.Targets is null)
            return ProgrammeProblems.Result(Refusal.Invalid("Send {\"targets\": {\"<indicator>\": <target>, …}}.", "targets"));
        var refusals = await plans.SetTargetsAsync(http.ProgrammeScope(), id, year, request.Targets, ct);
        return refusals.Count == 0 ? TypedResults.NoContent() : ProgrammeProblems.Result(refusals);
    }

    internal static async Task<Results<Ok<List<ProgressItem>>, ProblemHttpResult>> Progress(HttpContext http, PlanService plans,
        ProgressService progress, TimeProvider clock, Guid id, string? year, CancellationToken ct)
    {
        var (plan, y, problem) = await PlanAndYearAsync(plans, clock, id, year, ct);
        if (problem is not null)
            return problem;
        var rows = await progress.ForYearAsync(plan!, y, http.ProgrammeScope(), ct);
        return TypedResults.Ok(rows.Select(r => new ProgressItem(r.Indicator, r.Target, r.Actual, r.Percent, r.IsPercent ? "percent" : "count",
            r.Expected, PaceCode(r.Pace), r.Numerator, r.Denominator)).ToList());
    }

    internal static async Task<Results<Ok<List<RecordItem>>, ProblemHttpResult>> Records(HttpContext http, PlanService plans,
        ProgressService progress, TimeProvider clock, Guid id, string indicator, string? year, CancellationToken ct)
    {
        var (plan, y, problem) = await PlanAndYearAsync(plans, clock, id, year, ct);
        if (problem is not null)
            return problem;
        var records = IndicatorCodes.IsKnown(indicator) ? await progress.RecordsAsync(indicator, y, http.ProgrammeScope(), ct) : null;
        if (records is null)
            return ProgrammeProblems.Result(Refusal.NotFound($"'{indicator}' is not an indicator of the catalogue."));
        return TypedResults.Ok(records.Select(r => new RecordItem(r.Kind, r.Id, r.Title, r.Date, r.Href)).ToList());
    }

    public static string PaceCode(Pace pace) => pace switch
    {
        Pace.NotStarted => "not_started",
        Pace.OnTrack => "on_track",
        Pace.Reached => "reached",
        _ => "behind",
    };

    /// <summary>The plan and the year asked for (this year in Vietnam when not given), or the problem with them.</summary>
    private static async Task<(ProgrammePlan? Plan, int Year, ProblemHttpResult? Problem)> PlanAndYearAsync(PlanService plans, TimeProvider clock,
        Guid id, string? year, CancellationToken ct)
    {
        var plan = await plans.FindAsync(id, ct);
        if (plan is null)
            return (null, 0, ProgrammeProblems.Result(Refusal.NotFound($"There is no plan {id}.")));
        int y;
        if (string.IsNullOrEmpty(year))
            y = Math.Clamp(VietnamTime.Today(clock).Year, plan.FromYear, plan.ToYear);
        else if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out y))
            return (null, 0, ProgrammeProblems.Result(Refusal.Invalid($"year '{year}' is not a year.", "year")));
        if (y < plan.FromYear || y > plan.ToYear)
            return (null, 0, ProgrammeProblems.Result(Refusal.Invalid($"The plan runs {plan.FromYear}–{plan.ToYear}; {y} is outside it.", "year")));
        return (plan, y, null);
    }
}
