using System.Collections.Frozen;
using System.Text.Json;
using VnTrace.Gs1.Epcis.Cbv;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>
/// One event object (EPCIS 2.0 §7.4): the common fields, the fields its type allows, and extensions. The nested
/// structures are read by <see cref="JsonEventPartsReader"/> and <see cref="JsonSensorReader"/>.
/// </summary>
internal sealed class JsonEventReader(List<EpcisError> errors, EpcisDocument document) : JsonFieldReader(errors)
{
    private readonly JsonEventPartsReader parts = new(errors);
    private readonly JsonSensorReader sensors = new(errors);

    /// <summary>Fields each event type may carry besides the common ones (GS1 EPCIS JSON schema, EPCIS 2.0 §7.4).</summary>
    private static readonly FrozenDictionary<EpcisEventType, FrozenSet<string>> fieldsByType =
        new Dictionary<EpcisEventType, FrozenSet<string>>
        {
            [EpcisEventType.ObjectEvent] = Fields("action", "epcList", "quantityList", "ilmd"),
            [EpcisEventType.AggregationEvent] = Fields("action", "parentID", "childEPCs", "childQuantityList"),
            [EpcisEventType.TransactionEvent] = Fields("action", "parentID", "epcList", "quantityList"),
            [EpcisEventType.TransformationEvent] = Fields("inputEPCList", "inputQuantityList", "outputEPCList",
                "outputQuantityList", "transformationID", "ilmd"),
            [EpcisEventType.AssociationEvent] = Fields("action", "parentID", "childEPCs", "childQuantityList"),
        }.ToFrozenDictionary();

    /// <summary>Every field that only some event types carry.</summary>
    private static readonly FrozenSet<string> typeSpecificFields =
        fieldsByType.Values.SelectMany(f => f).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenSet<string> Fields(params string[] specific) => specific.ToFrozenSet(StringComparer.Ordinal);

    public static bool TryParseEventType(string name, out EpcisEventType type)
    {
        type = name switch
        {
            "ObjectEvent" => EpcisEventType.ObjectEvent,
            "AggregationEvent" => EpcisEventType.AggregationEvent,
            "TransactionEvent" => EpcisEventType.TransactionEvent,
            "TransformationEvent" => EpcisEventType.TransformationEvent,
            "AssociationEvent" => EpcisEventType.AssociationEvent,
            _ => (EpcisEventType)(-1),
        };
        return type >= 0;
    }

    /// <summary>One event object; null when it is not an object or its type is unknown (the errors say why).</summary>
    public EpcisEvent? ReadEventObject(JsonElement value, string path, JsonLdContext context)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"expected an event object, found {KindName(value)}");
            return null;
        }
        if (value.TryGetProperty("@context", out var eventContext))
            context = context.Extend(eventContext, JsonPointer.Append(path, "@context"), Errors, document.Namespaces);

        var typePath = JsonPointer.Append(path, "type");
        if (!value.TryGetProperty("type", out var typeValue))
        {
            Error(typePath, "required field 'type' is missing");
            return null;
        }
        if (String(typeValue, typePath) is not { } typeName)
            return null;
        if (!TryParseEventType(typeName, out var type))
        {
            Error(typePath, $"unknown event type '{typeName}'");
            return null;
        }

        var evt = new EpcisEvent { Type = type };
        bool hasTime = false, hasOffset = false, hasAction = false;
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            if (typeSpecificFields.Contains(member.Name) && !fieldsByType[type].Contains(member.Name))
            {
                Error(at, $"field '{member.Name}' is not allowed in {type}");
                continue;
            }
            var field = member.Value;
            switch (member.Name)
            {
                case "@context":
                case "type":
                    break;
                case "eventTime":
                    hasTime = true;
                    if (Time(field, at, member.Name) is { } eventTime)
                        evt.EventTime = eventTime;
                    break;
                case "eventTimeZoneOffset":
                    hasOffset = true;
                    if (String(field, at) is { } offset)
                    {
                        if (EpcisDateTime.IsTimeZoneOffset(offset))
                            evt.EventTimeZoneOffset = offset;
                        else
                            Error(at, $"eventTimeZoneOffset '{offset}' is not of the form +hh:mm or -hh:mm within ±14:00");
                    }
                    break;
                case "recordTime":
                    evt.RecordTime = Time(field, at, member.Name);
                    break;
                case "eventID":
                    evt.EventId = Uri(field, at);
                    break;
                case "certificationInfo":
                    // A single URI or an array of them (JSON schema "certificationInfo").
                    if (field.ValueKind == JsonValueKind.String)
                    {
                        if (Uri(field, at) is { } certificate)
                            evt.CertificationInfo.Add(certificate);
                    }
                    else if (field.ValueKind == JsonValueKind.Array)
                        evt.CertificationInfo = UriList(field, at);
                    else
                        Error(at, $"expected a URI or an array of URIs, found {KindName(field)}");
                    break;
                case "errorDeclaration":
                    evt.ErrorDeclaration = parts.ReadErrorDeclaration(field, at, context);
                    break;
                case "parentID":
                    evt.ParentId = Uri(field, at);
                    break;
                case "epcList":
                case "childEPCs":
                    evt.EpcList = UriList(field, at);
                    break;
                case "quantityList":
                case "childQuantityList":
                    evt.QuantityList = QuantityList(field, at);
                    break;
                case "inputEPCList":
                    evt.InputEpcList = UriList(field, at);
                    break;
                case "inputQuantityList":
                    evt.InputQuantityList = QuantityList(field, at);
                    break;
                case "outputEPCList":
                    evt.OutputEpcList = UriList(field, at);
                    break;
                case "outputQuantityList":
                    evt.OutputQuantityList = QuantityList(field, at);
                    break;
                case "transformationID":
                    evt.TransformationId = Uri(field, at);
                    break;
                case "action":
                    hasAction = true;
                    evt.Action = Action(field, at);
                    break;
                case "bizStep":
                    evt.BizStep = Vocabulary(field, at, CbvVocabulary.BizStep);
                    break;
                case "disposition":
                    evt.Disposition = Vocabulary(field, at, CbvVocabulary.Disposition);
                    break;
                case "persistentDisposition":
                    evt.PersistentDisposition = parts.ReadPersistentDisposition(field, at);
                    break;
                case "readPoint":
                    evt.ReadPoint = ReadLocation(field, at, context, evt.ReadPointExtensions);
                    break;
                case "bizLocation":
                    evt.BizLocation = ReadLocation(field, at, context, evt.BizLocationExtensions);
                    break;
                case "bizTransactionList":
                    evt.BizTransactionList = parts.ReadBizTransactions(field, at);
                    break;
                case "sourceList":
                    evt.SourceList = parts.ReadSourceDestinations(field, at, "source");
                    break;
                case "destinationList":
                    evt.DestinationList = parts.ReadSourceDestinations(field, at, "destination");
                    break;
                case "sensorElementList":
                    evt.SensorElementList = sensors.ReadSensorElements(field, at, context);
                    break;
                case "ilmd":
                    evt.Ilmd = ReadExtensionObject(field, at, context);
                    break;
                default:
                    if (ExtensionJson.IsQualified(member.Name))
                        ExtensionJson.Read(member, at, context, Errors, evt.Extensions);
                    else
                        Error(at, $"'{member.Name}' is not an EPCIS field and, having no prefix, not a valid extension");
                    break;
            }
        }

        if (!hasTime)
            Error(JsonPointer.Append(path, "eventTime"), "required field 'eventTime' is missing");
        if (!hasOffset)
            Error(JsonPointer.Append(path, "eventTimeZoneOffset"), "required field 'eventTimeZoneOffset' is missing");
        if (!hasAction && type != EpcisEventType.TransformationEvent)
            Error(JsonPointer.Append(path, "action"), $"required field 'action' is missing (every {type} has one)");
        return evt;
    }

    private EpcisAction? Action(JsonElement value, string path)
    {
        switch (String(value, path))
        {
            case "ADD":
                return EpcisAction.Add;
            case "OBSERVE":
                return EpcisAction.Observe;
            case "DELETE":
                return EpcisAction.Delete;
            case { } other:
                Error(path, $"action '{other}' is not one of ADD, OBSERVE, DELETE");
                return null;
            default:
                return null;
        }
    }

    private List<QuantityElement> QuantityList(JsonElement value, string path) =>
        ObjectArray(value, path, ReadQuantityElement);

    private QuantityElement ReadQuantityElement(JsonElement item, string itemPath)
    {
        var quantity = new QuantityElement();
        var hasClass = false;
        foreach (var member in item.EnumerateObject())
        {
            var at = JsonPointer.Append(itemPath, member.Name);
            switch (member.Name)
            {
                case "epcClass":
                    hasClass = true;
                    quantity.EpcClass = Uri(member.Value, at) ?? "";
                    break;
                case "quantity":
                    quantity.Quantity = Decimal(member.Value, at);
                    break;
                case "uom":
                    quantity.Uom = String(member.Value, at);
                    break;
                default:
                    Error(at, $"'{member.Name}' is not a field of a quantity element (epcClass, quantity, uom)");
                    break;
            }
        }
        if (!hasClass)
            Error(JsonPointer.Append(itemPath, "epcClass"), "required field 'epcClass' is missing");
        return quantity;
    }

    /// <summary>readPoint or bizLocation: an "id" plus, as EPCIS 2.0 allows, extension members.</summary>
    private string? ReadLocation(JsonElement value, string path, JsonLdContext context, List<ExtensionElement> extensions)
    {
        if (!Object(value, path))
            return null;
        string? id = null;
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            if (member.Name == "id")
                id = Uri(member.Value, at);
            else if (ExtensionJson.IsQualified(member.Name))
                ExtensionJson.Read(member, at, context, Errors, extensions);
            else
                Error(at, $"'{member.Name}' is not a field of a location (id) and, having no prefix, not a valid extension");
        }
        if (id is null && !value.TryGetProperty("id", out _))
            Error(JsonPointer.Append(path, "id"), "required field 'id' is missing");
        return id;
    }

}
