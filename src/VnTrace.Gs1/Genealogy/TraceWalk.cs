namespace VnTrace.Gs1.Genealogy;

/// <summary>
/// One breadth-first walk in one direction. Each step expands the whole frontier from one batch of events; the
/// rules for what an event links live in TraceWalk.Backward.cs and TraceWalk.Forward.cs.
/// </summary>
internal sealed partial class TraceWalk
{
    /// <summary>A node waiting to be expanded.</summary>
    /// <param name="Bound">
    /// The time of the event that led here: walking backward only events at or before it can be this node's origin,
    /// walking forward only events at or after it can be its future (what a container held before our goods went in
    /// is not downstream of them). Null for the start.
    /// </param>
    /// <param name="Carried">
    /// Forward only: reached as the container of goods already in the walk. Unpacking it then links back to those
    /// goods only, not to the other things packed with them (a mixed pallet must not drag its other products into a
    /// recall).
    /// </param>
    private readonly record struct Entry(string Id, DateTimeOffset? Bound, bool Carried);

    /// <summary>What one rule found: a neighbour and the edge to it.</summary>
    /// <param name="NeighborIsFrom">True when the edge runs neighbour → node, false for node → neighbour.</param>
    /// <param name="Expand">False for parties and locations: they are where a chain touches a business, not a path
    /// through it (a wholesaler links every lot it ever handled).</param>
    /// <param name="VisitedOnly">Link only to a neighbour this walk already holds (unpacking a carried container).</param>
    private readonly record struct Link(
        string Neighbor,
        TraceNodeKind Kind,
        TraceEdgeKind EdgeKind,
        bool NeighborIsFrom,
        TraceQuantity? Quantity,
        bool Expand,
        bool Carried = false,
        bool VisitedOnly = false);

    private readonly TraceGraphBuilder _graph;
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _frontier = new(StringComparer.Ordinal);

    public TraceWalk(TraceDirection direction, string start, TraceGraphBuilder graph)
    {
        Direction = direction;
        _graph = graph;
        _visited.Add(start);
        _frontier.Add(start, new Entry(start, null, false));
    }

    public TraceDirection Direction { get; }

    public IReadOnlyCollection<string> Frontier => _frontier.Keys;

    /// <summary>Expands every frontier node (at <paramref name="depth"/>) with the events naming it; the new nodes become the frontier.</summary>
    public void Step(IReadOnlyList<TraceEvent> events, TraceWindow window, int depth)
    {
        var next = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (Direction == TraceDirection.Backward)
        {
            foreach (var entry in _frontier.Values)
            {
                if (TraceIdentifiers.TryGetLotOfUnit(entry.Id, out var lot))
                    Apply(entry, null, new Link(lot, TraceNodeKind.Lot, TraceEdgeKind.PartOfLot, true, null, Expand: true), depth, next, entry.Bound);
            }
        }
        var carriedUntil = CarriedUntil(events);
        foreach (var e in events)
        {
            if (!window.Contains(e.EventTime))
                continue;
            if (Direction == TraceDirection.Forward)
                LinkUnitsOfLots(e, depth, next);
            foreach (var (id, roles) in TraceEventRoles.Find(e, _frontier))
            {
                var entry = _frontier[id];
                if (!Admits(entry, e.EventTime) || (carriedUntil.TryGetValue(id, out var until) && e.EventTime > until))
                    continue;
                _graph.AddOccurrence(e, id, depth, Direction);
                if (roles.HasFlag(TraceRoles.Parent) && e.Type == Epcis.EpcisEventType.AggregationEvent)
                    _graph.MarkContainer(id);
                var links = Direction == TraceDirection.Backward ? Backward(e, entry, roles) : Forward(e, entry, roles, events);
                foreach (var link in links)
                    Apply(entry, e, link, depth, next, e.EventTime);
            }
        }
        _frontier = next;
    }

    /// <summary>
    /// Forward from a lot to the units written …/10/L/21/S that an event names (the PartOfLot rule of
    /// <see cref="GenealogyTracer"/>); such events reach the walk only from a source that matches units to their lot.
    /// </summary>
    private void LinkUnitsOfLots(TraceEvent e, int depth, Dictionary<string, Entry> next)
    {
        foreach (var (id, _) in TraceEventRoles.Objects(e))
        {
            if (TraceIdentifiers.TryGetLotOfUnit(id, out var lot) && _frontier.TryGetValue(lot, out var entry) && Admits(entry, e.EventTime))
                Apply(entry, null, new Link(id, TraceNodeKind.Unit, TraceEdgeKind.PartOfLot, false, null, Expand: true), depth, next, e.EventTime);
        }
    }

    /// <summary>
    /// For each container reached forward through its contents, when it stopped carrying them: the first unpacking
    /// (DELETE) after they went in that names one of them or names no child (EPCIS 2.0 §7.4.3: all children). What a
    /// returnable crate or tank does after that is not downstream of them.
    /// </summary>
    private Dictionary<string, DateTimeOffset> CarriedUntil(IReadOnlyList<TraceEvent> events)
    {
        var until = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e is not { Type: Epcis.EpcisEventType.AggregationEvent, Action: Epcis.EpcisAction.Delete, ParentId: { } parent }
                || !_frontier.TryGetValue(parent, out var entry) || !entry.Carried || !Admits(entry, e.EventTime))
                continue;
            var children = TraceEventRoles.Children(e).Select(c => c.Id).ToList();
            if ((children.Count == 0 || children.Any(_visited.Contains)) && (!until.TryGetValue(parent, out var t) || e.EventTime < t))
                until[parent] = e.EventTime;
        }
        return until;
    }

    private bool Admits(Entry entry, DateTimeOffset time) => entry.Bound is not { } bound
        || (Direction == TraceDirection.Backward ? time <= bound : time >= bound);

    private void Apply(Entry entry, TraceEvent? e, Link link, int depth, Dictionary<string, Entry> next, DateTimeOffset? bound)
    {
        if (link.Neighbor == entry.Id || (link.VisitedOnly && !_visited.Contains(link.Neighbor)))
            return;
        if (!_graph.TryReach(link.Neighbor, link.Kind, depth + 1, Direction))
            return;
        var (from, to) = link.NeighborIsFrom ? (link.Neighbor, entry.Id) : (entry.Id, link.Neighbor);
        _graph.AddEdge(new TraceEdge(from, to, link.EdgeKind, e?.EventId, e?.EventTime, link.Quantity?.Quantity, link.Quantity?.Uom));
        if (!link.Expand)
            return;
        if (next.TryGetValue(link.Neighbor, out var queued))
        {
            // Found twice in one step: keep the widest time bound and carry only if both ways carried.
            next[link.Neighbor] = queued with { Bound = Wider(queued.Bound, bound), Carried = queued.Carried && link.Carried };
        }
        else if (_visited.Add(link.Neighbor))
        {
            next.Add(link.Neighbor, new Entry(link.Neighbor, bound, link.Carried));
        }
    }

    private DateTimeOffset? Wider(DateTimeOffset? a, DateTimeOffset? b) =>
        a is not { } x || b is not { } y ? null
        : Direction == TraceDirection.Backward ? (x > y ? x : y) : (x < y ? x : y);
}
