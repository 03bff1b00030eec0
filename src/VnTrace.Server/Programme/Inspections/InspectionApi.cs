using Microsoft.AspNetCore.Http.HttpResults;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Programme.Inspections;

/// <summary>
/// <c>/api/programme/inspections</c> (plans, visits, checklist, findings, corrective actions, closure) and the
/// contract's <c>POST /api/programme/certifications</c>.
/// </summary>
public static class InspectionApi
{
    public static void Map(RouteGroupBuilder programme)
    {
        programme.MapPost("/certifications", Certify)
            .WithSummary("Records a conformity assessment of a business's traceability system; a pass dated in a year counts in businesses_certified.")
            .Produces<RecordId>(StatusCodes.Status201Created).Problems();
        programme.MapGet("/certifications", Certifications).WithSummary("The conformity assessments in the key's scope, by year and result.");

        var group = programme.MapGroup("/inspections");
        group.MapGet("/checklist/default", DefaultChecklist).WithSummary("The default checklist, drawn from TCVN 12850:2019.");
        group.MapPost("/plans", CreatePlan).WithSummary("An inspection plan of the key's agency; without a checklist it takes the TCVN 12850 default.")
            .Produces<RecordId>(StatusCodes.Status201Created).Problems();
        group.MapGet("/plans", Plans).WithSummary("The inspection plans the key's agency sees.");
        group.MapPost("/plans/{id:guid}/visits", AddVisit).WithSummary("A visit of a business in the key's scope, with the plan's checklist.")
            .Produces<RecordId>(StatusCodes.Status201Created).Problems();
        group.MapGet("/visits", Visits).WithSummary("The visits in the key's scope.");
        group.MapGet("/visits/{id:guid}", Visit).WithSummary("One visit: checklist, findings and corrective actions.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/visits/{id:guid}/checklist/{code}", SetChecklist).WithSummary("The result of one checklist item.")
            .Produces<RecordId>().Problems();
        group.MapPost("/visits/{id:guid}/findings", AddFinding).WithSummary("A finding of the visit.")
            .Produces<RecordId>(StatusCodes.Status201Created).Problems();
        group.MapPost("/findings/{id:guid}/actions", AddAction).WithSummary("A corrective action, due on or after the visit (else 400).")
            .Produces<RecordId>(StatusCodes.Status201Created).Problems();
        group.MapPost("/actions/{id:guid}/done", CompleteAction).WithSummary("Marks a corrective action done.").Produces<RecordId>().Problems();
        group.MapPost("/visits/{id:guid}/close", Close).WithSummary("Closes the visit; 409 while a corrective action is open.").Produces<RecordId>().Problems();
    }

    private static RouteHandlerBuilder Problems(this RouteHandlerBuilder b) => b
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<RecordId>, ProblemHttpResult>> Certify(CertificationInput input, HttpContext http, CertificationService certifications, CancellationToken ct) =>
        SupportApi.ToCreated(await certifications.RecordAsync(http.ProgrammeScope(), input, ct), c => $"/api/programme/certifications/{c.Id}");

    internal static async Task<Ok<List<CertificationView>>> Certifications(int? year, string? result, string? q, HttpContext http, CertificationService certifications, CancellationToken ct) =>
        TypedResults.Ok(await certifications.ListAsync(http.ProgrammeScope(), year, result, q, ct));

    internal static Ok<ChecklistItemInput[]> DefaultChecklist() =>
        TypedResults.Ok(TcvnChecklist.Default.Select(i => new ChecklistItemInput(i.Code, i.Text)).ToArray());

    internal static async Task<Results<Created<RecordId>, ProblemHttpResult>> CreatePlan(InspectionPlanInput input, HttpContext http, InspectionService inspections, CancellationToken ct) =>
        SupportApi.ToCreated(await inspections.CreatePlanAsync(http.ProgrammeScope(), input, ct), p => $"/api/programme/inspections/plans/{p.Id}");

    internal static async Task<Ok<IReadOnlyList<InspectionPlanView>>> Plans(int? year, HttpContext http, InspectionService inspections, CancellationToken ct) =>
        TypedResults.Ok(await inspections.PlansAsync(http.ProgrammeScope(), year, ct));

    internal static async Task<Results<Created<RecordId>, ProblemHttpResult>> AddVisit(Guid id, VisitInput input, HttpContext http, InspectionService inspections, CancellationToken ct) =>
        SupportApi.ToCreated(await inspections.AddVisitAsync(http.ProgrammeScope(), id, input, ct), v => $"/api/programme/inspections/visits/{v.Id}");

    internal static async Task<Ok<List<VisitSummary>>> Visits(Guid? planId, bool? open, string? q, HttpContext http, InspectionQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.VisitsAsync(http.ProgrammeScope(), planId, open, q, ct));

    internal static async Task<Results<Ok<VisitView>, ProblemHttpResult>> Visit(Guid id, HttpContext http, InspectionQueries queries, CancellationToken ct) =>
        await queries.VisitAsync(http.ProgrammeScope(), id, ct) is { } view
            ? TypedResults.Ok(view)
            : ProgrammeProblems.Result(Refusal.NotFound("No inspection visit with this id in your scope."));

    internal static async Task<Results<Ok<RecordId>, ProblemHttpResult>> SetChecklist(Guid id, string code, ChecklistResultInput input, HttpContext http, InspectionService inspections, CancellationToken ct) =>
        SupportApi.ToOk(await inspections.SetChecklistAsync(http.ProgrammeScope(), id, code, input, ct));

    internal static async Task<Results<Created<RecordId>, ProblemHttpResult>> AddFinding(Guid id, FindingInput input, HttpContext http, InspectionService inspections, CancellationToken ct) =>
        SupportApi.ToCreated(await inspections.AddFindingAsync(http.ProgrammeScope(), id, input, ct), _ => $"/api/programme/inspections/visits/{id}");

    internal static async Task<Results<Created<RecordId>, ProblemHttpResult>> AddAction(Guid id, CorrectiveActionInput input, HttpContext http, InspectionService inspections, CancellationToken ct) =>
        SupportApi.ToCreated(await inspections.AddActionAsync(http.ProgrammeScope(), id, input, ct), _ => null);

    internal static async Task<Results<Ok<RecordId>, ProblemHttpResult>> CompleteAction(Guid id, ActionDoneInput input, HttpContext http, InspectionService inspections, CancellationToken ct) =>
        SupportApi.ToOk(await inspections.CompleteActionAsync(http.ProgrammeScope(), id, input, ct));

    internal static async Task<Results<Ok<RecordId>, ProblemHttpResult>> Close(Guid id, CloseInput input, HttpContext http, InspectionService inspections, CancellationToken ct) =>
        SupportApi.ToOk(await inspections.CloseAsync(http.ProgrammeScope(), id, input, ct));
}
