using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using static VnTrace.Server.Exports.ExportCellKind;

namespace VnTrace.Server.Exports;

/// <summary>
/// The critical tracking events of a scope with their key data elements, in the shape of the sortable spreadsheet the
/// US FDA's FSMA 204 rule (21 CFR 1.1455(c)(3)(ii)) asks for within 24 hours — and Circular 31/2026/TT-BCT asks
/// for within 24 hours too. One row per event and traceability lot code (a transformation gives a row per input
/// and per output, all with the same event ID), ordered by event time.
/// </summary>
public static class CriticalTrackingEvents
{
    public const string SheetTitle = "Critical tracking events";

    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("Critical tracking event", Text, "The FSMA 204 name of the event: Harvesting/Creation (CBV commissioning), Shipping, Receiving, Transformation (every TransformationEvent), Packing, Unpacking…; other CBV business steps in words.", 22),
        new("Event time (local)", LocalDateTime, "When the event happened, as the wall-clock time where it happened; its offset is the next column.", 20),
        new("Time zone", Literal, "The event's time-zone offset (eventTimeZoneOffset).", 10),
        new("Event time (UTC)", UtcDateTime, "The same instant in UTC, for sorting events from different time zones.", 20),
        new("Item role", Text, "item (what an object or transaction event is about), input or output (transformation), content (packed into or unpacked from the container).", 10),
        new("GTIN", Text, "The product's GTIN (14 digits).", 16),
        new("Product description", Text, $"The Vietnamese name of the product its business registered under the GTIN (the capturer's registration first); {ExportSheet.NotRecorded} when no business registered it.", 20),
        new("Traceability lot code", Text, "The lot or batch number (AI 10).", 18),
        new("Serial number", Text, "The serial number (AI 21) of an individually identified item.", 14),
        new("SSCC", Text, "The logistic unit (AI 00) when the item is a pallet or case.", 20),
        new("Item identifier", Text, "The item as a GS1 Digital Link (canonical form at id.gs1.org) or as the event wrote it.", 50),
        new("Quantity", Number, "The quantity of the lot; 1 for an individually identified item (an EPC).", 11),
        new("Unit of measure", Text, "UN/ECE Recommendation 20 code (KGM, LTR…); EA (each) for an individually identified item.", 10),
        new("Container", Text, "The parent: the pallet or case packed or unpacked (aggregation), or the container of a transaction.", 30),
        new("Location GLN", Text, "The GLN of the business location (else the read point) where the event happened.", 15),
        new("Location", Text, "The business location (else read point) as a Digital Link or as the event wrote it.", 40),
        new("From (source)", Text, "Who or where the goods came from: sourceList as type and party; a registered party is named.", 40),
        new("To (destination)", Text, "Who or where the goods went: destinationList as type and party; a registered party is named.", 40),
        new("Reference documents", Text, "bizTransactionList: document type (po, desadv, inv, bol…) and number.", 30),
        new("Disposition", Text, "The CBV disposition after the event (in_transit, in_progress…).", 14),
        new("CBV business step", Text, "The event's bizStep as written (CBV word or the capturer's own URI).", 16),
        new("EPCIS event type", Text, "ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent, with its action.", 20),
        new("EPCIS event ID", Text, "The eventID: the capturer's, or the CBV 2.0 event hash when it sent none.", 50),
        new("Captured by", Text, "The organization whose API key recorded the event.", 24),
        new("Recorded (UTC)", UtcDateTime, "When the system recorded the event (recordTime), for the 'recorded promptly' rule (Decree 37/2026 Art. 22).", 20),
        new("Error declaration", Text, "When the capturer later declared the event erroneous (EPCIS 2.0 §7.4.1.2): the reason.", 18),
    ];

    public static ExportSheet Build(IReadOnlyList<ExportEvent> events, IReadOnlyDictionary<string, string> partyNames, ExportRecords records,
        ExportHeaders headers, IReadOnlyList<(string, string)> about)
    {
        var rows = new List<object?[]>();
        foreach (var stored in events)
        {
            var e = stored.Event;
            var cte = NameOf(e);
            var location = e.BizLocation ?? e.ReadPoint;
            var locationId = location is null ? null : VnTrace.Server.Platform.Events.Identifiers.Canonical(location);
            var from = ExportItems.Parties(e.SourceList, partyNames);
            var to = ExportItems.Parties(e.DestinationList, partyNames);
            var documents = ExportItems.Documents(e.BizTransactionList);
            var eventType = e.Action is { } action ? $"{e.Type} {action.ToString().ToUpperInvariant()}" : e.Type.ToString();
            var error = e.ErrorDeclaration is { } d ? Cbv.ToBareWord(CbvVocabulary.ErrorReason, d.Reason ?? "declared erroneous") : null;
            var recorded = new DateTimeOffset(DateTime.SpecifyKind(stored.RecordTime, DateTimeKind.Utc));
            foreach (var line in ExportItems.LinesOf(e))
            {
                var keys = ExportItems.KeysOf(line.Identifier);
                rows.Add(
                [
                    cte, e.EventTime, e.EventTimeZoneOffset, e.EventTime, line.Role,
                    keys.Gtin, keys.Gtin is null ? null : records.Product(keys.Gtin, stored.OwnerId)?.Name ?? ExportSheet.NotRecorded, keys.Lot, keys.Serial, keys.Sscc,
                    line.Identifier, line.Quantity, line.Uom,
                    e.ParentId is null ? null : VnTrace.Server.Platform.Events.Identifiers.Canonical(e.ParentId),
                    ExportItems.GlnOf(location), locationId, from, to, documents,
                    e.Disposition is null ? null : Cbv.ToBareWord(CbvVocabulary.Disposition, e.Disposition),
                    e.BizStep is null ? null : Cbv.ToBareWord(CbvVocabulary.BizStep, e.BizStep),
                    eventType, e.EventId, stored.CapturedBy, recorded, error,
                ]);
            }
        }
        return new ExportSheet(SheetTitle, "CriticalTrackingEvents", ExportColumn.With(Columns, headers), rows, about);
    }

    /// <summary>
    /// The FSMA 204 critical tracking event an EPCIS event records. A TransformationEvent is a transformation whatever
    /// its bizStep (new lots made from inputs, 21 CFR 1.1350). Without a bizStep the event type says what it can.
    /// </summary>
    public static string NameOf(EpcisEvent e)
    {
        if (e.Type == EpcisEventType.TransformationEvent)
            return "Transformation";
        var step = e.BizStep is null ? null : Word(e.BizStep);
        return step switch
        {
            "commissioning" or "creating_class_instance" or "harvesting" => "Harvesting/Creation",
            "shipping" => "Shipping",
            "departing" => "Shipping (departing)",
            "receiving" or "accepting" => "Receiving",
            "arriving" => "Receiving (arriving)",
            "transforming" => "Transformation",
            "packing" => "Packing",
            "unpacking" => "Unpacking",
            "retail_selling" => "Retail selling",
            "destroying" => "Destruction",
            "void_shipping" => "Shipping voided",
            null or "" => (e.Type, e.Action) switch
            {
                (EpcisEventType.AggregationEvent, EpcisAction.Add) => "Packing",
                (EpcisEventType.AggregationEvent, EpcisAction.Delete) => "Unpacking",
                (EpcisEventType.ObjectEvent, EpcisAction.Add) => "Harvesting/Creation",
                _ => "Observation",
            },
            _ => char.ToUpperInvariant(step[0]) + step[1..].Replace('_', ' '),
        };
    }

    /// <summary>The bizStep's word: the CBV bare word, or the last segment of the capturer's own URI.</summary>
    private static string Word(string bizStep) =>
        Cbv.TryGetWord(CbvVocabulary.BizStep, bizStep, out var word) ? word : bizStep[(bizStep.LastIndexOfAny([':', '/', '-', '#']) + 1)..];
}
