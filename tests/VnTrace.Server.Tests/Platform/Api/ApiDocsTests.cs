using System.Text.Json;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Platform.Api;

/// <summary>The OpenAPI document lists the problem responses a handler's Results&lt;…&gt; can give, not only its success.</summary>
public sealed class ApiDocsTests(PostgresServer postgres)
{
    [Fact]
    public async Task OpenApi_lists_the_recall_trace_capture_query_and_export_endpoints_problem_responses_beside_their_documents()
    {
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");

        static JsonElement Responses(JsonElement paths, string path, string method) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("responses");
        static bool IsProblem(JsonElement responses, string status) =>
            responses.TryGetProperty(status, out var r) && r.GetProperty("content").TryGetProperty("application/problem+json", out _);

        var get = Responses(paths, "/api/recalls/{id}", "get");
        Assert.True(get.TryGetProperty("200", out var ok) && ok.GetProperty("content").TryGetProperty("application/json", out _), get.ToString());
        Assert.True(IsProblem(get, "404"), get.ToString());

        var open = Responses(paths, "/api/recalls", "post");
        Assert.True(open.TryGetProperty("201", out _), open.ToString());
        Assert.True(IsProblem(open, "400") && IsProblem(open, "403") && IsProblem(open, "404"), open.ToString());

        var acknowledge = Responses(paths, "/api/recalls/{id}/acknowledgement", "post");
        Assert.True(IsProblem(acknowledge, "404") && IsProblem(acknowledge, "409"), acknowledge.ToString());

        var trace = Responses(paths, "/api/trace", "get");
        Assert.True(trace.TryGetProperty("200", out _) && IsProblem(trace, "400") && IsProblem(trace, "404"), trace.ToString());

        // The EPCIS capture and query interface: its handlers return IResult and declare what they answer.
        foreach (var (path, success) in new[] { ("/capture", "202"), ("/events", "201") })
        {
            var capture = Responses(paths, path, "post");
            Assert.True(capture.TryGetProperty(success, out _), capture.ToString());
            Assert.True(IsProblem(capture, "400") && IsProblem(capture, "409") && IsProblem(capture, "413") && IsProblem(capture, "415"), capture.ToString());
        }
        Assert.True(IsProblem(Responses(paths, "/capture/{captureID}", "get"), "404"));
        foreach (var path in new[] { "/events", "/eventTypes/{eventType}/events", "/epcs/{epc}/events", "/bizSteps/{value}/events",
                     "/dispositions/{value}/events", "/bizLocations/{value}/events", "/readPoints/{value}/events" })
        {
            var query = Responses(paths, path, "get");
            Assert.True(query.TryGetProperty("200", out _), query.ToString());
            Assert.True(IsProblem(query, "400") && IsProblem(query, "406") && IsProblem(query, "413"), query.ToString());
        }
        var one = Responses(paths, "/events/{eventID}", "get");
        Assert.True(IsProblem(one, "404") && IsProblem(one, "406"), one.ToString());

        foreach (var path in new[] { "/api/exports/critical-tracking-events", "/api/exports/minimum-data-set" })
        {
            var export = Responses(paths, path, "get");
            Assert.True(export.TryGetProperty("200", out _) && IsProblem(export, "400") && IsProblem(export, "406") && IsProblem(export, "413"), export.ToString());
        }
    }
}
