using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.Net.Http.Headers;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Epcis.Xml;

namespace VnTrace.Server.Query;

public enum ResultFormat
{
    JsonLd,
    Xml,
}

/// <summary>Content negotiation for EPCIS results, and the streamed query documents themselves.</summary>
public static class EventResults
{
    public const string JsonLd = "application/ld+json";
    public const string Xml = "application/xml";

    /// <summary>The format the client accepts, preferring JSON-LD; null when it accepts neither.</summary>
    public static ResultFormat? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0)
            return ResultFormat.JsonLd;
        foreach (var media in accept.OrderByDescending(m => m.Quality ?? 1.0))
        {
            var type = media.MediaType.Value?.ToLowerInvariant();
            switch (type)
            {
                case "application/ld+json" or "application/json" or "application/*" or "*/*":
                    return ResultFormat.JsonLd;
                case "application/xml" or "text/xml":
                    return ResultFormat.Xml;
            }
        }
        return null;
    }

    /// <summary>The stored events read back into the model.</summary>
    public static List<EpcisEvent> Materialize(IEnumerable<string> storedJson) =>
        storedJson.Select(Events.StoredEventFormat.Deserialize).ToList();

    /// <summary>An EPCISQueryDocument in the negotiated format.</summary>
    public static IResult QueryDocument(IReadOnlyList<EpcisEvent> events, ResultFormat format, string queryName = "SimpleEventQuery") =>
        new StreamedResult(format, async (stream, ct) =>
        {
            if (format == ResultFormat.Xml)
            {
                await using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
                EpcisXmlWriter.WriteQueryDocument(xml, events, queryName, null, EpcisXmlVersion.V2_0);
                await xml.FlushAsync();
            }
            else
            {
                await using var json = new Utf8JsonWriter(stream);
                EpcisJsonWriter.WriteQueryDocument(json, events, queryName, null);
                await json.FlushAsync(ct);
            }
        });

    /// <summary>One event alone, as JSON-LD with its @context, or as an XML EPCISDocument holding it.</summary>
    public static IResult SingleEvent(EpcisEvent e, ResultFormat format) =>
        new StreamedResult(format, async (stream, ct) =>
        {
            if (format == ResultFormat.Xml)
            {
                await using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
                EpcisXmlWriter.WriteDocument(xml, new EpcisDocument { CreationDate = DateTimeOffset.UtcNow, Events = [e] }, EpcisXmlVersion.V2_0);
                await xml.FlushAsync();
            }
            else
            {
                await using var json = new Utf8JsonWriter(stream);
                EpcisJsonWriter.WriteEvent(json, e, includeContext: true);
                await json.FlushAsync(ct);
            }
        });

    private sealed class StreamedResult(ResultFormat format, Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = format == ResultFormat.Xml ? Xml + "; charset=utf-8" : JsonLd;
            httpContext.Response.Headers[HeaderNames.Vary] = HeaderNames.Accept;
            // The writers are synchronous over a buffer; the buffer goes out asynchronously.
            using var buffer = new MemoryStream();
            await write(buffer, httpContext.RequestAborted);
            buffer.Position = 0;
            await buffer.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
