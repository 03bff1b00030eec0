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
    /// <summary>EPCIS 1.2 XML, for older systems that send GS1-EPCIS-Version: 1.2 with Accept: application/xml.</summary>
    Xml12,
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
                    return request.Headers["GS1-EPCIS-Version"].ToString().StartsWith("1.2", StringComparison.Ordinal)
                        ? ResultFormat.Xml12
                        : ResultFormat.Xml;
            }
        }
        return null;
    }

    /// <summary>The stored events read back into the model.</summary>
    public static List<EpcisEvent> Materialize(IEnumerable<string> storedJson) =>
        storedJson.Select(VnTrace.Server.Platform.Events.StoredEventFormat.Deserialize).ToList();

    /// <summary>An EPCISQueryDocument in the negotiated format.</summary>
    public static IResult QueryDocument(IReadOnlyList<EpcisEvent> events, ResultFormat format, string queryName = "SimpleEventQuery") =>
        new StreamedResult(format, async (stream, ct) =>
        {
            if (format != ResultFormat.JsonLd)
            {
                await using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
                EpcisXmlWriter.WriteQueryDocument(xml, events, queryName, null, XmlVersion(format));
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
            if (format != ResultFormat.JsonLd)
            {
                await using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
                EpcisXmlWriter.WriteDocument(xml, new EpcisDocument { CreationDate = DateTimeOffset.UtcNow, Events = [e] }, XmlVersion(format));
                await xml.FlushAsync();
            }
            else
            {
                await using var json = new Utf8JsonWriter(stream);
                EpcisJsonWriter.WriteEvent(json, e, includeContext: true);
                await json.FlushAsync(ct);
            }
        });

    private static EpcisXmlVersion XmlVersion(ResultFormat format) => format == ResultFormat.Xml12 ? EpcisXmlVersion.V1_2 : EpcisXmlVersion.V2_0;

    private sealed class StreamedResult(ResultFormat format, Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = format == ResultFormat.JsonLd ? JsonLd : Xml + "; charset=utf-8";
            if (format == ResultFormat.Xml12)
                httpContext.Response.Headers["GS1-EPCIS-Version"] = "1.2.0";
            httpContext.Response.Headers[HeaderNames.Vary] = HeaderNames.Accept;
            // The writers are synchronous over a buffer; the buffer goes out asynchronously.
            using var buffer = new MemoryStream();
            await write(buffer, httpContext.RequestAborted);
            buffer.Position = 0;
            await buffer.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
