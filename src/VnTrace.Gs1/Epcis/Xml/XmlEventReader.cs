using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Gs1.Epcis.Validation;
using static VnTrace.Gs1.Epcis.Xml.XmlNavigation;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>Events: the event list (2.0 and 1.2 layouts) and an explicit switch over field names.</summary>
internal sealed class XmlEventReader(XmlParseState state) : XmlPartReader(state)
{
    private readonly XmlEventPartsReader parts = new(state);
    private readonly XmlSensorReader sensors = new(state);

    private bool sawEventTime;

    internal void ReadEventList(string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        while (Next(depth))
            ReadEventListEntry(path, positions, extensionLevel: 0);
    }

    /// <summary>
    /// One child of EventList. EPCIS 1.2 puts TransformationEvent inside <c>extension</c> and, as GS1's 2.0-to-1.2
    /// conversion does, AssociationEvent inside <c>extension/extension</c>; both nestings are read in either version.
    /// </summary>
    private void ReadEventListEntry(string parentPath, Dictionary<string, int> positions, int extensionLevel)
    {
        var name = r.LocalName;
        var position = positions[name] = positions.GetValueOrDefault(name) + 1;
        var path = parentPath + "/" + Indexed(name, position);
        if (r.NamespaceURI.Length == 0 && EventType(name) is { } type)
        {
            ReadEvent(type, path);
            return;
        }
        if (r.NamespaceURI.Length == 0 && name == "extension" && extensionLevel < 2)
        {
            var depth = r.Depth;
            if (!Enter(r))
                return;
            var inner = new Dictionary<string, int>(StringComparer.Ordinal);
            while (Next(depth))
                ReadEventListEntry(path, inner, extensionLevel + 1);
            return;
        }
        errors.Add(new EpcisError(path, name == "QuantityEvent" && r.NamespaceURI.Length == 0
            ? "QuantityEvent is not supported: deprecated in EPCIS 1.1 and removed in 2.0. Send an ObjectEvent with a quantityList instead."
            : $"Unknown event element '{Qualified()}'. Expected ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent."));
        r.Skip();
    }

    private static EpcisEventType? EventType(string name) => name switch
    {
        "ObjectEvent" => EpcisEventType.ObjectEvent,
        "AggregationEvent" => EpcisEventType.AggregationEvent,
        "TransactionEvent" => EpcisEventType.TransactionEvent,
        "TransformationEvent" => EpcisEventType.TransformationEvent,
        "AssociationEvent" => EpcisEventType.AssociationEvent,
        _ => null,
    };

    private void ReadEvent(EpcisEventType type, string path)
    {
        State.Where = path;
        var ev = new EpcisEvent { Type = type };
        var errorsBefore = errors.Count;
        sawEventTime = false;
        var depth = r.Depth;
        if (Enter(r))
        {
            while (Next(depth))
            {
                var name = r.LocalName;
                if (r.NamespaceURI.Length != 0)
                    ev.Extensions.Add(ReadExtension(path + "/" + Qualified()));
                else if (name == "extension" && State.V12)
                    ReadV12Extension(ev, path + "/extension", innermost: type == EpcisEventType.TransformationEvent);
                else if (name == "baseExtension" && State.V12)
                    ReadV12BaseExtension(ev, path + "/baseExtension");
                else if (name is "extension" or "baseExtension")
                    ev.Extensions.Add(ReadExtension(path + "/" + name)); // 2.0 wrappers of ##other content, kept whole
                else if (!ReadEventField(ev, name, path + "/" + name))
                {
                    errors.Add(new EpcisError(path + "/" + name, $"Unexpected element '{name}' in {type}."));
                    r.Skip();
                }
            }
        }
        if (!sawEventTime)
            errors.Add(new EpcisError(path + "/eventTime", "Missing eventTime."));
        if (ev.EventTimeZoneOffset.Length == 0)
            errors.Add(new EpcisError(path + "/eventTimeZoneOffset", "Missing eventTimeZoneOffset (e.g. +07:00)."));
        if (ev.Action is null && type != EpcisEventType.TransformationEvent)
            errors.Add(new EpcisError(path + "/action", $"Missing action: a {type} needs ADD, OBSERVE or DELETE."));
        // Identifier and per-type rules are shared with the JSON reader. They run on events that read cleanly, so a
        // missing action or a bad offset is reported once, by the reader, with its element path.
        if (errors.Count == errorsBefore)
            EpcisEventValidator.Validate(ev, path, errors);
        document.Events.Add(ev);
    }

    /// <summary>The standard fields of every event type (EPCIS 2.0 XSD order does not matter here). False when unknown.</summary>
    private bool ReadEventField(EpcisEvent ev, string name, string path)
    {
        switch (name)
        {
            case "eventTime":
                sawEventTime = true;
                ev.EventTime = ReadTime(path, name) ?? default;
                return true;
            case "recordTime":
                ev.RecordTime = ReadTime(path, name);
                return true;
            case "eventTimeZoneOffset":
                ev.EventTimeZoneOffset = Text();
                if (!EpcisXmlValues.IsTimeZoneOffset(ev.EventTimeZoneOffset))
                    errors.Add(new EpcisError(path, $"'{ev.EventTimeZoneOffset}' is not a time-zone offset: expected ±hh:mm, e.g. +07:00."));
                return true;
            case "eventID":
                ev.EventId = Text();
                return true;
            case "certificationInfo":
                ev.CertificationInfo.Add(Text());
                return true;
            case "errorDeclaration":
                ev.ErrorDeclaration = parts.ReadErrorDeclaration(path);
                return true;
            case "parentID":
                ev.ParentId = Text();
                return true;
            case "epcList" or "childEPCs":
                ReadEpcList(ev.EpcList, path);
                return true;
            case "quantityList" or "childQuantityList":
                parts.ReadQuantityList(ev.QuantityList, path);
                return true;
            case "inputEPCList":
                ReadEpcList(ev.InputEpcList, path);
                return true;
            case "inputQuantityList":
                parts.ReadQuantityList(ev.InputQuantityList, path);
                return true;
            case "outputEPCList":
                ReadEpcList(ev.OutputEpcList, path);
                return true;
            case "outputQuantityList":
                parts.ReadQuantityList(ev.OutputQuantityList, path);
                return true;
            case "transformationID":
                ev.TransformationId = Text();
                return true;
            case "action":
                ev.Action = parts.ReadAction(path);
                return true;
            case "bizStep":
                ev.BizStep = Cbv.Cbv.ToUrn(CbvVocabulary.BizStep, Text());
                return true;
            case "disposition":
                ev.Disposition = Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, Text());
                return true;
            case "persistentDisposition":
                ev.PersistentDisposition = parts.ReadPersistentDisposition(path);
                return true;
            case "readPoint":
                ev.ReadPoint = parts.ReadLocation(ev.ReadPointExtensions, path);
                return true;
            case "bizLocation":
                ev.BizLocation = parts.ReadLocation(ev.BizLocationExtensions, path);
                return true;
            case "bizTransactionList":
                parts.ReadBizTransactionList(ev.BizTransactionList, path);
                return true;
            case "sourceList":
                parts.ReadSourceDestinationList(ev.SourceList, "source", path);
                return true;
            case "destinationList":
                parts.ReadSourceDestinationList(ev.DestinationList, "destination", path);
                return true;
            case "sensorElementList":
                sensors.ReadSensorElementList(ev.SensorElementList, path);
                return true;
            case "ilmd":
                ev.Ilmd = ReadExtensionChildren(path);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// EPCIS 1.2 event <c>extension</c>: the 1.1/1.2 fields (quantityList, sourceList, destinationList, ilmd) and a
    /// nested <c>extension</c> whose ##local content is, innermost, where 2.0-only fields travel in 1.2
    /// (sensorElementList, persistentDisposition, certificationInfo) beside user fields without a namespace.
    /// A 1.2 TransformationEvent's extension is innermost already. The user fields land in the same place as the
    /// 2.0 event <c>extension</c> wrapper, as GS1's convert-1.2-to-2.0.xsl moves them.
    /// </summary>
    private void ReadV12Extension(EpcisEvent ev, string path, bool innermost)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            var name = r.LocalName;
            var child = path + "/" + name;
            if (r.NamespaceURI.Length != 0)
                ev.Extensions.Add(ReadExtension(path + "/" + Qualified()));
            else if (!innermost && name is "quantityList" or "childQuantityList" or "sourceList" or "destinationList" or "ilmd")
                ReadEventField(ev, name, child);
            else if (!innermost && name == "extension")
                ReadV12Extension(ev, child, innermost: true);
            else if (innermost && name is "sensorElementList" or "persistentDisposition" or "certificationInfo")
                ReadEventField(ev, name, child);
            else if (innermost)
                EventExtensionWrapper(ev).Children.Add(ReadExtension(child));
            else
            {
                errors.Add(new EpcisError(child, $"Unexpected element '{name}' in a 1.2 event extension."));
                r.Skip();
            }
        }
    }

    /// <summary>The event's "extension" wrapper (an element without namespace), created on first use.</summary>
    private static ExtensionElement EventExtensionWrapper(EpcisEvent ev)
    {
        var wrapper = ev.Extensions.Find(e => e.Namespace.Length == 0 && e.LocalName == "extension");
        if (wrapper is null)
        {
            wrapper = new ExtensionElement { LocalName = "extension" };
            ev.Extensions.Add(wrapper);
        }
        return wrapper;
    }

    /// <summary>EPCIS 1.2 baseExtension: eventID, errorDeclaration, and an extension of ##local user fields.</summary>
    private void ReadV12BaseExtension(EpcisEvent ev, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            var name = r.LocalName;
            var child = path + "/" + name;
            if (r.NamespaceURI.Length == 0 && name is "eventID" or "errorDeclaration" or "certificationInfo")
                ReadEventField(ev, name, child);
            else if (r.NamespaceURI.Length == 0 && name == "extension")
                ReadV12Extension(ev, child, innermost: true);
            else
                ev.Extensions.Add(ReadExtension(child));
        }
    }
}
