namespace VnTrace.Server.Lots.Diary;

// The production diary as plain records: what a form (or a row of an imported sheet) says, before it becomes an
// EPCIS event. Times are Vietnam wall-clock time (see VietnamTime); lots, products and locations are the business's
// own rows, by id (DiaryService.FindLotIdAsync turns a GTIN + lot number into an id). Units default to the lot's.

/// <summary>A new lot of one of the business's products, started at one of its locations. Writes no event.</summary>
public sealed record NewLot(Guid ProductId, string LotNumber, Guid LocationId, decimal? Quantity = null,
    DateOnly? ProductionDate = null, DateOnly? ExpiryDate = null, string? Note = null);

public enum FarmingInputKind
{
    Fertiliser = 0,
    Pesticide = 1,
    Seed = 2,
    Other = 3,
}

/// <summary>Fertiliser, pesticide or seed applied to the crop that becomes this lot.</summary>
/// <param name="Dose">Amount applied, in <paramref name="DoseUnit"/> (e.g. 2 "lít/ha", 50 "kg/sào").</param>
/// <param name="PreHarvestIntervalDays">Thời gian cách ly: days to wait before harvesting; a harvest inside it is refused.</param>
public sealed record FarmingInputEntry(Guid LotId, Guid LocationId, DateTime Time, FarmingInputKind Kind, string InputName,
    decimal Dose, string DoseUnit, int? PreHarvestIntervalDays = null, string? Note = null);

public sealed record HarvestEntry(Guid LotId, Guid LocationId, DateTime Time, decimal Quantity, string? Unit = null, string? Note = null);

/// <param name="Packaging">What it was packed in, e.g. "thùng carton 10 kg".</param>
public sealed record PackingEntry(Guid LotId, Guid LocationId, DateTime Time, decimal Quantity, string? Unit = null,
    string? Packaging = null, int? PackageCount = null, string? Note = null);

public sealed record StoringEntry(Guid LotId, Guid LocationId, DateTime Time, decimal? Quantity = null, string? Unit = null, string? Note = null);

/// <param name="PartnerGln">The receiving business's party GLN (a platform member's or any valid GLN); "Name (GLN)" is read too.</param>
/// <param name="PartnerLocationGln">Where the goods go, when known.</param>
/// <param name="DespatchAdvice">Phiếu xuất kho / despatch advice number; one is made up from the time when empty.</param>
public sealed record ShippingEntry(Guid LotId, Guid LocationId, DateTime Time, decimal Quantity, string PartnerGln,
    string? PartnerLocationGln = null, string? DespatchAdvice = null, string? Unit = null, string? Note = null);

public sealed record RetailSaleEntry(Guid LotId, Guid LocationId, DateTime Time, decimal Quantity, string? Unit = null, string? Note = null);

/// <summary>An input lot of a processing step and how much of it went in.</summary>
public sealed record LotQuantity(Guid LotId, decimal Quantity, string? Unit = null);

/// <summary>Processing: input lots of the business become a new output lot of one of its products.</summary>
public sealed record ProcessingEntry(IReadOnlyList<LotQuantity> Inputs, Guid OutputProductId, string OutputLotNumber,
    decimal OutputQuantity, Guid LocationId, DateTime Time, string? OutputUnit = null, DateOnly? ExpiryDate = null, string? Note = null);

/// <summary>
/// Receiving a partner's shipment found by <see cref="DiaryService.FindShipmentsAsync"/>: the event and the lots
/// come from the shipper's shipping event; only where, when and (optionally) how much arrived are the receiver's.
/// </summary>
/// <param name="Quantities">Received quantity per shipped lot, in the shipment's order; null: as shipped.</param>
public sealed record ReceivingEntry(long ShipmentId, Guid LocationId, DateTime Time, IReadOnlyList<decimal>? Quantities = null, string? Note = null);

public enum CorrectionReason
{
    /// <summary>CBV 2.0 §7.5 incorrect_data: it happened, but some data were wrong.</summary>
    IncorrectData = 0,
    /// <summary>CBV 2.0 §7.5 did_not_occur: recorded by mistake.</summary>
    DidNotOccur = 1,
}

/// <summary>
/// Declares one of the business's events erroneous (EPCIS 2.0 §7.4.1.2). With <paramref name="CorrectedTime"/> or
/// <paramref name="CorrectedQuantity"/>, a corrective event (the original with those values) is captured with it.
/// </summary>
public sealed record CorrectionEntry(long EventRowId, CorrectionReason Reason, string? Note = null,
    DateTime? CorrectedTime = null, decimal? CorrectedQuantity = null);

/// <summary>A refused entry: the record's property that is wrong (empty for the entry as a whole) and a readable message.</summary>
public sealed record DiaryError(string Field, string Message);

/// <summary>
/// What an entry came to: the stored event's ID and the lot it concerns, or the errors (nothing stored). A refusal
/// carries the event's ID only when the entry repeats one already in its <see cref="DiaryBatch"/>, so the caller can
/// say which.
/// </summary>
public sealed record DiaryResult(IReadOnlyList<DiaryError> Errors, string? EventId = null, Guid? LotId = null)
{
    public bool Success => Errors.Count == 0;

    public static DiaryResult Refused(IReadOnlyList<DiaryError> errors) => new(errors);
}

/// <summary>A lot a partner shipped to this business, as its shipping event names it.</summary>
public sealed record ShippedLot(string LotClass, string Gtin, string LotNumber, decimal? Quantity, string? Uom, string? ProductName);

/// <summary>A partner's shipping event destined to this business, the receiving form pre-filled from it.</summary>
public sealed record IncomingShipment(long Id, string EventId, Guid ShipperId, string ShipperName, string? ShipperGln,
    DateTimeOffset ShippedAt, IReadOnlyList<ShippedLot> Lots, IReadOnlyList<string> Containers, string? DespatchAdvice, bool AlreadyReceived);

/// <summary>Shipments found for a code, or why none can be (the message to show).</summary>
public sealed record ShipmentSearch(IReadOnlyList<IncomingShipment> Shipments, string? Problem);
