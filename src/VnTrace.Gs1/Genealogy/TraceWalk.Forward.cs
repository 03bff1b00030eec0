using VnTrace.Gs1.Epcis;

namespace VnTrace.Gs1.Genealogy;

internal sealed partial class TraceWalk
{
    /// <summary>
    /// What one event says about where a node went. The rules are listed on <see cref="GenealogyTracer"/>.
    /// </summary>
    private IEnumerable<Link> Forward(TraceEvent e, Entry entry, TraceRoles roles, IReadOnlyList<TraceEvent> batch)
    {
        // EPCIS 2.0 §7.4.6: every output of a transformation carries every input. The edge quantity is the input's.
        if (roles.HasFlag(TraceRoles.Input) && e.Type == EpcisEventType.TransformationEvent)
        {
            var consumed = TraceEventRoles.QuantityOf(e, entry.Id);
            foreach (var (output, _) in TraceEventRoles.Outputs(e))
                yield return new Link(output, TraceIdentifiers.KindOf(output), TraceEdgeKind.Transformed, false, consumed, Expand: true);
        }

        // EPCIS 2.0 §7.4.3: packed (ADD, or seen inside: OBSERVE) into a parent, the goods go wherever it goes.
        if (roles.HasFlag(TraceRoles.Object) && e.Type == EpcisEventType.AggregationEvent
            && e.Action is EpcisAction.Add or EpcisAction.Observe && e.ParentId is { } parent)
        {
            yield return new Link(parent, TraceNodeKind.Container, TraceEdgeKind.Aggregated, false,
                TraceEventRoles.QuantityOf(e, entry.Id), Expand: true, Carried: true);
        }

        // EPCIS 2.0 §7.4.3: DELETE unpacks the children it names, or all of them when it names none. Only unpacking
        // after this container was reached counts (the entry's bound), and a container reached through its contents
        // links back to those contents only.
        if (roles.HasFlag(TraceRoles.Parent) && e.Type == EpcisEventType.AggregationEvent && e.Action == EpcisAction.Delete)
        {
            var children = TraceEventRoles.Children(e).ToList();
            if (children.Count == 0)
                children = [.. PackedBefore(entry, e.EventTime, batch)];
            foreach (var (child, quantity) in children)
            {
                yield return new Link(child, TraceIdentifiers.KindOf(child), TraceEdgeKind.Disaggregated, false, quantity,
                    Expand: true, VisitedOnly: entry.Carried);
            }
        }

        // EPCIS 2.0 §7.3.5.4 (destinationList): who and where the goods went; one step forward is the customer.
        if ((roles & (TraceRoles.Object | TraceRoles.Parent)) != 0 && e.Type != EpcisEventType.TransformationEvent)
        {
            var quantity = TraceEventRoles.QuantityOf(e, entry.Id);
            foreach (var (type, value) in e.Destinations)
                yield return Transfer(e, type, value, neighborIsFrom: false) with { Quantity = quantity };
        }

        // A trace that starts at a place or business: what left it (source) or was seen there.
        foreach (var link in FromPlace(e, roles, TraceRoles.Source, neighborIsFrom: false))
            yield return link;
    }

    /// <summary>
    /// What an unpacking that names no child empties (EPCIS 2.0 §7.4.3: all children): the children packed (ADD)
    /// into the container before it and after the last such unpacking. The batch holds every event naming the
    /// container, whatever its time.
    /// </summary>
    private static IEnumerable<(string Id, TraceQuantity? Quantity)> PackedBefore(Entry container, DateTimeOffset unpacked, IReadOnlyList<TraceEvent> batch)
    {
        var aggregations = batch.Where(a => a.Type == EpcisEventType.AggregationEvent && a.ParentId == container.Id).ToList();
        var emptiedBefore = aggregations
            .Where(a => a.Action == EpcisAction.Delete && a.EventTime < unpacked && !TraceEventRoles.Children(a).Any())
            .Select(a => (DateTimeOffset?)a.EventTime)
            .Max();
        return aggregations
            .Where(a => a.Action == EpcisAction.Add && a.EventTime <= unpacked && (emptiedBefore is not { } since || a.EventTime > since))
            .SelectMany(TraceEventRoles.Children);
    }
}
