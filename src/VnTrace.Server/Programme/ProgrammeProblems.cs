using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VnTrace.Server.Programme;

/// <summary>A programme rule's refusal: what kind, and a sentence for the person or system that asked.</summary>
public enum RefusalKind
{
    /// <summary>The input is wrong (400): out of range, missing, dates in the wrong order.</summary>
    Invalid,
    /// <summary>The caller's role or scope does not allow it (403).</summary>
    Forbidden,
    /// <summary>No such record in the caller's scope (404).</summary>
    NotFound,
    /// <summary>The record's state does not allow it (409): a duplicate, a frozen edition, a stage out of order.</summary>
    Conflict,
}

/// <summary>Why a programme service refused; <see cref="Field"/> names the input at fault when there is one.</summary>
public sealed record Refusal(RefusalKind Kind, string Message, string? Field = null, int? Row = null)
{
    public static Refusal Invalid(string message, string? field = null) => new(RefusalKind.Invalid, message, field);
    public static Refusal Forbidden(string message) => new(RefusalKind.Forbidden, message);
    public static Refusal NotFound(string message) => new(RefusalKind.NotFound, message);
    public static Refusal Conflict(string message, string? field = null) => new(RefusalKind.Conflict, message, field);
}

/// <summary>
/// RFC 9457 problems of the programme API. The type is "urn:vntrace:programme:&lt;kind&gt;" (invalid, forbidden,
/// not-found, conflict, unauthorized); a refusal that names an input adds "errors": [{field, row, message}].
/// </summary>
public static class ProgrammeProblems
{
    public const string ContentType = "application/problem+json";

    public static ProblemHttpResult Result(Refusal refusal) => Result([refusal]);

    public static ProblemHttpResult Result(IReadOnlyList<Refusal> refusals)
    {
        var first = refusals[0];
        var (status, kind, title) = Describe(first.Kind);
        var errors = refusals.Where(r => r.Field is not null || r.Row is not null)
            .Select(r => new ProgrammeError(r.Field, r.Row, r.Message)).ToArray();
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (errors.Length > 0)
            extensions["errors"] = errors;
        return TypedResults.Problem(
            detail: refusals.Count == 1 ? first.Message : $"{refusals.Count} problems; the first: {first.Message}",
            statusCode: status, title: title, type: "urn:vntrace:programme:" + kind, extensions: extensions);
    }

    /// <summary>For code outside an endpoint (the agency-key handler).</summary>
    public static async Task Write(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        var kind = status == StatusCodes.Status401Unauthorized ? "unauthorized" : "forbidden";
        var title = status == StatusCodes.Status401Unauthorized ? "An agency key is required" : "Not allowed";
        await JsonSerializer.SerializeAsync(context.Response.Body,
            new ProgrammeProblemBody("urn:vntrace:programme:" + kind, title, status, detail), ProgrammeProblemJson.Default.ProgrammeProblemBody);
    }

    private static (int Status, string Kind, string Title) Describe(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => (StatusCodes.Status400BadRequest, "invalid", "The request is not valid"),
        RefusalKind.Forbidden => (StatusCodes.Status403Forbidden, "forbidden", "Not allowed"),
        RefusalKind.NotFound => (StatusCodes.Status404NotFound, "not-found", "Not found"),
        _ => (StatusCodes.Status409Conflict, "conflict", "Conflicts with what is recorded"),
    };

    public sealed record ProgrammeError(string? Field, int? Row, string Message);

    internal sealed record ProgrammeProblemBody(string Type, string Title, int Status, string Detail);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ProgrammeProblems.ProgrammeProblemBody))]
internal sealed partial class ProgrammeProblemJson : System.Text.Json.Serialization.JsonSerializerContext;
