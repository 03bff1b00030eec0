using System.Text.Json;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;

namespace VnTrace.Gs1.Tests.Epcis.Json;

public class EpcisJsonWriterTests
{
    private static EpcisEvent Event() => new()
    {
        Type = EpcisEventType.ObjectEvent,
        EventTime = new DateTimeOffset(2024, 6, 1, 7, 30, 15, TimeSpan.FromHours(7)).AddTicks(2_500_000),
        EventTimeZoneOffset = "+07:00",
        EpcList = ["urn:epc:id:sgtin:8934567.000012.1001"],
        Action = EpcisAction.Observe,
        BizStep = "urn:epcglobal:cbv:bizstep:shipping",
        Disposition = "https://vntrace.example.vn/disp/quarantined",
    };

    private static JsonElement WriteEvent(EpcisEvent evt, bool includeContext = true) =>
        JsonDocument.Parse(JsonExamples.Write(w => EpcisJsonWriter.WriteEvent(w, evt, includeContext), indented: false)).RootElement;

    [Fact]
    public void Writer_shortens_standard_vocabulary_to_bare_words_and_keeps_other_uris()
    {
        var json = WriteEvent(Event());

        Assert.Equal("shipping", json.GetProperty("bizStep").GetString());
        Assert.Equal("https://vntrace.example.vn/disp/quarantined", json.GetProperty("disposition").GetString());
        Assert.Equal("OBSERVE", json.GetProperty("action").GetString());
    }

    [Theory]
    [InlineData("2024-06-01T07:30:15.25+07:00")]
    [InlineData("2024-06-01T07:30:15+07:00")]
    [InlineData("2024-06-01T00:30:15.1234567Z")]
    [InlineData("2005-04-03T20:33:31.116-06:00")]
    [InlineData("2024-06-01T07:30:15.001+05:45")]
    public void Writer_keeps_the_offset_and_the_meaningful_fraction_of_a_time(string time)
    {
        var evt = Event();
        evt.EventTime = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(time, WriteEvent(evt).GetProperty("eventTime").GetString());
    }

    [Fact]
    public void Writer_gives_a_stand_alone_event_the_epcis_context_and_the_prefixes_it_uses()
    {
        var evt = Event();
        evt.Extensions.Add(new ExtensionElement { Namespace = "https://vntrace.example.vn/ns/", Prefix = "vnt", LocalName = "batch", Value = "B-7" });
        evt.Ilmd = [new ExtensionElement { Namespace = "urn:epcglobal:cbv:mda:", Prefix = "cbvmda", LocalName = "lotNumber", Value = "L1" }];

        var json = WriteEvent(evt);

        Assert.Equal(
            """["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"vnt":"https://vntrace.example.vn/ns/"}]""",
            json.GetProperty("@context").GetRawText());
        Assert.Equal("B-7", json.GetProperty("vnt:batch").GetString());
        Assert.Equal("L1", json.GetProperty("ilmd").GetProperty("cbvmda:lotNumber").GetString());
        Assert.False(WriteEvent(evt, includeContext: false).TryGetProperty("@context", out _));
    }

    [Fact]
    public void Writer_generates_a_prefix_when_the_wanted_one_is_taken_missing_or_reserved()
    {
        var evt = Event();
        evt.Extensions.Add(new ExtensionElement { Namespace = "https://a.example/", Prefix = "ex", LocalName = "one", Value = "1" });
        evt.Extensions.Add(new ExtensionElement { Namespace = "https://b.example/", Prefix = "ex", LocalName = "two", Value = "2" });
        evt.Extensions.Add(new ExtensionElement { Namespace = "https://c.example/", LocalName = "three", Value = "3" });
        evt.Extensions.Add(new ExtensionElement { Namespace = "https://d.example/", Prefix = "cbvmda", LocalName = "four", Value = "4" });
        // The XML namespace of CBV master data is the JSON-LD context's cbvmda:.
        evt.Extensions.Add(new ExtensionElement { Namespace = "urn:epcglobal:cbv:mda", Prefix = "cbvmda", LocalName = "lotNumber", Value = "L1" });

        var json = WriteEvent(evt);

        Assert.Equal(
            """{"ex":"https://a.example/","ext1":"https://b.example/","ext2":"https://c.example/","ext3":"https://d.example/"}""",
            json.GetProperty("@context")[1].GetRawText());
        Assert.Equal(["ex:one", "ext1:two", "ext2:three", "ext3:four", "cbvmda:lotNumber"],
            json.EnumerateObject().Select(p => p.Name).Where(n => n.Contains(':')));
    }

    [Fact]
    public void Writer_keeps_extension_value_kinds_and_turns_repeated_elements_into_one_array()
    {
        const string ns = "https://vntrace.example.vn/ns/";
        var evt = Event();
        evt.Extensions =
        [
            new() { Namespace = ns, Prefix = "vnt", LocalName = "count", Value = "12.50", ValueKind = ExtensionValueKind.Number },
            new() { Namespace = ns, Prefix = "vnt", LocalName = "ok", Value = "true", ValueKind = ExtensionValueKind.Boolean },
            new() { Namespace = ns, Prefix = "vnt", LocalName = "none", ValueKind = ExtensionValueKind.Null },
            new() { Namespace = ns, Prefix = "vnt", LocalName = "empty" },
            // Repeated XML elements, not marked InArray, still need one JSON member.
            new() { Namespace = ns, Prefix = "vnt", LocalName = "tag", Value = "a" },
            new() { Namespace = ns, Prefix = "vnt", LocalName = "tag", Value = "b" },
            new() { Namespace = ns, Prefix = "vnt", LocalName = "single", Value = "x", InArray = true },
            // A number that is not JSON stays a string rather than breaking the document.
            new() { Namespace = ns, Prefix = "vnt", LocalName = "notNumber", Value = "12,5", ValueKind = ExtensionValueKind.Number },
        ];

        var json = WriteEvent(evt);

        Assert.Equal("12.50", json.GetProperty("vnt:count").GetRawText());
        Assert.Equal("true", json.GetProperty("vnt:ok").GetRawText());
        Assert.Equal("null", json.GetProperty("vnt:none").GetRawText());
        Assert.Equal("{}", json.GetProperty("vnt:empty").GetRawText());
        Assert.Equal("""["a","b"]""", json.GetProperty("vnt:tag").GetRawText());
        Assert.Equal("""["x"]""", json.GetProperty("vnt:single").GetRawText());
        Assert.Equal("\"12,5\"", json.GetProperty("vnt:notNumber").GetRawText());
    }

    [Fact]
    public void Writer_uses_child_names_for_aggregation_events()
    {
        var evt = Event();
        evt.Type = EpcisEventType.AggregationEvent;
        evt.ParentId = "urn:epc:id:sscc:8934567.0000000001";
        evt.QuantityList = [new QuantityElement { EpcClass = "urn:epc:class:lgtin:8934567.000012.L1", Quantity = 2.0m, Uom = "KGM" }];

        var json = WriteEvent(evt);

        Assert.Equal("""["urn:epc:id:sgtin:8934567.000012.1001"]""", json.GetProperty("childEPCs").GetRawText());
        Assert.Equal("2.0", json.GetProperty("childQuantityList")[0].GetProperty("quantity").GetRawText());
        Assert.False(json.TryGetProperty("epcList", out _));
    }

    [Fact]
    public void Query_document_holds_one_context_for_all_events_and_reads_back()
    {
        var first = Event();
        first.Extensions.Add(new ExtensionElement { Namespace = "https://a.example/", Prefix = "a", LocalName = "x", Value = "1" });
        var second = Event();
        second.Extensions.Add(new ExtensionElement { Namespace = "https://b.example/", Prefix = "b", LocalName = "y", Value = "2" });

        var bytes = JsonExamples.Write(w => EpcisJsonWriter.WriteQueryDocument(w, [first, second], "SimpleEventQuery", "sub-1"),
            indented: false);

        var json = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal("EPCISQueryDocument", json.GetProperty("type").GetString());
        Assert.Equal("""{"a":"https://a.example/","b":"https://b.example/"}""", json.GetProperty("@context")[1].GetRawText());
        var results = json.GetProperty("epcisBody").GetProperty("queryResults");
        Assert.Equal("SimpleEventQuery", results.GetProperty("queryName").GetString());
        Assert.Equal("sub-1", results.GetProperty("subscriptionID").GetString());
        Assert.Equal(2, results.GetProperty("resultsBody").GetProperty("eventList").GetArrayLength());
        var read = EpcisJsonReader.ReadDocument(bytes);
        Assert.True(read.Success, JsonExamples.Describe(read));
        Assert.Equal("https://b.example/", read.Document!.Events[1].Extensions[0].Namespace);
    }

    [Fact]
    public void Document_header_and_master_data_round_trip()
    {
        var read = EpcisJsonReader.ReadDocument(JsonExamples.ReadOwn("query-document-with-master-data.jsonld"));
        Assert.True(read.Success, JsonExamples.Describe(read));
        read.Document!.Sender = "urn:epc:id:pgln:8934567.00001";

        var reread = EpcisJsonReader.ReadDocument(JsonExamples.Write(w => EpcisJsonWriter.WriteDocument(w, read.Document)));

        Assert.True(reread.Success, JsonExamples.Describe(reread));
        var document = reread.Document!;
        Assert.Equal(("2.0", "urn:epc:id:pgln:8934567.00001"), (document.SchemaVersion, document.Sender));
        Assert.Equal(new DateTimeOffset(2024, 6, 5, 0, 0, 0, TimeSpan.Zero), document.CreationDate);
        var location = Assert.Single(document.MasterData);
        Assert.Equal("urn:epcglobal:epcis:vtype:BusinessLocation", location.VocabularyType);
        Assert.Equal(["urn:epc:id:sgln:8934567.00001.10"], location.Children);
        Assert.Equal("Nhà máy Tiền Giang", location.Attributes[0].Value);
        Assert.Equal(["streetAddress", "commune"], location.Attributes[1].Children.Select(c => c.LocalName));
    }
}
