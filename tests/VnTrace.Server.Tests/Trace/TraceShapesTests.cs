using System.Net;
using System.Text.Json.Nodes;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Trace;

/// <summary>A chain 12 transformations deep and a lot blended into 500 units, traced through the store.</summary>
public abstract class TraceShapesTests(AppFixture fixture)
{
    private static string Lot(string run, int i) => $"https://id.gs1.org/01/08936012000108/10/{run}-STEP{i}";
    private static string Unit(int serial) => $"https://id.gs1.org/01/08936012000115/21/{serial}";

    private static string Transformation(string time, IEnumerable<string> inputClasses, IEnumerable<string> outputClasses, IEnumerable<string> outputEpcs) => $$"""
        { "type": "TransformationEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+07:00", "bizStep": "commissioning",
          "inputQuantityList": [ {{string.Join(",", inputClasses.Select(c => $$"""{ "epcClass": "{{c}}", "quantity": 10, "uom": "KGM" }"""))}} ],
          "outputQuantityList": [ {{string.Join(",", outputClasses.Select(c => $$"""{ "epcClass": "{{c}}", "quantity": 10, "uom": "KGM" }"""))}} ],
          "outputEPCList": [ {{string.Join(",", outputEpcs.Select(e => $"\"{e}\""))}} ] }
        """;

    private static async Task<JsonNode> Trace(HttpClient client, string id, string direction)
    {
        var response = await client.GetAsync($"/api/trace?id={Uri.EscapeDataString(id)}&direction={direction}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private static HashSet<string> Ids(JsonNode trace) =>
        trace["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task A_chain_twelve_steps_deep_is_traced_end_to_end_both_ways()
    {
        var (_, client) = await fixture.App.CreateOrganizationClientAsync("deep-chain");
        var run = Guid.NewGuid().ToString("N")[..6];
        var steps = Enumerable.Range(0, 12).Select(i =>
            Transformation($"2026-09-{i + 1:00}T07:00:00+07:00", [Lot(run, i)], [Lot(run, i + 1)], []));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", Document([.. steps]))).StatusCode);

        var expected = Enumerable.Range(0, 13).Select(i => Lot(run, i)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected, Ids(await Trace(client, Lot(run, 12), "backward")));
        Assert.Equal(expected, Ids(await Trace(client, Lot(run, 0), "forward")));
        Assert.Equal(expected, Ids(await Trace(client, Lot(run, 6), "both")));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => Lot(run, i)).ToHashSet(StringComparer.Ordinal), Ids(await Trace(client, Lot(run, 6), "backward")));
    }

    [Fact]
    public async Task A_lot_blended_into_five_hundred_units_fans_out_and_each_unit_leads_back_to_it()
    {
        var (_, client) = await fixture.App.CreateOrganizationClientAsync("fan-out");
        var run = Guid.NewGuid().ToString("N")[..6];
        var units = Enumerable.Range(1, 500).Select(s => Unit(int.Parse(run[..5], System.Globalization.NumberStyles.HexNumber) * 1000 + s)).ToList();
        var blend = Transformation("2026-09-01T07:00:00+07:00", [Lot(run, 0)], [], units);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", Document(blend))).StatusCode);

        var forward = Ids(await Trace(client, Lot(run, 0), "forward"));
        Assert.Equal(501, forward.Count);
        Assert.True(units.All(forward.Contains));
        Assert.Equal(new HashSet<string>([units[321], Lot(run, 0)], StringComparer.Ordinal), Ids(await Trace(client, units[321], "backward")));
    }

    [Fact]
    public async Task A_lot_leads_forward_to_units_written_with_it_even_when_no_event_names_the_lot()
    {
        var (_, client) = await fixture.App.CreateOrganizationClientAsync("units-of-lot");
        var run = Guid.NewGuid().ToString("N")[..6];
        var lot = Lot(run, 0);
        var units = Enumerable.Range(1, 3).Select(s => $"{lot}/21/{s}").ToList();
        var commission = $$"""
            { "type": "ObjectEvent", "eventTime": "2026-09-01T07:00:00+07:00", "eventTimeZoneOffset": "+07:00", "action": "ADD",
              "bizStep": "commissioning", "epcList": [ {{string.Join(",", units.Select(u => $"\"{u}\""))}} ] }
            """;
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", Document(commission))).StatusCode);

        var forward = Ids(await Trace(client, lot, "forward"));
        Assert.True(units.All(forward.Contains), string.Join(", ", forward));
    }
}

public sealed class SqliteTraceShapesTests(SqliteAppFixture fixture) : TraceShapesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresTraceShapesTests(PostgresAppFixture fixture) : TraceShapesTests(fixture), IClassFixture<PostgresAppFixture>;
