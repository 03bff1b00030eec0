namespace VnTrace.Gs1.Epcis;

/// <summary>The five EPCIS 2.0 event types (EPCIS 2.0 §7.4).</summary>
public enum EpcisEventType
{
    ObjectEvent,
    AggregationEvent,
    TransactionEvent,
    TransformationEvent,
    AssociationEvent,
}

/// <summary>EPCIS action (EPCIS 2.0 §7.3.2): how an event relates to the lifecycle of the entities it names.</summary>
public enum EpcisAction
{
    Add,
    Observe,
    Delete,
}

/// <summary>
/// One EPCIS 2.0 event, format-neutral: the JSON-LD and XML readers fill it, the writers stream it back out.
/// Field names follow EPCIS 2.0 §7.4. One class serves all five event types because the standard's fields overlap
/// heavily; <see cref="EpcisEventRules"/> says which field belongs to which type.
/// </summary>
/// <remarks>
/// Standard vocabulary values (bizStep, disposition, business transaction / source-destination types, error reasons)
/// are kept in the CBV URN form (<c>urn:epcglobal:cbv:bizstep:shipping</c>), whatever form the document used;
/// the JSON writer shortens them again to bare words. User vocabulary (any other URI) is kept as given.
/// </remarks>
public sealed class EpcisEvent
{
    public EpcisEventType Type { get; set; }

    /// <summary>The instant the event happened (EPCIS 2.0 §7.4.1). The offset written in the document is preserved.</summary>
    public DateTimeOffset EventTime { get; set; }

    /// <summary>The time-zone offset in force where the event happened, "+07:00" form; mandatory.</summary>
    public string EventTimeZoneOffset { get; set; } = "";

    /// <summary>Set by the repository at capture; ignored on input (EPCIS 2.0 §7.4.1).</summary>
    public DateTimeOffset? RecordTime { get; set; }

    public string? EventId { get; set; }

    /// <summary>
    /// A copy with its own scalar fields and the same lists, for a repository that stamps eventID and recordTime on
    /// what it stores without changing the event its caller still holds.
    /// </summary>
    public EpcisEvent ShallowCopy() => (EpcisEvent)MemberwiseClone();

    /// <summary>certificationInfo: one or more URIs (EPCIS 2.0 §7.3.6).</summary>
    public List<string> CertificationInfo { get; set; } = [];

    public ErrorDeclaration? ErrorDeclaration { get; set; }

    /// <summary>parentID of Aggregation, Transaction and Association events.</summary>
    public string? ParentId { get; set; }

    /// <summary>epcList (Object, Transaction) or childEPCs (Aggregation, Association).</summary>
    public List<string> EpcList { get; set; } = [];

    /// <summary>quantityList (Object, Transaction) or childQuantityList (Aggregation, Association).</summary>
    public List<QuantityElement> QuantityList { get; set; } = [];

    public List<string> InputEpcList { get; set; } = [];
    public List<QuantityElement> InputQuantityList { get; set; } = [];
    public List<string> OutputEpcList { get; set; } = [];
    public List<QuantityElement> OutputQuantityList { get; set; } = [];
    public string? TransformationId { get; set; }

    public EpcisAction? Action { get; set; }
    public string? BizStep { get; set; }
    public string? Disposition { get; set; }
    public PersistentDisposition? PersistentDisposition { get; set; }

    public string? ReadPoint { get; set; }
    /// <summary>Extension elements inside readPoint (EPCIS 2.0 allows them beside <c>id</c>).</summary>
    public List<ExtensionElement> ReadPointExtensions { get; set; } = [];
    public string? BizLocation { get; set; }
    public List<ExtensionElement> BizLocationExtensions { get; set; } = [];

    public List<BizTransaction> BizTransactionList { get; set; } = [];
    public List<SourceDestination> SourceList { get; set; } = [];
    public List<SourceDestination> DestinationList { get; set; } = [];
    public List<SensorElement> SensorElementList { get; set; } = [];

    /// <summary>Instance/lot master data; null when the document has no ilmd element at all.</summary>
    public List<ExtensionElement>? Ilmd { get; set; }

    /// <summary>User extension fields at event level, in document order.</summary>
    public List<ExtensionElement> Extensions { get; set; } = [];
}

/// <summary>errorDeclaration (EPCIS 2.0 §7.4.1.2): marks this event as erroneous.</summary>
public sealed class ErrorDeclaration
{
    public DateTimeOffset DeclarationTime { get; set; }
    public string? Reason { get; set; }
    public List<string> CorrectiveEventIds { get; set; } = [];
    public List<ExtensionElement> Extensions { get; set; } = [];
}

/// <summary>A quantity of a class of objects (EPCIS 2.0 §7.3.3.3). Quantity and UOM are optional.</summary>
public sealed class QuantityElement
{
    public string EpcClass { get; set; } = "";
    public decimal? Quantity { get; set; }
    /// <summary>UN/ECE Recommendation 20 unit code, e.g. KGM.</summary>
    public string? Uom { get; set; }
}

public sealed class PersistentDisposition
{
    public List<string> Set { get; set; } = [];
    public List<string> Unset { get; set; } = [];
}

/// <summary>bizTransaction: a business document reference with an optional type (EPCIS 2.0 §7.3.5.3).</summary>
public sealed class BizTransaction
{
    public string? Type { get; set; }
    public string Value { get; set; } = "";
}

/// <summary>A source or destination: type (e.g. owning_party) and the party or location (EPCIS 2.0 §7.3.5.4).</summary>
public sealed class SourceDestination
{
    public string Type { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>sensorElement: metadata plus one or more reports (EPCIS 2.0 §7.3.6.4).</summary>
public sealed class SensorElement
{
    public SensorMetadata? Metadata { get; set; }
    public List<SensorReport> Reports { get; set; } = [];
    public List<ExtensionElement> Extensions { get; set; } = [];
}

public sealed class SensorMetadata
{
    public DateTimeOffset? Time { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    public string? DeviceId { get; set; }
    public string? DeviceMetadata { get; set; }
    public string? RawData { get; set; }
    public string? DataProcessingMethod { get; set; }
    public string? BizRules { get; set; }
    /// <summary>User extension attributes (XML) or properties (JSON-LD).</summary>
    public List<ExtensionElement> Extensions { get; set; } = [];
}

public sealed class SensorReport
{
    /// <summary>Measurement type, e.g. gs1:Temperature, kept as written (a CURIE or a URI).</summary>
    public string? Type { get; set; }
    public string? Exception { get; set; }
    public string? DeviceId { get; set; }
    public string? DeviceMetadata { get; set; }
    public string? RawData { get; set; }
    public string? DataProcessingMethod { get; set; }
    public string? BizRules { get; set; }
    public DateTimeOffset? Time { get; set; }
    public string? Microorganism { get; set; }
    public string? ChemicalSubstance { get; set; }
    public decimal? Value { get; set; }
    public string? Component { get; set; }
    public string? StringValue { get; set; }
    public bool? BooleanValue { get; set; }
    public string? HexBinaryValue { get; set; }
    public string? UriValue { get; set; }
    public decimal? MinValue { get; set; }
    public decimal? MaxValue { get; set; }
    public decimal? MeanValue { get; set; }
    public decimal? PercRank { get; set; }
    public decimal? PercValue { get; set; }
    public string? Uom { get; set; }
    public decimal? SDev { get; set; }
    public string? Coordinate { get; set; }
    public List<ExtensionElement> Extensions { get; set; } = [];
}

/// <summary>The JSON kind of a leaf extension value, kept so a JSON-LD document round-trips with its types.</summary>
public enum ExtensionValueKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A user extension field (EPCIS 2.0 §7.1.2): a qualified name and either a text value or child fields.
/// One shape for both syntaxes: an XML element, or a JSON-LD property whose "prefix:" resolves through @context.
/// </summary>
/// <remarks>
/// A JSON array becomes one element per item, each with <see cref="InArray"/> set, in order; XML repeats the element.
/// Names without a namespace are allowed inside an extension (XML children without xmlns; JSON keys without a prefix).
/// </remarks>
public sealed class ExtensionElement
{
    /// <summary>Namespace URI; empty for an unqualified name.</summary>
    public string Namespace { get; set; } = "";

    /// <summary>Prefix the document used for the namespace, kept so output reads like input; not part of identity.</summary>
    public string? Prefix { get; set; }

    public string LocalName { get; set; } = "";

    /// <summary>Text of a leaf; null for an element with children.</summary>
    public string? Value { get; set; }

    public ExtensionValueKind ValueKind { get; set; } = ExtensionValueKind.String;

    public List<ExtensionElement> Children { get; set; } = [];

    /// <summary>XML attributes of an extension element (namespace, local name, value).</summary>
    public List<ExtensionAttribute> Attributes { get; set; } = [];

    /// <summary>True when the JSON-LD form held this element as an item of an array.</summary>
    public bool InArray { get; set; }

    public bool HasChildren => Children.Count > 0;
}

public sealed record ExtensionAttribute(string Namespace, string LocalName, string Value, string? Prefix = null);
