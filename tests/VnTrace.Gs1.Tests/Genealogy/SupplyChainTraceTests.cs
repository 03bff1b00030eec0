using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using static VnTrace.Gs1.Tests.Genealogy.TraceAssert;

namespace VnTrace.Gs1.Tests.Genealogy;

public class SupplyChainTraceTests
{
    private readonly GeneratedSupplyChain _chain = new();

    [Fact]
    public async Task Backward_from_a_retail_unit_reaches_exactly_the_three_blended_farm_lots_and_their_suppliers()
    {
        var graph = await Trace(_chain.Source(), _chain.Units[0], TraceDirection.Backward);

        Nodes([_chain.Units[0], _chain.Blend, .. _chain.FarmLots.Take(3),
            .. Sites([_chain.Processor, _chain.Collector, .. _chain.Farms.Take(3)])], graph);
        Assert.False(graph.Truncated);
        Assert.Contains(graph.Edges, e => e is { Kind: TraceEdgeKind.Transformed, Quantity: 2900m, Uom: "KGM" } && e.From == _chain.Blend && e.To == _chain.Units[0]);
        Assert.Contains(graph.Edges, e => e.Kind == TraceEdgeKind.Received && e.From == _chain.Farms[0].Party && e.To == _chain.FarmLots[0]);
        Assert.Equal(TraceNodeKind.Party, graph.Nodes.Single(n => n.Id == _chain.Farms[0].Party).Kind);
        Assert.Equal(TraceNodeKind.Location, graph.Nodes.Single(n => n.Id == _chain.Farms[0].Location).Kind);
        Assert.Equal(2, graph.Nodes.Single(n => n.Id == _chain.FarmLots[0]).Depth);
    }

    [Fact]
    public async Task Forward_from_a_blended_farm_lot_reaches_every_unit_case_and_pallet_and_exactly_the_four_retailers()
    {
        var graph = await Trace(_chain.Source(), _chain.FarmLots[0], TraceDirection.Forward);

        Nodes([_chain.FarmLots[0], _chain.Blend, .. _chain.Units, .. _chain.Cases, .. _chain.Pallets,
            .. Sites([_chain.Collector, _chain.Processor, _chain.Packer, _chain.Distributor, .. _chain.Retailers])], graph);
        Assert.All(_chain.Cases, c => Assert.Equal(TraceNodeKind.Container, graph.Nodes.Single(n => n.Id == c).Kind));
        Assert.Equal(20, graph.Edges.Count(e => e.Kind == TraceEdgeKind.Aggregated && _chain.Pallets.Contains(e.To)));
        Assert.Equal(20, graph.Edges.Count(e => e.Kind == TraceEdgeKind.Disaggregated && _chain.Pallets.Contains(e.From)));
        Assert.Equal(500, graph.Edges.Count(e => e.Kind == TraceEdgeKind.Disaggregated && _chain.Cases.Contains(e.From)));
        Assert.Equal(20, graph.Edges.Count(e => e.Kind == TraceEdgeKind.Shipped && _chain.Retailers.Any(r => r.Party == e.To)));
    }

    [Fact]
    public async Task Forward_from_a_farm_lot_that_was_not_blended_reaches_only_the_collector()
    {
        var graph = await Trace(_chain.Source(), _chain.FarmLots[4], TraceDirection.Forward);

        Nodes([_chain.FarmLots[4], .. Sites(_chain.Collector)], graph);
        Assert.All(graph.Edges, e => Assert.Equal(TraceEdgeKind.Received, e.Kind));
    }

    [Fact]
    public async Task Forward_from_one_unit_follows_its_case_and_pallet_but_not_the_units_packed_with_it()
    {
        var graph = await Trace(_chain.Source(), _chain.Units[30], TraceDirection.Forward);

        Nodes([_chain.Units[30], _chain.Cases[1], _chain.Pallets[0], .. Sites(_chain.Distributor, _chain.Retailers[0])], graph);
        Assert.Contains(graph.Edges, e => e.Kind == TraceEdgeKind.Disaggregated && e.From == _chain.Cases[1] && e.To == _chain.Units[30]);
    }

    [Fact]
    public async Task Backward_from_a_case_reaches_the_origin_of_its_contents_but_not_their_later_sale()
    {
        var graph = await Trace(_chain.Source(), _chain.Cases[0], TraceDirection.Backward);

        Nodes([_chain.Cases[0], .. _chain.UnitsOfCase(0), _chain.Blend, .. _chain.FarmLots.Take(3),
            .. Sites([_chain.Distributor, _chain.Processor, _chain.Collector, .. _chain.Farms.Take(3)])], graph);
        Assert.DoesNotContain(graph.Events, e => e.EventId.StartsWith("sell-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forward_from_a_pallet_follows_the_cases_unpacked_from_it_to_their_retailers_and_units()
    {
        var graph = await Trace(_chain.Source(), _chain.Pallets[0], TraceDirection.Forward);

        Nodes([_chain.Pallets[0], .. _chain.CasesOfPallet(0), .. Enumerable.Range(0, 10).SelectMany(_chain.UnitsOfCase),
            .. Sites(_chain.Distributor, _chain.Retailers[0], _chain.Retailers[1])], graph);
        Assert.Contains(graph.Events, e => e.EventId == "sell-9");
    }

    [Fact]
    public async Task Both_from_the_blend_is_the_union_of_the_backward_and_the_forward_trace()
    {
        var backward = await Trace(_chain.Source(), _chain.Blend, TraceDirection.Backward);
        var forward = await Trace(_chain.Source(), _chain.Blend, TraceDirection.Forward);
        var source = _chain.Source();

        var both = await Trace(source, _chain.Blend, TraceDirection.Both);

        Nodes(backward.Nodes.Concat(forward.Nodes).Select(n => n.Id), both);
        Assert.DoesNotContain(_chain.FarmLots[3], both.Nodes.Select(n => n.Id));
        Assert.Equal(Math.Max(backward.SourceCalls, forward.SourceCalls), source.Calls);
        Assert.Equal(TraceDirection.Backward, both.Nodes.Single(n => n.Id == _chain.FarmLots[0]).Direction);
        Assert.Equal(TraceDirection.Forward, both.Nodes.Single(n => n.Id == _chain.Units[0]).Direction);
    }

    [Fact]
    public async Task Source_calls_are_bounded_by_depth_not_by_node_count()
    {
        var source = _chain.Source();

        var graph = await Trace(source, _chain.FarmLots[0], TraceDirection.Forward);

        Assert.Equal(540, graph.Nodes.Count);
        // One call per level of goods (lot, blend, units, cases, pallets); parties and locations are leaves.
        Assert.Equal(graph.Nodes.Where(n => n.Kind is not (TraceNodeKind.Party or TraceNodeKind.Location)).Max(n => n.Depth) + 1, source.Calls);
        Assert.Equal(source.Calls, graph.SourceCalls);
        Assert.Equal(500, source.WidestRequest);
    }

    [Fact]
    public async Task One_step_back_and_one_step_forward_of_the_blend_are_its_inputs_supplier_outputs_and_customer()
    {
        var backward = await Trace(_chain.Source(), _chain.Blend, TraceDirection.Backward);
        var forward = await Trace(_chain.Source(), _chain.Blend, TraceDirection.Forward);

        Assert.Equal(Sorted([.. _chain.FarmLots.Take(3), .. Sites(_chain.Processor)]), AtDepth(backward, 1));
        Assert.Equal(Sorted([.. _chain.Units, .. Sites(_chain.Packer)]), AtDepth(forward, 1));
    }

    [Fact]
    public async Task Flat_table_gives_what_when_where_who_from_who_to_and_quantity()
    {
        var graph = await Trace(_chain.Source(), _chain.FarmLots[0], TraceDirection.Forward);

        var rows = graph.ToTable();

        var received = Assert.Single(rows, r => r.EventId == "collect-0");
        Assert.Equal((_chain.FarmLots[0], TraceEventFactory.Receiving, _chain.Farms[0].Party, _chain.Collector.Party, 1000m, "KGM", 0, _chain.Collector.Location),
            (received.Identifier, received.BizStep, received.FromParty, received.ToParty, received.Quantity, received.Uom, received.Step, received.Location));
        Assert.Equal($"GTIN {Gs1TestIds.Gtin(1)} · lot FARM1-2026", received.Label);
        Assert.Equal(rows.OrderBy(r => r.EventTime).Select(r => r.EventTime), rows.Select(r => r.EventTime));
        Assert.Equal(1 + 500, rows.Count(r => r.EventId == "serialise"));
    }

    [Fact]
    public async Task A_start_written_as_an_epc_uri_is_traced_as_its_digital_link()
    {
        Assert.True(EpcDigitalLink.TryToEpcUri(_chain.FarmLots[4], out var epc));

        var graph = await Trace(_chain.Source(), epc, TraceDirection.Forward);

        Assert.StartsWith("urn:epc:class:lgtin:8936012.", epc, StringComparison.Ordinal);
        Nodes([_chain.FarmLots[4], .. Sites(_chain.Collector)], graph);
    }

    [Fact]
    public async Task Forward_from_the_collectors_site_reaches_what_left_it_and_what_was_seen_there()
    {
        var graph = await Trace(_chain.Source(), _chain.Collector.Location, TraceDirection.Forward);

        var ids = graph.Nodes.Select(n => n.Id).ToHashSet();
        Assert.Superset(_chain.FarmLots.Concat(_chain.Retailers.Select(r => r.Party)).ToHashSet(), ids);
        Assert.Contains(graph.Edges, e => e.Kind == TraceEdgeKind.Shipped && e.From == _chain.Collector.Location && e.To == _chain.FarmLots[0]);
        Assert.Contains(graph.Edges, e => e.Kind == TraceEdgeKind.Observed && e.From == _chain.Collector.Location && e.To == _chain.FarmLots[4]);
        Consistent(graph);
    }

    private static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

    private static List<string> AtDepth(TraceGraph graph, int depth) =>
        [.. graph.Nodes.Where(n => n.Depth == depth).Select(n => n.Id).Order(StringComparer.Ordinal)];
}
