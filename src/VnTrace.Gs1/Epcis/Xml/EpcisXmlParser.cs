using System.Xml;
using static VnTrace.Gs1.Epcis.Xml.XmlNavigation;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>
/// One pass over one EPCIS XML document: the envelope (root, header, body) here; events and master data by the
/// readers of those parts, all over one <see cref="XmlParseState"/>.
/// </summary>
internal sealed class EpcisXmlParser : XmlPartReader
{
    private readonly XmlEventReader events;
    private readonly XmlMasterDataReader masterData;

    public EpcisXmlParser(XmlReader reader) : this(new XmlParseState(reader))
    {
    }

    private EpcisXmlParser(XmlParseState state) : base(state)
    {
        events = new XmlEventReader(state);
        masterData = new XmlMasterDataReader(state);
    }

    public EpcisReadResult Read()
    {
        try
        {
            if (!ReadRoot())
                return new EpcisReadResult { Errors = errors };
        }
        catch (XmlException ex)
        {
            errors.Add(new EpcisError(State.Where, Describe(ex)));
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
        State.Where = path;
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
        State.V12 = r.NamespaceURI is EpcisXmlNamespaces.Epcis1 or EpcisXmlNamespaces.Query1 or EpcisXmlNamespaces.MasterData1;
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
        document.SchemaVersion = schemaVersion?.Trim() ?? (State.V12 ? "1.2" : "2.0");

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
                        masterData.ReadVocabularyList(child + "/VocabularyList");
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
                    events.ReadEventList(child);
                    break;
                case (RootKind.Query, "QueryResults"):
                    ReadQueryResults(child);
                    break;
                case (RootKind.MasterData, "VocabularyList") when r.NamespaceURI.Length == 0:
                    masterData.ReadVocabularyList(child);
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
                    events.ReadEventList(child);
                else if (r.LocalName == "VocabularyList")
                    masterData.ReadVocabularyList(child);
                else
                    SkipUnlessStandard(child);
            }
        }
    }
}
