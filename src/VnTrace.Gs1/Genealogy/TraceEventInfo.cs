using VnTrace.Gs1.Epcis;

namespace VnTrace.Gs1.Genealogy;

/// <summary>An event the trace looked at, with the key data elements a regulator's table needs.</summary>
/// <param name="Location">bizLocation, or readPoint when there is none.</param>
/// <param name="FromParty">The owning_party source, else the possessing_party source.</param>
/// <param name="ToParty">The owning_party destination, else the possessing_party destination.</param>
public sealed record TraceEventInfo(
    string EventId,
    EpcisEventType Type,
    EpcisAction? Action,
    string? BizStep,
    DateTimeOffset EventTime,
    string? Location,
    string? FromParty,
    string? ToParty);

/// <summary>An event met while expanding a node: one row of the flat table.</summary>
/// <param name="Step">The node's depth when the event was read.</param>
/// <param name="Quantity">The quantity the event gives for this identifier (quantity lists only).</param>
public sealed record TraceOccurrence(
    string Identifier,
    string EventId,
    int Step,
    TraceDirection Direction,
    decimal? Quantity,
    string? Uom);
