using System.Text;
using System.Text.Json.Nodes;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;

namespace VnTrace.Gs1.Tests.Epcis.Json;

/// <summary>Bad input: each problem is reported at its JSON pointer, in words a user can act on.</summary>
public class EpcisJsonReaderErrorTests
{
    private const string ValidEvent = """
        {
          "type": "ObjectEvent",
          "eventTime": "2024-06-01T07:30:00.000+07:00",
          "eventTimeZoneOffset": "+07:00",
          "epcList": ["urn:epc:id:sgtin:8934567.000012.1001"],
          "action": "OBSERVE",
          "bizStep": "shipping",
          "readPoint": { "id": "urn:epc:id:sgln:8934567.00001.0" }
        }
        """;

    [Theory]
    [InlineData("eventTime", "\"2020-01-01T10:00:00\"", "/eventTime",
        "eventTime '2020-01-01T10:00:00' has no time-zone offset (add Z or ±hh:mm, EPCIS 2.0 §7.3.1)")]
    [InlineData("eventTime", "\"01/06/2024 10:00\"", "/eventTime",
        "eventTime '01/06/2024 10:00' is not a date-time of the form 2020-01-31T10:00:00.000+07:00")]
    [InlineData("eventTime", null, "/eventTime", "required field 'eventTime' is missing")]
    [InlineData("eventTimeZoneOffset", null, "/eventTimeZoneOffset", "required field 'eventTimeZoneOffset' is missing")]
    [InlineData("eventTimeZoneOffset", "\"+7\"", "/eventTimeZoneOffset",
        "eventTimeZoneOffset '+7' is not of the form +hh:mm or -hh:mm within ±14:00")]
    [InlineData("action", "\"JUMP\"", "/action", "action 'JUMP' is not one of ADD, OBSERVE, DELETE")]
    [InlineData("action", null, "/action", "required field 'action' is missing (every ObjectEvent has one)")]
    [InlineData("recordTime", "\"2024-13-01T00:00:00Z\"", "/recordTime",
        "recordTime '2024-13-01T00:00:00Z' is not a date-time of the form 2020-01-31T10:00:00.000+07:00")]
    [InlineData("recordTime", "\"2024-06-01T00:00:00+15:00\"", "/recordTime",
        "recordTime '2024-06-01T00:00:00+15:00' is not a date-time of the form 2020-01-31T10:00:00.000+07:00")]
    [InlineData("epcList", "\"urn:epc:id:sgtin:8934567.000012.1001\"", "/epcList", "expected an array, found a string")]
    [InlineData("epcList", "[\"urn:epc:id:sgtin:8934567.000012.1001\", 7]", "/epcList/1", "expected a string, found a number")]
    [InlineData("bizStep", "{\"id\": \"shipping\"}", "/bizStep", "expected a string, found an object")]
    [InlineData("quantityList", "[{\"epcClass\": \"urn:epc:class:lgtin:8934567.000012.L1\", \"quantity\": \"5\"}]",
        "/quantityList/0/quantity", "expected a number, found a string")]
    [InlineData("quantityList", "[{\"quantity\": 5}]", "/quantityList/0/epcClass", "required field 'epcClass' is missing")]
    [InlineData("childEPCs", "[]", "/childEPCs", "field 'childEPCs' is not allowed in ObjectEvent")]
    [InlineData("comment", "\"hello\"", "/comment", "'comment' is not an EPCIS field and, having no prefix, not a valid extension")]
    [InlineData("foo:bar", "1", "/foo:bar", "prefix 'foo' of 'foo:bar' is not declared in @context")]
    [InlineData("a/b", "1", "/a~1b", "'a/b' is not an EPCIS field and, having no prefix, not a valid extension")]
    [InlineData("readPoint", "{\"id\": \"urn:epc:id:sgln:8934567.00001.0\", \"gln\": \"x\"}", "/readPoint/gln",
        "'gln' is not a field of a location (id) and, having no prefix, not a valid extension")]
    [InlineData("sourceList", "[{\"type\": \"owning_party\"}]", "/sourceList/0/source", "required field 'source' is missing")]
    [InlineData("sensorElementList", "[{\"sensorReport\": [{\"type\": \"Temperature\", \"value\": \"cold\"}]}]",
        "/sensorElementList/0/sensorReport/0/value", "expected a number, found a string")]
    [InlineData("sensorElementList", "[{\"sensorReport\": [{\"type\": \"Temperature\", \"booleanValue\": \"yes\"}]}]",
        "/sensorElementList/0/sensorReport/0/booleanValue", "expected true or false, found a string")]
    [InlineData("errorDeclaration", "{\"reason\": \"did_not_occur\"}", "/errorDeclaration/declarationTime",
        "required field 'declarationTime' is missing")]
    [InlineData("persistentDisposition", "{\"clear\": [\"active\"]}", "/persistentDisposition/clear",
        "'clear' is not a field of persistentDisposition (set, unset)")]
    [InlineData("certificationInfo", "42", "/certificationInfo", "expected a URI or an array of URIs, found a number")]
    public void Reader_reports_bad_event_field_at_its_pointer(string field, string? json, string pointer, string message)
    {
        var evt = JsonNode.Parse(ValidEvent)!.AsObject();
        if (json is null)
            evt.Remove(field);
        else
            evt[field] = JsonNode.Parse(json);

        var inDocument = EpcisJsonReader.ReadDocument(Document(evt.ToJsonString()));
        var alone = EpcisJsonReader.ReadEvent(Encoding.UTF8.GetBytes(evt.ToJsonString()));

        Assert.Equal([new EpcisError("/epcisBody/eventList/0" + pointer, message)], inDocument.Errors);
        Assert.Equal([new EpcisError(pointer, message)], alone.Errors);
        Assert.False(inDocument.Success);
    }

    [Fact]
    public void Reader_reports_unknown_event_type_and_reads_the_other_events()
    {
        var foo = ValidEvent.Replace("ObjectEvent", "FooEvent", StringComparison.Ordinal);

        var result = EpcisJsonReader.ReadDocument(Document(ValidEvent, ValidEvent, foo));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/epcisBody/eventList/2/type: unknown event type 'FooEvent'", error.ToString());
        Assert.Equal(2, result.Document!.Events.Count);
    }

    [Fact]
    public void Reader_collects_every_error_rather_than_stopping_at_the_first()
    {
        var evt = JsonNode.Parse(ValidEvent)!.AsObject();
        evt["action"] = "JUMP";
        evt["eventTime"] = "2020-01-01T10:00:00";
        evt.Remove("eventTimeZoneOffset");
        var second = ValidEvent.Replace("\"shipping\"", "42", StringComparison.Ordinal);

        var result = EpcisJsonReader.ReadDocument(Document(evt.ToJsonString(), second));

        Assert.Equal(
            [
                "/epcisBody/eventList/0/eventTime",
                "/epcisBody/eventList/0/action",
                "/epcisBody/eventList/0/eventTimeZoneOffset",
                "/epcisBody/eventList/1/bizStep",
            ],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Reader_stops_on_malformed_json_with_its_line_and_byte()
    {
        var json = "{\n  \"type\": \"EPCISDocument\",\n  \"epcisBody\": { \"eventList\": [ }\n}";

        var result = EpcisJsonReader.ReadDocument(Encoding.UTF8.GetBytes(json));

        var error = Assert.Single(result.Errors);
        Assert.Equal("", error.Path);
        Assert.StartsWith("malformed JSON at line 3, byte 33: ", error.Message);
        Assert.Null(result.Document);
    }

    [Fact]
    public void Reader_rejects_content_after_the_document()
    {
        var result = EpcisJsonReader.ReadEvent(Encoding.UTF8.GetBytes(ValidEvent + " {}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("", error.Path);
        Assert.StartsWith("malformed JSON at line 9, byte 3: ", error.Message);
    }

    [Fact]
    public void Reader_reports_a_bare_event_posted_as_a_document()
    {
        var result = EpcisJsonReader.ReadDocument(Encoding.UTF8.GetBytes(ValidEvent));

        Assert.Equal(
            ["/@context: required field '@context' is missing",
             "/type: 'ObjectEvent' is an event, not a document: post it as a single event or wrap it in an EPCISDocument"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Reader_reports_missing_event_list_and_wrong_body_kind()
    {
        var missing = EpcisJsonReader.ReadDocument(Encoding.UTF8.GetBytes(
            """{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", "type": "EPCISDocument", "epcisBody": {}}"""));
        var query = EpcisJsonReader.ReadDocument(Encoding.UTF8.GetBytes(
            """{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", "type": "EPCISQueryDocument", "epcisBody": {"eventList": []}}"""));

        Assert.Equal(["/epcisBody/eventList: required field 'eventList' is missing"], missing.Errors.Select(e => e.ToString()));
        Assert.Equal(
            ["/epcisBody/eventList: an EPCISQueryDocument carries its events in queryResults.resultsBody.eventList",
             "/epcisBody/queryResults: required field 'queryResults' is missing"],
            query.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Reader_resolves_prefixes_from_the_events_own_context()
    {
        var evt = JsonNode.Parse(ValidEvent)!.AsObject();
        evt["@context"] = JsonNode.Parse("""[{"vnt": "https://vntrace.example.vn/ns/"}]""");
        evt["vnt:batch"] = "B-7";

        var result = EpcisJsonReader.ReadDocument(Document(evt.ToJsonString()));

        Assert.True(result.Success, JsonExamples.Describe(result));
        var extension = Assert.Single(result.Document!.Events[0].Extensions);
        Assert.Equal(("https://vntrace.example.vn/ns/", "vnt", "batch", "B-7"),
            (extension.Namespace, extension.Prefix, extension.LocalName, extension.Value));
    }

    private static byte[] Document(params string[] events) => Encoding.UTF8.GetBytes($$"""
        {
          "@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
          "type": "EPCISDocument",
          "schemaVersion": "2.0",
          "creationDate": "2024-06-01T08:00:00+07:00",
          "epcisBody": { "eventList": [ {{string.Join(",", events)}} ] }
        }
        """);
}
