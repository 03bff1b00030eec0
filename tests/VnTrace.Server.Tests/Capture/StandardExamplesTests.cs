using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Hashing;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Epcis.Xml;
using VnTrace.Gs1.Tests;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Capture;

/// <summary>
/// Every example document of the GS1 EPCIS 2.0 standard (walked in ../shared/standards/gs1-epcis at test time, so
/// a new example is tested too) and every hand-written document of the library's tests is captured through the
/// API and comes back from GET /events — as JSON-LD and as XML — equivalent to what was sent.
/// </summary>
public abstract class StandardExamplesTests(AppFixture fixture)
{
    /// <summary>Examples that are responses or not EPCIS documents to capture, with the reason.</summary>
    private static readonly Dictionary<string, string> NotCaptureInput = new(StringComparer.Ordinal)
    {
        ["XML/CaptureJob"] = "capture-job documents are responses of /capture, not input",
        ["JSON/EPCISQueryDocument.jsonld"] = "a query response document, not capture input",
    };

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        if (SharedStandards.Root is { } root)
        {
            var examples = Path.Combine(root, "gs1-epcis");
            foreach (var file in Directory.EnumerateFiles(examples, "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".jsonld", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal))
                         .Where(f => f.StartsWith(Path.Combine(examples, "JSON") + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                                     || f.StartsWith(Path.Combine(examples, "XML") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
                data.Add("shared:" + Path.GetRelativePath(examples, file));
        }
        else
        {
            data.Add("shared:(absent)");
        }
        var own = Path.Combine(AppContext.BaseDirectory, "TestData");
        foreach (var file in Directory.EnumerateFiles(own, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".jsonld", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
            data.Add("own:" + Path.GetRelativePath(own, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Example_is_captured_and_comes_back_equivalent(string document)
    {
        var path = Resolve(document);
        var bytes = await File.ReadAllBytesAsync(path);
        var isXml = path.EndsWith(".xml", StringComparison.Ordinal);
        var sent = isXml ? EpcisXmlReader.ReadDocument(new MemoryStream(bytes)) : EpcisJsonReader.ReadDocument(bytes);
        // A bare event (with its own @context) is captured through POST /events.
        var singleEvent = !isXml && !sent.Success && EpcisJsonReader.ReadEvent(bytes).Success;
        if (singleEvent)
            sent = EpcisJsonReader.ReadEvent(bytes);
        if (sent.Document is null || (!singleEvent && !IsCaptureInput(sent.Document, bytes)))
            Assert.Skip($"{document} is not an EPCIS document to capture (errors: {string.Join("; ", sent.Errors.Take(3))})");
        Assert.True(sent.Success, $"{document} does not read: {string.Join("; ", sent.Errors)}");

        var (_, client) = await fixture.App.CreateOrganizationClientAsync("example");
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(isXml ? "application/xml" : "application/ld+json");
        var response = await client.PostAsync(singleEvent ? "/events" : "/capture", content);
        Assert.True(response.StatusCode == (singleEvent ? HttpStatusCode.Created : HttpStatusCode.Accepted), $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        // Same syntax out as in: equivalent field for field. The other syntax: the same events, readable.
        var expected = Distinct(sent.Document.Events);
        var (same, other) = isXml ? ("application/xml", "application/ld+json") : ("application/ld+json", "application/xml");
        AssertEquivalent(expected, await QueryAsync(client, same), same);
        var converted = await QueryRawAsync(client, other);
        Assert.Equal(expected.Count, Count(converted, other));
    }

    private static string Resolve(string document)
    {
        var (source, relative) = (document[..document.IndexOf(':')], document[(document.IndexOf(':') + 1)..]);
        if (source == "own")
            return Path.Combine(AppContext.BaseDirectory, "TestData", relative);
        if (relative == "(absent)")
            Assert.Skip("../shared/standards is not present on this machine; the hand-written documents cover the same ground");
        var skip = NotCaptureInput.FirstOrDefault(n => relative.Replace('\\', '/').StartsWith(n.Key, StringComparison.Ordinal));
        if (skip.Key is not null)
            Assert.Skip($"{relative}: {skip.Value}");
        return SharedStandards.PathOf("gs1-epcis", relative);
    }

    /// <summary>An EPCISDocument with events; query documents are responses and master-data-only documents hold no event.</summary>
    private static bool IsCaptureInput(EpcisDocument document, byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        return document.Events.Count > 0 && !head.Contains("EPCISQueryDocument", StringComparison.Ordinal);
    }

    /// <summary>What the repository keeps: a repeated event (same eventID or hash, same declaration state) once.</summary>
    private static List<EpcisEvent> Distinct(List<EpcisEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return events.Where(e => seen.Add((e.EventId ?? EventHash.Compute(e)) + (e.ErrorDeclaration is null ? "" : "#ed"))).ToList();
    }

    private static async Task<byte[]> QueryRawAsync(HttpClient client, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events?perPage=1000");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(body));
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>Events in a query document, counted without our own reader (XML-only constructs may not map to JSON-LD).</summary>
    private static int Count(byte[] body, string mediaType)
    {
        if (mediaType == "application/xml")
        {
            var eventList = System.Xml.Linq.XDocument.Load(new MemoryStream(body)).Descendants("EventList").Single();
            return eventList.Elements().Count();
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("epcisBody").GetProperty("queryResults").GetProperty("resultsBody").GetProperty("eventList").GetArrayLength();
    }

    private static async Task<List<EpcisEvent>> QueryAsync(HttpClient client, string mediaType)
    {
        var body = await QueryRawAsync(client, mediaType);
        var read = mediaType == "application/xml" ? EpcisXmlReader.ReadDocument(new MemoryStream(body)) : EpcisJsonReader.ReadDocument(body);
        Assert.True(read.Success, $"the {mediaType} result does not read back: {string.Join("; ", read.Errors)}");
        return read.Document!.Events;
    }

    /// <summary>
    /// Equivalent: the same events in capture order, each with the same CBV 2.0 pre-hash (every field that carries
    /// meaning, in canonical form), the same eventID (the hash ID where none was sent), the same error declaration,
    /// and the same canonical JSON-LD apart from what the repository adds (recordTime, a missing eventID).
    /// </summary>
    private static void AssertEquivalent(List<EpcisEvent> sent, List<EpcisEvent> returned, string format)
    {
        Assert.True(sent.Count == returned.Count, $"{format}: sent {sent.Count} events, got {returned.Count}");
        for (var i = 0; i < sent.Count; i++)
        {
            var (s, r) = (sent[i], returned[i]);
            Assert.Equal(EventHash.PreHash(s), EventHash.PreHash(r));
            Assert.Equal(s.EventId ?? EventHash.Compute(s), r.EventId);
            Assert.NotNull(r.RecordTime);
            Assert.Equal(Canonical(s), Canonical(r));
        }
    }

    private static string Canonical(EpcisEvent e)
    {
        var copy = EpcisJsonReader.ReadEvent(Serialize(e)).Document!.Events[0];
        copy.RecordTime = null;
        copy.EventId = null;
        return Encoding.UTF8.GetString(Serialize(copy));
    }

    private static byte[] Serialize(EpcisEvent e)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            EpcisJsonWriter.WriteEvent(writer, e, includeContext: true);
        return buffer.ToArray();
    }
}

public sealed class SqliteStandardExamplesTests(SqliteAppFixture fixture) : StandardExamplesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresStandardExamplesTests(PostgresAppFixture fixture) : StandardExamplesTests(fixture), IClassFixture<PostgresAppFixture>;
