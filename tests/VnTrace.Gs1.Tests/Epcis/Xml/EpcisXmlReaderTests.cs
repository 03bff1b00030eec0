using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Xml;

namespace VnTrace.Gs1.Tests.Epcis.Xml;

/// <summary>What the reader makes of particular constructs, on our own test documents.</summary>
public class EpcisXmlReaderTests
{
    private static EpcisDocument Read(string file) => XmlExamples.Read("local:" + file);

    [Fact]
    public void Header_sbdh_and_master_data_are_read()
    {
        var document = Read("AllEventTypes-2.0.xml");

        Assert.Equal("urn:epc:id:sgln:8930000.00001.0", document.Sender);
        Assert.Equal("urn:epc:id:sgln:8930001.00002.0", document.Receiver);
        Assert.Equal("VNT-2026-0001", document.InstanceIdentifier);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, 500, TimeSpan.FromHours(7)), document.CreationDate);
        var location = Assert.Single(document.MasterData);
        Assert.Equal("urn:epcglobal:epcis:vtype:BusinessLocation", location.VocabularyType);
        Assert.Equal("Hợp tác xã Thanh Long Bình Thuận", location.Attributes[0].Value);
        Assert.Equal(["commune", "province"], location.Attributes[1].Children.Select(c => c.LocalName));
        Assert.Equal(["urn:epc:id:sgln:8930000.00001.1"], location.Children);
        Assert.Equal("https://vntrace.example.vn/epcis", document.Namespaces["vnt"]);
        Assert.False(document.Namespaces.ContainsKey("epcis"));
    }

    [Fact]
    public void Epcis_1_2_layout_maps_to_the_same_model_fields()
    {
        var document = Read("AllEventTypes-1.2.xml");

        Assert.Equal("1.2", document.SchemaVersion);
        Assert.Equal(
            [EpcisEventType.ObjectEvent, EpcisEventType.AggregationEvent, EpcisEventType.TransactionEvent, EpcisEventType.TransformationEvent],
            document.Events.Select(e => e.Type));
        var objectEvent = document.Events[0];
        Assert.Equal("urn:uuid:4b6f6e2a-5a6e-4e1e-9d1a-000000000020", objectEvent.EventId);
        Assert.Equal("urn:epcglobal:cbv:er:did_not_occur", objectEvent.ErrorDeclaration!.Reason);
        Assert.Equal(12m, Assert.Single(objectEvent.QuantityList).Quantity);
        Assert.Equal("urn:epcglobal:cbv:sdt:possessing_party", Assert.Single(objectEvent.SourceList).Type);
        Assert.Equal("bestBefore", Assert.Single(objectEvent.Ilmd!).LocalName);
        var wrapper = objectEvent.Extensions.Single(e => e.LocalName == "extension");
        Assert.Equal("myField", Assert.Single(wrapper.Children).LocalName);
        Assert.Equal("shift", objectEvent.Extensions.Single(e => e.Namespace.Length != 0).LocalName);
        Assert.Equal(6m, Assert.Single(document.Events[1].QuantityList).Quantity);
        Assert.Equal("urn:uuid:4b6f6e2a-5a6e-4e1e-9d1a-000000000022", document.Events[3].EventId);
    }

    [Fact]
    public void Sensor_fields_are_read_from_attributes_with_user_attributes_kept()
    {
        var sensor = Read("SensorData-2.0.xml").Events[0].SensorElementList[0];

        Assert.Equal("urn:epc:id:giai:8930000.SENSOR7", sensor.Metadata!.DeviceId);
        Assert.Equal("https://vntrace.example.vn/rules/cold", sensor.Metadata.BizRules);
        var firmware = Assert.Single(sensor.Metadata.Extensions);
        Assert.Equal(("https://vntrace.example.vn/epcis", "vnt", "firmware", "1.4.2"), (firmware.Namespace, firmware.Prefix, firmware.LocalName, firmware.Value));
        Assert.Equal(5.10m, sensor.Reports[0].MaxValue);
        Assert.Equal("5.10", sensor.Reports[0].MaxValue!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("probe", Assert.Single(sensor.Reports[0].Extensions).LocalName);
        Assert.True(sensor.Reports[2].BooleanValue);
        Assert.Equal(" door open ", sensor.Reports[2].StringValue);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/4326", sensor.Reports[2].Coordinate);
        Assert.Equal("container", Assert.Single(sensor.Extensions).LocalName);
    }

    [Fact]
    public void Extension_elements_keep_namespace_prefix_attributes_and_text()
    {
        var document = Read("Extensions-2.0.xml");
        var ev = document.Events[0];

        var fertiliser = ev.Ilmd![0].Children[0];
        Assert.Equal(("https://farm.example.vn/ns/", "farm", "NPK 16-16-8"), (fertiliser.Namespace, fertiliser.Prefix, fertiliser.Value));
        Assert.Equal(["dose=2.5", "unit=KGM"], fertiliser.Attributes.Select(a => $"{a.LocalName}={a.Value}"));
        Assert.Equal("Tưới nhỏ giọt <sáng & chiều>", ev.Ilmd[1].Value);
        Assert.Equal("", ev.Ilmd[2].Value);
        Assert.Equal(["extension", "gate"], [ev.ReadPointExtensions[0].LocalName, ev.ReadPointExtensions[0].Children[0].LocalName]);
        Assert.Equal(["extension", "inspector", "grade", "flag"], ev.Extensions.Select(e => e.LocalName));
        Assert.Equal("", ev.Extensions[0].Namespace);
        Assert.Equal("urn:example:other", document.Namespaces["other"]);
    }

    [Theory]
    [InlineData("shipping", "urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData("https://ref.gs1.org/cbv/BizStep-shipping", "urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData("urn:epcglobal:cbv:bizstep:shipping", "urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData("https://vntrace.example.vn/bizstep/drying", "https://vntrace.example.vn/bizstep/drying")]
    public void Vocabulary_values_are_kept_as_cbv_urns(string written, string expected)
    {
        var xml = $"""
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-03-01T08:00:00Z">
              <EPCISBody><EventList><ObjectEvent>
                <eventTime>2026-03-01T07:00:00+07:00</eventTime><eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
                <epcList/><action>OBSERVE</action><bizStep>{written}</bizStep>
              </ObjectEvent></EventList></EPCISBody>
            </epcis:EPCISDocument>
            """;

        var result = EpcisXmlReader.ReadDocument(xml);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Document!.Events[0].BizStep);
    }
}
