using VnTrace.Gs1.Genealogy;
using static VnTrace.Gs1.Tests.Genealogy.TraceAssert;

namespace VnTrace.Gs1.Tests.Genealogy;

public class TraceWindowTests
{
    private readonly GeneratedSupplyChain _chain = new();

    [Fact]
    public void A_reversed_window_is_refused_with_a_message_naming_both_ends()
    {
        var from = GeneratedSupplyChain.Day(5);
        var to = GeneratedSupplyChain.Day(1);

        Assert.False(TraceWindow.TryCreate(from, to, out _, out var error));
        var thrown = Assert.Throws<ArgumentException>(() => new TraceWindow(from, to));

        Assert.Contains("reversed", error, StringComparison.Ordinal);
        Assert.Contains(from.ToString("O"), error, StringComparison.Ordinal);
        Assert.Contains(to.ToString("O"), error, StringComparison.Ordinal);
        Assert.StartsWith(error, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_window_is_refused_and_open_ends_are_accepted()
    {
        var t = GeneratedSupplyChain.Day(1);

        Assert.False(TraceWindow.TryCreate(t, t, out _, out _));
        Assert.True(TraceWindow.TryCreate(t, null, out var from, out _));
        Assert.True(TraceWindow.TryCreate(null, t, out var to, out _));
        Assert.True(from.Contains(t));
        Assert.False(to.Contains(t));
        Assert.True(TraceWindow.Unbounded.Contains(DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task Forward_in_a_window_ending_before_the_shipment_to_the_distributor_stops_at_the_packer()
    {
        var window = new TraceWindow(null, GeneratedSupplyChain.Day(5));

        var graph = await Trace(_chain.Source(), _chain.FarmLots[0], TraceDirection.Forward, window);

        Nodes([_chain.FarmLots[0], _chain.Blend, .. _chain.Units, .. _chain.Cases, .. _chain.Pallets,
            .. Sites([_chain.Collector, _chain.Processor, _chain.Packer])], graph);
        Assert.All(graph.Events, e => Assert.True(e.EventTime < GeneratedSupplyChain.Day(5)));
    }

    [Fact]
    public async Task Backward_in_a_window_starting_after_the_blending_stops_at_the_blend()
    {
        var window = new TraceWindow(GeneratedSupplyChain.Day(2.5), null);

        var graph = await Trace(_chain.Source(), _chain.Units[0], TraceDirection.Backward, window);

        Nodes([_chain.Units[0], _chain.Blend, .. Sites([_chain.Processor])], graph);
    }
}
