using VnTrace.Gs1.Epcis;

namespace VnTrace.Gs1.Genealogy;

/// <summary>
/// One row of the flat trace table: what (identifier, quantity), when, where, who from, who to, through which event.
/// The key data elements of a critical tracking event, the shape FSMA 204 and Decree 37 Art. 23 exports use.
/// </summary>
public sealed record TraceTableRow(
    int Step,
    TraceDirection Direction,
    string Identifier,
    string Label,
    string EventId,
    EpcisEventType EventType,
    string? BizStep,
    DateTimeOffset EventTime,
    string? Location,
    string? FromParty,
    string? ToParty,
    decimal? Quantity,
    string? Uom);

internal static class TraceTable
{
    public static IReadOnlyList<TraceTableRow> From(TraceGraph graph)
    {
        var events = graph.Events.ToDictionary(e => e.EventId, StringComparer.Ordinal);
        var labels = graph.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        return graph.Occurrences
            .Select(o => (Occurrence: o, Event: events[o.EventId]))
            .OrderBy(r => r.Event.EventTime)
            .ThenBy(r => r.Occurrence.Identifier, StringComparer.Ordinal)
            .ThenBy(r => r.Occurrence.EventId, StringComparer.Ordinal)
            .Select(r => new TraceTableRow(
                r.Occurrence.Step, r.Occurrence.Direction, r.Occurrence.Identifier, labels[r.Occurrence.Identifier],
                r.Event.EventId, r.Event.Type, r.Event.BizStep, r.Event.EventTime, r.Event.Location,
                r.Event.FromParty, r.Event.ToParty, r.Occurrence.Quantity, r.Occurrence.Uom))
            .ToList();
    }
}
