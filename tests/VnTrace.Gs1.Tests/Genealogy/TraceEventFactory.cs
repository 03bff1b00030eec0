using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Genealogy;

namespace VnTrace.Gs1.Tests.Genealogy;

/// <summary>Short ways to write the EPCIS events of a test chain as the tracer sees them.</summary>
internal static class TraceEventFactory
{
    public const string Commissioning = "urn:epcglobal:cbv:bizstep:commissioning";
    public const string Shipping = "urn:epcglobal:cbv:bizstep:shipping";
    public const string Receiving = "urn:epcglobal:cbv:bizstep:receiving";
    public const string Transforming = "urn:epcglobal:cbv:bizstep:transforming";
    public const string Packing = "urn:epcglobal:cbv:bizstep:packing";
    public const string Unpacking = "urn:epcglobal:cbv:bizstep:unpacking";
    public const string RetailSelling = "urn:epcglobal:cbv:bizstep:retail_selling";
    public const string OwningParty = "urn:epcglobal:cbv:sdt:owning_party";
    public const string LocationType = "urn:epcglobal:cbv:sdt:location";

    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 6, 0, 0, TimeSpan.FromHours(7));

    /// <summary>A business: its party GLN and its one site.</summary>
    public sealed record Business(string Party, string Location);

    public static TraceEvent Object(
        string id, DateTimeOffset time, string bizStep, string? location, EpcisAction action = EpcisAction.Observe,
        IReadOnlyList<string>? epcs = null, IReadOnlyList<TraceQuantity>? quantities = null,
        Business? from = null, Business? to = null) =>
        Event(id, EpcisEventType.ObjectEvent, action, time, bizStep, location) with
        {
            Epcs = epcs ?? [],
            Quantities = quantities ?? [],
            Sources = from is null ? [] : [(OwningParty, from.Party), (LocationType, from.Location)],
            Destinations = to is null ? [] : [(OwningParty, to.Party), (LocationType, to.Location)],
        };

    public static TraceEvent Transformation(
        string id, DateTimeOffset time, string? location,
        IReadOnlyList<string>? inputs = null, IReadOnlyList<TraceQuantity>? inputQuantities = null,
        IReadOnlyList<string>? outputs = null, IReadOnlyList<TraceQuantity>? outputQuantities = null) =>
        Event(id, EpcisEventType.TransformationEvent, null, time, Transforming, location) with
        {
            InputEpcs = inputs ?? [],
            InputQuantities = inputQuantities ?? [],
            OutputEpcs = outputs ?? [],
            OutputQuantities = outputQuantities ?? [],
        };

    public static TraceEvent Aggregation(
        string id, DateTimeOffset time, EpcisAction action, string parent, IReadOnlyList<string> children, string? location,
        IReadOnlyList<TraceQuantity>? childQuantities = null) =>
        Event(id, EpcisEventType.AggregationEvent, action, time, action == EpcisAction.Delete ? Unpacking : Packing, location) with
        {
            ParentId = parent,
            Epcs = children,
            Quantities = childQuantities ?? [],
        };

    public static TraceQuantity Kg(string lot, decimal kg) => new(lot, kg, "KGM");

    private static TraceEvent Event(string id, EpcisEventType type, EpcisAction? action, DateTimeOffset time, string bizStep, string? location) =>
        new(id, type, action, time, bizStep, location, location, [], [], null, [], [], [], [], [], []);
}
