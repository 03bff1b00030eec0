using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Epcis.Xml;

namespace VnTrace.Server.Capture;

/// <summary>How a capture body was written, from its Content-Type.</summary>
public enum CaptureFormat
{
    Unsupported,
    Json,
    Xml,
}

/// <summary>Reads a capture request body within the configured limits and parses it by Content-Type.</summary>
public static class CaptureInput
{
    public static CaptureFormat FormatOf(HttpRequest request)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/json" or "application/ld+json" => CaptureFormat.Json,
            "application/xml" or "text/xml" => CaptureFormat.Xml,
            _ => CaptureFormat.Unsupported,
        };
    }

    /// <summary>The body as bytes, or null when it exceeds <paramref name="maxBytes"/> (announced or actual).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream(request.ContentLength is > 0 and < int.MaxValue ? (int)request.ContentLength.Value : 8192);
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static EpcisReadResult ParseDocument(CaptureFormat format, byte[] body) => format switch
    {
        CaptureFormat.Json => EpcisJsonReader.ReadDocument(body),
        CaptureFormat.Xml => EpcisXmlReader.ReadDocument(new MemoryStream(body, writable: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Where event i sits in the input, for error messages.</summary>
    public static Func<int, string> EventPointer(CaptureFormat format) => format == CaptureFormat.Xml
        ? i => $"/EPCISDocument/EPCISBody/EventList/*[{i + 1}]"
        : i => $"/epcisBody/eventList/{i}";
}
