namespace VnTrace.Gs1.Epcis;

/// <summary>An EPCIS document (EPCIS 2.0 §9): header data and the event list.</summary>
public sealed class EpcisDocument
{
    public string SchemaVersion { get; set; } = "2.0";
    public DateTimeOffset? CreationDate { get; set; }
    public string? Sender { get; set; }
    public string? Receiver { get; set; }
    public string? InstanceIdentifier { get; set; }

    /// <summary>Namespace prefixes declared by the document (JSON-LD @context or XML xmlns), prefix → URI.</summary>
    public Dictionary<string, string> Namespaces { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Master data carried in the header (EPCIS 2.0 §9.4 epcisMasterData), if any.</summary>
    public List<VocabularyElement> MasterData { get; set; } = [];

    public List<EpcisEvent> Events { get; set; } = [];
}

/// <summary>One master-data vocabulary element: its vocabulary type, id, attributes and children ids.</summary>
public sealed class VocabularyElement
{
    public string VocabularyType { get; set; } = "";
    public string Id { get; set; } = "";
    public List<VocabularyAttribute> Attributes { get; set; } = [];
    public List<string> Children { get; set; } = [];
}

public sealed class VocabularyAttribute
{
    public string Id { get; set; } = "";
    /// <summary>Text value, or null when the value is structured.</summary>
    public string? Value { get; set; }
    public List<ExtensionElement> Children { get; set; } = [];
}
