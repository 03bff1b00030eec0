using System.Text.Json;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>
/// Chooses the JSON-LD prefix for each extension namespace when writing: the prefix the input used when it is
/// free, else ext1, ext2… Namespaces of the EPCIS context (cbvmda, gs1…) use its own prefixes and need no declaration.
/// </summary>
internal sealed class ExtensionPrefixes
{
    // The EPCIS context is @protected: a local prefix with the name of one of its terms would be a redefinition.
    private static readonly HashSet<string> reserved = new(StringComparer.Ordinal)
    {
        "id", "type", "baseURL", "member", "Collection", "EPCISDocument", "EPCISQueryDocument",
        "epcisHeader", "epcisBody", "masterData", "vocabularyList", "queryResults", "queryName", "subscriptionID",
        "resultsBody", "schemaVersion", "creationDate", "instanceIdentifier", "sender", "receiver",
        "ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent",
        "eventTime", "recordTime", "eventTimeZoneOffset", "eventID", "certificationInfo", "errorDeclaration",
        "action", "bizStep", "disposition", "persistentDisposition", "readPoint", "bizLocation", "epcList",
        "childEPCs", "quantityList", "childQuantityList", "inputEPCList", "outputEPCList", "inputQuantityList",
        "outputQuantityList", "transformationID", "parentID", "bizTransactionList", "sourceList", "destinationList",
        "sensorElementList", "sensorMetadata", "sensorReport", "ilmd", "quantity", "epcClass", "uom",
    };

    /// <summary>The XML namespace of CBV master-data attributes; in JSON-LD it is the EPCIS context's "cbvmda:".</summary>
    private const string CbvMdaXmlNamespace = "urn:epcglobal:cbv:mda";

    private readonly Dictionary<string, string> prefixByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> namespaceByPrefix = new(JsonLdContext.StandardPrefixes, StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> declared = [];
    private int generated;

    /// <summary>Prefix → namespace pairs to write in @context, in the order they were chosen.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Declared => declared;

    public void Collect(EpcisEvent evt)
    {
        Collect(evt.Extensions);
        Collect(evt.ReadPointExtensions);
        Collect(evt.BizLocationExtensions);
        if (evt.Ilmd is not null)
            Collect(evt.Ilmd);
        if (evt.ErrorDeclaration is not null)
            Collect(evt.ErrorDeclaration.Extensions);
        foreach (var sensor in evt.SensorElementList)
        {
            if (sensor.Metadata is not null)
                Collect(sensor.Metadata.Extensions);
            foreach (var report in sensor.Reports)
                Collect(report.Extensions);
            Collect(sensor.Extensions);
        }
    }

    public void Collect(IEnumerable<ExtensionElement> elements)
    {
        foreach (var element in elements)
        {
            Assign(element.Namespace, element.Prefix);
            foreach (var attribute in element.Attributes)
                Assign(attribute.Namespace, attribute.Prefix);
            Collect(element.Children);
        }
    }

    public string QualifiedName(string ns, string localName)
    {
        if (ns.Length == 0)
            return localName;
        return prefixByNamespace.TryGetValue(ns, out var prefix)
            ? prefix + ":" + localName
            : ns + localName; // not collected: an absolute IRI is still correct JSON-LD
    }

    /// <summary>Writes "@context": [EPCIS context URL, {declared prefixes}].</summary>
    public void WriteContext(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("@context");
        writer.WriteStartArray();
        writer.WriteStringValue(JsonLdContext.EpcisContextUrl);
        if (declared.Count > 0)
        {
            writer.WriteStartObject();
            foreach (var (prefix, ns) in declared)
                writer.WriteString(prefix, ns);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private void Assign(string ns, string? wanted)
    {
        if (ns.Length == 0 || prefixByNamespace.ContainsKey(ns))
            return;
        var lookup = ns == CbvMdaXmlNamespace ? JsonLdContext.StandardPrefixes["cbvmda"] : ns;
        foreach (var (standardPrefix, standardNamespace) in JsonLdContext.StandardPrefixes)
        {
            if (standardNamespace == lookup)
            {
                prefixByNamespace[ns] = standardPrefix;
                return;
            }
        }

        var prefix = wanted is not null && IsUsablePrefix(wanted) && !namespaceByPrefix.ContainsKey(wanted) ? wanted : null;
        while (prefix is null)
        {
            var candidate = "ext" + ++generated;
            if (!namespaceByPrefix.ContainsKey(candidate))
                prefix = candidate;
        }
        prefixByNamespace[ns] = prefix;
        namespaceByPrefix[prefix] = ns;
        declared.Add(new(prefix, ns));
    }

    private static bool IsUsablePrefix(string prefix)
    {
        if (prefix.Length == 0 || reserved.Contains(prefix) || !(char.IsAsciiLetter(prefix[0]) || prefix[0] == '_'))
            return false;
        foreach (var c in prefix)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                return false;
        }
        return true;
    }
}
