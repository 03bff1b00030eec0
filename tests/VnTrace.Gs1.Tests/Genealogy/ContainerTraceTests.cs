using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Genealogy;
using static VnTrace.Gs1.Tests.Genealogy.TraceAssert;
using static VnTrace.Gs1.Tests.Genealogy.TraceEventFactory;

namespace VnTrace.Gs1.Tests.Genealogy;

/// <summary>Packing by quantity, and containers used more than once.</summary>
public class ContainerTraceTests
{
    private static readonly Business Warehouse = new(Gs1TestIds.Party(700), Gs1TestIds.Location(700));
    private static readonly Business FirstCustomer = new(Gs1TestIds.Party(701), Gs1TestIds.Location(701));
    private static readonly Business SecondCustomer = new(Gs1TestIds.Party(702), Gs1TestIds.Location(702));

    [Fact]
    public async Task A_lot_packed_by_quantity_counts_like_a_child_epc_both_ways()
    {
        var lot = Gs1TestIds.Lot(50, "RICE-1");
        var pallet = Gs1TestIds.Sscc(5001);
        List<TraceEvent> events =
        [
            Aggregation("pack", T0, EpcisAction.Add, pallet, [], Warehouse.Location, childQuantities: [Kg(lot, 800)]),
            Object("ship", T0.AddDays(1), Shipping, Warehouse.Location, epcs: [pallet], from: Warehouse, to: FirstCustomer),
        ];

        var forward = await Trace(new InMemoryTraceEventSource(events), lot, TraceDirection.Forward);
        var backward = await Trace(new InMemoryTraceEventSource(events), pallet, TraceDirection.Backward);

        Nodes([lot, pallet, .. Sites([FirstCustomer])], forward);
        Assert.Contains(forward.Edges, e => e is { Kind: TraceEdgeKind.Aggregated, Quantity: 800m, Uom: "KGM" } && e.From == lot && e.To == pallet);
        Nodes([pallet, lot, .. Sites([Warehouse])], backward);
    }

    [Fact]
    public async Task A_reused_tank_carries_a_lot_only_until_the_lot_is_unpacked()
    {
        var first = Gs1TestIds.Lot(51, "MILK-1");
        var second = Gs1TestIds.Lot(51, "MILK-2");
        var tank = "https://id.gs1.org/8003/08936012000017T1";
        List<TraceEvent> events =
        [
            Aggregation("fill-1", T0, EpcisAction.Add, tank, [], Warehouse.Location, childQuantities: [Kg(first, 100)]),
            Object("ship-1", T0.AddHours(1), Shipping, Warehouse.Location, epcs: [tank], from: Warehouse, to: FirstCustomer),
            Aggregation("empty-1", T0.AddHours(2), EpcisAction.Delete, tank, [], FirstCustomer.Location),
            Aggregation("fill-2", T0.AddHours(3), EpcisAction.Add, tank, [], Warehouse.Location, childQuantities: [Kg(second, 100)]),
            Object("ship-2", T0.AddHours(4), Shipping, Warehouse.Location, epcs: [tank], from: Warehouse, to: SecondCustomer),
        ];

        var forwardFromFirst = await Trace(new InMemoryTraceEventSource(events), first, TraceDirection.Forward);
        var forwardFromSecond = await Trace(new InMemoryTraceEventSource(events), second, TraceDirection.Forward);
        var forwardFromTank = await Trace(new InMemoryTraceEventSource(events), tank, TraceDirection.Forward);

        Nodes([first, tank, .. Sites([FirstCustomer])], forwardFromFirst);
        Assert.Equal(TraceNodeKind.Container, forwardFromFirst.Nodes.Single(n => n.Id == tank).Kind);
        Nodes([second, tank, .. Sites([SecondCustomer])], forwardFromSecond);
        Nodes([tank, first, .. Sites([FirstCustomer, SecondCustomer])], forwardFromTank);
    }
}
