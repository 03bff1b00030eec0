using System.Text.Json;
using System.Text.Json.Serialization;
using VnTrace.Gs1.Epcis;

namespace VnTrace.Server.Platform.Events;

/// <summary>
/// How an event is kept in the database: the library's format-neutral model as JSON (source-generated, no
/// reflection). Not JSON-LD on purpose: a document captured as XML may hold constructs JSON-LD cannot express
/// (unqualified extension elements, attributes, untyped text), and the store must give back exactly what was
/// captured in whichever format a client asks for later.
/// </summary>
public static class StoredEventFormat
{
    public static string Serialize(EpcisEvent e) => JsonSerializer.Serialize(e, StoredEventJson.Default.EpcisEvent);

    public static EpcisEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, StoredEventJson.Default.EpcisEvent)
        ?? throw new InvalidOperationException("A stored event is empty.");
}

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EpcisEvent))]
internal sealed partial class StoredEventJson : JsonSerializerContext;
