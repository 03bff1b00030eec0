namespace VnTrace.Gs1.Genealogy;

/// <summary>
/// Whole-chain genealogy over EPCIS events: one step back, one step forward, and on to the ends of the chain.
/// </summary>
/// <remarks>
/// <para>
/// The walk is breadth-first from the start and asks the <see cref="ITraceEventSource"/> once per step with the whole
/// frontier (both directions share the call), so the number of calls grows with the depth of the chain, never with
/// its width: a 12-step chain costs 13 calls, a lot blended into 500 outputs one call for all 500.
/// </para>
/// <para>Backward, "where did it come from" (edges point upstream → node):</para>
/// <list type="bullet">
/// <item>TransformationEvent naming X as an output (EPC or output class): every input, Transformed (EPCIS 2.0 §7.4.6).</item>
/// <item>AggregationEvent ADD or OBSERVE with X as parent: every child, EPC or class in childQuantityList, Aggregated;
/// the contents' history is part of the container's origin (§7.4.3). X as a child leads nowhere backward: the
/// container it was packed into is not where it came from.</item>
/// <item>Any other event naming X (object or parent) with a sourceList (§7.3.5.4): each source, a Party
/// (owning_party, possessing_party) or Location node, with a Shipped, Received or Transferred edge after the bizStep.
/// One step back is the supplier: the source party of X's shipping and receiving events.</item>
/// <item>A unit written …/01/G/10/L/21/S: its lot …/01/G/10/L, PartOfLot, with no event needed (the Digital Link
/// says it is one item of that lot). A unit written …/01/G/21/S and the lot …/01/G/10/L stay apart unless an event
/// links them: nothing in the identifier ties them.</item>
/// </list>
/// <para>Forward, "where did it go" (edges point node → downstream):</para>
/// <list type="bullet">
/// <item>TransformationEvent naming X as an input: every output, Transformed.</item>
/// <item>AggregationEvent ADD or OBSERVE with X as a child: the parent, a Container, Aggregated; the container's own
/// events then carry X on (its shipping, its own packing into a pallet) until the first unpacking that names X (or
/// names no child, which empties the container).</item>
/// <item>AggregationEvent DELETE with X as parent: the children it names (all children packed since X was reached
/// when it names none), Disaggregated, only for unpacking at or after the time X was reached. A container reached
/// through its contents links back to those contents only, so the other goods on a mixed pallet stay out.</item>
/// <item>Any other event naming X with a destinationList: each destination, Party or Location. One step forward is
/// the customer.</item>
/// </list>
/// <para>
/// Both is the union of the two walks, not a walk that turns around (that would reach every sibling of every
/// ancestor). Parties and locations are leaves, except as the start: from a place or business the walk goes to the
/// goods that arrived there (backward: its destinations) or left it (forward: its sources), and to goods seen there
/// (bizLocation, readPoint; Observed edges). The source must return events naming it in those roles for that.
/// </para>
/// <para>
/// Time: the window keeps events with From ≤ eventTime &lt; To. Past the start, a node reached through an event at
/// time t only looks backward at its events up to t and forward at its events from t, so the earlier contents of a
/// reused container or tank do not leak into a trace. An identifier met twice is one node, expanded once per
/// direction, so cycles (A relabelled B relabelled A) end. Past <see cref="TraceLimits.MaxNodes"/> or
/// <see cref="TraceLimits.MaxDepth"/> no node is added, the walk ends after the step, and the graph is marked
/// truncated with every edge between nodes it holds.
/// </para>
/// </remarks>
public static class GenealogyTracer
{
    /// <summary>Traces the chain through the start identifier (a Digital Link or EPC URI, any other URI as given).</summary>
    /// <exception cref="ArgumentException">The start identifier is empty, or a limit is below 1.</exception>
    /// <returns>
    /// The graph; when no event names the start (nor, for a lot, one of its units), only the start node, marked
    /// <see cref="TraceNode.Unknown"/>.
    /// </returns>
    public static async Task<TraceGraph> TraceAsync(
        string startIdentifier,
        TraceDirection direction,
        TraceWindow window,
        ITraceEventSource source,
        TraceLimits limits,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startIdentifier);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();

        var start = TraceIdentifiers.Canonical(startIdentifier);
        var graph = new TraceGraphBuilder(limits);
        graph.AddStart(start);
        TraceWalk[] walks = direction switch
        {
            TraceDirection.Backward => [new(TraceDirection.Backward, start, graph)],
            TraceDirection.Forward => [new(TraceDirection.Forward, start, graph)],
            TraceDirection.Both => [new(TraceDirection.Backward, start, graph), new(TraceDirection.Forward, start, graph)],
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Backward, Forward or Both."),
        };

        var calls = 0;
        for (var depth = 0; !graph.Truncation.HasFlag(TraceTruncation.NodeLimit); depth++)
        {
            var frontier = new HashSet<string>(walks.SelectMany(w => w.Frontier), StringComparer.Ordinal);
            if (frontier.Count == 0)
                break;
            ct.ThrowIfCancellationRequested();
            var events = Distinct(await source.EventsNamingAsync(frontier, ct).ConfigureAwait(false));
            calls++;
            if (depth == 0 && !events.Any(e => TraceEventRoles.Mentions(e, start)))
            {
                graph.MarkUnknown(start);
                break;
            }
            foreach (var walk in walks)
                walk.Step(events, window, depth);
        }
        return graph.Build(start, direction, window, calls);
    }

    private static List<TraceEvent> Distinct(IReadOnlyList<TraceEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. events.Where(e => seen.Add(e.EventId))];
    }
}
