using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Query;

/// <summary>The standard query parameters, paging and content negotiation, on SQLite and PostgreSQL.</summary>
public abstract partial class QueryApiTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    /// <summary>A small supply chain for one organization: commissioning, packing, shipping, receiving.</summary>
    private async Task<HttpClient> ChainAsync(string name)
    {
        var (_, client) = await App.CreateOrganizationClientAsync(name);
        var document = Document(
            ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.1", time: "2026-10-01T07:00:00+07:00", eventId: "urn:uuid:00000000-0000-4000-8000-000000000001",
                bizLocation: "urn:epc:id:sgln:8936012.00002.0"),
            ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.2", time: "2026-10-02T07:00:00+07:00", eventId: "urn:uuid:00000000-0000-4000-8000-000000000002",
                bizLocation: "urn:epc:id:sgln:8936012.00002.7"),
            """
            {
              "type": "AggregationEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000003",
              "eventTime": "2026-10-03T07:00:00+07:00", "eventTimeZoneOffset": "+07:00",
              "parentID": "urn:epc:id:sscc:8936012.0000000001",
              "childEPCs": ["urn:epc:id:sgtin:8936012.000010.1", "urn:epc:id:sgtin:8936012.000010.2"],
              "action": "ADD", "bizStep": "packing", "disposition": "in_progress",
              "bizLocation": { "id": "urn:epc:id:sgln:8936012.00003.0" }
            }
            """,
            """
            {
              "type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000004",
              "eventTime": "2026-10-04T07:00:00+07:00", "eventTimeZoneOffset": "+07:00",
              "epcList": ["urn:epc:id:sscc:8936012.0000000001"], "action": "OBSERVE",
              "bizStep": "shipping", "disposition": "in_transit",
              "bizTransactionList": [ { "type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:8936015000013:PO-1" } ],
              "sourceList": [ { "type": "owning_party", "source": "urn:epc:id:pgln:8936012.00001" } ],
              "destinationList": [ { "type": "owning_party", "destination": "urn:epc:id:pgln:8936015.00001" } ]
            }
            """,
            """
            {
              "type": "TransformationEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000005",
              "eventTime": "2026-10-05T07:00:00+07:00", "eventTimeZoneOffset": "+07:00",
              "inputQuantityList": [ { "epcClass": "urn:epc:class:lgtin:8936012.000010.LOT1", "quantity": 100, "uom": "KGM" } ],
              "outputEPCList": ["urn:epc:id:sgtin:8936012.000011.77"],
              "bizStep": "commissioning"
            }
            """);
        var response = await client.PostJsonLd("/capture", document);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return client;
    }

    private static async Task<string> IdsOf(HttpClient client, string query) =>
        string.Join(",", (await (await client.GetAsync("/events" + query)).ReadEvents())
            .Select(e => e!["eventID"]!.GetValue<string>()[^1..]));

    [Theory]
    [InlineData("?eventType=AggregationEvent", "3")]
    [InlineData("?eventType=AggregationEvent|TransformationEvent", "3,5")]
    [InlineData("?EQ_bizStep=shipping", "4")]
    [InlineData("?EQ_bizStep=urn:epcglobal:cbv:bizstep:packing", "3")]
    [InlineData("?EQ_disposition=in_transit", "4")]
    [InlineData("?EQ_action=ADD", "1,2,3")]
    [InlineData("?GE_eventTime=2026-10-02T07:00:00%2B07:00&LT_eventTime=2026-10-04T00:00:00Z", "2,3")]
    [InlineData("?MATCH_epc=urn:epc:id:sgtin:8936012.000010.2", "2,3")]
    [InlineData("?MATCH_epc=https://id.gs1.org/01/08936012000108/21/2", "2,3")]
    [InlineData("?MATCH_epc=https://example.vn/shop/01/8936012000108/21/2", "2,3")]
    [InlineData("?MATCH_epc=urn:epc:idpat:sgtin:8936012.000010.*", "1,2,3")]
    [InlineData("?MATCH_parentID=urn:epc:id:sscc:8936012.0000000001", "3")]
    [InlineData("?MATCH_anyEPC=urn:epc:id:sscc:8936012.0000000001", "3,4")]
    [InlineData("?MATCH_outputEPC=urn:epc:id:sgtin:8936012.000011.77", "5")]
    [InlineData("?MATCH_inputEPCClass=urn:epc:class:lgtin:8936012.000010.LOT1", "5")]
    [InlineData("?MATCH_anyEPCClass=urn:epc:idpat:sgtin:8936012.000010.*", "5")]
    [InlineData("?EQ_bizLocation=urn:epc:id:sgln:8936012.00002.0", "1")]
    [InlineData("?WD_bizLocation=urn:epc:id:sgln:8936012.00002.0", "1,2")]
    [InlineData("?EQ_bizTransaction_po=urn:epcglobal:cbv:bt:8936015000013:PO-1", "4")]
    [InlineData("?EQ_source_owning_party=urn:epc:id:pgln:8936012.00001", "4")]
    [InlineData("?EQ_destination_owning_party=https://id.gs1.org/417/8936015000013", "4")]
    [InlineData("?EQ_eventID=urn:uuid:00000000-0000-4000-8000-000000000002", "2")]
    [InlineData("?orderBy=eventTime&orderDirection=DESC", "5,4,3,2,1")]
    [InlineData("?eventCountLimit=2", "1,2")]
    public async Task Query_parameters_select_exactly_the_matching_events(string query, string expected)
    {
        var client = await ChainAsync("query-" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(expected, await IdsOf(client, query));
    }

    [Fact]
    public async Task WD_bizLocation_follows_the_location_hierarchy_of_captured_master_data()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("wd-master-data");
        // Farm 00010 holds planting areas 00011 and 00012; area 00012 holds plot 00014. 00013 is elsewhere.
        var document = $$"""
            {
              "@context": ["{{Context}}"],
              "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-25T08:00:00+07:00",
              "epcisHeader": { "epcisMasterData": { "vocabularyList": [ { "type": "urn:epcglobal:epcis:vtype:BusinessLocation",
                "vocabularyElementList": [
                  { "id": "urn:epc:id:sgln:8936012.00010.0", "children": ["urn:epc:id:sgln:8936012.00011.0", "urn:epc:id:sgln:8936012.00012.0"] },
                  { "id": "urn:epc:id:sgln:8936012.00012.0", "children": ["urn:epc:id:sgln:8936012.00014.0"] } ] } ] } },
              "epcisBody": { "eventList": [
                {{ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.71", eventId: "urn:uuid:00000000-0000-4000-8000-000000000071", bizLocation: "urn:epc:id:sgln:8936012.00011.0")}},
                {{ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.72", eventId: "urn:uuid:00000000-0000-4000-8000-000000000072", bizLocation: "urn:epc:id:sgln:8936012.00013.0")}},
                {{ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.74", eventId: "urn:uuid:00000000-0000-4000-8000-000000000074", bizLocation: "urn:epc:id:sgln:8936012.00014.0")}} ] }
            }
            """;
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", document)).StatusCode);

        Assert.Equal("1,4", await IdsOf(client, "?WD_bizLocation=urn:epc:id:sgln:8936012.00010.0"));
        Assert.Equal("4", await IdsOf(client, "?WD_bizLocation=urn:epc:id:sgln:8936012.00012.0"));
        Assert.Equal("", await IdsOf(client, "?EQ_bizLocation=urn:epc:id:sgln:8936012.00010.0"));
        // Sending the same master data again is no conflict.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", document)).StatusCode);
    }

    [Fact]
    public async Task Paging_walks_every_event_once_through_nextPageToken_links()
    {
        var client = await ChainAsync("paging");
        var seen = new List<string>();
        string? url = "/events?perPage=2&orderBy=eventTime";
        var pages = 0;
        while (url is not null)
        {
            var response = await client.GetAsync(url);
            seen.AddRange((await response.ReadEvents()).Select(e => e!["eventID"]!.GetValue<string>()[^1..]));
            url = response.Headers.TryGetValues("Link", out var links) ? LinkNext().Match(links.Single()).Groups[1].Value : null;
            pages++;
            Assert.True(pages < 10, "paging did not end");
        }
        Assert.Equal(3, pages);
        Assert.Equal("1,2,3,4,5", string.Join(",", seen));
    }

    [Fact]
    public async Task A_page_token_from_another_query_is_refused()
    {
        var client = await ChainAsync("token-reuse");
        var first = await client.GetAsync("/events?perPage=1&EQ_action=ADD");
        var next = LinkNext().Match(first.Headers.GetValues("Link").Single()).Groups[1].Value;
        var token = next[(next.IndexOf("nextPageToken=", StringComparison.Ordinal) + "nextPageToken=".Length)..];
        await (await client.GetAsync("/events?perPage=1&EQ_action=OBSERVE&nextPageToken=" + token)).AssertProblem(400, "QueryParameterException");
    }

    [Theory]
    [InlineData("?EQ_colour=red")]
    [InlineData("?GE_eventTime=2026-10-01T07:00:00")]
    [InlineData("?GE_eventTime=2026-10-05T00:00:00Z&LT_eventTime=2026-10-01T00:00:00Z")]
    [InlineData("?eventType=FooEvent")]
    [InlineData("?EQ_action=JUMP")]
    [InlineData("?perPage=0")]
    [InlineData("?orderBy=colour")]
    public async Task Bad_query_parameters_get_a_QueryParameterException(string query)
    {
        var (_, client) = await App.CreateOrganizationClientAsync("bad-query");
        var problem = await (await client.GetAsync("/events" + query)).AssertProblem(400, "QueryParameterException");
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Results_come_as_xml_when_the_client_asks_for_xml()
    {
        var client = await ChainAsync("xml-out");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events?EQ_bizStep=packing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EPCISQueryDocument", body);
        Assert.Contains("<AggregationEvent>", body);
    }

    [Fact]
    public async Task Results_come_as_epcis_1_2_xml_when_the_client_asks_for_version_1_2()
    {
        var client = await ChainAsync("xml-12");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events?EQ_bizStep=packing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        request.Headers.Add("GS1-EPCIS-Version", "1.2");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.2.0", response.Headers.GetValues("GS1-EPCIS-Version").Single());
        Assert.Contains("urn:epcglobal:epcis-query:xsd:1", body);
        var read = VnTrace.Gs1.Epcis.Xml.EpcisXmlReader.ReadDocument(body);
        Assert.True(read.Success, string.Join("; ", read.Errors));
        Assert.Equal("urn:uuid:00000000-0000-4000-8000-000000000003", Assert.Single(read.Document!.Events).EventId);
    }

    [Fact]
    public async Task A_client_accepting_neither_json_nor_xml_gets_406()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("no-format");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        await (await client.SendAsync(request)).AssertProblem(406, "NotAcceptableException");
    }

    [Fact]
    public async Task Resource_endpoints_list_what_the_events_name_and_lead_to_their_events()
    {
        var client = await ChainAsync("resources");
        var types = (await (await client.GetAsync("/eventTypes")).ReadJsonObject())["member"]!.AsArray().Select(t => t!.GetValue<string>());
        Assert.Equal(["ObjectEvent", "AggregationEvent", "TransformationEvent"], types);
        var steps = (await (await client.GetAsync("/bizSteps")).ReadJsonObject())["member"]!.AsArray().Select(t => t!.GetValue<string>());
        Assert.Equal(["commissioning", "packing", "shipping"], steps.Order());
        var epcs = (await (await client.GetAsync("/epcs")).ReadJsonObject())["member"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains("https://id.gs1.org/00/089360120000000016", epcs);
        Assert.Equal("3,4", string.Join(",", (await (await client.GetAsync("/epcs/" + Uri.EscapeDataString("urn:epc:id:sscc:8936012.0000000001") + "/events")).ReadEvents())
            .Select(e => e!["eventID"]!.GetValue<string>()[^1..])));
        Assert.Single(await (await client.GetAsync("/bizSteps/shipping/events")).ReadEvents());
        Assert.Single(await (await client.GetAsync("/eventTypes/TransformationEvent/events")).ReadEvents());
    }

    [Theory]
    [InlineData("/events", "OPTIONS, GET, POST")]
    [InlineData("/epcs", "OPTIONS, GET")]
    [InlineData("/bizLocations", "OPTIONS, GET")]
    public async Task OPTIONS_describes_versions_and_methods(string resource, string allow)
    {
        var (_, client) = await App.CreateOrganizationClientAsync("options");
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, resource));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("2.0.0", response.Headers.GetValues("GS1-EPCIS-Version").Single());
        Assert.Equal("2.0.0", response.Headers.GetValues("GS1-EPCIS-Max").Single());
    }

    [GeneratedRegex("<([^>]+)>;\\s*rel=\"next\"")]
    private static partial Regex LinkNext();
}

public sealed class SqliteQueryApiTests(SqliteAppFixture fixture) : QueryApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresQueryApiTests(PostgresAppFixture fixture) : QueryApiTests(fixture), IClassFixture<PostgresAppFixture>;
