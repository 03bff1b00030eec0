using System.Net;
using System.Text;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Capture;

/// <summary>Capture through the real HTTP pipeline, on SQLite and on PostgreSQL.</summary>
public abstract class CaptureApiTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    [Fact]
    public async Task Capture_of_a_document_returns_202_with_a_job_and_stores_every_event()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("capture-ok");
        var response = await client.PostJsonLd("/capture", Document(
            ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.1"), ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.2")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("2.0.0", response.Headers.GetValues("GS1-EPCIS-Version").Single());
        Assert.Equal("2.0.0", response.Headers.GetValues("GS1-CBV-Version").Single());
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/capture/", location);

        var job = await (await client.GetAsync(location)).ReadJsonObject();
        Assert.False(job["running"]!.GetValue<bool>());
        Assert.True(job["success"]!.GetValue<bool>());
        Assert.Equal(2, job["storedCount"]!.GetValue<int>());

        var events = await (await client.GetAsync("/events")).ReadEvents();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.StartsWith("ni:///sha-256;", e!["eventID"]!.GetValue<string>()));
        Assert.All(events, e => Assert.NotNull(e!["recordTime"]));
    }

    [Fact]
    public async Task Capture_of_the_same_document_twice_is_idempotent()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("idempotent");
        var document = Document(ObjectEvent(eventId: "urn:uuid:2f7c4c1e-8b7e-4d3f-9a51-000000000001"), ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.77"));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", document)).StatusCode);
        var second = await client.PostJsonLd("/capture", document);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var job = await (await client.GetAsync(second.Headers.Location)).ReadJsonObject();
        Assert.Equal(0, job["storedCount"]!.GetValue<int>());
        Assert.Equal(2, (await (await client.GetAsync("/events")).ReadEvents()).Count);
    }

    [Fact]
    public async Task Capture_rejects_an_eventID_reused_with_different_content_and_stores_nothing_of_that_document()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("conflict");
        const string id = "urn:uuid:2f7c4c1e-8b7e-4d3f-9a51-000000000002";
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", Document(ObjectEvent(eventId: id)))).StatusCode);

        var response = await client.PostJsonLd("/capture", Document(
            ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.5555"),
            ObjectEvent(eventId: id, bizStep: "shipping")));

        var problem = await response.AssertProblem(409, "ValidationException");
        Assert.Contains("/epcisBody/eventList/1/eventID", problem["errors"]!.ToJsonString());
        var captureId = problem["captureID"]!.GetValue<string>();
        var job = await (await client.GetAsync($"/capture/{captureId}")).ReadJsonObject();
        Assert.False(job["success"]!.GetValue<bool>());
        Assert.NotEmpty(job["errors"]!.AsArray());
        var events = await (await client.GetAsync("/events")).ReadEvents();
        Assert.Single(events);
        Assert.Equal("commissioning", events[0]!["bizStep"]!.GetValue<string>());
    }

    [Fact]
    public async Task Capture_accepts_an_error_declaration_for_a_stored_event_beside_the_original()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("error-declaration");
        const string id = "urn:uuid:2f7c4c1e-8b7e-4d3f-9a51-000000000003";
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", Document(ObjectEvent(eventId: id)))).StatusCode);
        var declaration = ObjectEvent(eventId: id, extra: """
            , "errorDeclaration": { "declarationTime": "2026-10-21T09:00:00+07:00", "reason": "incorrect_data" }
            """);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", Document(declaration))).StatusCode);

        var declared = await (await client.GetAsync("/events?EXISTS_errorDeclaration")).ReadEvents();
        Assert.Single(declared);
        Assert.Equal("incorrect_data", declared[0]!["errorDeclaration"]!["reason"]!.GetValue<string>());
        Assert.Equal(2, (await (await client.GetAsync("/events")).ReadEvents()).Count);
    }

    [Fact]
    public async Task Capture_of_a_single_event_returns_201_and_the_event_is_found_by_its_eventID()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("single");
        var response = await client.PostJsonLd("/events", ObjectEvent(eventId: "urn:uuid:2f7c4c1e-8b7e-4d3f-9a51-000000000004"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var one = await client.GetAsync("/events/" + Uri.EscapeDataString("urn:uuid:2f7c4c1e-8b7e-4d3f-9a51-000000000004"));
        var json = await one.ReadJsonObject();
        Assert.Equal("ObjectEvent", json["type"]!.GetValue<string>());
        Assert.NotNull(json["@context"]);
    }

    [Fact]
    public async Task Capture_reads_xml_documents()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("xml");
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-11-25T08:00:00+07:00">
              <EPCISBody><EventList>
                <ObjectEvent>
                  <eventTime>2026-11-01T08:00:00+07:00</eventTime>
                  <eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
                  <epcList><epc>urn:epc:id:sgtin:8936012.000010.9001</epc></epcList>
                  <action>OBSERVE</action>
                  <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
                </ObjectEvent>
              </EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostXml("/capture", xml)).StatusCode);
        var events = await (await client.GetAsync("/events?EQ_bizStep=shipping")).ReadEvents();
        Assert.Single(events);
    }

    [Fact]
    public async Task Capture_rejects_malformed_json_and_stores_nothing()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("malformed");
        var response = await client.PostJsonLd("/capture", Document(ObjectEvent()).Replace("\"epcisBody\"", "\"epcisBody\" ::"));
        await response.AssertProblem(400, "ValidationException");
        Assert.Empty(await (await client.GetAsync("/events")).ReadEvents());
    }

    [Fact]
    public async Task Capture_refuses_xml_with_a_dtd_or_external_entity_without_expanding_it()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("xxe");
        var secret = Path.Combine(App.DataDir, "secret.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET-CONTENT");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-11-25T08:00:00+07:00">
              <EPCISBody><EventList><ObjectEvent>
                <eventTime>2026-11-01T08:00:00+07:00</eventTime><eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
                <epcList><epc>&xxe;</epc></epcList><action>OBSERVE</action>
              </ObjectEvent></EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;
        var response = await client.PostXml("/capture", xml);
        var problem = await response.AssertProblem(400, "ValidationException");
        Assert.DoesNotContain("TOP-SECRET", problem.ToJsonString());
        Assert.Empty(await (await client.GetAsync("/events")).ReadEvents());
    }

    [Fact]
    public async Task Capture_refuses_a_body_over_the_size_limit_with_413()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("too-big");
        var padding = new string(' ', 2 * 1024 * 1024 + 10);
        var response = await client.PostJsonLd("/capture", Document(ObjectEvent()) + padding);
        await response.AssertProblem(413, "CaptureLimitExceededException");
        Assert.Empty(await (await client.GetAsync("/events")).ReadEvents());
    }

    [Fact]
    public async Task Capture_rejects_a_gtin_with_a_wrong_check_digit_naming_where()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("bad-gtin");
        // 08936012000108 is valid; 08936012000109 has a wrong check digit.
        var response = await client.PostJsonLd("/capture", Document(
            ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.1"),
            ObjectEvent(epc: "https://id.gs1.org/01/08936012000109/21/1")));
        var problem = await response.AssertProblem(400, "ValidationException");
        Assert.Contains("/epcisBody/eventList/1/epcList/0", problem["errors"]!.ToJsonString());
        Assert.Contains("check digit", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await (await client.GetAsync("/events")).ReadEvents());
    }

    [Fact]
    public async Task Capture_rejects_an_eventTime_without_time_zone_offset()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("no-offset");
        var response = await client.PostJsonLd("/capture", Document(ObjectEvent(time: "2026-10-20T07:00:00")));
        var problem = await response.AssertProblem(400, "ValidationException");
        Assert.Contains("/epcisBody/eventList/0/eventTime", problem["errors"]!.ToJsonString());
        Assert.Empty(await (await client.GetAsync("/events")).ReadEvents());
    }

    [Fact]
    public async Task Capture_rejects_an_unknown_event_type()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("unknown-type");
        var response = await client.PostJsonLd("/capture", Document(ObjectEvent().Replace("\"ObjectEvent\"", "\"TeleportEvent\"")));
        var problem = await response.AssertProblem(400, "ValidationException");
        Assert.Contains("TeleportEvent", problem.ToJsonString());
        Assert.Empty(await (await client.GetAsync("/events")).ReadEvents());
    }

    [Fact]
    public async Task Capture_refuses_an_unsupported_content_type_with_415()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("bad-media");
        var response = await client.PostAsync("/capture", new StringContent("a,b,c", Encoding.UTF8, "text/csv"));
        await response.AssertProblem(415, "UnsupportedMediaTypeException");
    }

    [Fact]
    public async Task Api_calls_without_a_valid_key_get_401_problem()
    {
        var anonymous = App.CreateClient();
        await (await anonymous.GetAsync("/events")).AssertProblem(401, "SecurityException");
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "vnt_not-a-real-key");
        await (await anonymous.GetAsync("/events")).AssertProblem(401, "SecurityException");
    }

    [Fact]
    public async Task A_key_of_organization_A_never_reads_events_of_organization_B()
    {
        var (_, a) = await App.CreateOrganizationClientAsync("org-a");
        var (_, b) = await App.CreateOrganizationClientAsync("org-b");
        const string bEventId = "urn:uuid:2f7c4c1e-8b7e-4d3f-9a51-0000000000b1";
        Assert.Equal(HttpStatusCode.Accepted, (await b.PostJsonLd("/capture", Document(ObjectEvent(eventId: bEventId, epc: "urn:epc:id:sgtin:8936012.000010.4242")))).StatusCode);

        Assert.Empty(await (await a.GetAsync("/events")).ReadEvents());
        Assert.Empty(await (await a.GetAsync("/events?MATCH_epc=urn:epc:id:sgtin:8936012.000010.4242")).ReadEvents());
        Assert.Empty(await (await a.GetAsync("/events?EQ_eventID=" + Uri.EscapeDataString(bEventId))).ReadEvents());
        await (await a.GetAsync("/events/" + Uri.EscapeDataString(bEventId))).AssertProblem(404, "NoSuchNameException");
        var epcs = await (await a.GetAsync("/epcs")).ReadJsonObject();
        Assert.Empty(epcs["member"]!.AsArray());

        // The same eventID under A is A's own event, not a conflict with B's.
        Assert.Equal(HttpStatusCode.Accepted, (await a.PostJsonLd("/capture", Document(ObjectEvent(eventId: bEventId, bizStep: "shipping")))).StatusCode);
        Assert.Single(await (await b.GetAsync("/events")).ReadEvents());
    }
}

public sealed class SqliteCaptureApiTests(SqliteAppFixture fixture) : CaptureApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresCaptureApiTests(PostgresAppFixture fixture) : CaptureApiTests(fixture), IClassFixture<PostgresAppFixture>;
