using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Recall;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Trace;

/// <summary>Recall campaigns on the captured chain (farm lot A reached the processor and, blended, the retailer).</summary>
public abstract class RecallApiTests(AppFixture fixture)
{
    private static async Task<JsonObject> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task A_recall_of_a_farm_lot_lists_every_business_reached_with_quantities_and_closes_after_acknowledgements()
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        var opened = await Json(await chain.Authority.Client.PostAsJsonAsync("/api/recalls",
            new { lots = new[] { $"urn:epc:class:lgtin:8936012.000010.FA-{chain.Run}" }, reason = "Dư lượng thuốc bảo vệ thực vật vượt ngưỡng" }), HttpStatusCode.Created);
        var id = opened["id"]!.GetValue<Guid>();
        var notices = opened["notices"]!.AsArray();
        Assert.Equal(3, notices.Count); // the processor, the retailer and the farm that produced it; not farm B, not the unrelated business
        var producer = notices.Single(n => n!["organization"]!.GetValue<string>() == "trace-" + chain.FarmA.Gln)!;
        Assert.Null(producer["quantityReceived"]); // told, not reached
        Assert.Contains(JsonNode.Parse(await chain.FarmA.Client.GetStringAsync("/api/recalls"))!.AsArray(), r => r!["id"]!.GetValue<Guid>() == opened["id"]!.GetValue<Guid>());
        var processor = notices.Single(n => n!["organization"]!.GetValue<string>() == "trace-" + chain.Processor.Gln)!;
        Assert.Equal(1000m, processor["quantityReceived"]!.GetValue<decimal>());
        Assert.Equal("KGM", processor["uom"]!.GetValue<string>());
        Assert.Contains(notices, n => n!["organization"]!.GetValue<string>() == "trace-" + chain.Retailer.Gln);
        Assert.Contains(chain.LotP, opened["downstream"]!.AsArray().Select(l => l!.GetValue<string>()));

        // The consumer page's question: is the blend recalled now?
        using (var scope = fixture.App.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<RecallService>().IsRecalledAsync(chain.LotP, CancellationToken.None));

        // Each affected business sees its own notice only, and acknowledges it.
        var asRetailer = await Json(await chain.Retailer.Client.GetAsync($"/api/recalls/{id}"), HttpStatusCode.OK);
        Assert.Single(asRetailer["notices"]!.AsArray());
        Assert.Empty(asRetailer["downstream"]!.AsArray());
        await Json(await chain.Retailer.Client.PostAsJsonAsync($"/api/recalls/{id}/acknowledgement", new { quantityRecovered = 850, note = "Đã thu hồi tại cửa hàng" }), HttpStatusCode.OK);
        var afterOne = await Json(await chain.Processor.Client.PostAsJsonAsync($"/api/recalls/{id}/acknowledgement", new { quantityRecovered = 100 }), HttpStatusCode.OK);
        Assert.Single(afterOne["notices"]!.AsArray());

        var status = await Json(await chain.Authority.Client.GetAsync($"/api/recalls/{id}"), HttpStatusCode.OK);
        Assert.Equal(2, status["acknowledged"]!.GetValue<int>());
        var closed = await Json(await chain.Authority.Client.PostAsJsonAsync($"/api/recalls/{id}/close", new { note = "Đã thu hồi đủ" }), HttpStatusCode.OK);
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
        using (var scope = fixture.App.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<RecallService>().IsRecalledAsync(chain.LotP, CancellationToken.None));
        await (await chain.Retailer.Client.PostAsJsonAsync($"/api/recalls/{id}/acknowledgement", new { quantityRecovered = 1 })).AssertProblem(409, "ConflictException");
    }

    [Fact]
    public async Task A_business_recalls_its_own_lot_and_reaches_its_customers()
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        var opened = await Json(await chain.Processor.Client.PostAsJsonAsync("/api/recalls", new { lots = new[] { chain.LotP }, reason = "Bao bì lỗi" }), HttpStatusCode.Created);
        var notice = Assert.Single(opened["notices"]!.AsArray());
        Assert.Equal("trace-" + chain.Retailer.Gln, notice!["organization"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_business_cannot_recall_someone_elses_lot_and_outsiders_cannot_see_a_recall()
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        var refused = await (await chain.Retailer.Client.PostAsJsonAsync("/api/recalls", new { lots = new[] { chain.LotA }, reason = "x" })).AssertProblem(403, "SecurityException");
        Assert.Contains(chain.LotA, refused["detail"]!.GetValue<string>());

        var opened = await Json(await chain.Processor.Client.PostAsJsonAsync("/api/recalls", new { lots = new[] { chain.LotP }, reason = "Bao bì lỗi" }), HttpStatusCode.Created);
        var id = opened["id"]!.GetValue<Guid>();
        await (await chain.Unrelated.Client.GetAsync($"/api/recalls/{id}")).AssertProblem(404, "NoSuchNameException");
        await (await chain.Unrelated.Client.PostAsJsonAsync($"/api/recalls/{id}/close", new { })).AssertProblem(404, "NoSuchNameException");
        Assert.Empty(JsonNode.Parse(await chain.Unrelated.Client.GetStringAsync("/api/recalls"))!.AsArray());
    }

    private static async Task CaptureAsync(TraceChain.Party party, string @event)
    {
        var response = await party.Client.PostJsonLd("/capture", EpcisHttp.Document(@event));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    private static string Observe(string lot, string bizStep, string sourceList = "") => $$"""
        { "type": "ObjectEvent", "eventTime": "2026-09-07T07:00:00+07:00", "eventTimeZoneOffset": "+07:00", "action": "OBSERVE",
          "bizStep": "{{bizStep}}", "quantityList": [ { "epcClass": "{{lot}}", "quantity": 1, "uom": "KGM" } ] {{sourceList}} }
        """;

    [Fact]
    public async Task A_business_cannot_recall_someone_elses_lot_by_first_capturing_an_event_that_names_it()
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        var before = JsonNode.Parse(await chain.Authority.Client.GetStringAsync("/api/recalls"))!.AsArray().Count;
        await CaptureAsync(chain.Unrelated, Observe(chain.LotA, "inspecting"));
        var refused = await (await chain.Unrelated.Client.PostAsJsonAsync("/api/recalls", new { lots = new[] { chain.LotA }, reason = "Hàng kém chất lượng" }))
            .AssertProblem(403, "SecurityException");
        Assert.Contains(chain.LotA, refused["detail"]!.GetValue<string>());

        // Nor by claiming to have received it from its producer: only a shipment the chain recorded counts.
        await CaptureAsync(chain.Unrelated, Observe(chain.LotA, "receiving", $$""", "sourceList": [ { "type": "owning_party", "source": "{{chain.FarmA.Id}}" } ]"""));
        await (await chain.Unrelated.Client.PostAsJsonAsync("/api/recalls", new { lots = new[] { chain.LotA }, reason = "Hàng kém chất lượng" }))
            .AssertProblem(403, "SecurityException");
        Assert.Equal(before, JsonNode.Parse(await chain.Authority.Client.GetStringAsync("/api/recalls"))!.AsArray().Count);
    }

    [Fact]
    public async Task A_business_a_lot_was_shipped_to_recalls_its_part_downstream_and_the_producer_is_told()
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        var opened = await Json(await chain.Processor.Client.PostAsJsonAsync("/api/recalls", new { lots = new[] { chain.LotA }, reason = "Nấm mốc khi nhập kho" }), HttpStatusCode.Created);
        var notified = opened["notices"]!.AsArray().Select(n => n!["organization"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(new[] { "trace-" + chain.FarmA.Gln, "trace-" + chain.Retailer.Gln }.Order(), notified);
        Assert.Contains(chain.LotP, opened["downstream"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{ "lots": [], "reason": "x" }""", 400)]
    [InlineData("""{ "lots": ["not-an-identifier"], "reason": "x" }""", 400)]
    [InlineData("""{ "lots": ["urn:epc:class:lgtin:8936012.000010.FA-1"], "reason": "" }""", 400)]
    [InlineData("""{ "lots": ["urn:epc:class:lgtin:8936012.000010.NEVER-SEEN"], "reason": "x" }""", 404)]
    [InlineData("""{ "lots": ["urn:epc:class:lgtin:8936012.000010.FA-1"], "reason": """, 400)]
    public async Task Bad_recall_requests_are_refused_and_store_nothing(string body, int status)
    {
        var chain = await TraceChain.CaptureAsync(fixture.App);
        var before = JsonNode.Parse(await chain.Authority.Client.GetStringAsync("/api/recalls"))!.AsArray().Count;
        var response = await chain.Authority.Client.PostAsync("/api/recalls", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, JsonNode.Parse(await chain.Authority.Client.GetStringAsync("/api/recalls"))!.AsArray().Count);
    }
}

public sealed class SqliteRecallApiTests(SqliteAppFixture fixture) : RecallApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresRecallApiTests(PostgresAppFixture fixture) : RecallApiTests(fixture), IClassFixture<PostgresAppFixture>;
