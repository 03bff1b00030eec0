using System.Text;
using System.Xml;
using static VnTrace.Gs1.Epcis.Xml.XmlNavigation;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>The state of one pass over one EPCIS XML document, shared by the readers of its parts.</summary>
internal sealed class XmlParseState(XmlReader reader)
{
    public XmlReader Reader { get; } = reader;
    public List<EpcisError> Errors { get; } = [];
    public EpcisDocument Document { get; } = new();

    /// <summary>The document uses the 1.2 layout: baseExtension, extension wrappers, TransformationEvent in extension.</summary>
    public bool V12 { get; set; }

    /// <summary>The element being read, for errors raised by the XML parser itself.</summary>
    public string Where { get; set; } = "/";
}

/// <summary>
/// What every part of the XML reader shares: moving through child elements, text, times, user extension elements
/// (EPCIS 2.0 §7.1.2 / §9.4) and attribute-shaped values. Errors carry element paths such as
/// <c>/EPCISDocument/EPCISBody/EventList/ObjectEvent[3]/eventTime</c>.
/// </summary>
internal abstract class XmlPartReader(XmlParseState state)
{
    protected XmlParseState State { get; } = state;
    protected readonly XmlReader r = state.Reader;
    protected readonly List<EpcisError> errors = state.Errors;
    protected readonly EpcisDocument document = state.Document;

    /// <summary>Moves to the next child element and records the namespace prefixes it declares.</summary>
    protected bool Next(int parentDepth)
    {
        if (!NextChild(r, parentDepth))
            return false;
        RecordNamespaces();
        return true;
    }

    /// <summary>
    /// Keeps the prefixes a document declares (first binding wins) so output reads like input. The default namespace,
    /// the EPCIS binding namespaces and SBDH's are not kept: the writer declares those for the version it writes.
    /// </summary>
    protected void RecordNamespaces()
    {
        if (!r.HasAttributes)
            return;
        for (var more = r.MoveToFirstAttribute(); more; more = r.MoveToNextAttribute())
        {
            if (r.NamespaceURI == EpcisXmlNamespaces.Xmlns && r.Prefix == "xmlns"
                && !EpcisXmlNamespaces.IsWriterOwned(r.Value))
                document.Namespaces.TryAdd(r.LocalName, r.Value);
        }
        r.MoveToElement();
    }

    /// <summary>Skips an element the model has no place for; an unknown unqualified element is an error.</summary>
    protected void SkipUnlessStandard(string path)
    {
        if (r.NamespaceURI.Length == 0 && r.LocalName != "extension")
            errors.Add(new EpcisError(path, $"Unexpected element '{r.LocalName}'."));
        r.Skip();
    }

    /// <summary>Text of a standard simple field, trimmed (xsd:anyURI and friends collapse whitespace).</summary>
    protected string Text()
    {
        var path = State.Where;
        var text = ReadText(r, out var hadChildren).Trim();
        if (hadChildren)
            errors.Add(new EpcisError(path, "A simple field held child elements; they were ignored."));
        return text;
    }

    protected string Qualified() => r.Prefix.Length == 0 ? r.LocalName : r.Prefix + ":" + r.LocalName;

    protected DateTimeOffset? ReadTime(string path, string field)
    {
        var text = Text();
        if (EpcisXmlValues.TryParseTime(text, out var value, out var problem))
            return value;
        errors.Add(new EpcisError(path, $"{field} {problem}."));
        return null;
    }

    protected void ReadEpcList(List<string> list, string path) => ReadTextList(list, "epc", path);

    protected void ReadTextList(List<string> list, string itemName, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            if (r.LocalName == itemName && r.NamespaceURI.Length == 0)
            {
                list.Add(Text());
            }
            else
            {
                errors.Add(new EpcisError(path + "/" + r.LocalName, $"Unexpected element '{r.LocalName}': expected {itemName}."));
                r.Skip();
            }
        }
    }

    /// <summary>Deeper extension trees are refused rather than risk the stack on hostile input.</summary>
    private const int MaxExtensionDepth = 64;

    /// <summary>Reads the element under the reader, whole, as an <see cref="ExtensionElement"/>.</summary>
    protected ExtensionElement ReadExtension(string path, int nesting = 0)
    {
        var element = new ExtensionElement
        {
            Namespace = r.NamespaceURI,
            Prefix = r.Prefix.Length == 0 ? null : r.Prefix,
            LocalName = r.LocalName,
        };
        if (nesting >= MaxExtensionDepth)
        {
            errors.Add(new EpcisError(path, $"Extension nested deeper than {MaxExtensionDepth} levels; its content was not read."));
            r.Skip();
            return element;
        }
        if (r.HasAttributes)
        {
            for (var more = r.MoveToFirstAttribute(); more; more = r.MoveToNextAttribute())
            {
                if (r.NamespaceURI == EpcisXmlNamespaces.Xmlns)
                    continue;
                element.Attributes.Add(new ExtensionAttribute(r.NamespaceURI, r.LocalName, r.Value, r.Prefix.Length == 0 ? null : r.Prefix));
            }
            r.MoveToElement();
        }
        var depth = r.Depth;
        if (!Enter(r))
        {
            element.Value = "";
            return element;
        }
        StringBuilder? text = null;
        while (!r.EOF && !(r.Depth == depth && r.NodeType == XmlNodeType.EndElement))
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                    RecordNamespaces();
                    element.Children.Add(ReadExtension(path + "/" + Qualified(), nesting + 1));
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    (text ??= new StringBuilder()).Append(r.Value);
                    r.Read();
                    break;
                default:
                    r.Read();
                    break;
            }
        }
        r.Read();
        // Mixed content keeps the child elements; whitespace between them is layout, not data.
        element.Value = element.Children.Count == 0 ? text?.ToString() ?? "" : null;
        return element;
    }

    /// <summary>Every child of the element under the reader as an extension element (ilmd, attribute values).</summary>
    protected List<ExtensionElement> ReadExtensionChildren(string path)
    {
        var list = new List<ExtensionElement>();
        var depth = r.Depth;
        if (!Enter(r))
            return list;
        while (Next(depth))
            list.Add(ReadExtension(path + "/" + Qualified()));
        return list;
    }

    /// <summary>A user attribute on sensor data (xsd:anyAttribute) becomes a leaf extension with its qualified name.</summary>
    protected ExtensionElement AttributeAsExtension() => new()
    {
        Namespace = r.NamespaceURI,
        Prefix = r.Prefix.Length == 0 ? null : r.Prefix,
        LocalName = r.LocalName,
        Value = r.Value,
    };

    protected DateTimeOffset? AttributeTime(string path)
    {
        if (EpcisXmlValues.TryParseTime(r.Value, out var value, out var problem))
            return value;
        errors.Add(new EpcisError(path, $"{r.LocalName} {problem}."));
        return null;
    }

    protected decimal? AttributeNumber(string path)
    {
        if (EpcisXmlValues.TryParseDecimal(r.Value, out var value))
            return value;
        errors.Add(new EpcisError(path, $"{r.LocalName} '{r.Value}' is not a number."));
        return null;
    }

    protected bool? AttributeBoolean(string path)
    {
        if (EpcisXmlValues.TryParseBoolean(r.Value, out var value))
            return value;
        errors.Add(new EpcisError(path, $"{r.LocalName} '{r.Value}' is not a boolean (true or false)."));
        return null;
    }
}
