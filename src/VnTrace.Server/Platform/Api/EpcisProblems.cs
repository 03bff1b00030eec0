using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using VnTrace.Gs1.Epcis;

namespace VnTrace.Server.Platform.Api;

/// <summary>
/// The one mapping from failures to RFC 9457 problem details. The type is "epcisException:&lt;ExceptionType&gt;" as the
/// EPCIS 2.0 REST binding specifies; GS1 input errors add an "errors" array of {path, message}.
/// </summary>
public static class EpcisProblems
{
    public const string ContentType = "application/problem+json";

    public static ProblemHttpResult Result(int status, string exceptionType, string detail, IReadOnlyList<EpcisError>? errors = null,
        IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (errors is { Count: > 0 })
            ext["errors"] = errors.Select(e => new ProblemError(e.Path, e.Message)).ToArray();
        if (extensions is not null)
            foreach (var (k, v) in extensions)
                ext[k] = v;
        return TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: TitleOf(exceptionType),
            type: "epcisException:" + exceptionType,
            extensions: ext);
    }

    public static ProblemHttpResult Validation(IReadOnlyList<EpcisError> errors, IDictionary<string, object?>? extensions = null) =>
        Result(StatusCodes.Status400BadRequest, EpcisExceptionType.Validation,
            errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems in the document; the first: {errors[0]}",
            errors, extensions);

    public static ProblemHttpResult QueryParameter(string detail) =>
        Result(StatusCodes.Status400BadRequest, EpcisExceptionType.QueryParameter, detail);

    public static ProblemHttpResult NotFound(string detail) =>
        Result(StatusCodes.Status404NotFound, EpcisExceptionType.NoSuchName, detail);

    /// <summary>Writes a problem directly, for code that runs outside an endpoint (authentication, middleware).</summary>
    public static async Task Write(HttpContext context, int status, string exceptionType, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, new SimpleProblem(
            "epcisException:" + exceptionType, TitleOf(exceptionType), status, detail), ProblemJson.Default.SimpleProblem);
    }

    /// <summary>
    /// Registers problem details for the whole app: bad request bodies, oversized bodies and unhandled errors all
    /// become problem+json; an unhandled error never shows its stack trace.
    /// </summary>
    public static WebApplicationBuilder AddEpcisProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var exception = ctx.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (exception is BadHttpRequestException bad)
            {
                ctx.ProblemDetails.Status = bad.StatusCode;
                ctx.HttpContext.Response.StatusCode = bad.StatusCode;
                ctx.ProblemDetails.Detail = bad.Message;
            }
            else if (exception is not null && Data.DatabaseHealth.IsUnavailable(exception))
            {
                // The database is down or overloaded, not the request wrong: the client may send it again later.
                ctx.HttpContext.RequestServices.GetRequiredService<Data.DatabaseHealth>().ReportUnavailable();
                ctx.ProblemDetails.Status = StatusCodes.Status503ServiceUnavailable;
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                ctx.HttpContext.Response.Headers.RetryAfter = Data.DatabaseHealth.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ctx.ProblemDetails.Detail = "The database cannot be reached just now; nothing was stored. Send the request again later.";
            }
            else if (ctx.ProblemDetails.Status >= 500)
            {
                ctx.ProblemDetails.Detail = "The server failed to handle the request; it has been logged.";
            }
            // Problems raised by the framework itself (routing's 415, 405, 404…) get the EPCIS type of their status;
            // the programme API's own problems keep their "urn:vntrace:programme:…" types.
            if (ctx.ProblemDetails.Type?.StartsWith("epcisException:", StringComparison.Ordinal) != true
                && ctx.ProblemDetails.Type?.StartsWith("urn:vntrace:", StringComparison.Ordinal) != true)
            {
                var type = ExceptionTypeOf(ctx.ProblemDetails.Status ?? 500);
                ctx.ProblemDetails.Type = "epcisException:" + type;
                ctx.ProblemDetails.Title = TitleOf(type);
            }
            ctx.ProblemDetails.Extensions.Remove("exception");
        });
        return builder;
    }

    public static WebApplication UseEpcisProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static string ExceptionTypeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => EpcisExceptionType.Security,
        StatusCodes.Status404NotFound => EpcisExceptionType.ResourceNotFound,
        StatusCodes.Status406NotAcceptable => EpcisExceptionType.NotAcceptable,
        StatusCodes.Status409Conflict => EpcisExceptionType.Conflict,
        StatusCodes.Status413PayloadTooLarge => EpcisExceptionType.CaptureLimitExceeded,
        StatusCodes.Status415UnsupportedMediaType => EpcisExceptionType.UnsupportedMediaType,
        >= 400 and < 500 => EpcisExceptionType.Validation,
        _ => EpcisExceptionType.Implementation,
    };

    private static string TitleOf(string exceptionType) => exceptionType switch
    {
        EpcisExceptionType.Validation => "The input is not valid",
        EpcisExceptionType.QueryParameter => "A query parameter is not valid",
        EpcisExceptionType.NoSuchName => "Not found",
        EpcisExceptionType.Security => "Not allowed",
        EpcisExceptionType.CaptureLimitExceeded => "The capture is too large",
        EpcisExceptionType.UnsupportedMediaType => "Unsupported media type",
        EpcisExceptionType.NotAcceptable => "Not acceptable",
        EpcisExceptionType.Conflict => "Conflicts with stored data",
        EpcisExceptionType.QueryTooLarge => "The query result is too large",
        EpcisExceptionType.ResourceNotFound => "No such resource",
        _ => "Server error",
    };

    public sealed record ProblemError(string Path, string Message);
    internal sealed record SimpleProblem(string Type, string Title, int Status, string Detail);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(EpcisProblems.SimpleProblem))]
internal sealed partial class ProblemJson : System.Text.Json.Serialization.JsonSerializerContext;
