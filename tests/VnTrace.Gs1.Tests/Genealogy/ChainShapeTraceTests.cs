using VnTrace.Gs1.Genealogy;
using static VnTrace.Gs1.Tests.Genealogy.TraceAssert;
using static VnTrace.Gs1.Tests.Genealogy.TraceEventFactory;

namespace VnTrace.Gs1.Tests.Genealogy;

/// <summary>Long chains, wide fan-outs, cycles and units written with their lot.</summary>
public class ChainShapeTraceTests
{
    /// <summary>Lot 0 transformed into lot 1, … into lot <paramref name="steps"/>, one day apart.</summary>
    internal static (List<string> Lots, List<TraceEvent> Events) LinearChain(int steps)
    {
        List<string> lots = [.. Enumerable.Range(0, steps + 1).Select(i => Gs1TestIds.Lot(10, $"STEP{i}"))];
        List<TraceEvent> events =
        [
            .. Enumerable.Range(1, steps).Select(i => Transformation($"step-{i}", T0.AddDays(i), Gs1TestIds.Location(1),
                inputQuantities: [Kg(lots[i - 1], 100)], outputQuantities: [Kg(lots[i], 99)])),
        ];
        return (lots, events);
    }

    [Theory]
    [InlineData(TraceDirection.Backward)]
    [InlineData(TraceDirection.Forward)]
    [InlineData(TraceDirection.Both)]
    public async Task A_twelve_step_chain_is_traced_end_to_end_in_one_call_per_step(TraceDirection direction)
    {
        var (lots, events) = LinearChain(12);
        var source = new InMemoryTraceEventSource(events);
        var start = direction == TraceDirection.Backward ? lots[^1] : lots[0];

        var graph = await Trace(source, start, direction);

        Nodes(lots, graph);
        Assert.Equal(12, graph.Edges.Count);
        Assert.All(graph.Edges, e => Assert.Equal(TraceEdgeKind.Transformed, e.Kind));
        Assert.Equal(12, graph.Nodes.Max(n => n.Depth));
        Assert.Equal(13, source.Calls);
        Assert.False(graph.Truncated);
    }

    [Fact]
    public async Task A_lot_blended_into_500_outputs_is_traced_forward_in_two_calls_and_back_from_any_output()
    {
        var lot = Gs1TestIds.Lot(20, "BULK");
        List<string> outputs = [.. Enumerable.Range(1, 500).Select(i => Gs1TestIds.Lot(21, $"OUT{i}"))];
        var split = Transformation("split", T0, Gs1TestIds.Location(1),
            inputQuantities: [Kg(lot, 5000)], outputQuantities: [.. outputs.Select(o => Kg(o, 10))]);
        var source = new InMemoryTraceEventSource([split]);

        var forward = await Trace(source, lot, TraceDirection.Forward);
        var backward = await Trace(new InMemoryTraceEventSource([split]), outputs[321], TraceDirection.Backward);

        Nodes([lot, .. outputs], forward);
        Assert.All(forward.Edges, e => Assert.Equal((lot, 5000m, "KGM"), (e.From, e.Quantity!.Value, e.Uom!)));
        Assert.Equal(2, source.Calls);
        Nodes([outputs[321], lot], backward);
    }

    [Theory]
    [InlineData(TraceDirection.Backward)]
    [InlineData(TraceDirection.Forward)]
    [InlineData(TraceDirection.Both)]
    public async Task A_relabelling_cycle_ends_with_each_identifier_once(TraceDirection direction)
    {
        var a = Gs1TestIds.Lot(30, "A");
        var b = Gs1TestIds.Lot(31, "B");
        List<TraceEvent> events =
        [
            Transformation("a-to-b", T0, null, inputQuantities: [Kg(a, 1)], outputQuantities: [Kg(b, 1)]),
            Transformation("b-to-a", T0, null, inputQuantities: [Kg(b, 1)], outputQuantities: [Kg(a, 1)]),
        ];
        var source = new InMemoryTraceEventSource(events);

        var graph = await Trace(source, a, direction);

        Nodes([a, b], graph);
        Assert.Equal(2, graph.Edges.Count);
        Assert.True(source.Calls <= 3);
    }

    [Fact]
    public async Task Backward_from_a_unit_written_with_its_lot_reaches_the_lot_and_its_inputs()
    {
        var farm = Gs1TestIds.Lot(40, "FARM");
        var lot = Gs1TestIds.Lot(41, "L7");
        var unit = Gs1TestIds.UnitOfLot(41, "L7", 77);
        List<TraceEvent> events =
        [
            Transformation("make-lot", T0, null, inputQuantities: [Kg(farm, 50)], outputQuantities: [Kg(lot, 50)]),
            Object("sell-unit", T0.AddDays(3), RetailSelling, Gs1TestIds.Location(2), epcs: [unit]),
        ];

        var graph = await Trace(new InMemoryTraceEventSource(events), unit, TraceDirection.Backward);

        Nodes([unit, lot, farm], graph);
        var partOf = Assert.Single(graph.Edges, e => e.Kind == TraceEdgeKind.PartOfLot);
        Assert.Equal((lot, unit, null), (partOf.From, partOf.To, partOf.EventId));
    }

    [Fact]
    public async Task Forward_from_a_lot_reaches_its_units_when_the_source_matches_units_to_their_lot()
    {
        var lot = Gs1TestIds.Lot(41, "L7");
        var unit = Gs1TestIds.UnitOfLot(41, "L7", 77);
        var customer = new Business(Gs1TestIds.Party(600), Gs1TestIds.Location(600));
        List<TraceEvent> events =
        [
            Object("ship-unit", T0.AddDays(3), Shipping, Gs1TestIds.Location(2), epcs: [unit], to: customer),
        ];

        var exact = await Trace(new InMemoryTraceEventSource(events), lot, TraceDirection.Forward);
        var byLot = await Trace(new InMemoryTraceEventSource(events, matchUnitsOfLot: true), lot, TraceDirection.Forward);

        Assert.True(exact.StartUnknown);
        Nodes([lot, unit, .. Sites(customer)], byLot);
    }

    [Fact]
    public async Task A_serial_without_its_lot_stays_apart_from_the_lot()
    {
        var lot = Gs1TestIds.Lot(41, "L7");
        var unit = Gs1TestIds.Unit(41, 77);
        List<TraceEvent> events =
        [
            Object("commission-lot", T0, Commissioning, null, quantities: [Kg(lot, 5)]),
            Object("sell-unit", T0.AddDays(3), RetailSelling, null, epcs: [unit]),
        ];

        var graph = await Trace(new InMemoryTraceEventSource(events), unit, TraceDirection.Backward);

        Nodes([unit], graph);
        Assert.False(graph.StartUnknown);
    }
}
