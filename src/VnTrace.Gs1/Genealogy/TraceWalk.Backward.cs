using VnTrace.Gs1.Epcis;

namespace VnTrace.Gs1.Genealogy;

internal sealed partial class TraceWalk
{
    /// <summary>
    /// What one event says about where a node came from. The rules are listed on <see cref="GenealogyTracer"/>.
    /// </summary>
    private static IEnumerable<Link> Backward(TraceEvent e, Entry entry, TraceRoles roles)
    {
        // EPCIS 2.0 §7.4.6: the outputs of a transformation are made from all its inputs.
        if (roles.HasFlag(TraceRoles.Output) && e.Type == EpcisEventType.TransformationEvent)
        {
            foreach (var (input, quantity) in TraceEventRoles.Inputs(e))
                yield return new Link(input, TraceIdentifiers.KindOf(input), TraceEdgeKind.Transformed, true, quantity, Expand: true);
        }

        // EPCIS 2.0 §7.4.3: ADD (and OBSERVE, which asserts the same containment) packs the children into the
        // parent; the contents' history is part of the container's origin. Being a child leads nowhere backward.
        if (roles.HasFlag(TraceRoles.Parent) && e.Type == EpcisEventType.AggregationEvent && e.Action is EpcisAction.Add or EpcisAction.Observe)
        {
            foreach (var (child, quantity) in TraceEventRoles.Children(e))
                yield return new Link(child, TraceIdentifiers.KindOf(child), TraceEdgeKind.Aggregated, true, quantity, Expand: true);
        }

        // EPCIS 2.0 §7.3.5.4 (sourceList): who and where the goods came from; one step back is the supplier.
        if ((roles & (TraceRoles.Object | TraceRoles.Parent)) != 0 && e.Type != EpcisEventType.TransformationEvent)
        {
            var quantity = TraceEventRoles.QuantityOf(e, entry.Id);
            foreach (var (type, value) in e.Sources)
                yield return Transfer(e, type, value, neighborIsFrom: true) with { Quantity = quantity };
        }

        // A trace that starts at a place or business: what arrived there (destination) or was seen there.
        foreach (var link in FromPlace(e, roles, TraceRoles.Destination, neighborIsFrom: true))
            yield return link;
    }

    private static Link Transfer(TraceEvent e, string type, string value, bool neighborIsFrom) =>
        new(value, TraceIdentifiers.KindOfSourceDestination(type, value), TraceEventRoles.TransferKind(e), neighborIsFrom, null, Expand: false);

    /// <summary>
    /// Links from a place or business (only ever the start: reached ones are not expanded) to the goods an event
    /// names: through <paramref name="side"/> (destination backward, source forward) with the transfer's kind, and
    /// through bizLocation / readPoint as <see cref="TraceEdgeKind.Observed"/> from the place to the goods.
    /// </summary>
    private static IEnumerable<Link> FromPlace(TraceEvent e, TraceRoles roles, TraceRoles side, bool neighborIsFrom)
    {
        var viaTransfer = roles.HasFlag(side);
        var seenThere = roles.HasFlag(TraceRoles.Place);
        if (!viaTransfer && !seenThere)
            yield break;
        foreach (var (id, quantity) in TraceEventRoles.Objects(e))
        {
            var kind = id == e.ParentId && e.Type == EpcisEventType.AggregationEvent ? TraceNodeKind.Container : TraceIdentifiers.KindOf(id);
            yield return viaTransfer
                ? new Link(id, kind, TraceEventRoles.TransferKind(e), neighborIsFrom, quantity, Expand: true)
                : new Link(id, kind, TraceEdgeKind.Observed, false, quantity, Expand: true);
        }
    }
}
