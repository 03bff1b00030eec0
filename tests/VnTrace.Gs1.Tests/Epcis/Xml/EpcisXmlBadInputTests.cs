using VnTrace.Gs1.Epcis.Xml;

namespace VnTrace.Gs1.Tests.Epcis.Xml;

/// <summary>Hostile and broken input: refused or reported with the element path and a message a user can act on.</summary>
public class EpcisXmlBadInputTests
{
    private const string Events = "/EPCISDocument/EPCISBody/EventList";

    private static string Document(string events) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-03-01T08:00:00+07:00">
          <EPCISBody>
            <EventList>
        {events}
            </EventList>
          </EPCISBody>
        </epcis:EPCISDocument>
        """;

    private const string GoodEvent = """
              <ObjectEvent>
                <eventTime>2026-03-01T07:00:00+07:00</eventTime>
                <eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
                <epcList><epc>urn:epc:id:sgtin:8930000.000001.1001</epc></epcList>
                <action>OBSERVE</action>
              </ObjectEvent>
        """;

    [Fact]
    public void Malformed_xml_stops_reading_with_line_and_position()
    {
        var xml = Document("""
                  <ObjectEvent>
                    <eventTime>2026-03-01T07:00:00+07:00</eventTme>
                  </ObjectEvent>
            """);

        var result = EpcisXmlReader.ReadDocument(xml);

        Assert.Null(result.Document);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"{Events}/ObjectEvent[1]", error.Path);
        Assert.StartsWith("Malformed XML at line 6, position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_document_type_declaration_declares_nothing_and_is_ignored()
    {
        var xml = Document(GoodEvent).Replace("<epcis:EPCISDocument", "<!DOCTYPE project>\n<epcis:EPCISDocument", StringComparison.Ordinal);

        var result = EpcisXmlReader.ReadDocument(xml);

        Assert.Empty(result.Errors);
        Assert.Single(result.Document!.Events);
    }

    [Theory]
    [InlineData("<!DOCTYPE epcis:EPCISDocument [ <!ENTITY a \"b\"> ]>")]
    [InlineData("<!DOCTYPE epcis:EPCISDocument SYSTEM \"http://127.0.0.1/epcis.dtd\">")]
    [InlineData("<!DOCTYPE epcis:EPCISDocument PUBLIC \"-//X//Y//EN\" \"epcis.dtd\">")]
    public void A_document_type_declaration_with_declarations_or_external_identifier_is_refused(string doctype)
    {
        var xml = Document(GoodEvent).Replace("<epcis:EPCISDocument", doctype + "\n<epcis:EPCISDocument", StringComparison.Ordinal);

        var result = EpcisXmlReader.ReadDocument(xml);

        Assert.Null(result.Document);
        var error = Assert.Single(result.Errors);
        Assert.Equal("/", error.Path);
        Assert.StartsWith("Document type declarations (DTD) with declarations or external identifiers are refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entity_is_never_expanded_and_the_file_never_read()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"vntrace-xxe-{Guid.NewGuid():N}.txt");
        const string secret = "TOP-SECRET-7f3c9a";
        File.WriteAllText(secretFile, secret);
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE epcis:EPCISDocument [ <!ENTITY xxe SYSTEM "{new Uri(secretFile).AbsoluteUri}"> ]>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-03-01T08:00:00+07:00">
                  <EPCISBody><EventList><ObjectEvent>
                    <eventTime>2026-03-01T07:00:00+07:00</eventTime>
                    <eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
                    <epcList><epc>&xxe;</epc></epcList>
                    <action>OBSERVE</action>
                  </ObjectEvent></EventList></EPCISBody>
                </epcis:EPCISDocument>
                """;

            var result = EpcisXmlReader.ReadDocument(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));

            Assert.Null(result.Document);
            var error = Assert.Single(result.Errors);
            Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void Billion_laughs_is_refused_before_any_expansion()
    {
        var entities = string.Join("\n", Enumerable.Range(1, 9).Select(i =>
            $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
            <!ENTITY lol0 "lol">
            {entities}
            ]>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-03-01T08:00:00+07:00">
              <EPCISBody><EventList><ObjectEvent><eventTime>&lol9;</eventTime></ObjectEvent></EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;
        var result = EpcisXmlReader.ReadDocument(xml);

        // Refused by the DTD rule itself: an expansion would have failed later, on the entity or the time.
        Assert.Null(result.Document);
        Assert.StartsWith("Document type declarations (DTD) with declarations or external identifiers are refused", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_event_element_is_reported_and_the_other_events_still_read()
    {
        var xml = Document(GoodEvent + "<QualityEvent><eventTime>2026-03-01T07:00:00+07:00</eventTime></QualityEvent>" + GoodEvent);

        var result = EpcisXmlReader.ReadDocument(xml);

        var error = Assert.Single(result.Errors);
        Assert.Equal($"{Events}/QualityEvent[1]", error.Path);
        Assert.StartsWith("Unknown event element 'QualityEvent'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Document!.Events.Count);
    }

    [Fact]
    public void Event_time_without_offset_names_the_event_and_the_field()
    {
        var xml = Document(GoodEvent + GoodEvent.Replace("2026-03-01T07:00:00+07:00", "2026-03-01T07:00:00", StringComparison.Ordinal));

        var result = EpcisXmlReader.ReadDocument(xml);

        var error = Assert.Single(result.Errors);
        Assert.Equal($"{Events}/ObjectEvent[2]/eventTime", error.Path);
        Assert.Equal("eventTime '2026-03-01T07:00:00' has no time-zone offset (add Z or ±hh:mm).", error.Message);
    }

    [Fact]
    public void All_errors_of_an_event_are_collected()
    {
        var xml = Document("""
                  <AggregationEvent>
                    <eventTime>2026-03-01T07:00:00+07:00</eventTime>
                    <childEPCs/>
                    <action>MOVE</action>
                    <childQuantityList>
                      <quantityElement><epcClass>urn:epc:class:lgtin:8930000.000002.L1</epcClass><quantity>12,5</quantity></quantityElement>
                    </childQuantityList>
                  </AggregationEvent>
            """);

        var result = EpcisXmlReader.ReadDocument(xml);

        const string at = $"{Events}/AggregationEvent[1]";
        Assert.Equal(
            [
                $"{at}/action: 'MOVE' is not an action: expected ADD, OBSERVE or DELETE.",
                $"{at}/childQuantityList/quantityElement[1]/quantity: quantity '12,5' is not a number.",
                $"{at}/eventTimeZoneOffset: Missing eventTimeZoneOffset (e.g. +07:00).",
                $"{at}/action: Missing action: a AggregationEvent needs ADD, OBSERVE or DELETE.",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Bad_time_zone_offset_is_reported()
    {
        var xml = Document(GoodEvent.Replace("<eventTimeZoneOffset>+07:00", "<eventTimeZoneOffset>GMT+7", StringComparison.Ordinal));

        var error = Assert.Single(EpcisXmlReader.ReadDocument(xml).Errors);

        Assert.Equal($"{Events}/ObjectEvent[1]/eventTimeZoneOffset", error.Path);
        Assert.Equal("'GMT+7' is not a time-zone offset: expected ±hh:mm, e.g. +07:00.", error.Message);
    }

    [Fact]
    public void Document_that_is_not_EPCIS_is_refused()
    {
        var result = EpcisXmlReader.ReadDocument("<Invoice xmlns=\"urn:example:invoice\"/>");

        Assert.Null(result.Document);
        var error = Assert.Single(result.Errors);
        Assert.Equal("/Invoice", error.Path);
        Assert.StartsWith("Not an EPCIS document: root element 'Invoice' in namespace 'urn:example:invoice'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuantityEvent_of_epcis_1_2_is_reported_as_unsupported()
    {
        var xml = Document("<QuantityEvent/>").Replace("xsd:2", "xsd:1", StringComparison.Ordinal).Replace("\"2.0\"", "\"1.2\"", StringComparison.Ordinal);

        var error = Assert.Single(EpcisXmlReader.ReadDocument(xml).Errors);

        Assert.Equal($"{Events}/QuantityEvent[1]", error.Path);
        Assert.StartsWith("QuantityEvent is not supported", error.Message, StringComparison.Ordinal);
    }
}
