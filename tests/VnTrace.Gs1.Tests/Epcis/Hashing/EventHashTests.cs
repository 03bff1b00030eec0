using System.Text.RegularExpressions;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Hashing;

namespace VnTrace.Gs1.Tests.Epcis.Hashing;

/// <summary>
/// Hand-written cases: the rules of CBV 2.0 §8.9 one at a time on events built in code, so the hash is tested
/// without ../shared and without the readers.
/// </summary>
public class EventHashTests
{
    private const string Ex = "https://ns.example.com/epcis/";

    private static EpcisEvent Shipping() => new()
    {
        Type = EpcisEventType.ObjectEvent,
        EventTime = DateTimeOffset.Parse("2024-05-01T09:30:00+07:00"),
        EventTimeZoneOffset = "+07:00",
        EpcList = ["https://id.gs1.org/01/08930000000018/21/B2", "https://id.gs1.org/01/08930000000018/21/A1"],
        Action = EpcisAction.Observe,
        BizStep = "urn:epcglobal:cbv:bizstep:shipping",
        Disposition = "urn:epcglobal:cbv:disp:in_transit",
        ReadPoint = "https://id.gs1.org/414/8930000000019",
        BizTransactionList = [new() { Type = "urn:epcglobal:cbv:btt:po", Value = "https://example.vn/po/77" }],
        SourceList = [new() { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = "https://id.gs1.org/417/8930000000026" }],
        DestinationList = [new() { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = "https://id.gs1.org/417/8930000000033" }],
        Extensions = [new() { Namespace = Ex, LocalName = "truck", Value = "51C-123.45" }],
    };

    [Fact]
    public void PreHash_writes_fields_in_canonical_order_with_sorted_lists_and_web_uris()
    {
        Assert.Equal(
            "eventType=ObjectEvent"
            + "eventTime=2024-05-01T02:30:00.000Z"
            + "eventTimeZoneOffset=+07:00"
            + "epcListepc=https://id.gs1.org/01/08930000000018/21/A1epc=https://id.gs1.org/01/08930000000018/21/B2"
            + "action=OBSERVE"
            + "bizStep=https://ref.gs1.org/cbv/BizStep-shipping"
            + "disposition=https://ref.gs1.org/cbv/Disp-in_transit"
            + "readPointid=https://id.gs1.org/414/8930000000019"
            + "bizTransactionListtype=https://ref.gs1.org/cbv/BTT-pobizTransaction=https://example.vn/po/77"
            + "destinationListtype=https://ref.gs1.org/cbv/SDT-owning_partydestination=https://id.gs1.org/417/8930000000033"
            + "sourceListtype=https://ref.gs1.org/cbv/SDT-owning_partysource=https://id.gs1.org/417/8930000000026"
            + "{https://ns.example.com/epcis/}truck=51C-123.45",
            EventHash.PreHash(Shipping()));
    }

    [Fact]
    public void Compute_is_sha256_of_the_utf8_prehash_as_ni_uri()
    {
        var e = Shipping();
        var id = EventHash.Compute(e);
        Assert.Matches(new Regex("^ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0$"), id);
        Assert.Equal(GoldenCases.Sha256Id(EventHash.PreHash(e)), id);
    }

    [Fact]
    public void Hash_ignores_time_zone_of_eventTime_and_order_of_lists()
    {
        var reordered = Shipping();
        reordered.EventTime = DateTimeOffset.Parse("2024-05-01T02:30:00Z");
        reordered.EpcList.Reverse();
        reordered.BizTransactionList.Add(new() { Type = "urn:epcglobal:cbv:btt:inv", Value = "https://example.vn/inv/9" });
        var original = Shipping();
        original.BizTransactionList.Insert(0, new() { Type = "urn:epcglobal:cbv:btt:inv", Value = "https://example.vn/inv/9" });

        Assert.Equal(EventHash.Compute(original), EventHash.Compute(reordered));
    }

    [Fact]
    public void Hash_ignores_recordTime_eventID_and_errorDeclaration()
    {
        var declared = Shipping();
        declared.RecordTime = DateTimeOffset.Parse("2024-05-02T00:00:00Z");
        declared.EventId = "urn:uuid:7b0e3a52-3f0e-4f6b-9a55-1b1f1c9b0c11";
        declared.ErrorDeclaration = new()
        {
            DeclarationTime = DateTimeOffset.Parse("2024-05-03T00:00:00Z"),
            Reason = "urn:epcglobal:cbv:er:incorrect_data",
            CorrectiveEventIds = ["urn:uuid:00000000-0000-4000-8000-000000000001"],
        };

        Assert.Equal(EventHash.Compute(Shipping()), EventHash.Compute(declared));
    }

    [Fact]
    public void Hash_changes_when_any_value_changes()
    {
        var changed = Shipping();
        changed.Extensions[0].Value = "51C-123.46";
        Assert.NotEqual(EventHash.Compute(Shipping()), EventHash.Compute(changed));
    }

    [Theory]
    [InlineData("2023-02-02T11:04:03.1415Z", "2023-02-02T11:04:03.142Z")]
    [InlineData("2023-02-02T11:04:03.1414999Z", "2023-02-02T11:04:03.141Z")]
    [InlineData("2023-12-31T23:59:59.9996Z", "2024-01-01T00:00:00.000Z")]
    [InlineData("2020-03-04T11:00:30+01:00", "2020-03-04T10:00:30.000Z")]
    [InlineData("2020-07-03T00:05:00-06:00", "2020-07-03T06:05:00.000Z")]
    public void Timestamps_are_utc_with_milliseconds_rounded_half_up(string written, string canonical)
    {
        var e = Shipping();
        e.EventTime = DateTimeOffset.Parse(written, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"eventType=ObjectEventeventTime={canonical}eventTimeZoneOffset=", EventHash.PreHash(e));
    }

    [Fact]
    public void Quantities_and_sensor_values_have_no_trailing_zeros()
    {
        var e = Shipping();
        e.QuantityList = [new() { EpcClass = "https://id.gs1.org/01/08930000000018/10/L1", Quantity = 25.000m, Uom = "KGM" }];
        e.SensorElementList = [new() { Reports = [new() { Type = "gs1:Temperature", Value = 26.0m, SDev = 0.10m, Uom = "CEL" }] }];

        var pre = EventHash.PreHash(e);
        Assert.Contains("quantityListquantityElementepcClass=https://id.gs1.org/01/08930000000018/10/L1quantity=25uom=KGM", pre);
        Assert.Contains("sensorElementListsensorElementsensorReporttype=https://gs1.org/voc/Temperaturevalue=26sDev=0.1uom=CEL", pre);
    }

    [Fact]
    public void Sensor_report_bare_words_of_the_json_ld_context_expand_like_their_curies()
    {
        var bare = Shipping();
        bare.SensorElementList = [new() { Reports = [new() { Type = "Angle", Exception = "ALARM_CONDITION", Component = "latitude" }] }];
        var curie = Shipping();
        curie.SensorElementList = [new() { Reports = [new() { Type = "gs1:Angle", Exception = "gs1:ALARM_CONDITION", Component = "cbv:Comp-latitude" }] }];

        Assert.Contains(
            "sensorReporttype=https://gs1.org/voc/Angleexception=https://gs1.org/voc/ALARM_CONDITIONcomponent=https://ref.gs1.org/cbv/Comp-latitude",
            EventHash.PreHash(bare));
        Assert.Equal(EventHash.PreHash(bare), EventHash.PreHash(curie));
    }

    [Fact]
    public void Extensions_are_namespace_qualified_with_children_and_attributes_sorted()
    {
        var e = Shipping();
        e.Extensions =
        [
            new()
            {
                Namespace = Ex, LocalName = "z",
                Children = [new() { Namespace = Ex, LocalName = "b", Value = "3" }, new() { LocalName = "a", Value = " 1 " }],
                Attributes = [new("https://ns.example.com/other", "at", "x")],
            },
            new() { Namespace = Ex, LocalName = "y", Value = "0" },
        ];

        Assert.EndsWith(
            "readPointid=https://id.gs1.org/414/8930000000019"
            + "bizTransactionList" + "type=https://ref.gs1.org/cbv/BTT-pobizTransaction=https://example.vn/po/77"
            + "destinationListtype=https://ref.gs1.org/cbv/SDT-owning_partydestination=https://id.gs1.org/417/8930000000033"
            + "sourceListtype=https://ref.gs1.org/cbv/SDT-owning_partysource=https://id.gs1.org/417/8930000000026"
            + "{https://ns.example.com/epcis/}y=0"
            + "{https://ns.example.com/epcis/}za=1{https://ns.example.com/epcis/}b=3{https://ns.example.com/other}at=x",
            EventHash.PreHash(e));
    }

    [Fact]
    public void Json_number_and_xml_text_with_xsi_type_hash_alike()
    {
        var fromJson = Shipping();
        fromJson.Extensions = [new() { Namespace = Ex, LocalName = "float", Value = "20.0", ValueKind = ExtensionValueKind.Number }];
        var fromXml = Shipping();
        fromXml.Extensions =
        [
            new()
            {
                Namespace = Ex, LocalName = "float", Value = "20",
                Attributes = [new("http://www.w3.org/2001/XMLSchema-instance", "type", "xsd:double", "xsi")],
            },
        ];

        Assert.Equal(EventHash.PreHash(fromJson), EventHash.PreHash(fromXml));
        Assert.EndsWith("{https://ns.example.com/epcis/}float=20", EventHash.PreHash(fromXml));
    }

    [Fact]
    public void Extensions_of_readPoint_and_sensor_parts_follow_their_own_fields()
    {
        var e = Shipping();
        e.ReadPointExtensions = [new() { Namespace = Ex, LocalName = "dock", Value = "3" }];
        e.SensorElementList =
        [
            new()
            {
                Metadata = new() { Time = DateTimeOffset.Parse("2024-05-01T09:00:00+07:00"), Extensions = [new() { Namespace = Ex, LocalName = "m", Value = "x" }] },
                Reports = [new() { Type = "gs1:Temperature", Value = 4, Uom = "CEL", Extensions = [new() { Namespace = Ex, LocalName = "r", Value = "y" }] }],
                Extensions = [new() { Namespace = Ex, LocalName = "e", Value = "z" }],
            },
        ];

        var pre = EventHash.PreHash(e);
        Assert.Contains("readPointid=https://id.gs1.org/414/8930000000019{https://ns.example.com/epcis/}dock=3", pre);
        Assert.Contains(
            "sensorElementListsensorElementsensorMetadatatime=2024-05-01T02:00:00.000Z{https://ns.example.com/epcis/}m=x"
            + "sensorReporttype=https://gs1.org/voc/Temperaturevalue=4uom=CEL{https://ns.example.com/epcis/}r=y"
            + "{https://ns.example.com/epcis/}e=z",
            pre);
    }

    [Fact]
    public void Empty_lists_and_absent_fields_leave_no_trace()
    {
        var e = new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = DateTimeOffset.Parse("2024-05-01T00:00:00Z"),
            EventTimeZoneOffset = "+00:00",
            Action = EpcisAction.Observe,
            Ilmd = [],
            PersistentDisposition = new(),
        };
        Assert.Equal("eventType=ObjectEventeventTime=2024-05-01T00:00:00.000ZeventTimeZoneOffset=+00:00action=OBSERVE", EventHash.PreHash(e));
    }

    [Fact]
    public void Aggregation_children_are_childEPCs_after_parentID()
    {
        var e = new EpcisEvent
        {
            Type = EpcisEventType.AggregationEvent,
            EventTime = DateTimeOffset.Parse("2024-05-01T00:00:00Z"),
            EventTimeZoneOffset = "+00:00",
            ParentId = "https://id.gs1.org/00/089300000000000013",
            EpcList = ["https://id.gs1.org/01/08930000000018/21/A1"],
            QuantityList = [new() { EpcClass = "https://id.gs1.org/01/08930000000018/10/L1", Quantity = 2 }],
            Action = EpcisAction.Add,
        };
        Assert.Equal(
            "eventType=AggregationEventeventTime=2024-05-01T00:00:00.000ZeventTimeZoneOffset=+00:00"
            + "parentID=https://id.gs1.org/00/089300000000000013"
            + "childEPCsepc=https://id.gs1.org/01/08930000000018/21/A1"
            + "childQuantityListquantityElementepcClass=https://id.gs1.org/01/08930000000018/10/L1quantity=2"
            + "action=ADD",
            EventHash.PreHash(e));
    }

    [Fact]
    public void Ignored_fields_leave_out_event_level_extensions_named_by_the_caller()
    {
        var stamped = Shipping();
        stamped.Extensions.Add(new() { Namespace = "https://repository-x.example.com/", LocalName = "captureID", Value = "42" });

        Assert.Equal(EventHash.Compute(Shipping()),
            EventHash.Compute(stamped, ["{https://repository-x.example.com/}captureID"]));
        Assert.NotEqual(EventHash.Compute(Shipping()), EventHash.Compute(stamped));
    }

    [Fact]
    public void Lists_sort_by_code_point_as_utf8_bytes_do()
    {
        var e = Shipping();
        // U+FFFD sorts before U+1F600 in UTF-8; UTF-16 ordinal order would put the emoji (a surrogate pair) first.
        e.Extensions = [new() { Namespace = Ex, LocalName = "n", Value = "\U0001F600" }, new() { Namespace = Ex, LocalName = "n", Value = "\uFFFD" }];
        Assert.EndsWith("{https://ns.example.com/epcis/}n=\uFFFD{https://ns.example.com/epcis/}n=\U0001F600", EventHash.PreHash(e));
    }
}
