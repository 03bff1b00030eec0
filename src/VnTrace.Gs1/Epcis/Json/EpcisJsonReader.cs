using System.Text.Json;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Gs1.Epcis.Validation;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>
/// Reads EPCIS 2.0 JSON-LD (EPCIS 2.0 §9.2 and the GS1 JSON schema) into <see cref="EpcisDocument"/>: an
/// EPCISDocument or EPCISQueryDocument, or one bare event as posted to <c>POST /events</c>.
/// Every problem is collected with its JSON pointer; only malformed JSON stops the reading.
/// </summary>
/// <remarks>
/// The reader checks structure (fields, value kinds, date-times, vocabulary forms) and leaves identifier syntax and
/// check digits to the event validator. Standard vocabulary values are stored as CBV URNs (<see cref="Cbv"/>).
/// Remote @context documents are not fetched: prefixes come from the document's own context objects and the
/// EPCIS context's built-in prefixes.
/// </remarks>
public sealed partial class EpcisJsonReader
{
    private readonly List<EpcisError> errors = [];
    private readonly EpcisDocument document = new();

    private EpcisJsonReader()
    {
    }

    /// <summary>Reads an EPCISDocument, or an EPCISQueryDocument whose events are in queryResults.resultsBody.</summary>
    public static EpcisReadResult ReadDocument(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new EpcisJsonReader();
        if (!reader.TryParse(utf8Json, out var root))
            return new EpcisReadResult { Errors = reader.errors };
        using (root)
        {
            try
            {
                reader.ReadDocumentObject(root.RootElement);
            }
            catch (InvalidOperationException) when (HasEscapedSurrogate(utf8Json))
            {
                return LoneSurrogate();
            }
        }
        return reader.Result();
    }

    /// <summary>Reads one event object (which may carry its own @context) into a document holding that event.</summary>
    public static EpcisReadResult ReadEvent(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new EpcisJsonReader();
        if (!reader.TryParse(utf8Json, out var root))
            return new EpcisReadResult { Errors = reader.errors };
        using (root)
        {
            try
            {
                reader.ReadAndAddEvent(root.RootElement, "", JsonLdContext.Standard);
            }
            catch (InvalidOperationException) when (HasEscapedSurrogate(utf8Json))
            {
                return LoneSurrogate();
            }
        }
        return reader.Result();
    }

    private EpcisReadResult Result()
    {
        // Identifier syntax, check digits and the per-type rules are the validator's part. It sees only events that
        // were read without structural errors, so a missing or malformed field is reported once, by the reader.
        foreach (var (evt, path) in readCleanly)
            EpcisEventValidator.Validate(evt, path, errors);
        return new EpcisReadResult { Document = document, Errors = errors };
    }

    /// <summary>Events read without errors, with their JSON pointers, for the validator.</summary>
    private readonly List<(EpcisEvent Event, string Path)> readCleanly = [];

    private void ReadAndAddEvent(JsonElement value, string path, JsonLdContext context)
    {
        var errorsBefore = errors.Count;
        if (ReadEventObject(value, path, context) is not { } evt)
            return;
        document.Events.Add(evt);
        if (errors.Count == errorsBefore)
            readCleanly.Add((evt, path));
    }

    /// <summary>
    /// A string or name escaping half of a UTF-16 surrogate pair ("\uD800") is not Unicode text (RFC 8259 §8.2):
    /// System.Text.Json reads it only to fail when the string is decoded, wherever that is. The fields the reader
    /// decodes itself report their pointer (<see cref="String"/>); this is the net for the others.
    /// </summary>
    private static EpcisReadResult LoneSurrogate() => new()
    {
        Errors = [new EpcisError("", "the document escapes an unpaired UTF-16 surrogate (\\uD800–\\uDFFF), which is not Unicode text")],
    };

    private static bool HasEscapedSurrogate(ReadOnlySpan<byte> utf8Json)
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

    private bool TryParse(ReadOnlySpan<byte> utf8Json, out JsonDocument root)
    {
        root = null!;
        // RFC 8259 §8.1: JSON text is UTF-8. System.Text.Json checks the bytes of a string only when it is decoded,
        // so a bad byte would surface far from here, as an exception rather than an answer.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            Error("", $"the document is not valid UTF-8 (byte {FirstInvalidByte(utf8Json) + 1})");
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
            Error("", $"malformed JSON{where}: {FirstSentence(e.Message)}");
            return false;
        }
        if (root.RootElement.ValueKind != JsonValueKind.Object)
        {
            Error("", $"expected a JSON object, found {KindName(root.RootElement)}");
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

    private void ReadDocumentObject(JsonElement root)
    {
        var context = JsonLdContext.Standard;
        if (root.TryGetProperty("@context", out var contextValue))
            context = context.Extend(contextValue, "/@context", errors, document.Namespaces);
        else
            Error("/@context", "required field '@context' is missing");

        string? type = null;
        if (!root.TryGetProperty("type", out var typeValue))
            Error("/type", "required field 'type' is missing (EPCISDocument or EPCISQueryDocument)");
        else if ((type = String(typeValue, "/type")) is not null and not ("EPCISDocument" or "EPCISQueryDocument"))
        {
            Error("/type", TryParseEventType(type, out _)
                ? $"'{type}' is an event, not a document: post it as a single event or wrap it in an EPCISDocument"
                : $"unknown document type '{type}' (expected EPCISDocument or EPCISQueryDocument)");
            return;
        }

        var hasBody = false;
        foreach (var member in root.EnumerateObject())
        {
            var path = JsonPointer.Append("", member.Name);
            switch (member.Name)
            {
                case "@context":
                case "type":
                case "id": // the document's own JSON-LD @id; the model has no place for it
                    break;
                case "schemaVersion":
                    if (String(member.Value, path) is { } version)
                        document.SchemaVersion = version;
                    break;
                case "creationDate":
                    document.CreationDate = Time(member.Value, path, member.Name);
                    break;
                case "sender":
                    document.Sender = String(member.Value, path);
                    break;
                case "receiver":
                    document.Receiver = String(member.Value, path);
                    break;
                case "instanceIdentifier":
                    document.InstanceIdentifier = String(member.Value, path);
                    break;
                case "epcisHeader":
                    ReadHeader(member.Value, path, context);
                    break;
                case "epcisBody":
                    hasBody = true;
                    ReadBody(member.Value, path, type == "EPCISQueryDocument", context);
                    break;
                default:
                    UnknownField(member.Name, path);
                    break;
            }
        }
        if (!hasBody)
            Error("/epcisBody", "required field 'epcisBody' is missing");
    }

    private void ReadBody(JsonElement body, string path, bool isQueryDocument, JsonLdContext context)
    {
        if (!Object(body, path))
            return;
        var expected = isQueryDocument ? "queryResults" : "eventList";
        var found = false;
        foreach (var member in body.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            if (member.Name == expected)
            {
                found = true;
                if (isQueryDocument)
                    ReadQueryResults(member.Value, at, context);
                else
                    ReadEventList(member.Value, at, context);
            }
            else if (member.Name is "eventList" or "queryResults")
                Error(at, isQueryDocument
                    ? "an EPCISQueryDocument carries its events in queryResults.resultsBody.eventList"
                    : "queryResults belongs in an EPCISQueryDocument; an EPCISDocument has epcisBody.eventList");
            else
                UnknownField(member.Name, at);
        }
        if (!found)
            Error(JsonPointer.Append(path, expected), $"required field '{expected}' is missing");
    }

    private void ReadQueryResults(JsonElement results, string path, JsonLdContext context)
    {
        if (!Object(results, path))
            return;
        var hasBody = false;
        foreach (var member in results.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            switch (member.Name)
            {
                case "queryName":
                case "subscriptionID":
                    String(member.Value, at); // not part of the model: the query layer knows them
                    break;
                case "resultsBody":
                    hasBody = true;
                    if (!Object(member.Value, at))
                        break;
                    var hasEvents = false;
                    foreach (var inner in member.Value.EnumerateObject())
                    {
                        var innerPath = JsonPointer.Append(at, inner.Name);
                        switch (inner.Name)
                        {
                            case "eventList":
                                hasEvents = true;
                                ReadEventList(inner.Value, innerPath, context);
                                break;
                            case "vocabularyList":
                                ReadVocabularyList(inner.Value, innerPath, context);
                                break;
                            default:
                                UnknownField(inner.Name, innerPath);
                                break;
                        }
                    }
                    if (!hasEvents)
                        Error(JsonPointer.Append(at, "eventList"), "required field 'eventList' is missing");
                    break;
                default:
                    UnknownField(member.Name, at);
                    break;
            }
        }
        if (!hasBody)
            Error(JsonPointer.Append(path, "resultsBody"), "required field 'resultsBody' is missing");
    }

    private void ReadEventList(JsonElement list, string path, JsonLdContext context)
    {
        if (!Array(list, path))
            return;
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            ReadAndAddEvent(item, JsonPointer.Append(path, index++), context);
        }
    }

    /// <summary>A member that is neither a field of this structure nor a prefixed extension.</summary>
    private void UnknownField(string name, string path)
    {
        // Extensions at document, header and body level are allowed by the schema but have no place in the model.
        if (!ExtensionJson.IsQualified(name))
            Error(path, $"'{name}' is not an EPCIS field and, having no prefix, not a valid extension");
    }

    private void Error(string path, string message) => errors.Add(new EpcisError(path, message));

    internal static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private bool Object(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Object)
            return true;
        Error(path, $"expected an object, found {KindName(value)}");
        return false;
    }

    private bool Array(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Array)
            return true;
        Error(path, $"expected an array, found {KindName(value)}");
        return false;
    }

    private string? String(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                Error(path, "the string escapes an unpaired UTF-16 surrogate (\\uD800–\\uDFFF), which is not Unicode text");
                return null;
            }
        }
        Error(path, $"expected a string, found {KindName(value)}");
        return null;
    }

    /// <summary>A URI-valued field: a non-empty string (URI syntax is the validator's concern).</summary>
    private string? Uri(JsonElement value, string path)
    {
        var text = String(value, path);
        if (text is { Length: 0 })
        {
            Error(path, "expected a URI, found an empty string");
            return null;
        }
        return text;
    }

    private string? Vocabulary(JsonElement value, string path, CbvVocabulary vocabulary) =>
        Uri(value, path) is { } text ? Cbv.Cbv.ToUrn(vocabulary, text) : null;

    private decimal? Decimal(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Error(path, $"expected a number, found {KindName(value)}");
            return null;
        }
        if (value.TryGetDecimal(out var number))
            return number;
        Error(path, $"number {value.GetRawText()} is out of range");
        return null;
    }

    private bool? Boolean(JsonElement value, string path)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        Error(path, $"expected true or false, found {KindName(value)}");
        return null;
    }

    private DateTimeOffset? Time(JsonElement value, string path, string field)
    {
        if (String(value, path) is not { } text)
            return null;
        switch (EpcisDateTime.TryParse(text, out var time))
        {
            case EpcisDateTime.Problem.None:
                return time;
            case EpcisDateTime.Problem.NoOffset:
                Error(path, $"{field} '{text}' has no time-zone offset (add Z or ±hh:mm, EPCIS 2.0 §7.3.1)");
                return null;
            default:
                Error(path, $"{field} '{text}' is not a date-time of the form 2020-01-31T10:00:00.000+07:00");
                return null;
        }
    }

    private List<string> UriList(JsonElement value, string path)
    {
        var list = new List<string>();
        if (!Array(value, path))
            return list;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Uri(item, JsonPointer.Append(path, index++)) is { } uri)
                list.Add(uri);
        }
        return list;
    }
}
