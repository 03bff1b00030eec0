using VnTrace.Gs1.Genealogy;

namespace VnTrace.Gs1.Tests.Genealogy;

internal static class TraceAssert
{
    public static Task<TraceGraph> Trace(
        ITraceEventSource source, string start, TraceDirection direction, TraceWindow window = default, TraceLimits? limits = null) =>
        GenealogyTracer.TraceAsync(start, direction, window, source, limits ?? TraceLimits.Default, TestContext.Current.CancellationToken);

    /// <summary>The exact node set, compared as sorted lists so a failure shows what is missing or extra.</summary>
    public static void Nodes(IEnumerable<string> expected, TraceGraph graph)
    {
        Consistent(graph);
        Assert.Equal(expected.Distinct().Order(StringComparer.Ordinal), graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
    }

    /// <summary>One node per identifier, every edge between two nodes, every edge's event among the events.</summary>
    public static void Consistent(TraceGraph graph)
    {
        var ids = graph.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(graph.Nodes.Count, ids.Count);
        Assert.Equal(graph.Start, graph.Nodes[0].Id);
        var events = graph.Events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        Assert.All(graph.Edges, e =>
        {
            Assert.Contains(e.From, ids);
            Assert.Contains(e.To, ids);
            Assert.True(e.EventId is null ? e.Kind == TraceEdgeKind.PartOfLot : events.Contains(e.EventId));
        });
    }

    public static IEnumerable<string> Sites(params IEnumerable<TraceEventFactory.Business> businesses) =>
        businesses.SelectMany(b => new[] { b.Party, b.Location });
}
