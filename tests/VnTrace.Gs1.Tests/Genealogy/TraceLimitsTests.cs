using VnTrace.Gs1.Genealogy;
using static VnTrace.Gs1.Tests.Genealogy.TraceAssert;

namespace VnTrace.Gs1.Tests.Genealogy;

public class TraceLimitsTests
{
    private readonly GeneratedSupplyChain _chain = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(539)]
    public async Task Node_limit_gives_a_truncated_graph_with_no_dangling_edge(int maxNodes)
    {
        var graph = await Trace(_chain.Source(), _chain.FarmLots[0], TraceDirection.Forward, limits: new() { MaxNodes = maxNodes });

        Assert.Equal(TraceTruncation.NodeLimit, graph.Truncation);
        Assert.True(graph.Truncated);
        Assert.Equal(maxNodes, graph.Nodes.Count);
        Consistent(graph);
    }

    [Fact]
    public async Task A_graph_exactly_at_the_node_limit_is_not_truncated()
    {
        var graph = await Trace(_chain.Source(), _chain.FarmLots[0], TraceDirection.Forward, limits: new() { MaxNodes = 540 });

        Assert.Equal(540, graph.Nodes.Count);
        Assert.False(graph.Truncated);
    }

    [Fact]
    public async Task Depth_limit_stops_a_long_chain_and_says_so()
    {
        var (lots, events) = ChainShapeTraceTests.LinearChain(12);
        var source = new InMemoryTraceEventSource(events);

        var graph = await Trace(source, lots[0], TraceDirection.Forward, limits: new() { MaxDepth = 5 });

        Nodes(lots.Take(6), graph);
        Assert.Equal(TraceTruncation.DepthLimit, graph.Truncation);
        Assert.Equal(6, source.Calls);
    }

    [Fact]
    public async Task A_chain_exactly_as_deep_as_the_depth_limit_is_not_truncated()
    {
        var (lots, events) = ChainShapeTraceTests.LinearChain(12);

        var graph = await Trace(new InMemoryTraceEventSource(events), lots[^1], TraceDirection.Backward, limits: new() { MaxDepth = 12 });

        Nodes(lots, graph);
        Assert.False(graph.Truncated);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(5000, 0)]
    public async Task Limits_below_one_are_rejected(int maxNodes, int maxDepth)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Trace(_chain.Source(), _chain.Blend, TraceDirection.Both, limits: new() { MaxNodes = maxNodes, MaxDepth = maxDepth }));
    }
}
