using System.Text.Json;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>The bytes of a JSON document before any field is read: UTF-8, well-formed JSON, an object.</summary>
internal static class JsonInput
{
    /// <summary>
    /// A string or name escaping half of a UTF-16 surrogate pair ("\uD800") is not Unicode text (RFC 8259 §8.2):
    /// System.Text.Json reads it only to fail when the string is decoded, wherever that is. The fields the reader
    /// decodes itself report their pointer (<see cref="JsonFieldReader"/>); this is the net for the others.
    /// </summary>
    internal static EpcisReadResult LoneSurrogate() => new()
    {
        Errors = [new EpcisError("", "the document escapes an unpaired UTF-16 surrogate (\\uD800–\\uDFFF), which is not Unicode text")],
    };

    internal static bool HasEscapedSurrogate(ReadOnlySpan<byte> utf8Json)
    {
        for (var i = utf8Json.IndexOf("\\u"u8); i >= 0 && i + 3 < utf8Json.Length; )
        {
            if (utf8Json[i + 2] is (byte)'d' or (byte)'D' && utf8Json[i + 3] is >= (byte)'8' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F')
                return true;
            var next = utf8Json[(i + 2)..].IndexOf("\\u"u8);
            i = next < 0 ? -1 : i + 2 + next;
        }
        return false;
    }

    internal static bool TryParse(ReadOnlySpan<byte> utf8Json, List<EpcisError> errors, out JsonDocument root)
    {
        root = null!;
        // RFC 8259 §8.1: JSON text is UTF-8. System.Text.Json checks the bytes of a string only when it is decoded,
        // so a bad byte would surface far from here, as an exception rather than an answer.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            errors.Add(new EpcisError("", $"the document is not valid UTF-8 (byte {FirstInvalidByte(utf8Json) + 1})"));
            return false;
        }
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            root = JsonDocument.ParseValue(ref reader);
            // One more read: the reader throws on anything but whitespace after the value.
            reader.Read();
        }
        catch (JsonException e)
        {
            root?.Dispose();
            var where = e.LineNumber is { } line
                ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}"
                : "";
            errors.Add(new EpcisError("", $"malformed JSON{where}: {FirstSentence(e.Message)}"));
            return false;
        }
        if (root.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new EpcisError("", $"expected a JSON object, found {JsonFieldReader.KindName(root.RootElement)}"));
            root.Dispose();
            return false;
        }
        return true;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (at < utf8.Length && System.Text.Rune.DecodeFromUtf8(utf8[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            at += consumed;
        return at;
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " LineNumber: 3 | BytePositionInLine: 7." which we already report.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
