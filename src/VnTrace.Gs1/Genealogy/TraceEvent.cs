using VnTrace.Gs1.Epcis;

namespace VnTrace.Gs1.Genealogy;

/// <summary>
/// What the genealogy tracer needs of one EPCIS event. Every identifier is in canonical form (a GS1 Digital Link at
/// id.gs1.org for GS1 keys, as captured otherwise), so the same object is the same string in every event.
/// </summary>
/// <param name="Epcs">epcList (Object, Transaction) or childEPCs (Aggregation, Association).</param>
/// <param name="Quantities">quantityList / childQuantityList: classes (lots) with their quantity.</param>
/// <param name="Sources">sourceList as (type in CBV URN form, value).</param>
/// <param name="Destinations">destinationList as (type in CBV URN form, value).</param>
public sealed record TraceEvent(
    string EventId,
    EpcisEventType Type,
    EpcisAction? Action,
    DateTimeOffset EventTime,
    string? BizStep,
    string? ReadPoint,
    string? BizLocation,
    IReadOnlyList<string> Epcs,
    IReadOnlyList<TraceQuantity> Quantities,
    string? ParentId,
    IReadOnlyList<string> InputEpcs,
    IReadOnlyList<TraceQuantity> InputQuantities,
    IReadOnlyList<string> OutputEpcs,
    IReadOnlyList<TraceQuantity> OutputQuantities,
    IReadOnlyList<(string Type, string Value)> Sources,
    IReadOnlyList<(string Type, string Value)> Destinations);

/// <summary>A quantity of a class (a lot, as an LGTIN Digital Link); Quantity and Uom may be absent.</summary>
public sealed record TraceQuantity(string EpcClass, decimal? Quantity, string? Uom);

/// <summary>
/// Where the tracer reads events from. The server answers from its database, only with events the caller may see;
/// tests answer from memory. Asked repeatedly with the frontier of the walk, so one call per step of the chain.
/// </summary>
public interface ITraceEventSource
{
    /// <summary>Every event that names any of these identifiers in any role (EPC, parent, input, output, class).</summary>
    ValueTask<IReadOnlyList<TraceEvent>> EventsNamingAsync(IReadOnlyCollection<string> identifiers, CancellationToken ct);
}
