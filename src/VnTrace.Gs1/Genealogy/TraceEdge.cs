namespace VnTrace.Gs1.Genealogy;

/// <summary>How two nodes are linked; every edge points the way the goods went (upstream to downstream).</summary>
public enum TraceEdgeKind
{
    /// <summary>A serialised unit belongs to its lot (…/10/L/21/S to …/10/L); no event, implied by the identifier.</summary>
    PartOfLot,

    /// <summary>Input to output of a TransformationEvent (EPCIS 2.0 §7.4.6).</summary>
    Transformed,

    /// <summary>Child packed into parent: AggregationEvent ADD or OBSERVE (EPCIS 2.0 §7.4.3).</summary>
    Aggregated,

    /// <summary>Parent to child unpacked from it: AggregationEvent DELETE (EPCIS 2.0 §7.4.3).</summary>
    Disaggregated,

    /// <summary>Source to object or object to destination of an event with bizStep shipping (CBV §7.2).</summary>
    Shipped,

    /// <summary>Source to object or object to destination of an event with bizStep receiving.</summary>
    Received,

    /// <summary>Source to object or object to destination of an event with any other bizStep.</summary>
    Transferred,

    /// <summary>A place to an object seen there (bizLocation or readPoint); only when the trace starts at that place.</summary>
    Observed,
}

/// <summary>One link of the trace: <paramref name="From"/> upstream, <paramref name="To"/> downstream.</summary>
/// <param name="EventId">The event that records the link; null for <see cref="TraceEdgeKind.PartOfLot"/>.</param>
/// <param name="Quantity">
/// The quantity the event gives for the goods that moved along the edge: the input consumed (Transformed), the child
/// packed or unpacked (Aggregated, Disaggregated), the object shipped or received. Null for instance identifiers
/// (one each) and when the event gives none.
/// </param>
public sealed record TraceEdge(
    string From,
    string To,
    TraceEdgeKind Kind,
    string? EventId,
    DateTimeOffset? EventTime,
    decimal? Quantity = null,
    string? Uom = null);
