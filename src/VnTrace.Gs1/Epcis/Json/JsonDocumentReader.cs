using System.Text.Json;
using VnTrace.Gs1.Epcis.Validation;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>The document level: EPCISDocument or EPCISQueryDocument, header and body, and the list of events.</summary>
internal sealed class JsonDocumentReader : JsonFieldReader
{
    private readonly EpcisDocument document = new();
    private readonly JsonEventReader events;
    private readonly JsonMasterDataReader masterData;

    public JsonDocumentReader(List<EpcisError> errors) : base(errors)
    {
        events = new JsonEventReader(errors, document);
        masterData = new JsonMasterDataReader(errors, document);
    }

    public EpcisReadResult Result()
    {
        // Identifier syntax, check digits and the per-type rules are the validator's part. It sees only events that
        // were read without structural errors, so a missing or malformed field is reported once, by the reader.
        foreach (var (evt, path) in readCleanly)
            EpcisEventValidator.Validate(evt, path, Errors);
        return new EpcisReadResult { Document = document, Errors = Errors };
    }

    /// <summary>Events read without errors, with their JSON pointers, for the validator.</summary>
    private readonly List<(EpcisEvent Event, string Path)> readCleanly = [];

    public void ReadAndAddEvent(JsonElement value, string path, JsonLdContext context)
    {
        var errorsBefore = Errors.Count;
        if (events.ReadEventObject(value, path, context) is not { } evt)
            return;
        document.Events.Add(evt);
        if (Errors.Count == errorsBefore)
            readCleanly.Add((evt, path));
    }

    public void ReadDocumentObject(JsonElement root)
    {
        var context = JsonLdContext.Standard;
        if (root.TryGetProperty("@context", out var contextValue))
            context = context.Extend(contextValue, "/@context", Errors, document.Namespaces);
        else
            Error("/@context", "required field '@context' is missing");

        string? type = null;
        if (!root.TryGetProperty("type", out var typeValue))
            Error("/type", "required field 'type' is missing (EPCISDocument or EPCISQueryDocument)");
        else if ((type = String(typeValue, "/type")) is not null and not ("EPCISDocument" or "EPCISQueryDocument"))
        {
            Error("/type", JsonEventReader.TryParseEventType(type, out _)
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
                    masterData.ReadHeader(member.Value, path, context);
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
                                masterData.ReadVocabularyList(inner.Value, innerPath, context);
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
}
