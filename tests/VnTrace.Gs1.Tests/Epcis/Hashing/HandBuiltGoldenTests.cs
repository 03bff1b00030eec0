using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Hashing;

namespace VnTrace.Gs1.Tests.Epcis.Hashing;

/// <summary>
/// A few golden events built in code as the readers would build them (values as the documents write them, URNs
/// and all), compared with the golden lines: the algorithm is checked apart from the readers.
/// </summary>
public class HandBuiltGoldenTests
{
    private const string Ex = "https://ns.example.com/epcis/";

    private static void AssertGolden(string caseName, int eventIndex, EpcisEvent e)
    {
        var golden = GoldenCases.Get(caseName);
        var expected = golden.PreHashes[eventIndex];
        var actual = EventHash.PreHash(e);
        Assert.True(expected == actual, GoldenCases.FirstDifference(expected, actual));
        Assert.Equal(golden.Hashes[eventIndex], EventHash.Compute(e));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    // ReferenceEventHashAlgorithm.xml: nested user extensions, recordTime, SSCC URNs out of order.
    [Fact]
    public void Reference_example_1_nested_extensions()
    {
        AssertGolden("ReferenceEventHashAlgorithm", 0, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = At("2020-03-04T11:00:30.000+01:00"),
            RecordTime = At("2020-03-04T11:00:30.999+01:00"),
            EventTimeZoneOffset = "+01:00",
            EpcList = ["urn:epc:id:sscc:4012345.0000000333", "urn:epc:id:sscc:4012345.0000000111", "urn:epc:id:sscc:4012345.0000000222"],
            Action = EpcisAction.Observe,
            BizStep = "urn:epcglobal:cbv:bizstep:departing",
            ReadPoint = "urn:epc:id:sgln:4012345.00011.987",
            Extensions =
            [
                new()
                {
                    Namespace = Ex, Prefix = "example", LocalName = "myField1",
                    Children = [new() { Namespace = Ex, LocalName = "mySubField1", Value = "2" }, new() { Namespace = Ex, LocalName = "mySubField2", Value = "5" }],
                },
                new() { Namespace = Ex, Prefix = "example", LocalName = "myField2", Value = "0" },
                new()
                {
                    Namespace = Ex, Prefix = "example", LocalName = "myField3",
                    Children = [new() { Namespace = Ex, LocalName = "mySubField3", Value = "3" }, new() { Namespace = Ex, LocalName = "mySubField3", Value = "1" }],
                },
            ],
        });
    }

    // ReferenceEventHashAlgorithm3.xml: readPoint extension, business transaction, source and destination.
    [Fact]
    public void Reference_example_3_typed_lists_and_readPoint_extension()
    {
        AssertGolden("ReferenceEventHashAlgorithm3", 0, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = At("2020-03-04T11:00:30.000+01:00"),
            EventTimeZoneOffset = "+01:00",
            EpcList = ["urn:epc:id:sgtin:0614141.011111.987"],
            Action = EpcisAction.Observe,
            BizStep = "urn:epcglobal:cbv:bizstep:departing",
            Disposition = "urn:epcglobal:cbv:disp:in_transit",
            ReadPoint = "urn:epc:id:sgln:4012345.00011.0",
            ReadPointExtensions = [new() { Namespace = Ex, LocalName = "myField1", Value = "AB-12" }],
            BizTransactionList = [new() { Type = "urn:epcglobal:cbv:btt:po", Value = "urn:epc:id:gdti:4012345.11111.123" }],
            SourceList = [new() { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = "urn:epc:id:pgln:4012345.00000" }],
            DestinationList = [new() { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = "urn:epc:id:pgln:0614141.00000" }],
            Extensions = [new() { Namespace = Ex, LocalName = "userExt", Value = "CD-34" }],
        });
    }

    // TimeStampRoundOff.jsonld event 3: four decimals rounded, certificationInfo, sensor exception and CRS.
    [Fact]
    public void Timestamp_round_off_with_certification_and_sensor_exception()
    {
        AssertGolden("TimeStampRoundOff", 2, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = At("2023-02-12T11:04:03.1415Z"),
            EventTimeZoneOffset = "+01:00",
            CertificationInfo = ["https://accreditation-council.example.org/certificate/ABC12345"],
            EpcList = ["https://id.gs1.org/01/04012345999990/21/XYZ-1234"],
            Action = EpcisAction.Observe,
            BizStep = "urn:epcglobal:cbv:bizstep:receiving",
            Disposition = "urn:epcglobal:cbv:disp:in_progress",
            ReadPoint = "urn:epc:id:sgln:4012345.00011.0",
            SensorElementList =
            [
                new()
                {
                    Metadata = new() { Time = At("2023-02-12T11:04:03.1007Z"), BizRules = "https://id.gs1.org/253/4012345000054987" },
                    Reports = [new() { Type = "Dimensionless", Exception = "ALARM_CONDITION", Coordinate = "http://www.opengis.net/def/crs/EPSG/0/27700" }],
                },
            ],
        });
    }

    // SensorDataExamples.xml event 12: every place a user extension can appear, an errorDeclaration to leave out,
    // ILMD, XML attributes on an extension element.
    [Fact]
    public void Sensor_data_example_12_extensions_everywhere()
    {
        const string Ex2 = "https://ns.example2.com/epcis";
        var furtherSensorData = new ExtensionElement
        {
            Namespace = Ex,
            LocalName = "furtherSensorData",
            Children = [new() { Namespace = Ex, LocalName = "measure1", Value = "123.5" }, new() { Namespace = Ex, LocalName = "measure2", Value = "0.987" }],
        };
        AssertGolden("SensorDataExamples", 11, new EpcisEvent
        {
            Type = EpcisEventType.TransformationEvent,
            EventTime = At("2020-09-29T14:00:00.000+02:00"),
            EventTimeZoneOffset = "+02:00",
            ErrorDeclaration = new()
            {
                DeclarationTime = At("2020-09-29T15:00:00.000+02:00"),
                Extensions = [new() { Namespace = Ex, LocalName = "issuer", Value = "Employee 123" }],
            },
            InputQuantityList = [new() { EpcClass = "urn:epc:class:lgtin:4023333.055555.ABC123", Quantity = 25.0m, Uom = "KGM" }],
            OutputEpcList = ["urn:epc:id:sgtin:4012345.012345.987", "urn:epc:id:sgtin:4012345.012345.988"],
            BizStep = "urn:epcglobal:cbv:bizstep:commissioning",
            ReadPoint = "urn:epc:id:sgln:4023333.00000.0",
            ReadPointExtensions = [new() { Namespace = Ex, LocalName = "gs1ES", Value = "(414)4023333000000" }],
            BizLocation = "urn:epc:id:sgln:4023333.00001.12",
            BizLocationExtensions = [new() { Namespace = Ex, LocalName = "gs1ES", Value = "(414)4023333000017 (254)12" }],
            Ilmd =
            [
                new() { Namespace = "urn:epcglobal:cbv:mda", LocalName = "lotNumber", Value = "LOTABC" },
                new() { Namespace = Ex, LocalName = "grading", Value = "A" },
                new() { Namespace = Ex2, LocalName = "userMasterData", Children = [new() { Namespace = Ex2, LocalName = "sizeCode", Value = "B-2" }] },
            ],
            SensorElementList =
            [
                new()
                {
                    Metadata = new()
                    {
                        StartTime = At("2019-04-01T15:00:00.000+01:00"),
                        EndTime = At("2019-04-02T14:59:59.999+01:00"),
                        Extensions = [new() { Namespace = Ex, LocalName = "someFurtherMetadata", Value = "someText" }],
                    },
                    Reports =
                    [
                        new()
                        {
                            Type = "gs1:MT-Temperature", MinValue = 12.4m, MaxValue = 13.8m, MeanValue = 13.2m, SDev = 0.41m,
                            Uom = "CEL", PercRank = 50, PercValue = 12.7m,
                            Extensions = [new() { Namespace = Ex, LocalName = "cv", Value = "123" }],
                        },
                        new() { Type = "example:someSensorProperty", StringValue = "someSensorOutput" },
                    ],
                    Extensions = [furtherSensorData, new() { Namespace = Ex, LocalName = "someUserField", Value = "abc123" }],
                },
            ],
            Extensions =
            [
                new()
                {
                    Namespace = Ex, LocalName = "internalData",
                    Children = [new() { Namespace = Ex, LocalName = "machine", Value = "urn:epc:id:giai:4012345.ABC" }, new() { Namespace = Ex, LocalName = "procedure", Value = "A-1" }],
                },
                new()
                {
                    Namespace = Ex2, LocalName = "furtherData", Value = "",
                    Attributes = [new(Ex2, "assemblyLine", "2"), new(Ex2, "workingShift", "1")],
                },
                new() { Namespace = "https://ns.example4.com/epcis", LocalName = "otherThings", Value = "some text" },
            ],
        });
    }

    // persistentDisposition.xml event 1.
    [Fact]
    public void Persistent_disposition_set()
    {
        AssertGolden("persistentDisposition", 0, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = At("2021-04-01T15:00:00.000+01:00"),
            EventTimeZoneOffset = "+01:00",
            EpcList = ["urn:epc:id:sgtin:4012345.011111.2", "urn:epc:id:sgtin:4012345.011111.1"],
            Action = EpcisAction.Observe,
            BizStep = "urn:epcglobal:cbv:bizstep:shipping",
            Disposition = "urn:epcglobal:cbv:disp:in_transit",
            PersistentDisposition = new() { Set = ["urn:epcglobal:cbv:disp:recalled"] },
            ReadPoint = "urn:epc:id:sgln:4012345.00005.0",
        });
    }
}
