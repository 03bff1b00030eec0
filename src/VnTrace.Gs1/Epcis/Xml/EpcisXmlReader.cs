using System.Xml;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>
/// Reads EPCIS XML documents, versions 2.0 and 1.2 (EPCISDocument, EPCISQueryDocument, EPCISMasterDataDocument),
/// into the format-neutral <see cref="EpcisDocument"/>. Streaming, with DTDs refused (no entity expansion, no
/// external fetches). Every problem is reported with the element path where it was found; reading stops only at
/// XML that is not well-formed.
/// </summary>
public static class EpcisXmlReader
{
    public static EpcisReadResult ReadDocument(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = XmlReader.Create(xml, Settings);
        return new EpcisXmlParser(reader).Read();
    }

    public static EpcisReadResult ReadDocument(TextReader xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = XmlReader.Create(xml, Settings);
        return new EpcisXmlParser(reader).Read();
    }

    public static EpcisReadResult ReadDocument(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var text = new StringReader(xml);
        return ReadDocument(text);
    }

    /// <summary>
    /// No resolver is set, so nothing outside the document is ever read. The DTD is parsed only so the parser can
    /// look at it: any declaration or external identifier is refused before the root element (see
    /// EpcisXmlParser.ReadRoot), which stops entities that read local files (XXE) or expand exponentially
    /// ("billion laughs"); the entity limit is a second fence.
    /// </summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = false,
    };
}
