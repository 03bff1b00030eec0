using System.Text.Json;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>
/// The part of a JSON-LD @context an EPCIS reader needs: which namespace each extension prefix stands for.
/// Remote contexts (the GS1 EPCIS context URL and others) are not fetched; the prefixes the EPCIS 2.0 context
/// itself declares are always known, as every EPCIS JSON-LD document references that context.
/// </summary>
internal sealed class JsonLdContext
{
    /// <summary>The EPCIS 2.0 JSON-LD context (EPCIS 2.0 §9.2).</summary>
    public const string EpcisContextUrl = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /// <summary>Prefixes the EPCIS 2.0 context declares, @protected: a document may use them without declaring them.</summary>
    public static readonly IReadOnlyDictionary<string, string> StandardPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["epcis"] = "https://ref.gs1.org/epcis/",
        ["cbv"] = "https://ref.gs1.org/cbv/",
        ["cbvmda"] = "urn:epcglobal:cbv:mda:",
        ["gs1"] = "https://gs1.org/voc/",
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["owl"] = "http://www.w3.org/2002/07/owl#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["dcterms"] = "http://purl.org/dc/terms/",
    };

    private readonly Dictionary<string, string> prefixes;

    private JsonLdContext(Dictionary<string, string> prefixes) => this.prefixes = prefixes;

    public static JsonLdContext Standard { get; } = new(new(StandardPrefixes, StringComparer.Ordinal));

    public bool TryResolve(string prefix, out string ns) => prefixes.TryGetValue(prefix, out ns!);

    /// <summary>
    /// This context extended by an @context value: a URL string, an object of term definitions, or an array of both.
    /// Prefix definitions found are also recorded in <paramref name="declared"/> (the document's namespace table).
    /// </summary>
    public JsonLdContext Extend(JsonElement context, string path, List<EpcisError> errors, Dictionary<string, string> declared)
    {
        var extended = new Dictionary<string, string>(prefixes, StringComparer.Ordinal);
        Add(context, path, errors, declared, extended, allowArray: true);
        return new JsonLdContext(extended);
    }

    private static void Add(JsonElement context, string path, List<EpcisError> errors, Dictionary<string, string> declared,
        Dictionary<string, string> into, bool allowArray)
    {
        switch (context.ValueKind)
        {
            case JsonValueKind.String:
            case JsonValueKind.Null:
                // A remote context, which we do not fetch; null resets nothing we rely on.
                break;
            case JsonValueKind.Array when allowArray:
                var index = 0;
                foreach (var item in context.EnumerateArray())
                    Add(item, JsonPointer.Append(path, index++), errors, declared, into, allowArray: false);
                break;
            case JsonValueKind.Object:
                foreach (var term in context.EnumerateObject())
                {
                    // Keywords (@version, @protected, @vocab…) and compact-IRI terms ("rail:vehicle": {"@type": …})
                    // define no prefix.
                    if (term.Name.StartsWith('@') || term.Name.Contains(':'))
                        continue;
                    var iri = term.Value.ValueKind switch
                    {
                        JsonValueKind.String => term.Value.GetString(),
                        JsonValueKind.Object when term.Value.TryGetProperty("@id", out var id)
                                                  && id.ValueKind == JsonValueKind.String => id.GetString(),
                        _ => null,
                    };
                    if (iri is null || iri.StartsWith('@') || !iri.Contains(':'))
                        continue;
                    // The EPCIS context is @protected (JSON-LD 1.1 §4.1.11), so a strict JSON-LD processor refuses to
                    // redefine its prefixes; GS1's own example transformation_event_all_possible_fields.jsonld does
                    // exactly that with cbvmda. A repository must accept the standard's examples, so the document's
                    // own declaration wins for the document, which is what its author meant.
                    into[term.Name] = iri;
                    declared.TryAdd(term.Name, iri);
                }
                break;
            default:
                errors.Add(new(path, $"@context must be a URL, an object or an array of them, found {JsonFieldReader.KindName(context)}"));
                break;
        }
    }
}
