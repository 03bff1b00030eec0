using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Validation;

namespace VnTrace.Gs1.Tests.Epcis.Validation;

public class EpcisEventValidatorTests
{
    private const string Pointer = "/epcisBody/eventList/3";

    private static EpcisEvent ValidObjectEvent() => new()
    {
        Type = EpcisEventType.ObjectEvent,
        EventTime = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.FromHours(7)),
        EventTimeZoneOffset = "+07:00",
        Action = EpcisAction.Observe,
        EpcList = ["urn:epc:id:sgtin:0614141.107346.2018", "https://id.gs1.org/01/09506000134352/21/ABC123"],
        QuantityList = [new QuantityElement { EpcClass = "urn:epc:class:lgtin:4012345.012345.998877", Quantity = 200, Uom = "KGM" }],
        BizStep = "urn:epcglobal:cbv:bizstep:shipping",
        ReadPoint = "urn:epc:id:sgln:0614141.07346.1234",
        BizLocation = "https://id.gs1.org/414/4012345000009",
        BizTransactionList = [new BizTransaction { Type = "urn:epcglobal:cbv:btt:po", Value = "urn:epcglobal:cbv:bt:0614141073467:1152" }],
        SourceList = [new SourceDestination { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = "urn:epc:id:pgln:4012345.00000" }],
        DestinationList = [new SourceDestination { Type = "urn:epcglobal:cbv:sdt:location", Value = "https://id.gs1.org/414/4012345000115/254/987" }],
    };

    private static List<EpcisError> Validate(EpcisEvent e)
    {
        var errors = new List<EpcisError>();
        EpcisEventValidator.Validate(e, Pointer, errors);
        return errors;
    }

    [Fact]
    public void Valid_object_event_has_no_errors() => Assert.Empty(Validate(ValidObjectEvent()));

    [Fact]
    public void Valid_aggregation_transformation_and_association_events_have_no_errors()
    {
        Assert.Empty(Validate(new EpcisEvent
        {
            Type = EpcisEventType.AggregationEvent,
            EventTimeZoneOffset = "-05:00",
            Action = EpcisAction.Add,
            ParentId = "urn:epc:id:sscc:0614141.1234567890",
            EpcList = ["urn:epc:id:sgtin:0614141.107346.2017"],
        }));
        Assert.Empty(Validate(new EpcisEvent
        {
            Type = EpcisEventType.TransformationEvent,
            EventTimeZoneOffset = "+00:00",
            InputQuantityList = [new QuantityElement { EpcClass = "https://id.gs1.org/01/04012345123456/10/L1", Quantity = 3.5m, Uom = "KGM" }],
            OutputEpcList = ["https://example.vn/dl/01/09506000134352/21/X1"],
            Ilmd = [],
        }));
        Assert.Empty(Validate(new EpcisEvent
        {
            Type = EpcisEventType.AssociationEvent,
            EventTimeZoneOffset = "+14:00",
            Action = EpcisAction.Add,
            ParentId = "urn:epc:id:grai:4012345.55555.987",
            EpcList = ["urn:epc:id:giai:4000001.12345"],
        }));
    }

    public static TheoryData<string, Action<EpcisEvent>, string, string> BadEvents => new()
    {
        { "missing action", e => e.Action = null, "/action", "needs an action" },
        { "offset without colon", e => e.EventTimeZoneOffset = "+0700", "/eventTimeZoneOffset", "'+0700'" },
        { "offset beyond 14 hours", e => e.EventTimeZoneOffset = "+15:00", "/eventTimeZoneOffset", "beyond 14:00" },
        { "offset minutes 60", e => e.EventTimeZoneOffset = "-03:60", "/eventTimeZoneOffset", "below 60" },
        { "offset missing", e => e.EventTimeZoneOffset = "", "/eventTimeZoneOffset", "required" },
        { "dl gtin bad check digit", e => e.EpcList[1] = "https://id.gs1.org/01/09506000134353/21/ABC123", "/epcList/1", "check digit 3 at position 13 should be 2" },
        { "sgtin with short item reference", e => e.EpcList[0] = "urn:epc:id:sgtin:0614141.10734.2018", "/epcList/0", "13 digits" },
        { "class uri in epcList", e => e.EpcList[0] = "urn:epc:class:lgtin:4012345.012345.998877", "/epcList/0", "class of objects" },
        { "gtin without serial in epcList", e => e.EpcList[1] = "https://id.gs1.org/01/09506000134352/10/LOT", "/epcList/1", "without a serial" },
        { "relative uri in epcList", e => e.EpcList[0] = "box-17", "/epcList/0", "'box-17' is not an absolute URI" },
        { "serial in dl with bad character", e => e.EpcList[1] = "https://id.gs1.org/01/09506000134352/21/AB%C3%A9", "/epcList/1", "not in GS1 character set 82" },
        { "epc instance as epcClass", e => e.QuantityList[0].EpcClass = "urn:epc:id:sgtin:0614141.107346.2018", "/quantityList/0/epcClass", "names one object" },
        { "dl with serial as epcClass", e => e.QuantityList[0].EpcClass = "https://id.gs1.org/01/09506000134352/21/1", "/quantityList/0/epcClass", "AI (21)" },
        { "negative quantity", e => e.QuantityList[0].Quantity = -1, "/quantityList/0/quantity", "negative" },
        { "uom without quantity", e => e.QuantityList[0].Quantity = null, "/quantityList/0/uom", "without a quantity" },
        { "uom not rec 20", e => e.QuantityList[0].Uom = "kg", "/quantityList/0/uom", "Recommendation 20" },
        { "readPoint is a product", e => e.ReadPoint = "urn:epc:id:sgtin:0614141.107346.2018", "/readPoint/id", "a location is an SGLN" },
        { "bizLocation dl with gtin", e => e.BizLocation = "https://id.gs1.org/01/09506000134352", "/bizLocation/id", "AI (414)" },
        { "bizLocation gln bad check digit", e => e.BizLocation = "https://id.gs1.org/414/4012345000001", "/bizLocation/id", "check digit 1 at position 12 should be 9" },
        { "readPoint not a uri", e => e.ReadPoint = "warehouse 3", "/readPoint/id", "not an absolute URI" },
        { "bizTransaction empty", e => e.BizTransactionList[0].Value = "", "/bizTransactionList/0/bizTransaction", "empty" },
        { "source not a uri", e => e.SourceList[0].Value = "ACME Ltd", "/sourceList/0/source", "'ACME Ltd' is not an absolute URI" },
        { "destination type missing", e => e.DestinationList[0].Type = "", "/destinationList/0/type", "needs a type" },
        { "error declaration without time", e => e.ErrorDeclaration = new ErrorDeclaration(), "/errorDeclaration/declarationTime", "declarationTime" },
        { "parentID on object event", e => e.ParentId = "urn:epc:id:sscc:0614141.1234567890", "/parentID", "ObjectEvent has no parentID" },
        { "ilmd on OBSERVE", e => e.Ilmd = [], "/ilmd", "action ADD" },
        { "sensor report without type", e => e.SensorElementList = [new SensorElement { Reports = [new SensorReport { Value = 4 }] }], "/sensorElementList/0/sensorReport/0", "type" },
        { "sensor element without report", e => e.SensorElementList = [new SensorElement()], "/sensorElementList/0/sensorReport", "at least one sensorReport" },
        { "sensor uom not rec 20", e => e.SensorElementList = [new SensorElement { Reports = [new SensorReport { Type = "gs1:Temperature", Value = 4, Uom = "°C" }] }], "/sensorElementList/0/sensorReport/0/uom", "Recommendation 20" },
        { "sensor min above max", e => e.SensorElementList = [new SensorElement { Reports = [new SensorReport { Type = "gs1:Temperature", MinValue = 9, MaxValue = 2, Uom = "CEL" }] }], "/sensorElementList/0/sensorReport/0/minValue", "above maxValue" },
        { "sensor start after end", e => e.SensorElementList = [new SensorElement { Metadata = new SensorMetadata { StartTime = DateTimeOffset.UnixEpoch.AddDays(1), EndTime = DateTimeOffset.UnixEpoch }, Reports = [new SensorReport { Type = "gs1:Temperature" }] }], "/sensorElementList/0/sensorMetadata/startTime", "after endTime" },
        { "sensor bad exception", e => e.SensorElementList = [new SensorElement { Reports = [new SensorReport { Exception = "BROKEN" }] }], "/sensorElementList/0/sensorReport/0/exception", "'BROKEN'" },
        { "compressed dl", e => e.EpcList[1] = "https://id.gs1.org/01/09506000134352/ARHKVAdpQg", "/epcList/1", "Digital Link" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void Bad_object_event_is_refused_at_the_right_path(string because, Action<EpcisEvent> spoil, string path, string messagePart)
    {
        var e = ValidObjectEvent();
        spoil(e);
        var errors = Validate(e);
        var error = Assert.Single(errors, x => x.Path == Pointer + path);
        Assert.True(error.Message.Contains(messagePart, StringComparison.Ordinal), $"{because}: '{error.Message}' should mention '{messagePart}'");
        Assert.Equal(EpcisExceptionType.Validation, error.ExceptionType);
    }

    [Theory]
    [InlineData(EpcisEventType.AggregationEvent, EpcisAction.Add, "/parentID", "needs a parentID")]
    [InlineData(EpcisEventType.AggregationEvent, EpcisAction.Delete, "/parentID", "needs a parentID")]
    [InlineData(EpcisEventType.AssociationEvent, EpcisAction.Observe, "/parentID", "needs a parentID")]
    [InlineData(EpcisEventType.TransactionEvent, null, "/action", "needs an action")]
    public void Events_missing_required_fields_are_refused(EpcisEventType type, EpcisAction? action, string path, string messagePart)
    {
        var errors = Validate(new EpcisEvent { Type = type, Action = action, EventTimeZoneOffset = "+07:00", EpcList = ["urn:epc:id:sgtin:0614141.107346.2018"] });
        var error = Assert.Single(errors);
        Assert.Equal(Pointer + path, error.Path);
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public void Aggregation_observe_without_parent_is_allowed() =>
        Assert.Empty(Validate(new EpcisEvent { Type = EpcisEventType.AggregationEvent, Action = EpcisAction.Observe, EventTimeZoneOffset = "+07:00" }));

    [Fact]
    public void Transformation_event_must_not_have_an_action_and_needs_inputs_outputs_or_an_id()
    {
        var errors = Validate(new EpcisEvent { Type = EpcisEventType.TransformationEvent, Action = EpcisAction.Add, EventTimeZoneOffset = "+07:00" });
        Assert.Contains(errors, x => x.Path == Pointer + "/action" && x.Message.Contains("has no action"));
        Assert.Contains(errors, x => x.Path == Pointer && x.Message.Contains("transformationID"));
        Assert.Empty(Validate(new EpcisEvent { Type = EpcisEventType.TransformationEvent, EventTimeZoneOffset = "+07:00", TransformationId = "urn:epc:id:gdti:0614141.12345.400" }));
    }

    [Fact]
    public void Transformation_lists_are_checked_with_their_own_names()
    {
        var errors = Validate(new EpcisEvent
        {
            Type = EpcisEventType.TransformationEvent,
            EventTimeZoneOffset = "+07:00",
            InputEpcList = ["urn:epc:id:sgtin:0614141.107346.2018", "urn:epc:id:sscc:0614141.123"],
            OutputQuantityList = [new QuantityElement { EpcClass = "urn:epc:idpat:sgtin:4012345.012345.*", Quantity = -2 }],
        });
        Assert.Equal([Pointer + "/inputEPCList/1", Pointer + "/outputQuantityList/0/quantity"], errors.Select(x => x.Path));
    }

    [Fact]
    public void Child_lists_of_aggregation_use_child_names()
    {
        var errors = Validate(new EpcisEvent
        {
            Type = EpcisEventType.AggregationEvent,
            Action = EpcisAction.Add,
            EventTimeZoneOffset = "+07:00",
            ParentId = "urn:epc:id:sscc:0614141.1234567890",
            EpcList = ["urn:epc:id:sgtin:0614141.107346"],
            QuantityList = [new QuantityElement { EpcClass = "not a uri" }],
        });
        Assert.Equal([Pointer + "/childEPCs/0", Pointer + "/childQuantityList/0/epcClass"], errors.Select(x => x.Path));
    }

    [Fact]
    public void Other_epc_schemes_and_plain_uris_are_accepted_as_uris()
    {
        var e = ValidObjectEvent();
        e.EpcList = ["urn:epc:id:gid:95100000.12345.400", "urn:epc:id:adi:W81X9C.3KL984PX1.2WMA-52", "https://example.com/things/42", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"];
        e.EventId = "ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.0";
        Assert.Empty(Validate(e));
    }
}
