using System.Xml;
using static VnTrace.Gs1.Epcis.Xml.XmlNavigation;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>
/// One pass over one EPCIS XML document: the envelope (root, header, body) here; events, extensions and master
/// data in the other parts of this class. Errors are collected with element paths such as
/// <c>/EPCISDocument/EPCISBody/EventList/ObjectEvent[3]/eventTime</c>.
/// </summary>
internal sealed partial class EpcisXmlParser(XmlReader r)
{
    private readonly List<EpcisError> errors = [];
    private readonly EpcisDocument document = new();

    /// <summary>The document uses the 1.2 layout: baseExtension, extension wrappers, TransformationEvent in extension.</summary>
    private bool v12;

    /// <summary>The element being read, for errors raised by the XML parser itself.</summary>
    private string where = "/";

    public EpcisReadResult Read()
    {
        try
        {
            if (!ReadRoot())
                return new EpcisReadResult { Errors = errors };
        }
        catch (XmlException ex)
        {
            errors.Add(new EpcisError(where, Describe(ex)));
            return new EpcisReadResult { Errors = errors };
        }
        return new EpcisReadResult { Document = document, Errors = errors };
    }

    private bool IsBareDoctype() =>
        string.IsNullOrWhiteSpace(r.Value) && r.GetAttribute("SYSTEM") is null && r.GetAttribute("PUBLIC") is null;

    private static string Describe(XmlException ex)
    {
        // XmlReader gives no position for a refused DTD; it can only be the prolog.
        var at = ex.LineNumber > 0 ? $" at line {ex.LineNumber}, position {ex.LinePosition}" : "";
        return ex.Message.Contains("DTD", StringComparison.Ordinal)
            ? $"Document type declarations (DTD) with declarations or external identifiers are refused{at}: a DTD can expand entities or read external files (XXE). Remove the <!DOCTYPE> declaration."
            : $"Malformed XML{at}: {ex.Message}";
    }

    private enum RootKind { Events, Query, MasterData }

    private bool ReadRoot()
    {
        // The prolog: a bare <!DOCTYPE name> declares nothing and loads nothing (several GS1 examples carry one), so it
        // is ignored; a DTD with an internal subset or an external identifier could define entities (XXE, billion
        // laughs) and is refused before anything in it is used.
        while (r.NodeType != XmlNodeType.Element && r.Read())
        {
            if (r.NodeType == XmlNodeType.DocumentType && !IsBareDoctype())
                throw new XmlException("DTD with declarations");
        }
        if (r.NodeType != XmlNodeType.Element)
        {
            errors.Add(new EpcisError("/", "The document has no root element."));
            return false;
        }
        var path = "/" + r.LocalName;
        where = path;
        RootKind? kind = (r.LocalName, r.NamespaceURI) switch
        {
            ("EPCISDocument", EpcisXmlNamespaces.Epcis2 or EpcisXmlNamespaces.Epcis1) => RootKind.Events,
            ("EPCISQueryDocument", EpcisXmlNamespaces.Query2 or EpcisXmlNamespaces.Query1) => RootKind.Query,
            ("EPCISMasterDataDocument", EpcisXmlNamespaces.MasterData2 or EpcisXmlNamespaces.MasterData1) => RootKind.MasterData,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(new EpcisError(path,
                $"Not an EPCIS document: root element '{r.LocalName}' in namespace '{r.NamespaceURI}'. Expected EPCISDocument, " +
                $"EPCISQueryDocument or EPCISMasterDataDocument in the EPCIS 2.0 ({EpcisXmlNamespaces.Epcis2}) or 1.2 ({EpcisXmlNamespaces.Epcis1}) namespaces."));
            return false;
        }
        v12 = r.NamespaceURI is EpcisXmlNamespaces.Epcis1 or EpcisXmlNamespaces.Query1 or EpcisXmlNamespaces.MasterData1;
        RecordNamespaces();
        ReadDocumentAttributes(path);

        var depth = r.Depth;
        if (Enter(r))
        {
            while (Next(depth))
            {
                var child = path + "/" + r.LocalName;
                switch (r.LocalName)
                {
                    case "EPCISHeader" when r.NamespaceURI.Length == 0:
                        ReadHeader(child);
                        break;
                    case "EPCISBody" when r.NamespaceURI.Length == 0:
                        ReadBody(kind.Value, child);
                        break;
                    default:
                        // Document-level extension and ##other elements (EPCIS 2.0 XSD EPCISDocumentType) have no place
                        // in the model.
                        SkipUnlessStandard(child);
                        break;
                }
            }
        }
        return true;
    }

    private void ReadDocumentAttributes(string path)
    {
        var schemaVersion = r.GetAttribute("schemaVersion");
        if (schemaVersion is null)
            errors.Add(new EpcisError(path, "Missing schemaVersion attribute."));
        document.SchemaVersion = schemaVersion?.Trim() ?? (v12 ? "1.2" : "2.0");

        var creationDate = r.GetAttribute("creationDate");
        if (creationDate is null)
            errors.Add(new EpcisError(path, "Missing creationDate attribute."));
        else if (EpcisXmlValues.TryParseTime(creationDate, out var created, out var problem))
            document.CreationDate = created;
        else
            errors.Add(new EpcisError(path + "/@creationDate", $"creationDate {problem}."));
    }

    private void ReadHeader(string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            var child = path + "/" + r.LocalName;
            if (r.LocalName == "StandardBusinessDocumentHeader" && r.NamespaceURI == EpcisXmlNamespaces.Sbdh)
                ReadSbdh();
            else if (r.LocalName == "extension" && r.NamespaceURI.Length == 0)
                ReadHeaderExtension(child);
            else
                SkipUnlessStandard(child);
        }
    }

    private void ReadHeaderExtension(string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            var child = path + "/" + r.LocalName;
            if (r.LocalName == "EPCISMasterData" && r.NamespaceURI.Length == 0)
            {
                var masterDepth = r.Depth;
                if (!Enter(r))
                    continue;
                while (Next(masterDepth))
                {
                    if (r.LocalName == "VocabularyList" && r.NamespaceURI.Length == 0)
                        ReadVocabularyList(child + "/VocabularyList");
                    else
                        r.Skip();
                }
            }
            else
            {
                r.Skip();
            }
        }
    }

    /// <summary>SBDH (GS1 SBDH standard): the first sender and receiver identifiers, and the instance identifier.</summary>
    private void ReadSbdh()
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            switch (r.LocalName)
            {
                case "Sender":
                    document.Sender ??= ReadSbdhChildText("Identifier");
                    break;
                case "Receiver":
                    document.Receiver ??= ReadSbdhChildText("Identifier");
                    break;
                case "DocumentIdentification":
                    document.InstanceIdentifier ??= ReadSbdhChildText("InstanceIdentifier");
                    break;
                default:
                    r.Skip();
                    break;
            }
        }
    }

    private string? ReadSbdhChildText(string name)
    {
        string? value = null;
        var depth = r.Depth;
        if (!Enter(r))
            return null;
        while (Next(depth))
        {
            if (r.LocalName == name && value is null)
            {
                var text = ReadText(r, out _).Trim();
                value = text.Length == 0 ? null : text;
            }
            else
            {
                r.Skip();
            }
        }
        return value;
    }

    private void ReadBody(RootKind kind, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            var child = path + "/" + r.LocalName;
            switch (kind, r.LocalName)
            {
                case (RootKind.Events, "EventList") when r.NamespaceURI.Length == 0:
                    ReadEventList(child);
                    break;
                case (RootKind.Query, "QueryResults"):
                    ReadQueryResults(child);
                    break;
                case (RootKind.MasterData, "VocabularyList") when r.NamespaceURI.Length == 0:
                    ReadVocabularyList(child);
                    break;
                case (RootKind.Query, _) when r.NamespaceURI is EpcisXmlNamespaces.Query2 or EpcisXmlNamespaces.Query1:
                    errors.Add(new EpcisError(child, $"The query document carries '{r.LocalName}', not QueryResults: there are no events to read."));
                    r.Skip();
                    break;
                default:
                    SkipUnlessStandard(child);
                    break;
            }
        }
    }

    /// <summary>QueryResults (EPCIS 2.0 query XSD): queryName, subscriptionID, resultsBody with EventList or VocabularyList.</summary>
    private void ReadQueryResults(string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            if (r.LocalName != "resultsBody")
            {
                r.Skip();
                continue;
            }
            var bodyPath = path + "/resultsBody";
            var bodyDepth = r.Depth;
            if (!Enter(r))
                continue;
            while (Next(bodyDepth))
            {
                var child = bodyPath + "/" + r.LocalName;
                if (r.LocalName == "EventList")
                    ReadEventList(child);
                else if (r.LocalName == "VocabularyList")
                    ReadVocabularyList(child);
                else
                    SkipUnlessStandard(child);
            }
        }
    }

    /// <summary>Moves to the next child element and records the namespace prefixes it declares.</summary>
    private bool Next(int parentDepth)
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
    private void RecordNamespaces()
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
    private void SkipUnlessStandard(string path)
    {
        if (r.NamespaceURI.Length == 0 && r.LocalName != "extension")
            errors.Add(new EpcisError(path, $"Unexpected element '{r.LocalName}'."));
        r.Skip();
    }
}
