namespace VnTrace.Gs1.Epcis.Validation;

/// <summary>
/// The semantic rules of EPCIS 2.0 §7 that a schema cannot express: which fields each event type needs or must not
/// have, time-zone offsets, and that every identifier is a valid EPC URI, GS1 Digital Link or absolute URI.
/// </summary>
public static class EpcisEventValidator
{
    /// <summary>
    /// Appends one <see cref="EpcisError"/> per problem in <paramref name="e"/>; each path extends
    /// <paramref name="pointer"/>, the JSON pointer of the event (e.g. <c>/epcisBody/eventList/3</c>), with the EPCIS
    /// JSON field names (<c>/epcList/1</c>, <c>/readPoint/id</c>).
    /// </summary>
    public static void Validate(EpcisEvent e, string pointer, List<EpcisError> errors)
    {
        var at = new ErrorSink(pointer, errors);
        CheckAction(e, at);
        CheckFieldsBelongToType(e, at);
        CheckTimeZoneOffset(e.EventTimeZoneOffset, at);
        if (e.EventId is { } id)
            IdentifierRules.CheckUri(id, "/eventID", "eventID", at);
        for (var i = 0; i < e.CertificationInfo.Count; i++)
            IdentifierRules.CheckUri(e.CertificationInfo[i], $"/certificationInfo/{i}", "certificationInfo", at);

        var epcListName = e.Type is EpcisEventType.AggregationEvent or EpcisEventType.AssociationEvent ? "childEPCs" : "epcList";
        var quantityListName = e.Type is EpcisEventType.AggregationEvent or EpcisEventType.AssociationEvent ? "childQuantityList" : "quantityList";
        if (e.ParentId is { } parent)
            IdentifierRules.CheckInstance(parent, "/parentID", at);
        CheckEpcs(e.EpcList, epcListName, at);
        CheckEpcs(e.InputEpcList, "inputEPCList", at);
        CheckEpcs(e.OutputEpcList, "outputEPCList", at);
        CheckQuantities(e.QuantityList, quantityListName, at);
        CheckQuantities(e.InputQuantityList, "inputQuantityList", at);
        CheckQuantities(e.OutputQuantityList, "outputQuantityList", at);
        if (e.TransformationId is { } transformationId)
            IdentifierRules.CheckUri(transformationId, "/transformationID", "transformationID", at);

        if (e.BizStep is { } bizStep)
            IdentifierRules.CheckUri(bizStep, "/bizStep", "bizStep", at);
        if (e.Disposition is { } disposition)
            IdentifierRules.CheckUri(disposition, "/disposition", "disposition", at);
        if (e.PersistentDisposition is { } persistent)
        {
            for (var i = 0; i < persistent.Set.Count; i++)
                IdentifierRules.CheckUri(persistent.Set[i], $"/persistentDisposition/set/{i}", "persistentDisposition", at);
            for (var i = 0; i < persistent.Unset.Count; i++)
                IdentifierRules.CheckUri(persistent.Unset[i], $"/persistentDisposition/unset/{i}", "persistentDisposition", at);
        }
        if (e.ReadPoint is { } readPoint)
            IdentifierRules.CheckLocation(readPoint, "/readPoint/id", "readPoint", at);
        if (e.BizLocation is { } bizLocation)
            IdentifierRules.CheckLocation(bizLocation, "/bizLocation/id", "bizLocation", at);

        for (var i = 0; i < e.BizTransactionList.Count; i++)
        {
            var bt = e.BizTransactionList[i];
            IdentifierRules.CheckReference(bt.Value, $"/bizTransactionList/{i}/bizTransaction", "bizTransaction", at);
            if (bt.Type is { } type)
                IdentifierRules.CheckUri(type, $"/bizTransactionList/{i}/type", "business transaction type", at);
        }
        CheckSourceDestinations(e.SourceList, "sourceList", "source", at);
        CheckSourceDestinations(e.DestinationList, "destinationList", "destination", at);
        CheckErrorDeclaration(e.ErrorDeclaration, at);
        SensorRules.Check(e.SensorElementList, at);
    }

    private static void CheckAction(EpcisEvent e, ErrorSink at)
    {
        // EPCIS 2.0 §7.4.2–§7.4.6: action is mandatory except in TransformationEvent, which has none.
        if (e.Type == EpcisEventType.TransformationEvent)
        {
            if (e.Action is not null)
                at.Add("/action", "a TransformationEvent has no action");
            return;
        }
        if (e.Action is null)
        {
            at.Add("/action", $"an {e.Type} needs an action (ADD, OBSERVE or DELETE)");
            return;
        }
        // EPCIS 2.0 §7.4.3: parentID is required in an AggregationEvent when action is ADD or DELETE;
        // §7.4.6: an AssociationEvent always names its parent.
        if (e.ParentId is null && e.Type == EpcisEventType.AggregationEvent && e.Action is EpcisAction.Add or EpcisAction.Delete)
            at.Add("/parentID", $"an AggregationEvent with action {e.Action.ToString()!.ToUpperInvariant()} needs a parentID");
        if (e.ParentId is null && e.Type == EpcisEventType.AssociationEvent)
            at.Add("/parentID", "an AssociationEvent needs a parentID");
    }

    private static void CheckFieldsBelongToType(EpcisEvent e, ErrorSink at)
    {
        var transformation = e.Type == EpcisEventType.TransformationEvent;
        if (transformation)
        {
            // EPCIS 2.0 §7.4.5: inputs, outputs or a transformationID tie the event to something.
            if (e.InputEpcList.Count + e.InputQuantityList.Count + e.OutputEpcList.Count + e.OutputQuantityList.Count == 0 && e.TransformationId is null)
                at.Add("", "a TransformationEvent needs at least one input or output, or a transformationID");
            if (e.EpcList.Count > 0)
                at.Add("/epcList", "a TransformationEvent has inputEPCList and outputEPCList, not epcList");
            if (e.QuantityList.Count > 0)
                at.Add("/quantityList", "a TransformationEvent has inputQuantityList and outputQuantityList, not quantityList");
            if (e.ParentId is not null)
                at.Add("/parentID", "a TransformationEvent has no parentID");
            return;
        }
        if (e.InputEpcList.Count > 0)
            at.Add("/inputEPCList", $"only a TransformationEvent has inputEPCList, not an {e.Type}");
        if (e.OutputEpcList.Count > 0)
            at.Add("/outputEPCList", $"only a TransformationEvent has outputEPCList, not an {e.Type}");
        if (e.InputQuantityList.Count > 0)
            at.Add("/inputQuantityList", $"only a TransformationEvent has inputQuantityList, not an {e.Type}");
        if (e.OutputQuantityList.Count > 0)
            at.Add("/outputQuantityList", $"only a TransformationEvent has outputQuantityList, not an {e.Type}");
        if (e.TransformationId is not null && e.Type != EpcisEventType.ObjectEvent)
            at.Add("/transformationID", $"an {e.Type} has no transformationID");
        if (e.ParentId is not null && e.Type == EpcisEventType.ObjectEvent)
            at.Add("/parentID", "an ObjectEvent has no parentID");
        // EPCIS 2.0 §7.4.2: ilmd only when an ObjectEvent creates objects (ADD), or in a TransformationEvent.
        if (e.Ilmd is not null && !(e.Type == EpcisEventType.ObjectEvent && e.Action == EpcisAction.Add))
            at.Add("/ilmd", "ilmd belongs only in an ObjectEvent with action ADD or in a TransformationEvent");
    }

    /// <summary>EPCIS 2.0 §7.4.1: "+hh:mm" or "-hh:mm", between -14:00 and +14:00.</summary>
    internal static void CheckTimeZoneOffset(string offset, ErrorSink at)
    {
        if (offset.Length == 0)
        {
            at.Add("/eventTimeZoneOffset", "eventTimeZoneOffset is required, e.g. +07:00");
            return;
        }
        var ok = offset.Length == 6 && offset[0] is '+' or '-' && offset[3] == ':'
            && char.IsAsciiDigit(offset[1]) && char.IsAsciiDigit(offset[2]) && char.IsAsciiDigit(offset[4]) && char.IsAsciiDigit(offset[5]);
        if (!ok)
        {
            at.Add("/eventTimeZoneOffset", $"eventTimeZoneOffset '{offset}' is not of the form +hh:mm or -hh:mm");
            return;
        }
        var hours = (offset[1] - '0') * 10 + offset[2] - '0';
        var minutes = (offset[4] - '0') * 10 + offset[5] - '0';
        if (minutes > 59)
            at.Add("/eventTimeZoneOffset", $"eventTimeZoneOffset '{offset}': minutes {offset[4..]} must be below 60");
        else if (hours > 14 || (hours == 14 && minutes > 0))
            at.Add("/eventTimeZoneOffset", $"eventTimeZoneOffset '{offset}': hours {offset[1..3]} is beyond 14:00");
    }

    private static void CheckEpcs(List<string> epcs, string name, ErrorSink at)
    {
        for (var i = 0; i < epcs.Count; i++)
            IdentifierRules.CheckInstance(epcs[i], $"/{name}/{i}", at);
    }

    private static void CheckQuantities(List<QuantityElement> quantities, string name, ErrorSink at)
    {
        for (var i = 0; i < quantities.Count; i++)
        {
            var q = quantities[i];
            var path = $"/{name}/{i}";
            IdentifierRules.CheckClass(q.EpcClass, $"{path}/epcClass", at);
            // EPCIS 2.0 §7.3.3.3: quantity is a non-negative number; uom qualifies a quantity and needs one.
            if (q.Quantity < 0)
                at.Add($"{path}/quantity", $"quantity {q.Quantity} is negative");
            if (q.Uom is { } uom)
            {
                if (q.Quantity is null)
                    at.Add($"{path}/uom", $"uom '{uom}' is given without a quantity");
                if (!IsRec20Code(uom))
                    at.Add($"{path}/uom", $"uom '{uom}' is not a UN/ECE Recommendation 20 code (2 or 3 upper-case letters or digits, e.g. KGM)");
            }
        }
    }

    internal static bool IsRec20Code(string uom) =>
        uom.Length is 2 or 3 && uom.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static void CheckSourceDestinations(List<SourceDestination> list, string listName, string itemName, ErrorSink at)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            if (item.Type.Length == 0)
                at.Add($"/{listName}/{i}/type", $"{itemName} needs a type, e.g. owning_party or location");
            else
                IdentifierRules.CheckUri(item.Type, $"/{listName}/{i}/type", $"{itemName} type", at);
            IdentifierRules.CheckReference(item.Value, $"/{listName}/{i}/{itemName}", itemName, at);
        }
    }

    private static void CheckErrorDeclaration(ErrorDeclaration? declaration, ErrorSink at)
    {
        if (declaration is null)
            return;
        // EPCIS 2.0 §7.4.1.2: declarationTime is mandatory.
        if (declaration.DeclarationTime == default)
            at.Add("/errorDeclaration/declarationTime", "errorDeclaration needs a declarationTime");
        if (declaration.Reason is { } reason)
            IdentifierRules.CheckUri(reason, "/errorDeclaration/reason", "errorDeclaration reason", at);
        for (var i = 0; i < declaration.CorrectiveEventIds.Count; i++)
            IdentifierRules.CheckUri(declaration.CorrectiveEventIds[i], $"/errorDeclaration/correctiveEventIDs/{i}", "correctiveEventID", at);
    }
}

/// <summary>Collects errors under one event's JSON pointer.</summary>
internal readonly struct ErrorSink(string pointer, List<EpcisError> errors)
{
    public void Add(string relativePath, string message) => errors.Add(new EpcisError(pointer + relativePath, message));
}
