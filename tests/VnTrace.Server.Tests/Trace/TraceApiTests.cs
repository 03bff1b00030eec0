using System.Net;
using System.Text.Json.Nodes;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Trace;

/// <summary>GET /api/trace on the captured chain, with each caller's visibility, on SQLite and PostgreSQL.</summary>
public abstract class TraceApiTests(AppFixture fixture)
{
    private async Task<(TraceChain Chain, string[] Nodes)> TraceAsync(Func<TraceChain, TraceChain.Party> caller, Func<TraceChain, string> id, string direction)
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        return (chain, await NodesAsync(caller(chain), id(chain), direction));
    }

    private static async Task<string[]> NodesAsync(TraceChain.Party caller, string id, string direction)
    {
        var response = await caller.Client.GetAsync($"/api/trace?id={Uri.EscapeDataString(id)}&direction={direction}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task The_processor_traces_its_blend_back_to_both_farm_lots_and_their_farms_and_nothing_else()
    {
        var (chain, nodes) = await TraceAsync(c => c.Processor, c => c.LotP, "backward");
        Assert.Equal(new[] { chain.LotA, chain.LotB, chain.LotP, chain.FarmA.Id, chain.FarmB.Id, chain.Processor.Id }.Order(StringComparer.Ordinal), nodes);
    }

    [Fact]
    public async Task A_farm_traces_its_lot_one_step_forward_to_its_customer_only()
    {
        var (chain, nodes) = await TraceAsync(c => c.FarmA, c => c.LotA, "forward");
        Assert.Contains(chain.Processor.Id, nodes);
        Assert.DoesNotContain(chain.LotP, nodes);          // the processor's blend is its own business
        Assert.DoesNotContain(chain.Retailer.Id, nodes);
        Assert.DoesNotContain(chain.LotB, nodes);
    }

    [Fact]
    public async Task The_authority_traces_a_farm_lot_forward_through_the_whole_chain()
    {
        var (chain, nodes) = await TraceAsync(c => c.Authority, c => c.LotA, "forward");
        Assert.Contains(chain.LotP, nodes);
        Assert.Contains(chain.Processor.Id, nodes);
        Assert.Contains(chain.Retailer.Id, nodes);
        Assert.DoesNotContain(chain.LotB, nodes); // a sibling input is not downstream
    }

    [Fact]
    public async Task A_trace_never_shows_a_node_only_an_unrelated_business_can_see()
    {
        var (chain, nodes) = await TraceAsync(c => c.Processor, c => c.LotP, "both");
        Assert.DoesNotContain(chain.LotX, nodes);
        Assert.DoesNotContain(chain.Unrelated.Id, nodes);
        // The authority sees everything, the unrelated claim included.
        Assert.Contains(chain.LotX, await NodesAsync(chain.Authority, chain.LotP, "backward"));
    }

    [Fact]
    public async Task The_retailer_sees_its_supplier_but_not_the_farms()
    {
        var (chain, nodes) = await TraceAsync(c => c.Retailer, c => c.LotP, "backward");
        Assert.Contains(chain.Processor.Id, nodes);
        Assert.DoesNotContain(chain.LotA, nodes);
        Assert.DoesNotContain(chain.FarmA.Id, nodes);
    }

    [Fact]
    public async Task The_response_carries_edges_events_and_a_flat_table()
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        var body = JsonNode.Parse(await chain.Authority.Client.GetStringAsync($"/api/trace?id={Uri.EscapeDataString(chain.LotP)}&direction=backward"))!;
        Assert.Contains(body["edges"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "Transformed" && e["from"]!.GetValue<string>() == chain.LotA);
        Assert.NotEmpty(body["events"]!.AsArray());
        Assert.NotEmpty(body["table"]!.AsArray());
        Assert.False(body["truncated"]!.GetValue<bool>());

        var withoutTable = JsonNode.Parse(await chain.Authority.Client.GetStringAsync($"/api/trace?id={Uri.EscapeDataString(chain.LotP)}&direction=backward&table=false"))!;
        Assert.Null(withoutTable["table"]);
        Assert.Equal(body["nodes"]!.AsArray().Count, withoutTable["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_epc_uri_start_finds_the_same_lot()
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        var nodes = await NodesAsync(chain.Authority, $"urn:epc:class:lgtin:8936014.000010.BLEND-{chain.Run}", "backward");
        Assert.Contains(chain.LotA, nodes);
    }

    [Fact]
    public async Task A_graph_above_the_node_limit_comes_back_truncated_and_marked()
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        var body = JsonNode.Parse(await chain.Authority.Client.GetStringAsync($"/api/trace?id={Uri.EscapeDataString(chain.LotA)}&direction=forward&maxNodes=2"))!;
        Assert.True(body["truncated"]!.GetValue<bool>());
        Assert.Equal("NodeLimit", body["truncation"]!.GetValue<string>());
        Assert.Equal(2, body["nodes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("", "id is required")]
    [InlineData("?id=hello", "not a GS1 Digital Link or EPC URI")]
    [InlineData("?id=https%3A%2F%2Fid.gs1.org%2F01%2F08936012000109%2F10%2FX", "check digit")]
    [InlineData("?id=urn:epc:class:lgtin:8936012.000010.X&direction=sideways", "backward, forward or both")]
    [InlineData("?id=urn:epc:class:lgtin:8936012.000010.X&from=2026-10-01T00:00:00Z&to=2026-09-01T00:00:00Z", "to")]
    [InlineData("?id=urn:epc:class:lgtin:8936012.000010.X&from=2026-10-01T00:00:00", "offset")]
    [InlineData("?id=urn:epc:class:lgtin:8936012.000010.X&maxNodes=100000000", "maxNodes")]
    public async Task Bad_trace_requests_get_a_clear_400(string query, string expected)
    {
        var (_, client) = await fixture.App.CreateOrganizationClientAsync("bad-trace");
        var problem = await (await client.GetAsync("/api/trace" + query)).AssertProblem(400, "QueryParameterException");
        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_identifier_no_visible_event_names_is_404()
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        await (await chain.Retailer.Client.GetAsync($"/api/trace?id={Uri.EscapeDataString(chain.LotX)}")).AssertProblem(404, "NoSuchNameException");
        await (await chain.Retailer.Client.GetAsync("/api/trace?id=urn:epc:class:lgtin:8936012.000010.NEVER")).AssertProblem(404, "NoSuchNameException");
    }
}

public sealed class SqliteTraceApiTests(SqliteAppFixture fixture) : TraceApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresTraceApiTests(PostgresAppFixture fixture) : TraceApiTests(fixture), IClassFixture<PostgresAppFixture>;
