using Microsoft.AspNetCore.Http.HttpResults;
using VnTrace.Server.Exports;

namespace VnTrace.Server.Programme.Surveys;

public sealed record SurveyCreated(Guid Id);

/// <summary>An officer keys in one business's answers.</summary>
public sealed record SurveyResponseInput(Guid OrganizationId, IReadOnlyList<AnswerInput>? Answers);

/// <summary><c>/api/programme/surveys</c>: send a needs survey, key in a business's answers, read the summary, export the answers.</summary>
public static class SurveysApi
{
    public static void Map(RouteGroupBuilder group)
    {
        var surveys = group.MapGroup("/surveys");
        surveys.MapPost("/", Create)
            .WithSummary("Sends a questionnaire (single_choice, multiple_choice, number, text) to chosen approved businesses in the key's scope.")
            .Produces<SurveyCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        surveys.MapGet("/", List).WithSummary("The surveys in the key's scope.").Produces<SurveyListItem[]>();
        surveys.MapGet("/{id:guid}/summary", Summary)
            .WithSummary("Per question: counts and shares of each option, or count, min, mean and max of numbers, or the texts.")
            .Produces<SurveySummary>().ProducesProblem(StatusCodes.Status404NotFound);
        surveys.MapGet("/{id:guid}/answers.xlsx", Export)
            .WithSummary("Every business's answers as an Excel workbook.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxExportWriter.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        surveys.MapGet("/{id:guid}/summary.xlsx", SummaryExport)
            .WithSummary("The summary per question (counts and shares, number statistics, text answers) as an Excel workbook.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxExportWriter.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        surveys.MapPost("/{id:guid}/responses", Answer)
            .WithSummary("Keys in one business's answers (replacing any earlier ones).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Results<Created<SurveyCreated>, ProblemHttpResult>> Create(SurveyInput input, HttpContext http, SurveyService service, CancellationToken ct)
    {
        var (id, refusals) = await service.CreateAsync(http.ProgrammeScope(), input, ct);
        return id is { } created
            ? TypedResults.Created($"/api/programme/surveys/{created}/summary", new SurveyCreated(created))
            : ProgrammeProblems.Result(refusals);
    }

    internal static async Task<Ok<IReadOnlyList<SurveyListItem>>> List(HttpContext http, SurveyService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(http.ProgrammeScope(), ct));

    internal static async Task<Results<Ok<SurveySummary>, ProblemHttpResult>> Summary(Guid id, HttpContext http, SurveyService service,
        SurveySummaries summaries, CancellationToken ct) =>
        await service.GetAsync(http.ProgrammeScope(), id, ct) is { } survey
            ? TypedResults.Ok(await summaries.SummarizeAsync(survey, ct))
            : ProgrammeProblems.Result(Refusal.NotFound("No such survey in your scope."));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid id, HttpContext http, SurveyService service,
        SurveySummaries summaries, CancellationToken ct) =>
        await service.GetAsync(http.ProgrammeScope(), id, ct) is { } survey
            ? TypedResults.File(await summaries.ExportAsync(survey, ct), XlsxExportWriter.ContentType, "survey-answers.xlsx")
            : ProgrammeProblems.Result(Refusal.NotFound("No such survey in your scope."));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SummaryExport(Guid id, HttpContext http, SurveyService service,
        SurveySummaries summaries, CancellationToken ct) =>
        await service.GetAsync(http.ProgrammeScope(), id, ct) is { } survey
            ? TypedResults.File(SurveySummaries.SummaryWorkbook(await summaries.SummarizeAsync(survey, ct)), XlsxExportWriter.ContentType, "survey-summary.xlsx")
            : ProgrammeProblems.Result(Refusal.NotFound("No such survey in your scope."));

    internal static async Task<Results<NoContent, ProblemHttpResult>> Answer(Guid id, SurveyResponseInput input, HttpContext http,
        SurveyService service, CancellationToken ct)
    {
        var refusals = await service.AnswerForAsync(http.ProgrammeScope(), id, input.OrganizationId, input.Answers ?? [], ct);
        return refusals.Count > 0 ? ProgrammeProblems.Result(refusals) : TypedResults.NoContent();
    }
}
