using System.Xml;
using VnTrace.Gs1.Epcis.Cbv;
using static VnTrace.Gs1.Epcis.Xml.EpcisXmlExtensionWriter;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>One event, in the field order of the EPCIS 2.0 XSD or of the 1.2 XSD.</summary>
internal static class EpcisXmlEventWriter
{
    /// <summary>EPCIS 2.0 XSD: base fields, then the type's fields, its <c>extension</c>, then ##other user fields.</summary>
    public static void WriteV20(XmlWriter w, EpcisEvent ev)
    {
        w.WriteStartElement(ev.Type.ToString());
        WriteTimes(w, ev);
        Optional(w, "eventID", ev.EventId);
        if (ev.ErrorDeclaration is { } error)
            WriteErrorDeclaration(w, error);
        foreach (var certification in ev.CertificationInfo)
            w.WriteElementString("certificationInfo", certification);
        WriteAll(w, ev.Extensions.Where(e => IsWrapper(e, "baseExtension")));

        switch (ev.Type)
        {
            case EpcisEventType.ObjectEvent:
                EpcList(w, "epcList", ev.EpcList, always: false);
                Action(w, ev);
                Why(w, ev);
                Where(w, ev);
                BizTransactions(w, ev.BizTransactionList, always: false);
                Quantities(w, "quantityList", ev.QuantityList);
                SourcesDestinations(w, ev);
                Sensors(w, ev.SensorElementList);
                Persistent(w, ev.PersistentDisposition);
                Ilmd(w, ev.Ilmd);
                break;
            case EpcisEventType.AggregationEvent:
                Optional(w, "parentID", ev.ParentId);
                EpcList(w, "childEPCs", ev.EpcList, always: false);
                Action(w, ev);
                Why(w, ev);
                Where(w, ev);
                BizTransactions(w, ev.BizTransactionList, always: false);
                Quantities(w, "childQuantityList", ev.QuantityList);
                SourcesDestinations(w, ev);
                Sensors(w, ev.SensorElementList);
                Persistent(w, ev.PersistentDisposition);
                break;
            case EpcisEventType.TransactionEvent:
                BizTransactions(w, ev.BizTransactionList, always: true);
                Optional(w, "parentID", ev.ParentId);
                EpcList(w, "epcList", ev.EpcList, always: false);
                Action(w, ev);
                Why(w, ev);
                Where(w, ev);
                Quantities(w, "quantityList", ev.QuantityList);
                SourcesDestinations(w, ev);
                Sensors(w, ev.SensorElementList);
                Persistent(w, ev.PersistentDisposition);
                break;
            case EpcisEventType.TransformationEvent:
                TransformationWhat(w, ev);
                Why(w, ev);
                Where(w, ev);
                BizTransactions(w, ev.BizTransactionList, always: false);
                SourcesDestinations(w, ev);
                Sensors(w, ev.SensorElementList);
                Persistent(w, ev.PersistentDisposition);
                Ilmd(w, ev.Ilmd);
                break;
            case EpcisEventType.AssociationEvent:
                w.WriteElementString("parentID", ev.ParentId ?? "");
                EpcList(w, "childEPCs", ev.EpcList, always: false);
                Quantities(w, "childQuantityList", ev.QuantityList);
                Action(w, ev);
                Why(w, ev);
                Where(w, ev);
                BizTransactions(w, ev.BizTransactionList, always: false);
                SourcesDestinations(w, ev);
                Sensors(w, ev.SensorElementList);
                Persistent(w, ev.PersistentDisposition);
                break;
        }
        V20Extension(w, ev);
        WriteAll(w, ev.Extensions.Where(e => e.Namespace.Length != 0));
        w.WriteEndElement();
    }

    /// <summary>
    /// The 2.0 event <c>extension</c> wrapper, kept as read. User fields without a namespace (1.2 ##local ones, or
    /// JSON keys without a prefix) join it, where GS1's convert-1.2-to-2.0.xsl puts them.
    /// </summary>
    private static void V20Extension(XmlWriter w, EpcisEvent ev)
    {
        var wrapper = ev.Extensions.Find(e => IsWrapper(e, "extension"));
        var loose = ev.Extensions.Where(e => e.Namespace.Length == 0 && !IsWrapper(e, "extension") && !IsWrapper(e, "baseExtension")).ToList();
        if (loose.Count == 0)
        {
            if (wrapper is not null)
                Write(w, wrapper);
            return;
        }
        w.WriteStartElement("extension");
        if (wrapper is not null)
            WriteAll(w, wrapper.Children);
        WriteAll(w, loose);
        w.WriteEndElement();
    }

    /// <summary>
    /// EPCIS 1.2 XSD: eventID/errorDeclaration in baseExtension; 1.1 fields in extension; 2.0-only fields and user
    /// fields without a namespace in the innermost ##local extension (see <see cref="EpcisXmlWriter"/>); user fields
    /// with a namespace last, as ##other.
    /// </summary>
    public static void WriteV12(XmlWriter w, EpcisEvent ev)
    {
        w.WriteStartElement(ev.Type.ToString());
        WriteTimes(w, ev);
        if (ev.EventId is not null || ev.ErrorDeclaration is not null)
        {
            w.WriteStartElement("baseExtension");
            Optional(w, "eventID", ev.EventId);
            if (ev.ErrorDeclaration is { } error)
                WriteErrorDeclaration(w, error);
            w.WriteEndElement();
        }

        switch (ev.Type)
        {
            case EpcisEventType.ObjectEvent:
                EpcList(w, "epcList", ev.EpcList, always: true);
                Action(w, ev);
                Why(w, ev);
                Where(w, ev);
                BizTransactions(w, ev.BizTransactionList, always: false);
                V12Extension(w, ev, "quantityList", ilmd: true);
                break;
            case EpcisEventType.AggregationEvent:
                Optional(w, "parentID", ev.ParentId);
                EpcList(w, "childEPCs", ev.EpcList, always: true);
                Action(w, ev);
                Why(w, ev);
                Where(w, ev);
                BizTransactions(w, ev.BizTransactionList, always: false);
                V12Extension(w, ev, "childQuantityList", ilmd: false);
                break;
            case EpcisEventType.AssociationEvent:
                // Not in 1.2: written with the AggregationEvent layout inside EventList/extension/extension.
                w.WriteElementString("parentID", ev.ParentId ?? "");
                EpcList(w, "childEPCs", ev.EpcList, always: true);
                Action(w, ev);
                Why(w, ev);
                Where(w, ev);
                BizTransactions(w, ev.BizTransactionList, always: false);
                V12Extension(w, ev, "childQuantityList", ilmd: false);
                break;
            case EpcisEventType.TransactionEvent:
                BizTransactions(w, ev.BizTransactionList, always: true);
                Optional(w, "parentID", ev.ParentId);
                EpcList(w, "epcList", ev.EpcList, always: true);
                Action(w, ev);
                Why(w, ev);
                Where(w, ev);
                V12Extension(w, ev, "quantityList", ilmd: false);
                break;
            case EpcisEventType.TransformationEvent:
                TransformationWhat(w, ev);
                Why(w, ev);
                Where(w, ev);
                BizTransactions(w, ev.BizTransactionList, always: false);
                SourcesDestinations(w, ev);
                Ilmd(w, ev.Ilmd);
                if (HasV12Innermost(ev))
                {
                    w.WriteStartElement("extension"); // TransformationEventExtensionType is ##local already
                    V12Innermost(w, ev);
                    w.WriteEndElement();
                }
                break;
        }
        // The 2.0 wrappers hold ##other content, which 1.2 admits only at event level.
        foreach (var e in ev.Extensions)
        {
            if (IsWrapper(e, "extension") || IsWrapper(e, "baseExtension"))
                WriteAll(w, e.Children.Where(c => c.Namespace.Length != 0));
            else if (e.Namespace.Length != 0)
                Write(w, e);
        }
        w.WriteEndElement();
    }

    /// <summary>1.2 ObjectEventExtensionType and kin: quantities, sources, destinations, ilmd, then the nested extension.</summary>
    private static void V12Extension(XmlWriter w, EpcisEvent ev, string quantityName, bool ilmd)
    {
        var innermost = HasV12Innermost(ev);
        if (ev.QuantityList.Count == 0 && ev.SourceList.Count == 0 && ev.DestinationList.Count == 0
            && !(ilmd && ev.Ilmd is not null) && !innermost)
            return;
        w.WriteStartElement("extension");
        Quantities(w, quantityName, ev.QuantityList);
        SourcesDestinations(w, ev);
        if (ilmd)
            Ilmd(w, ev.Ilmd);
        if (innermost)
        {
            w.WriteStartElement("extension");
            V12Innermost(w, ev);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static bool HasV12Innermost(EpcisEvent ev) =>
        ev.SensorElementList.Count > 0 || ev.PersistentDisposition is not null || ev.CertificationInfo.Count > 0
        || V12LocalFields(ev).Any();

    private static void V12Innermost(XmlWriter w, EpcisEvent ev)
    {
        Sensors(w, ev.SensorElementList);
        Persistent(w, ev.PersistentDisposition);
        foreach (var certification in ev.CertificationInfo)
            w.WriteElementString("certificationInfo", certification);
        WriteAll(w, V12LocalFields(ev));
    }

    /// <summary>User fields without a namespace: the ##local content of the 1.2 innermost extension.</summary>
    private static IEnumerable<ExtensionElement> V12LocalFields(EpcisEvent ev)
    {
        foreach (var e in ev.Extensions)
        {
            if (IsWrapper(e, "extension") || IsWrapper(e, "baseExtension"))
            {
                foreach (var child in e.Children.Where(c => c.Namespace.Length == 0))
                    yield return child;
            }
            else if (e.Namespace.Length == 0)
            {
                yield return e;
            }
        }
    }

    private static void WriteTimes(XmlWriter w, EpcisEvent ev)
    {
        w.WriteElementString("eventTime", EpcisXmlValues.FormatTime(ev.EventTime));
        if (ev.RecordTime is { } recorded)
            w.WriteElementString("recordTime", EpcisXmlValues.FormatTime(recorded));
        w.WriteElementString("eventTimeZoneOffset", ev.EventTimeZoneOffset);
    }

    /// <summary>errorDeclaration: declarationTime, reason, correctiveEventIDs, extension, ##other (1.2 order, valid in 2.0).</summary>
    private static void WriteErrorDeclaration(XmlWriter w, ErrorDeclaration error)
    {
        w.WriteStartElement("errorDeclaration");
        w.WriteElementString("declarationTime", EpcisXmlValues.FormatTime(error.DeclarationTime));
        if (error.Reason is not null)
            w.WriteElementString("reason", Cbv.Cbv.ToUrn(CbvVocabulary.ErrorReason, error.Reason));
        if (error.CorrectiveEventIds.Count > 0)
        {
            w.WriteStartElement("correctiveEventIDs");
            foreach (var id in error.CorrectiveEventIds)
                w.WriteElementString("correctiveEventID", id);
            w.WriteEndElement();
        }
        WriteAll(w, error.Extensions.Where(e => IsWrapper(e, "extension")));
        WriteAll(w, error.Extensions.Where(e => !IsWrapper(e, "extension")));
        w.WriteEndElement();
    }

    private static void TransformationWhat(XmlWriter w, EpcisEvent ev)
    {
        EpcList(w, "inputEPCList", ev.InputEpcList, always: false);
        Quantities(w, "inputQuantityList", ev.InputQuantityList);
        EpcList(w, "outputEPCList", ev.OutputEpcList, always: false);
        Quantities(w, "outputQuantityList", ev.OutputQuantityList);
        Optional(w, "transformationID", ev.TransformationId);
    }

    private static void Action(XmlWriter w, EpcisEvent ev) =>
        w.WriteElementString("action", ev.Action switch
        {
            EpcisAction.Add => "ADD",
            EpcisAction.Delete => "DELETE",
            _ => "OBSERVE", // action is mandatory in XML; an event read without one was already reported
        });

    private static void Why(XmlWriter w, EpcisEvent ev)
    {
        if (ev.BizStep is not null)
            w.WriteElementString("bizStep", Cbv.Cbv.ToUrn(CbvVocabulary.BizStep, ev.BizStep));
        if (ev.Disposition is not null)
            w.WriteElementString("disposition", Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, ev.Disposition));
    }

    private static void Where(XmlWriter w, EpcisEvent ev)
    {
        Location(w, "readPoint", ev.ReadPoint, ev.ReadPointExtensions);
        Location(w, "bizLocation", ev.BizLocation, ev.BizLocationExtensions);
    }

    /// <summary>ReadPointType / BusinessLocationType: id, extension, ##other.</summary>
    private static void Location(XmlWriter w, string name, string? id, List<ExtensionElement> extensions)
    {
        if (id is null)
            return;
        w.WriteStartElement(name);
        w.WriteElementString("id", id);
        WriteAll(w, extensions.Where(e => IsWrapper(e, "extension")));
        WriteAll(w, extensions.Where(e => !IsWrapper(e, "extension")));
        w.WriteEndElement();
    }

    private static void EpcList(XmlWriter w, string name, List<string> epcs, bool always)
    {
        if (epcs.Count == 0 && !always)
            return;
        w.WriteStartElement(name);
        foreach (var epc in epcs)
            w.WriteElementString("epc", epc);
        w.WriteEndElement();
    }

    private static void Quantities(XmlWriter w, string name, List<QuantityElement> quantities)
    {
        if (quantities.Count == 0)
            return;
        w.WriteStartElement(name);
        foreach (var q in quantities)
        {
            w.WriteStartElement("quantityElement");
            w.WriteElementString("epcClass", q.EpcClass);
            if (q.Quantity is { } quantity)
                w.WriteElementString("quantity", EpcisXmlValues.FormatDecimal(quantity));
            else if (q.Uom is not null)
            {
                // QuantityElementType: uom only follows a quantity, which may be nil.
                w.WriteStartElement("quantity");
                w.WriteAttributeString("xsi", "nil", EpcisXmlNamespaces.Xsi, "true");
                w.WriteEndElement();
            }
            if (q.Uom is not null)
                w.WriteElementString("uom", q.Uom);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void BizTransactions(XmlWriter w, List<BizTransaction> transactions, bool always)
    {
        if (transactions.Count == 0 && !always)
            return;
        w.WriteStartElement("bizTransactionList");
        foreach (var t in transactions)
        {
            w.WriteStartElement("bizTransaction");
            if (t.Type is not null)
                w.WriteAttributeString("type", Cbv.Cbv.ToUrn(CbvVocabulary.BizTransactionType, t.Type));
            w.WriteString(t.Value);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void SourcesDestinations(XmlWriter w, EpcisEvent ev)
    {
        SourceDestinationList(w, "sourceList", "source", ev.SourceList);
        SourceDestinationList(w, "destinationList", "destination", ev.DestinationList);
    }

    private static void SourceDestinationList(XmlWriter w, string listName, string itemName, List<SourceDestination> items)
    {
        if (items.Count == 0)
            return;
        w.WriteStartElement(listName);
        foreach (var item in items)
        {
            w.WriteStartElement(itemName);
            w.WriteAttributeString("type", Cbv.Cbv.ToUrn(CbvVocabulary.SourceDestType, item.Type));
            w.WriteString(item.Value);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Persistent(XmlWriter w, PersistentDisposition? persistent)
    {
        if (persistent is null)
            return;
        w.WriteStartElement("persistentDisposition");
        foreach (var unset in persistent.Unset)
            w.WriteElementString("unset", Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, unset));
        foreach (var set in persistent.Set)
            w.WriteElementString("set", Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, set));
        w.WriteEndElement();
    }

    private static void Ilmd(XmlWriter w, List<ExtensionElement>? ilmd)
    {
        if (ilmd is null)
            return;
        w.WriteStartElement("ilmd");
        WriteAll(w, ilmd.Where(e => IsWrapper(e, "extension")));
        WriteAll(w, ilmd.Where(e => !IsWrapper(e, "extension")));
        w.WriteEndElement();
    }

    private static void Optional(XmlWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteElementString(name, value);
    }

    private static void Sensors(XmlWriter w, List<SensorElement> sensors)
    {
        if (sensors.Count == 0)
            return;
        w.WriteStartElement("sensorElementList");
        foreach (var sensor in sensors)
            EpcisXmlSensorWriter.Write(w, sensor);
        w.WriteEndElement();
    }
}
