using System.Security.Cryptography;
using System.Text;
using VnTrace.Gs1.Epcis.Cbv;

namespace VnTrace.Gs1.Epcis.Hashing;

/// <summary>
/// The EPCIS event hash ID (CBV 2.0 §8.9): a name for an event derived from its content alone, identical for the
/// same event whether it came as XML or JSON-LD, with EPC URNs or Digital Link URIs, in any time zone or order.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="PreHash(EpcisEvent)"/> exposes the canonical pre-hash string so that two implementations can be
/// diffed; <see cref="Compute(EpcisEvent)"/> is its SHA-256 as an RFC 6920 'ni' URI,
/// <c>ni:///sha-256;{64 lowercase hex}?ver=CBV2.0</c>.
/// </para>
/// <para>
/// Fields follow the canonical property order with no separator, each value as <c>key=value</c>, list items sorted
/// (rules 1–13). recordTime, eventID and errorDeclaration are not part of the event's identity and are left out, so
/// declaring an error on an event keeps its hash ID. The order is the one GS1's reference implementation
/// (RalphTro/epcis-event-hash-generator) produces for CBV 2.0 and that the golden cases pin down: the standard
/// fields up to sensorElementList in table order, then bizTransactionList, sourceList, destinationList, ilmd and the
/// event-level user extensions, each rendered whole and all of them sorted together.
/// </para>
/// </remarks>
public static class EventHash
{
    /// <summary>Version of the algorithm, as written after "?ver=" (CBV 2.0 §8.9.2).</summary>
    public const string AlgorithmVersion = "CBV2.0";

    private const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
    private const string RdfSchema = "http://www.w3.org/2000/01/rdf-schema#";

    /// <summary>The canonical pre-hash string of <paramref name="e"/> (CBV 2.0 §8.9.1).</summary>
    public static string PreHash(EpcisEvent e) => PreHash(e, []);

    /// <summary>
    /// The pre-hash string leaving out the event-level user extensions named in <paramref name="ignoredFields"/>,
    /// each written as in the pre-hash, <c>{namespace}localName</c>: fields a repository adds to events it stores
    /// (a capture id, a copy of the hash) and that would otherwise change the hash of the event it received.
    /// </summary>
    public static string PreHash(EpcisEvent e, IEnumerable<string> ignoredFields)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(ignoredFields);
        var ignored = ignoredFields.ToHashSet(StringComparer.Ordinal);
        var pre = new StringBuilder(1024);

        Field(pre, "eventType", e.Type.ToString());
        Field(pre, "eventTime", PreHashValue.Time(e.EventTime));
        Field(pre, "eventTimeZoneOffset", e.EventTimeZoneOffset.Trim());
        pre.Append(Sorted(e.CertificationInfo.Select(uri => Pair("certificationInfo", PreHashValue.Uri(uri)))));

        // epcList and quantityList of Aggregation and Association events are their childEPCs and childQuantityList.
        var parentChild = e.Type is EpcisEventType.AggregationEvent or EpcisEventType.AssociationEvent;
        if (!parentChild)
            EpcList(pre, "epcList", e.EpcList);
        Field(pre, "parentID", Uri(e.ParentId));
        EpcList(pre, "inputEPCList", e.InputEpcList);
        if (parentChild)
            EpcList(pre, "childEPCs", e.EpcList);
        QuantityList(pre, parentChild ? "childQuantityList" : "quantityList", e.QuantityList);
        QuantityList(pre, "inputQuantityList", e.InputQuantityList);
        EpcList(pre, "outputEPCList", e.OutputEpcList);
        QuantityList(pre, "outputQuantityList", e.OutputQuantityList);

        Field(pre, "action", e.Action?.ToString().ToUpperInvariant());
        Field(pre, "transformationID", Uri(e.TransformationId));
        Field(pre, "bizStep", Uri(e.BizStep, CbvVocabulary.BizStep));
        Field(pre, "disposition", Uri(e.Disposition, CbvVocabulary.Disposition));
        if (e.PersistentDisposition is { } persistent)
        {
            var sets = Sorted(persistent.Set.Select(d => Pair("set", PreHashValue.Uri(d, CbvVocabulary.Disposition))));
            var unsets = Sorted(persistent.Unset.Select(d => Pair("unset", PreHashValue.Uri(d, CbvVocabulary.Disposition))));
            if (sets.Length + unsets.Length > 0)
                pre.Append("persistentDisposition").Append(sets).Append(unsets);
        }
        Location(pre, "readPoint", e.ReadPoint, e.ReadPointExtensions);
        Location(pre, "bizLocation", e.BizLocation, e.BizLocationExtensions);

        var sensorElements = Sorted(e.SensorElementList.Select(SensorElement));
        if (sensorElements.Length > 0)
            pre.Append("sensorElementList").Append(sensorElements);

        var tail = new List<string>();
        AddTyped(tail, "bizTransactionList", "bizTransaction",
            e.BizTransactionList.Select(t => (t.Type, t.Value)), CbvVocabulary.BizTransactionType);
        AddTyped(tail, "sourceList", "source", e.SourceList.Select(s => (Type: (string?)s.Type, s.Value)), CbvVocabulary.SourceDestType);
        AddTyped(tail, "destinationList", "destination",
            e.DestinationList.Select(d => (Type: (string?)d.Type, d.Value)), CbvVocabulary.SourceDestType);
        if (e.Ilmd is { Count: > 0 } ilmd)
            tail.Add("ilmd" + Sorted(ilmd.Select(Extension)));
        foreach (var extension in e.Extensions)
        {
            if (!ignored.Contains(Key(extension.Namespace, extension.LocalName)))
                tail.Add(Extension(extension));
        }
        pre.Append(Sorted(tail));

        return pre.ToString();
    }

    /// <summary>The event hash ID of <paramref name="e"/>: <c>ni:///sha-256;{hex}?ver=CBV2.0</c>.</summary>
    public static string Compute(EpcisEvent e) => FromPreHash(PreHash(e));

    /// <summary>The event hash ID, leaving out the named event-level extensions (see <see cref="PreHash(EpcisEvent, IEnumerable{string})"/>).</summary>
    public static string Compute(EpcisEvent e, IEnumerable<string> ignoredFields) => FromPreHash(PreHash(e, ignoredFields));

    /// <summary>The hash ID of a pre-hash string: SHA-256 over its UTF-8 bytes in an RFC 6920 'ni' URI (CBV 2.0 §8.9.2).</summary>
    public static string FromPreHash(string preHash)
    {
        ArgumentNullException.ThrowIfNull(preHash);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(preHash));
        return "ni:///sha-256;" + Convert.ToHexStringLower(digest) + "?ver=" + AlgorithmVersion;
    }

    private static void Field(StringBuilder pre, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            pre.Append(key).Append('=').Append(value);
    }

    private static string Pair(string key, string? value) => string.IsNullOrEmpty(value) ? "" : key + "=" + value;

    private static string? Uri(string? value, CbvVocabulary? vocabulary = null) =>
        value is null ? null : PreHashValue.Uri(value, vocabulary);

    // A list name appears once, followed by its items sorted (rule 11); an empty list leaves no trace (rule 4).
    private static void EpcList(StringBuilder pre, string name, List<string> epcs)
    {
        var items = Sorted(epcs.Select(epc => Pair("epc", PreHashValue.Uri(epc))));
        if (items.Length > 0)
            pre.Append(name).Append(items);
    }

    private static void QuantityList(StringBuilder pre, string name, List<QuantityElement> quantities)
    {
        var items = Sorted(quantities.Select(q =>
            "quantityElement"
            + Pair("epcClass", PreHashValue.Uri(q.EpcClass))
            + Pair("quantity", q.Quantity is { } quantity ? PreHashValue.Number(quantity) : null)
            + Pair("uom", q.Uom?.Trim())));
        if (items.Length > 0)
            pre.Append(name).Append(items);
    }

    // readPoint and bizLocation: the id, then their own extension elements (rule 21).
    private static void Location(StringBuilder pre, string name, string? id, List<ExtensionElement> extensions)
    {
        var content = Pair("id", Uri(id)) + Sorted(extensions.Select(Extension));
        if (content.Length > 0)
            pre.Append(name).Append(content);
    }

    // bizTransaction, source and destination: the type key-value pair comes before the value (rule 13).
    private static void AddTyped(List<string> tail, string listName, string itemName,
        IEnumerable<(string? Type, string Value)> items, CbvVocabulary typeVocabulary)
    {
        var rendered = Sorted(items.Select(item =>
            Pair("type", Uri(item.Type, typeVocabulary)) + Pair(itemName, PreHashValue.Uri(item.Value))));
        if (rendered.Length > 0)
            tail.Add(listName + rendered);
    }

    private static string SensorElement(SensorElement element)
    {
        var text = new StringBuilder("sensorElement");
        if (element.Metadata is { } metadata)
        {
            var content = SensorMetadata(metadata);
            if (content.Length > 0)
                text.Append("sensorMetadata").Append(content);
        }
        text.Append(Sorted(element.Reports.Select(report => "sensorReport" + SensorReport(report))));
        text.Append(Sorted(element.Extensions.Select(Extension)));
        return text.ToString();
    }

    private static string SensorMetadata(SensorMetadata m) =>
        Pair("time", Time(m.Time))
        + Pair("startTime", Time(m.StartTime))
        + Pair("endTime", Time(m.EndTime))
        + Pair("deviceID", Uri(m.DeviceId))
        + Pair("deviceMetadata", Uri(m.DeviceMetadata))
        + Pair("rawData", Uri(m.RawData))
        + Pair("dataProcessingMethod", Uri(m.DataProcessingMethod))
        + Pair("bizRules", Uri(m.BizRules))
        + Sorted(m.Extensions.Select(Extension));

    private static string SensorReport(SensorReport r) =>
        Pair("type", Term(r.Type, PreHashValue.Gs1VocabularyBase))
        + Pair("exception", Term(r.Exception, PreHashValue.Gs1VocabularyBase))
        + Pair("deviceID", Uri(r.DeviceId))
        + Pair("deviceMetadata", Uri(r.DeviceMetadata))
        + Pair("rawData", Uri(r.RawData))
        + Pair("dataProcessingMethod", Uri(r.DataProcessingMethod))
        + Pair("time", Time(r.Time))
        + Pair("microorganism", Uri(r.Microorganism))
        + Pair("chemicalSubstance", Uri(r.ChemicalSubstance))
        + Pair("value", Number(r.Value))
        + Pair("component", Term(r.Component, PreHashValue.ComponentBase))
        + Pair("stringValue", r.StringValue?.Trim())
        + Pair("booleanValue", r.BooleanValue is { } b ? (b ? "true" : "false") : null)
        + Pair("hexBinaryValue", r.HexBinaryValue?.Trim())
        + Pair("uriValue", Uri(r.UriValue))
        + Pair("minValue", Number(r.MinValue))
        + Pair("maxValue", Number(r.MaxValue))
        + Pair("meanValue", Number(r.MeanValue))
        + Pair("sDev", Number(r.SDev))
        + Pair("percRank", Number(r.PercRank))
        + Pair("percValue", Number(r.PercValue))
        + Pair("uom", r.Uom?.Trim())
        + Pair("coordinateReferenceSystem", Uri(r.Coordinate))
        + Sorted(r.Extensions.Select(Extension));

    private static string? Time(DateTimeOffset? time) => time is { } t ? PreHashValue.Time(t) : null;

    private static string? Number(decimal? value) => value is { } v ? PreHashValue.Number(v) : null;

    private static string? Term(string? value, string bareWordBase) =>
        value is null ? null : PreHashValue.Term(value, bareWordBase);

    /// <summary>
    /// A user extension (rules 19–21): <c>{namespace}localName</c>, "=" and the value for a leaf, then its children
    /// and XML attributes, each rendered the same way and sorted. A name without namespace is written bare.
    /// </summary>
    private static string Extension(ExtensionElement element)
    {
        // rdfs:comment is JSON-LD's annotation (EPCIS 2.0 §9.2), as an XML comment is XML's: not event data,
        // so an event with a comment hashes like the same event without it.
        if (element.Namespace == RdfSchema && element.LocalName == "comment")
            return "";

        var text = new StringBuilder(Key(element.Namespace, element.LocalName));
        if (element.ValueKind != ExtensionValueKind.Null && element.Value is { } raw)
        {
            var value = PreHashValue.Untyped(raw);
            if (value.Length > 0)
                text.Append('=').Append(value);
        }

        var children = new List<string>(element.Children.Count + element.Attributes.Count);
        foreach (var attribute in element.Attributes)
        {
            // xsi:type only restates the value's type, and must not make "20" and xsi:type="xsd:double" 20 differ.
            if (attribute.Namespace == XmlSchemaInstance)
                continue;
            children.Add(Key(attribute.Namespace, attribute.LocalName) + "=" + PreHashValue.Untyped(attribute.Value));
        }
        foreach (var child in element.Children)
            children.Add(Extension(child));
        return text.Append(Sorted(children)).ToString();
    }

    private static string Key(string ns, string localName) => ns.Length == 0 ? localName : "{" + ns + "}" + localName;

    // Sorting is by Unicode code point, which is the UTF-8 byte order rule 10 asks for; empty items are dropped.
    private static string Sorted(IEnumerable<string> items)
    {
        var list = items.Where(item => item.Length > 0).ToList();
        list.Sort(CodePointComparer.Instance);
        return string.Concat(list);
    }
}
