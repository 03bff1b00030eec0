using VnTrace.Gs1.Genealogy;

namespace VnTrace.Server.Trace;

/// <summary>A node placed on the drawing, with the name people know it by.</summary>
public sealed record DrawnNode(TraceNode Node, string Name, string? Detail, double X, double Y);

/// <summary>An edge as an SVG path between two drawn nodes.</summary>
public sealed record DrawnEdge(TraceEdge Edge, string Path);

/// <summary>
/// Lays a trace graph out left to right the way the goods went: upstream (backward) nodes in columns to the left of
/// the start, downstream (forward) ones to the right, one column per step. Server-side, so the page draws without
/// JavaScript; a graph wider than <see cref="MaxDrawnNodes"/> is left to the table.
/// </summary>
public sealed class TraceGraphDrawing
{
    public const int MaxDrawnNodes = 300;
    public const double NodeWidth = 210, NodeHeight = 46, ColumnGap = 70, RowGap = 14, Margin = 10;

    public required IReadOnlyList<DrawnNode> Nodes { get; init; }
    public required IReadOnlyList<DrawnEdge> Edges { get; init; }
    public double Width { get; init; }
    public double Height { get; init; }

    /// <summary>Null when the graph has more than <see cref="MaxDrawnNodes"/> nodes.</summary>
    public static TraceGraphDrawing? Of(TraceGraph graph, IReadOnlyDictionary<string, (string Name, string? Detail)> names)
    {
        if (graph.Nodes.Count > MaxDrawnNodes)
            return null;
        static int Column(TraceNode n) => n.Direction == TraceDirection.Backward ? -n.Depth : n.Depth;
        var columns = graph.Nodes.GroupBy(Column).OrderBy(g => g.Key).ToList();
        var first = columns.Count == 0 ? 0 : columns[0].Key;
        var placed = new Dictionary<string, DrawnNode>(StringComparer.Ordinal);
        var tallest = 0;
        foreach (var column in columns)
        {
            var row = 0;
            // Goods first, then places and businesses, so the chain reads along the top.
            foreach (var node in column.OrderBy(n => n.Kind switch { TraceNodeKind.Lot => 0, TraceNodeKind.Unit => 1, TraceNodeKind.Container => 2, TraceNodeKind.Party => 3, TraceNodeKind.Location => 4, _ => 5 })
                         .ThenBy(n => n.Label, StringComparer.Ordinal))
            {
                var (name, detail) = names.TryGetValue(node.Id, out var known) ? known : (node.Label, null);
                placed[node.Id] = new DrawnNode(node, name, detail,
                    Margin + (column.Key - first) * (NodeWidth + ColumnGap), Margin + row * (NodeHeight + RowGap));
                row++;
            }
            tallest = Math.Max(tallest, row);
        }
        var edges = new List<DrawnEdge>();
        foreach (var edge in graph.Edges)
        {
            if (!placed.TryGetValue(edge.From, out var from) || !placed.TryGetValue(edge.To, out var to))
                continue;
            double x1 = from.X + NodeWidth, y1 = from.Y + NodeHeight / 2, x2 = to.X, y2 = to.Y + NodeHeight / 2;
            if (x2 <= x1)
            {
                // Same column (a party beside its goods) or a cycle: leave from the bottom, arrive at the top.
                x1 = from.X + NodeWidth / 2; y1 = from.Y + NodeHeight; x2 = to.X + NodeWidth / 2; y2 = to.Y;
                edges.Add(new DrawnEdge(edge, FormattableString.Invariant($"M{x1:0.#},{y1:0.#} C{x1 + 40:0.#},{y1 + 30:0.#} {x2 + 40:0.#},{y2 - 30:0.#} {x2:0.#},{y2:0.#}")));
                continue;
            }
            var mid = (x1 + x2) / 2;
            edges.Add(new DrawnEdge(edge, FormattableString.Invariant($"M{x1:0.#},{y1:0.#} C{mid:0.#},{y1:0.#} {mid:0.#},{y2:0.#} {x2:0.#},{y2:0.#}")));
        }
        return new TraceGraphDrawing
        {
            Nodes = placed.Values.ToList(),
            Edges = edges,
            Width = 2 * Margin + Math.Max(1, columns.Count) * (NodeWidth + ColumnGap) - ColumnGap,
            Height = 2 * Margin + Math.Max(1, tallest) * (NodeHeight + RowGap) - RowGap,
        };
    }
}
