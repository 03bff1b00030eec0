namespace VnTrace.Gs1.Genealogy;

/// <summary>Why a trace stopped before the chain ended.</summary>
[Flags]
public enum TraceTruncation
{
    None = 0,

    /// <summary>A new node would have passed <see cref="TraceLimits.MaxNodes"/>.</summary>
    NodeLimit = 1,

    /// <summary>A new node would have been deeper than <see cref="TraceLimits.MaxDepth"/>.</summary>
    DepthLimit = 2,
}

/// <summary>
/// The result of <see cref="GenealogyTracer.TraceAsync"/>: nodes, edges between them, the events read. Every edge's
/// ends are in <see cref="Nodes"/>, also when the trace was truncated.
/// </summary>
public sealed class TraceGraph
{
    /// <summary>The start identifier in canonical form; always <c>Nodes[0]</c>.</summary>
    public required string Start { get; init; }
    public required TraceDirection Direction { get; init; }
    public required TraceWindow Window { get; init; }

    /// <summary>In the order found: the start first, then by depth.</summary>
    public required IReadOnlyList<TraceNode> Nodes { get; init; }
    public required IReadOnlyList<TraceEdge> Edges { get; init; }

    /// <summary>Every event, inside the window, read while expanding a node, each once.</summary>
    public required IReadOnlyList<TraceEventInfo> Events { get; init; }

    /// <summary>Which node met which event at which step; the rows of <see cref="ToTable"/>.</summary>
    public required IReadOnlyList<TraceOccurrence> Occurrences { get; init; }

    public TraceTruncation Truncation { get; init; }
    public bool Truncated => Truncation != TraceTruncation.None;

    /// <summary>True when no event at all (whatever its time) names the start: "not found".</summary>
    public bool StartUnknown => Nodes[0].Unknown;

    /// <summary>How many times the event source was asked; one per step of the walk.</summary>
    public int SourceCalls { get; init; }

    /// <summary>The flat table of the trace, one row per identifier and event, ordered by event time.</summary>
    public IReadOnlyList<TraceTableRow> ToTable() => TraceTable.From(this);
}
