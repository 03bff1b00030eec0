using System.Text.Json;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>
/// Streams EPCIS 2.0 JSON-LD through <see cref="Utf8JsonWriter"/> (EPCIS 2.0 §9.2, the GS1 JSON schema and the
/// REST binding's EPCISQueryDocument). Standard vocabulary is written as the context's bare words, times with the
/// offset they were given, numbers as JSON numbers, and extensions under prefixes declared in one @context.
/// </summary>
public static partial class EpcisJsonWriter
{
    /// <summary>An EPCISDocument: header fields, master data if any, and every event.</summary>
    /// <remarks><see cref="EpcisDocument.CreationDate"/> is written only when set; the schema requires it, so set it.</remarks>
    public static void WriteDocument(Utf8JsonWriter writer, EpcisDocument document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        var prefixes = new ExtensionPrefixes();
        foreach (var evt in document.Events)
            prefixes.Collect(evt);
        foreach (var element in document.MasterData)
        {
            foreach (var attribute in element.Attributes)
                prefixes.Collect(attribute.Children);
        }

        writer.WriteStartObject();
        prefixes.WriteContext(writer);
        writer.WriteString("type", "EPCISDocument");
        writer.WriteString("schemaVersion", document.SchemaVersion);
        if (document.CreationDate is { } created)
            writer.WriteString("creationDate", EpcisDateTime.Format(created));
        WriteOptional(writer, "sender", document.Sender);
        WriteOptional(writer, "receiver", document.Receiver);
        WriteOptional(writer, "instanceIdentifier", document.InstanceIdentifier);
        if (document.MasterData.Count > 0)
        {
            writer.WriteStartObject("epcisHeader");
            writer.WriteStartObject("epcisMasterData");
            WriteVocabularyList(writer, document.MasterData, prefixes);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteStartObject("epcisBody");
        writer.WriteStartArray("eventList");
        foreach (var evt in document.Events)
            WriteEventObject(writer, evt, prefixes, includeContext: false);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// One event object. With <paramref name="includeContext"/> it carries its own "@context" (the EPCIS context
    /// and the prefixes its extensions use), so a stored event can be served on its own.
    /// </summary>
    public static void WriteEvent(Utf8JsonWriter writer, EpcisEvent evt, bool includeContext)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evt);
        var prefixes = new ExtensionPrefixes();
        prefixes.Collect(evt);
        WriteEventObject(writer, evt, prefixes, includeContext);
    }

    /// <summary>
    /// An EPCISQueryDocument (REST binding, GET /events and query results): epcisBody.queryResults with the query
    /// name, the subscription ID when the results come from a subscription, and the events in resultsBody.eventList.
    /// </summary>
    public static void WriteQueryDocument(Utf8JsonWriter writer, IEnumerable<EpcisEvent> events, string queryName,
        string? subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(queryName);
        // The one @context comes first and must hold every namespace, so the events are walked twice.
        var list = events as IReadOnlyList<EpcisEvent> ?? events.ToList();
        var prefixes = new ExtensionPrefixes();
        foreach (var evt in list)
            prefixes.Collect(evt);

        writer.WriteStartObject();
        prefixes.WriteContext(writer);
        writer.WriteString("type", "EPCISQueryDocument");
        writer.WriteString("schemaVersion", "2.0");
        writer.WriteStartObject("epcisBody");
        writer.WriteStartObject("queryResults");
        writer.WriteString("queryName", queryName);
        WriteOptional(writer, "subscriptionID", subscriptionId);
        writer.WriteStartObject("resultsBody");
        writer.WriteStartArray("eventList");
        foreach (var evt in list)
            WriteEventObject(writer, evt, prefixes, includeContext: false);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteVocabularyList(Utf8JsonWriter writer, List<VocabularyElement> masterData, ExtensionPrefixes prefixes)
    {
        writer.WriteStartArray("vocabularyList");
        foreach (var group in masterData.GroupBy(e => e.VocabularyType, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("type", group.Key);
            writer.WriteStartArray("vocabularyElementList");
            foreach (var element in group)
            {
                writer.WriteStartObject();
                writer.WriteString("id", element.Id);
                if (element.Attributes.Count > 0)
                {
                    writer.WriteStartArray("attributes");
                    foreach (var attribute in element.Attributes)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", attribute.Id);
                        if (attribute.Children.Count > 0)
                        {
                            writer.WriteStartObject("attribute");
                            ExtensionJson.Write(writer, attribute.Children, prefixes);
                            writer.WriteEndObject();
                        }
                        else if (attribute.Value is not null)
                            writer.WriteString("attribute", attribute.Value);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
                WriteStrings(writer, "children", element.Children);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, number);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
            writer.WriteString(name, EpcisDateTime.Format(time));
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, List<string> values)
    {
        if (values.Count == 0)
            return;
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
