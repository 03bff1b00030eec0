using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Server.Platform.Api;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots.Diary;

namespace VnTrace.Server.Capture;

/// <summary>EPCIS 2.0 REST capture interface: POST /capture (documents), POST /events (one event), capture jobs.</summary>
public static class CaptureApi
{
    public static WebApplicationBuilder AddCapture(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("VnTrace:Capture").Get<CaptureOptions>() ?? new CaptureOptions());
        builder.Services.AddScoped<CaptureService>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static IEndpointRouteBuilder MapCaptureApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("")
            .RequireAuthorization("ApiKey")
            .AddEndpointFilter<EpcisHeadersFilter>()
            .WithTags("Capture");

        group.MapPost("/capture", CaptureDocument)
            .WithSummary("Capture an EPCIS document (JSON-LD or XML); all its events or none.")
            .WithDescription("Body: an EPCISDocument as application/ld+json (or application/json) or application/xml (EPCIS 2.0 or 1.2). "
                + "The media type is checked by the handler so that a wrong one gets an EPCIS problem that says what to send.")
            .Produces<JobDocument>(StatusCodes.Status202Accepted)
            .CaptureProblems();
        group.MapPost("/events", CaptureSingleEvent)
            .WithSummary("Capture one EPCIS event (JSON-LD).")
            .WithDescription("Body: one EPCIS event object as application/ld+json, optionally with its own @context.")
            .Produces<CapturedEvent>(StatusCodes.Status201Created)
            .CaptureProblems();
        group.MapGet("/capture", ListJobs).WithSummary("The caller's capture jobs, newest first.");
        group.MapGet("/capture/{captureID}", GetJob).WithSummary("State and errors of one capture job.")
            .Produces<JobDocument>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapMethods("/capture", ["OPTIONS"], DescribeCapture).WithSummary("Capture limits and error behaviour.");
        return app;
    }

    /// <summary>
    /// The problems a capture can answer, for OpenAPI: the handlers return IResult (the capture path writes its
    /// problems itself), so the responses are declared here rather than read from a Results&lt;…&gt; union.
    /// </summary>
    private static RouteHandlerBuilder CaptureProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    internal static async Task<IResult> CaptureDocument(HttpContext http, CaptureService capture, CapturedChronology chronology,
        CaptureOptions options, CancellationToken ct)
    {
        var behaviour = http.Request.Headers["GS1-Capture-Error-Behaviour"].ToString();
        if (behaviour.Length > 0 && !behaviour.Equals("rollback", StringComparison.OrdinalIgnoreCase))
            return EpcisProblems.Result(StatusCodes.Status400BadRequest, EpcisExceptionType.Validation,
                $"GS1-Capture-Error-Behaviour '{behaviour}' is not supported: this repository captures atomically ('rollback').");

        var (document, format, problem) = await ReadEventsAsync(http, options, singleEvent: false, ct);
        if (problem is not null)
            return problem;

        if (await chronology.CheckAsync(http.User.OrganizationId(), document!.Events, CaptureInput.EventPointer(format), ct) is { Count: > 0 } early)
            return EpcisProblems.Validation(early);
        var outcome = await capture.CaptureAsync(http.User.OrganizationId(), document.Events, CaptureInput.EventPointer(format), ct, document.MasterData, CaptureChannel.Api);
        if (!outcome.Success)
            return Refused(outcome);
        http.Response.Headers.Location = $"/capture/{outcome.Job.Id}";
        return TypedResults.Accepted($"/capture/{outcome.Job.Id}", JobDocument.From(outcome.Job));
    }

    internal static async Task<IResult> CaptureSingleEvent(HttpContext http, CaptureService capture, CapturedChronology chronology,
        CaptureOptions options, CancellationToken ct)
    {
        var (document, _, problem) = await ReadEventsAsync(http, options, singleEvent: true, ct);
        if (problem is not null)
            return problem;
        if (await chronology.CheckAsync(http.User.OrganizationId(), document!.Events, _ => "", ct) is { Count: > 0 } early)
            return EpcisProblems.Validation(early);
        var outcome = await capture.CaptureAsync(http.User.OrganizationId(), document.Events, _ => "", ct, channel: CaptureChannel.Api);
        if (!outcome.Success)
            return Refused(outcome);
        var eventId = outcome.EventIds[0];
        return TypedResults.Created($"/events/{Uri.EscapeDataString(eventId)}", new CapturedEvent(eventId, outcome.Job.Id.ToString()));
    }

    private static async Task<(EpcisDocument? Document, CaptureFormat Format, IResult? Problem)> ReadEventsAsync(
        HttpContext http, CaptureOptions options, bool singleEvent, CancellationToken ct)
    {
        var format = CaptureInput.FormatOf(http.Request);
        if (format == CaptureFormat.Unsupported || (singleEvent && format != CaptureFormat.Json))
            return (null, format, EpcisProblems.Result(StatusCodes.Status415UnsupportedMediaType, EpcisExceptionType.UnsupportedMediaType,
                $"Content-Type '{http.Request.ContentType}' is not accepted here; send application/ld+json" + (singleEvent ? "." : " or application/xml.")));

        var body = await CaptureInput.ReadBodyAsync(http.Request, options.MaxBodyBytes, ct);
        if (body is null)
            return (null, format, EpcisProblems.Result(StatusCodes.Status413PayloadTooLarge, EpcisExceptionType.CaptureLimitExceeded,
                $"The body is larger than the capture limit of {options.MaxBodyBytes} bytes; split it into several documents."));

        var read = singleEvent ? EpcisJsonReader.ReadEvent(body) : CaptureInput.ParseDocument(format, body);
        if (!read.Success)
        {
            var errors = read.Errors.Count > 0 ? read.Errors : [new EpcisError("/", "The document could not be read.")];
            return (null, format, EpcisProblems.Validation(errors));
        }
        var events = read.Document!.Events;
        if (events.Count == 0)
            return (null, format, EpcisProblems.Validation([new EpcisError("/epcisBody/eventList", "The document holds no event.")]));
        if (events.Count > options.MaxEvents)
            return (null, format, EpcisProblems.Result(StatusCodes.Status413PayloadTooLarge, EpcisExceptionType.CaptureLimitExceeded,
                $"The document holds {events.Count} events; the capture limit is {options.MaxEvents}."));
        return (read.Document, format, null);
    }

    private static IResult Refused(CaptureOutcome outcome)
    {
        var extensions = new Dictionary<string, object?> { ["captureID"] = outcome.Job.Id.ToString() };
        return outcome.IsConflict
            ? EpcisProblems.Result(StatusCodes.Status409Conflict, EpcisExceptionType.Validation,
                outcome.Errors[0].ToString(), outcome.Errors, extensions)
            : EpcisProblems.Validation(outcome.Errors, extensions);
    }

    internal static async Task<Ok<JobDocument[]>> ListJobs(HttpContext http, VnTraceDbContext db, int? perPage, CancellationToken ct)
    {
        var owner = http.User.OrganizationId();
        var take = Math.Clamp(perPage ?? 30, 1, 1000);
        var jobs = await db.CaptureJobs.Where(j => j.OwnerId == owner)
            .OrderByDescending(j => j.CreatedAt).Take(take).ToListAsync(ct);
        return TypedResults.Ok(jobs.Select(JobDocument.From).ToArray());
    }

    internal static async Task<IResult> GetJob(HttpContext http, VnTraceDbContext db, string captureID, CancellationToken ct)
    {
        if (!Guid.TryParse(captureID, out var id))
            return EpcisProblems.NotFound($"There is no capture job '{captureID}'.");
        var owner = http.User.OrganizationId();
        var job = await db.CaptureJobs.FirstOrDefaultAsync(j => j.Id == id && j.OwnerId == owner, ct);
        return job is null
            ? EpcisProblems.NotFound($"There is no capture job '{captureID}'.")
            : TypedResults.Ok(JobDocument.From(job));
    }

    internal static NoContent DescribeCapture(HttpContext http, CaptureOptions options)
    {
        http.Response.Headers["GS1-EPCIS-Capture-Limit"] = options.MaxEvents.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["GS1-EPCIS-Capture-File-Size-Limit"] = options.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["GS1-Capture-Error-Behaviour"] = "rollback";
        http.Response.Headers.Allow = "OPTIONS, GET, POST";
        return TypedResults.NoContent();
    }

    /// <summary>A capture job as the REST binding describes it (CaptureJob schema).</summary>
    public sealed record JobDocument(
        string CaptureID, DateTime CreatedAt, DateTime? FinishedAt, bool Running, bool Success,
        string CaptureErrorBehaviour, int EventCount, int StoredCount, CaptureJobError[] Errors)
    {
        public static JobDocument From(CaptureJob j) => new(
            j.Id.ToString(), j.CreatedAt, j.FinishedAt, j.Running, j.Success, "rollback", j.EventCount, j.StoredCount,
            j.ErrorsJson is null ? [] : JsonSerializer.Deserialize(j.ErrorsJson, CaptureJson.Default.CaptureJobErrorArray) ?? []);
    }

    public sealed record CapturedEvent(string EventID, string CaptureID);
}
