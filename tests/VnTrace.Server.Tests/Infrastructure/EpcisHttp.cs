using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>Small helpers for talking EPCIS to the server in tests.</summary>
public static class EpcisHttp
{
    public const string Context = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    public static Task<HttpResponseMessage> PostJsonLd(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/ld+json"));

    public static Task<HttpResponseMessage> PostXml(this HttpClient client, string path, string xml) =>
        client.PostAsync(path, new StringContent(xml, Encoding.UTF8, "application/xml"));

    /// <summary>An EPCISDocument around the given event objects (JSON text each).</summary>
    public static string Document(params string[] events) => $$"""
        {
          "@context": ["{{Context}}", { "vnt": "https://vntrace.vn/test/" }],
          "type": "EPCISDocument",
          "schemaVersion": "2.0",
          "creationDate": "2026-11-25T08:00:00+07:00",
          "epcisBody": { "eventList": [ {{string.Join(",", events)}} ] }
        }
        """;

    /// <summary>An ObjectEvent with sensible defaults; the arguments override its main fields.</summary>
    public static string ObjectEvent(string epc = "urn:epc:id:sgtin:8936012.000010.1001", string time = "2026-10-20T07:00:00+07:00",
        string bizStep = "commissioning", string action = "ADD", string? eventId = null, string? bizLocation = "urn:epc:id:sgln:8936012.00002.0",
        string extra = "") => $$"""
        {
          "type": "ObjectEvent",
          {{(eventId is null ? "" : $"\"eventID\": \"{eventId}\",")}}
          "eventTime": "{{time}}",
          "eventTimeZoneOffset": "+07:00",
          "epcList": ["{{epc}}"],
          "action": "{{action}}",
          "bizStep": "{{bizStep}}",
          "readPoint": { "id": "urn:epc:id:sgln:8936012.00002.0" }
          {{(bizLocation is null ? "" : $", \"bizLocation\": {{ \"id\": \"{bizLocation}\" }}")}}
          {{extra}}
        }
        """;

    public static async Task<JsonObject> ReadJsonObject(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The events of an EPCISQueryDocument response.</summary>
    public static async Task<JsonArray> ReadEvents(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray();
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and EPCIS exception type; returns its body.</summary>
    public static async Task<JsonObject> AssertProblem(this HttpResponseMessage response, int status, string exceptionType)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("epcisException:" + exceptionType, problem["type"]?.GetValue<string>());
        return problem;
    }

    public static string Ids(JsonArray events) =>
        string.Join(",", events.Select(e => e!["eventID"]?.GetValue<string>()));

    public static MediaTypeWithQualityHeaderValue Accept(string mediaType) => new(mediaType);

    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };
}
