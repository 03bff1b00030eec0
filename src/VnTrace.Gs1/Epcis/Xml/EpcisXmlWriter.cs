using System.Xml;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>
/// Streams an <see cref="EpcisDocument"/> or a query result as EPCIS XML 2.0 or 1.2, in the element order of the
/// version's XSD. Standard vocabulary values are written in CBV URN form; times keep the offset they were read with.
/// </summary>
/// <remarks>
/// Down-conversion to 1.2 follows GS1's own 2.0-to-1.2 stylesheet (gs1/EPCIS XSL/convert-2.0-to-1.2.xsl) with every
/// 2.0-only element kept, placed where the standard 1.2 XSD admits unvalidated content (its ##local extension
/// points), so output stays valid 1.2 and this reader restores it losslessly:
/// <list type="bullet">
/// <item>eventID and errorDeclaration go into baseExtension (EPCIS 1.2 §7.4.1).</item>
/// <item>TransformationEvent goes into EventList/extension; AssociationEvent, which 1.2 lacks, into
/// EventList/extension/extension with the 1.2 event layout, as the GS1 stylesheet does.</item>
/// <item>sensorElementList, persistentDisposition and certificationInfo go into the event's innermost extension,
/// beside user fields without a namespace. A 1.2-only consumer ignores them, which is the 1.2 rule for unknown
/// extensions; nothing is dropped.</item>
/// <item>The 2.0 event <c>extension</c> and <c>baseExtension</c> wrappers hold namespaced (##other) fields, which 1.2
/// admits only at event level: they are written there, so they come back as plain event extensions.</item>
/// </list>
/// The reverse direction mirrors GS1's convert-1.2-to-2.0.xsl: 1.2 user fields without a namespace are read into
/// the event's <c>extension</c> wrapper, and written there in 2.0.
/// </remarks>
public static class EpcisXmlWriter
{
    public static void WriteDocument(XmlWriter w, EpcisDocument doc, EpcisXmlVersion version)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(doc);
        if (w.WriteState == WriteState.Start)
            w.WriteStartDocument();
        w.WriteStartElement("epcis", "EPCISDocument", EpcisXmlNamespaces.Core(version));
        WriteNamespaceDeclarations(w, doc.Namespaces, "epcis");
        WriteDocumentAttributes(w, doc.CreationDate ?? DateTimeOffset.UtcNow, version);
        WriteHeader(w, doc, version);
        w.WriteStartElement("EPCISBody");
        WriteEventList(w, doc.Events, version);
        w.WriteEndElement();
        w.WriteEndElement();
        w.Flush();
    }

    /// <summary>An EPCISQueryDocument with QueryResults (EPCIS 2.0 query XSD): queryName, subscriptionID, resultsBody/EventList.</summary>
    public static void WriteQueryDocument(XmlWriter w, IEnumerable<EpcisEvent> events, string queryName, string? subscriptionId, EpcisXmlVersion version)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(queryName);
        var ns = EpcisXmlNamespaces.Query(version);
        if (w.WriteState == WriteState.Start)
            w.WriteStartDocument();
        w.WriteStartElement("epcisq", "EPCISQueryDocument", ns);
        WriteDocumentAttributes(w, DateTimeOffset.UtcNow, version);
        w.WriteStartElement("EPCISBody");
        w.WriteStartElement("epcisq", "QueryResults", ns);
        w.WriteElementString("queryName", queryName);
        if (subscriptionId is not null)
            w.WriteElementString("subscriptionID", subscriptionId);
        w.WriteStartElement("resultsBody");
        WriteEventList(w, events, version);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.Flush();
    }

    private static void WriteDocumentAttributes(XmlWriter w, DateTimeOffset creationDate, EpcisXmlVersion version)
    {
        w.WriteAttributeString("schemaVersion", version == EpcisXmlVersion.V2_0 ? "2.0" : "1.2");
        w.WriteAttributeString("creationDate", EpcisXmlValues.FormatTime(creationDate));
    }

    /// <summary>The document's own prefixes, declared once on the root; the EPCIS and SBDH namespaces are the writer's.</summary>
    private static void WriteNamespaceDeclarations(XmlWriter w, Dictionary<string, string> namespaces, string reserved)
    {
        foreach (var (prefix, uri) in namespaces)
        {
            if (prefix.Length == 0 || prefix == reserved || prefix.StartsWith("xml", StringComparison.OrdinalIgnoreCase)
                || EpcisXmlNamespaces.IsWriterOwned(uri))
                continue;
            w.WriteAttributeString("xmlns", prefix, EpcisXmlNamespaces.Xmlns, uri);
        }
    }

    /// <summary>
    /// EPCISHeader: SBDH when sender, receiver or instance identifier is known, master data in extension/EPCISMasterData.
    /// 1.2 makes the SBDH mandatory inside EPCISHeader, so it is always written there.
    /// </summary>
    private static void WriteHeader(XmlWriter w, EpcisDocument doc, EpcisXmlVersion version)
    {
        var hasSbdh = doc.Sender is not null || doc.Receiver is not null || doc.InstanceIdentifier is not null;
        if (!hasSbdh && doc.MasterData.Count == 0)
            return;
        w.WriteStartElement("EPCISHeader");
        if (hasSbdh || version == EpcisXmlVersion.V1_2)
            WriteSbdh(w, doc, version);
        if (doc.MasterData.Count > 0)
        {
            w.WriteStartElement("extension");
            w.WriteStartElement("EPCISMasterData");
            EpcisXmlMasterDataWriter.WriteVocabularyList(w, doc.MasterData);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>The mandatory SBDH elements (GS1 SBDH 1.3 and EPCIS 2.0 §9.2.2): version, sender, receiver, identification.</summary>
    private static void WriteSbdh(XmlWriter w, EpcisDocument doc, EpcisXmlVersion version)
    {
        const string ns = EpcisXmlNamespaces.Sbdh;
        w.WriteStartElement("sbdh", "StandardBusinessDocumentHeader", ns);
        w.WriteElementString("sbdh", "HeaderVersion", ns, "1.0");
        w.WriteStartElement("sbdh", "Sender", ns);
        w.WriteElementString("sbdh", "Identifier", ns, doc.Sender ?? "");
        w.WriteEndElement();
        w.WriteStartElement("sbdh", "Receiver", ns);
        w.WriteElementString("sbdh", "Identifier", ns, doc.Receiver ?? "");
        w.WriteEndElement();
        w.WriteStartElement("sbdh", "DocumentIdentification", ns);
        w.WriteElementString("sbdh", "Standard", ns, "EPCglobal");
        w.WriteElementString("sbdh", "TypeVersion", ns, version == EpcisXmlVersion.V2_0 ? "2.0" : "1.0");
        w.WriteElementString("sbdh", "InstanceIdentifier", ns, doc.InstanceIdentifier ?? "");
        w.WriteElementString("sbdh", "Type", ns, "Events");
        w.WriteElementString("sbdh", "CreationDateAndTime", ns, EpcisXmlValues.FormatTime(doc.CreationDate ?? DateTimeOffset.UtcNow));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteEventList(XmlWriter w, IEnumerable<EpcisEvent> events, EpcisXmlVersion version)
    {
        w.WriteStartElement("EventList");
        foreach (var ev in events)
        {
            if (version == EpcisXmlVersion.V2_0)
            {
                EpcisXmlEventWriter.WriteV20(w, ev);
                continue;
            }
            var wrappers = ev.Type switch
            {
                EpcisEventType.TransformationEvent => 1,
                EpcisEventType.AssociationEvent => 2,
                _ => 0,
            };
            for (var i = 0; i < wrappers; i++)
                w.WriteStartElement("extension");
            EpcisXmlEventWriter.WriteV12(w, ev);
            for (var i = 0; i < wrappers; i++)
                w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
