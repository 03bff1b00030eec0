namespace VnTrace.Gs1.Genealogy;

/// <summary>
/// The graph while the walk grows it. It refuses a new node past the limits and records why, and an edge is only
/// added between nodes it holds, so a truncated graph has no dangling edge.
/// </summary>
internal sealed class TraceGraphBuilder(TraceLimits limits)
{
    private readonly Dictionary<string, TraceNode> _nodes = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<(string From, string To, TraceEdgeKind Kind, string? EventId), TraceEdge> _edges = [];
    private readonly Dictionary<string, TraceEventInfo> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Identifier, string EventId), TraceOccurrence> _occurrences = [];

    public TraceTruncation Truncation { get; private set; }

    public void AddStart(string id) => Add(new TraceNode(id, TraceIdentifiers.KindOf(id), 0, TraceDirection.Both, TraceIdentifiers.LabelOf(id)));

    public void MarkUnknown(string id) => _nodes[id] = _nodes[id] with { Unknown = true };

    /// <summary>
    /// Makes sure the node is in the graph: merges depth (the shortest) and direction (both ways becomes Both) of a
    /// node already there; adds a new one unless it would pass a limit, in which case false.
    /// </summary>
    public bool TryReach(string id, TraceNodeKind kind, int depth, TraceDirection direction)
    {
        if (_nodes.TryGetValue(id, out var node))
        {
            if (node.Direction != direction || depth < node.Depth)
            {
                _nodes[id] = node with
                {
                    Depth = Math.Min(node.Depth, depth),
                    Direction = node.Direction == direction ? direction : TraceDirection.Both,
                };
            }
            if (kind == TraceNodeKind.Container)
                MarkContainer(id);
            return true;
        }
        if (depth > limits.MaxDepth)
        {
            Truncation |= TraceTruncation.DepthLimit;
            return false;
        }
        if (_nodes.Count >= limits.MaxNodes)
        {
            Truncation |= TraceTruncation.NodeLimit;
            return false;
        }
        Add(new TraceNode(id, kind, depth, direction, TraceIdentifiers.LabelOf(id)));
        return true;
    }

    /// <summary>A lot, unit or other object used as an aggregation parent is a container (EPCIS 2.0 §7.4.3).</summary>
    public void MarkContainer(string id)
    {
        if (_nodes.TryGetValue(id, out var node) && node.Kind is TraceNodeKind.Lot or TraceNodeKind.Unit or TraceNodeKind.Other)
            _nodes[id] = node with { Kind = TraceNodeKind.Container };
    }

    public void AddEdge(TraceEdge edge)
    {
        if (!_nodes.ContainsKey(edge.From) || !_nodes.ContainsKey(edge.To))
            throw new InvalidOperationException($"Edge {edge.From} → {edge.To} has an end outside the graph.");
        _edges.TryAdd((edge.From, edge.To, edge.Kind, edge.EventId), edge);
    }

    public void AddOccurrence(TraceEvent e, string identifier, int step, TraceDirection direction)
    {
        if (!_events.ContainsKey(e.EventId))
        {
            _events.Add(e.EventId, new TraceEventInfo(
                e.EventId, e.Type, e.Action, e.BizStep, e.EventTime, e.BizLocation ?? e.ReadPoint, Party(e.Sources), Party(e.Destinations)));
        }
        if (_occurrences.TryGetValue((identifier, e.EventId), out var seen))
        {
            if (seen.Direction != direction)
                _occurrences[(identifier, e.EventId)] = seen with { Direction = TraceDirection.Both };
            return;
        }
        var quantity = TraceEventRoles.QuantityOf(e, identifier);
        _occurrences.Add((identifier, e.EventId),
            new TraceOccurrence(identifier, e.EventId, step, direction, quantity?.Quantity, quantity?.Uom));
    }

    public TraceGraph Build(string start, TraceDirection direction, TraceWindow window, int sourceCalls) => new()
    {
        Start = start,
        Direction = direction,
        Window = window,
        Nodes = [.. _order.Select(id => _nodes[id])],
        Edges = [.. _edges.Values],
        Events = [.. _events.Values],
        Occurrences = [.. _occurrences.Values],
        Truncation = Truncation,
        SourceCalls = sourceCalls,
    };

    private void Add(TraceNode node)
    {
        _nodes.Add(node.Id, node);
        _order.Add(node.Id);
    }

    // CBV §8.4: the owning party is who the goods belong to; the possessing party stands in when no owner is given.
    private static string? Party(IReadOnlyList<(string Type, string Value)> list) =>
        list.FirstOrDefault(s => TraceIdentifiers.BareWord(s.Type) == "owning_party").Value
        ?? list.FirstOrDefault(s => TraceIdentifiers.BareWord(s.Type) == "possessing_party").Value;
}
