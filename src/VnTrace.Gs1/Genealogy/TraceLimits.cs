namespace VnTrace.Gs1.Genealogy;

/// <summary>
/// How far a trace may go. Reaching a limit ends the walk with a partial but consistent graph marked
/// <see cref="TraceGraph.Truncated"/>, never an exception or a long wait.
/// </summary>
public sealed record TraceLimits
{
    public static TraceLimits Default { get; } = new();

    /// <summary>Most nodes in the graph, the start and parties and locations included.</summary>
    public int MaxNodes { get; init; } = 5_000;

    /// <summary>Most steps from the start; a step is one edge (and one call to the event source).</summary>
    public int MaxDepth { get; init; } = 50;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNodes, 1, nameof(MaxNodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
    }
}
