using VnTrace.Gs1.Genealogy;
using static VnTrace.Gs1.Tests.Genealogy.TraceAssert;

namespace VnTrace.Gs1.Tests.Genealogy;

public class TraceStartTests
{
    private readonly GeneratedSupplyChain _chain = new();

    [Theory]
    [InlineData(TraceDirection.Backward)]
    [InlineData(TraceDirection.Forward)]
    [InlineData(TraceDirection.Both)]
    public async Task An_identifier_no_event_names_gives_only_the_start_marked_unknown(TraceDirection direction)
    {
        var unknown = Gs1TestIds.Lot(1, "NEVER-CAPTURED");
        var source = _chain.Source();

        var graph = await Trace(source, unknown, direction);

        var start = Assert.Single(graph.Nodes);
        Assert.Equal((unknown, true, TraceNodeKind.Lot, 0), (start.Id, start.Unknown, start.Kind, start.Depth));
        Assert.True(graph.StartUnknown);
        Assert.Empty(graph.Edges);
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task A_known_start_outside_the_window_is_found_but_has_no_neighbours()
    {
        var window = new TraceWindow(GeneratedSupplyChain.Day(100), null);

        var graph = await Trace(_chain.Source(), _chain.FarmLots[0], TraceDirection.Both, window);

        Assert.False(graph.StartUnknown);
        Nodes([_chain.FarmLots[0]], graph);
        Assert.Empty(graph.Events);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_start_is_rejected(string start)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Trace(_chain.Source(), start, TraceDirection.Forward));
    }

    [Fact]
    public async Task Cancellation_stops_the_walk()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GenealogyTracer.TraceAsync(
            _chain.Blend, TraceDirection.Both, default, _chain.Source(), TraceLimits.Default, cts.Token));
    }
}
