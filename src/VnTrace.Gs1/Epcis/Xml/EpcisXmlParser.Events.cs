using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Gs1.Epcis.Validation;
using static VnTrace.Gs1.Epcis.Xml.XmlNavigation;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>Events: the event list (2.0 and 1.2 layouts) and an explicit switch over field names.</summary>
internal sealed partial class EpcisXmlParser
{
    private bool sawEventTime;

    private void ReadEventList(string path)
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
        where = path;
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
                else if (name == "extension" && v12)
                    ReadV12Extension(ev, path + "/extension", innermost: type == EpcisEventType.TransformationEvent);
                else if (name == "baseExtension" && v12)
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
                ev.ErrorDeclaration = ReadErrorDeclaration(path);
                return true;
            case "parentID":
                ev.ParentId = Text();
                return true;
            case "epcList" or "childEPCs":
                ReadEpcList(ev.EpcList, path);
                return true;
            case "quantityList" or "childQuantityList":
                ReadQuantityList(ev.QuantityList, path);
                return true;
            case "inputEPCList":
                ReadEpcList(ev.InputEpcList, path);
                return true;
            case "inputQuantityList":
                ReadQuantityList(ev.InputQuantityList, path);
                return true;
            case "outputEPCList":
                ReadEpcList(ev.OutputEpcList, path);
                return true;
            case "outputQuantityList":
                ReadQuantityList(ev.OutputQuantityList, path);
                return true;
            case "transformationID":
                ev.TransformationId = Text();
                return true;
            case "action":
                ev.Action = ReadAction(path);
                return true;
            case "bizStep":
                ev.BizStep = Cbv.Cbv.ToUrn(CbvVocabulary.BizStep, Text());
                return true;
            case "disposition":
                ev.Disposition = Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, Text());
                return true;
            case "persistentDisposition":
                ev.PersistentDisposition = ReadPersistentDisposition(path);
                return true;
            case "readPoint":
                ev.ReadPoint = ReadLocation(ev.ReadPointExtensions, path);
                return true;
            case "bizLocation":
                ev.BizLocation = ReadLocation(ev.BizLocationExtensions, path);
                return true;
            case "bizTransactionList":
                ReadBizTransactionList(ev.BizTransactionList, path);
                return true;
            case "sourceList":
                ReadSourceDestinationList(ev.SourceList, "source", path);
                return true;
            case "destinationList":
                ReadSourceDestinationList(ev.DestinationList, "destination", path);
                return true;
            case "sensorElementList":
                ReadSensorElementList(ev.SensorElementList, path);
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

    private ErrorDeclaration ReadErrorDeclaration(string path)
    {
        var declaration = new ErrorDeclaration();
        var sawTime = false;
        var depth = r.Depth;
        if (Enter(r))
        {
            while (Next(depth))
            {
                var name = r.LocalName;
                var child = path + "/" + name;
                if (r.NamespaceURI.Length != 0 || name == "extension")
                {
                    declaration.Extensions.Add(ReadExtension(child));
                    continue;
                }
                switch (name)
                {
                    case "declarationTime":
                        sawTime = true;
                        declaration.DeclarationTime = ReadTime(child, name) ?? default;
                        break;
                    case "reason":
                        declaration.Reason = Cbv.Cbv.ToUrn(CbvVocabulary.ErrorReason, Text());
                        break;
                    case "correctiveEventIDs":
                        ReadTextList(declaration.CorrectiveEventIds, "correctiveEventID", child);
                        break;
                    default:
                        errors.Add(new EpcisError(child, $"Unexpected element '{name}' in errorDeclaration."));
                        r.Skip();
                        break;
                }
            }
        }
        if (!sawTime)
            errors.Add(new EpcisError(path + "/declarationTime", "Missing declarationTime in errorDeclaration."));
        return declaration;
    }

    private void ReadEpcList(List<string> list, string path) => ReadTextList(list, "epc", path);

    private void ReadTextList(List<string> list, string itemName, string path)
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

    private void ReadQuantityList(List<QuantityElement> list, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        var position = 0;
        while (Next(depth))
        {
            var itemPath = path + "/" + Indexed(r.LocalName, ++position);
            if (r.LocalName != "quantityElement" || r.NamespaceURI.Length != 0)
            {
                errors.Add(new EpcisError(itemPath, $"Unexpected element '{r.LocalName}': expected quantityElement."));
                r.Skip();
                continue;
            }
            list.Add(ReadQuantityElement(itemPath));
        }
    }

    private QuantityElement ReadQuantityElement(string path)
    {
        var element = new QuantityElement();
        var sawClass = false;
        var depth = r.Depth;
        if (Enter(r))
        {
            while (Next(depth))
            {
                var child = path + "/" + r.LocalName;
                switch (r.LocalName)
                {
                    case "epcClass":
                        sawClass = true;
                        element.EpcClass = Text();
                        break;
                    case "quantity":
                        // xsi:nil="true" is the 1.2/2.0 XSD way of saying "no quantity" (QuantityElementType).
                        var nil = r.GetAttribute("nil", EpcisXmlNamespaces.Xsi) is "true" or "1";
                        var text = Text();
                        if (nil)
                            break;
                        if (EpcisXmlValues.TryParseDecimal(text, out var quantity))
                            element.Quantity = quantity;
                        else
                            errors.Add(new EpcisError(child, $"quantity '{text}' is not a number."));
                        break;
                    case "uom":
                        element.Uom = Text();
                        break;
                    default:
                        errors.Add(new EpcisError(child, $"Unexpected element '{r.LocalName}' in quantityElement."));
                        r.Skip();
                        break;
                }
            }
        }
        if (!sawClass)
            errors.Add(new EpcisError(path + "/epcClass", "Missing epcClass in quantityElement."));
        return element;
    }

    private EpcisAction? ReadAction(string path)
    {
        var text = Text();
        switch (text)
        {
            case "ADD":
                return EpcisAction.Add;
            case "OBSERVE":
                return EpcisAction.Observe;
            case "DELETE":
                return EpcisAction.Delete;
            default:
                errors.Add(new EpcisError(path, $"'{text}' is not an action: expected ADD, OBSERVE or DELETE."));
                return null;
        }
    }

    private PersistentDisposition ReadPersistentDisposition(string path)
    {
        var result = new PersistentDisposition();
        var depth = r.Depth;
        if (!Enter(r))
            return result;
        while (Next(depth))
        {
            switch (r.LocalName)
            {
                case "set":
                    result.Set.Add(Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, Text()));
                    break;
                case "unset":
                    result.Unset.Add(Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, Text()));
                    break;
                default:
                    errors.Add(new EpcisError(path + "/" + r.LocalName, $"Unexpected element '{r.LocalName}': expected set or unset."));
                    r.Skip();
                    break;
            }
        }
        return result;
    }

    /// <summary>readPoint or bizLocation: the id, then extension elements (the "extension" wrapper and ##other).</summary>
    private string? ReadLocation(List<ExtensionElement> extensions, string path)
    {
        string? id = null;
        var depth = r.Depth;
        if (Enter(r))
        {
            while (Next(depth))
            {
                if (r.LocalName == "id" && r.NamespaceURI.Length == 0)
                    id = Text();
                else
                    extensions.Add(ReadExtension(path + "/" + Qualified()));
            }
        }
        if (id is null)
            errors.Add(new EpcisError(path + "/id", "Missing id."));
        return id;
    }

    private void ReadBizTransactionList(List<BizTransaction> list, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            if (r.LocalName != "bizTransaction" || r.NamespaceURI.Length != 0)
            {
                errors.Add(new EpcisError(path + "/" + r.LocalName, $"Unexpected element '{r.LocalName}': expected bizTransaction."));
                r.Skip();
                continue;
            }
            var type = r.GetAttribute("type");
            list.Add(new BizTransaction
            {
                Type = type is null ? null : Cbv.Cbv.ToUrn(CbvVocabulary.BizTransactionType, type.Trim()),
                Value = Text(),
            });
        }
    }

    private void ReadSourceDestinationList(List<SourceDestination> list, string itemName, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        var position = 0;
        while (Next(depth))
        {
            var itemPath = path + "/" + Indexed(r.LocalName, ++position);
            if (r.LocalName != itemName || r.NamespaceURI.Length != 0)
            {
                errors.Add(new EpcisError(itemPath, $"Unexpected element '{r.LocalName}': expected {itemName}."));
                r.Skip();
                continue;
            }
            var type = r.GetAttribute("type");
            if (type is null)
                errors.Add(new EpcisError(itemPath + "/@type", $"Missing type attribute on {itemName}."));
            list.Add(new SourceDestination
            {
                Type = Cbv.Cbv.ToUrn(CbvVocabulary.SourceDestType, type?.Trim() ?? ""),
                Value = Text(),
            });
        }
    }

    private DateTimeOffset? ReadTime(string path, string field)
    {
        var text = Text();
        if (EpcisXmlValues.TryParseTime(text, out var value, out var problem))
            return value;
        errors.Add(new EpcisError(path, $"{field} {problem}."));
        return null;
    }

    /// <summary>Text of a standard simple field, trimmed (xsd:anyURI and friends collapse whitespace).</summary>
    private string Text()
    {
        var path = where;
        var text = ReadText(r, out var hadChildren).Trim();
        if (hadChildren)
            errors.Add(new EpcisError(path, "A simple field held child elements; they were ignored."));
        return text;
    }

    private string Qualified() => r.Prefix.Length == 0 ? r.LocalName : r.Prefix + ":" + r.LocalName;
}
