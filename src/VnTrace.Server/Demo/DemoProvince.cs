using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Demo;

/// <summary>
/// The demo province (Đắk Lắk): three producers — coffee, rice, durian — and a distributor, with a season of
/// events from planting area to shop shelf. GS1 keys use Vietnam's prefix 893 with demo company prefixes;
/// every check digit is computed, so each code is a valid GS1 key.
/// </summary>
internal static class DemoProvince
{
    public const string Extensions = "https://vntrace.vn/epcis/";

    public sealed record DemoOrganization(string Name, string TaxCode, string CompanyPrefix)
    {
        public string Gln => Key(CompanyPrefix + "00001");
        public string Location(int n) => Key(CompanyPrefix + n.ToString("00000", System.Globalization.CultureInfo.InvariantCulture));
        public string Gtin(int itemReference) => "0" + Key(CompanyPrefix + itemReference.ToString("00000", System.Globalization.CultureInfo.InvariantCulture));
        public string Sscc(int serial) => Key("0" + CompanyPrefix + serial.ToString("000000000", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static readonly DemoOrganization Coffee = new("HTX Nông nghiệp Dịch vụ Ea Tu", "6001234567", "8936012");
    public static readonly DemoOrganization Rice = new("Công ty TNHH Lúa gạo Krông Ana", "6001234568", "8936013");
    public static readonly DemoOrganization Durian = new("HTX Sầu riêng Krông Pắc", "6001234569", "8936014");
    public static readonly DemoOrganization Distributor = new("Công ty CP Phân phối Nông sản Tây Nguyên", "6001234570", "8936015");
    public static readonly DemoOrganization Authority = new("Sở Khoa học và Công nghệ tỉnh Đắk Lắk", "6000000001", "8936000");
    public static readonly DemoOrganization[] All = [Coffee, Rice, Durian, Distributor, Authority];

    private static string Key(string withoutCheckDigit) => withoutCheckDigit + Gs1CheckDigit.ComputeChar(withoutCheckDigit);

    private static string Place(string gln) => $"https://id.gs1.org/414/{gln}";
    private static string Party(string gln) => $"https://id.gs1.org/417/{gln}";
    private static string Lot(string gtin, string lot) => $"https://id.gs1.org/01/{gtin}/10/{lot}";
    private static string Pallet(string sscc) => $"https://id.gs1.org/00/{sscc}";
    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Each organization's own events, in the order they happened.</summary>
    public static IEnumerable<(DemoOrganization Owner, EpcisEvent Event)> Season()
    {
        // Coffee: harvest on the planting area, roast and pack at the factory, ship a pallet to the distributor.
        var green = Lot(Coffee.Gtin(10), "CF2610-01");
        var roasted = Lot(Coffee.Gtin(11), "RB2610-01");
        var coffeePallet = Pallet(Coffee.Sscc(1));
        yield return (Coffee, Commission(At(10, 20, 7), Coffee.Location(2), green, 2000, "KGM",
            ("harvestDate", "2026-10-20"), ("plantingAreaCode", "VN-DLK-0612-001"), ("crop", "Cà phê Robusta")));
        yield return (Coffee, Transform(At(10, 28, 9), Coffee.Location(3), green, 1000, "KGM", roasted, 1600, "H87"));
        yield return (Coffee, Pack(At(10, 29, 14), Coffee.Location(3), coffeePallet, roasted, 1600, "H87"));
        yield return (Coffee, Ship(At(11, 2, 8), Coffee.Location(3), coffeePallet, Coffee, Distributor, "PO-TN-2611-017"));

        // Rice: paddy harvested, milled into 5 kg bags, shipped.
        var paddy = Lot(Rice.Gtin(10), "LUA2609-A");
        var bags = Lot(Rice.Gtin(11), "ST25-2610-07");
        var ricePallet = Pallet(Rice.Sscc(1));
        yield return (Rice, Commission(At(9, 25, 6), Rice.Location(2), paddy, 12000, "KGM",
            ("harvestDate", "2026-09-25"), ("crop", "Lúa ST25")));
        yield return (Rice, Transform(At(10, 5, 10), Rice.Location(3), paddy, 6000, "KGM", bags, 700, "H87"));
        yield return (Rice, Pack(At(10, 6, 15), Rice.Location(3), ricePallet, bags, 200, "H87"));
        yield return (Rice, Ship(At(10, 8, 7), Rice.Location(3), ricePallet, Rice, Distributor, "PO-TN-2610-044"));

        // Durian: harvested in the orchard, sorted and packed in the packing house, shipped.
        var fruit = Lot(Durian.Gtin(10), "RI6-2609-12");
        var durianPallet = Pallet(Durian.Sscc(1));
        yield return (Durian, Commission(At(9, 12, 5), Durian.Location(2), fruit, 3500, "KGM",
            ("harvestDate", "2026-09-12"), ("plantingAreaCode", "VN-DLK-0745-012"), ("crop", "Sầu riêng Ri6")));
        yield return (Durian, Pack(At(9, 12, 16), Durian.Location(3), durianPallet, fruit, 3200, "KGM"));
        yield return (Durian, Ship(At(9, 13, 4), Durian.Location(3), durianPallet, Durian, Distributor, "PO-TN-2609-102"));

        // Distributor: receives the three pallets, then sells coffee in its shop.
        yield return (Distributor, Receive(At(9, 13, 15), Distributor.Location(2), durianPallet, Durian));
        yield return (Distributor, Receive(At(10, 9, 9), Distributor.Location(2), ricePallet, Rice));
        yield return (Distributor, Receive(At(11, 3, 10), Distributor.Location(2), coffeePallet, Coffee));
        yield return (Distributor, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = At(11, 20, 18),
            EventTimeZoneOffset = "+07:00",
            Action = EpcisAction.Observe,
            BizStep = "urn:epcglobal:cbv:bizstep:retail_selling",
            Disposition = "urn:epcglobal:cbv:disp:retail_sold",
            QuantityList = [new QuantityElement { EpcClass = roasted, Quantity = 24, Uom = "H87" }],
            ReadPoint = Place(Distributor.Location(3)),
            BizLocation = Place(Distributor.Location(3)),
        });
    }

    private static EpcisEvent Commission(DateTimeOffset time, string location, string lot, decimal quantity, string uom,
        params (string Name, string Value)[] lotData) => new()
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = time,
            EventTimeZoneOffset = "+07:00",
            Action = EpcisAction.Add,
            BizStep = "urn:epcglobal:cbv:bizstep:commissioning",
            Disposition = "urn:epcglobal:cbv:disp:active",
            QuantityList = [new QuantityElement { EpcClass = lot, Quantity = quantity, Uom = uom }],
            ReadPoint = Place(location),
            BizLocation = Place(location),
            Ilmd = lotData.Select(d => new ExtensionElement { Namespace = Extensions, Prefix = "vnt", LocalName = d.Name, Value = d.Value }).ToList(),
        };

    private static EpcisEvent Transform(DateTimeOffset time, string location, string input, decimal inputQuantity, string inputUom,
        string output, decimal outputQuantity, string outputUom) => new()
        {
            Type = EpcisEventType.TransformationEvent,
            EventTime = time,
            EventTimeZoneOffset = "+07:00",
            BizStep = "urn:epcglobal:cbv:bizstep:commissioning",
            Disposition = "urn:epcglobal:cbv:disp:active",
            InputQuantityList = [new QuantityElement { EpcClass = input, Quantity = inputQuantity, Uom = inputUom }],
            OutputQuantityList = [new QuantityElement { EpcClass = output, Quantity = outputQuantity, Uom = outputUom }],
            ReadPoint = Place(location),
            BizLocation = Place(location),
        };

    private static EpcisEvent Pack(DateTimeOffset time, string location, string pallet, string lot, decimal quantity, string uom) => new()
    {
        Type = EpcisEventType.AggregationEvent,
        EventTime = time,
        EventTimeZoneOffset = "+07:00",
        Action = EpcisAction.Add,
        BizStep = "urn:epcglobal:cbv:bizstep:packing",
        Disposition = "urn:epcglobal:cbv:disp:in_progress",
        ParentId = pallet,
        QuantityList = [new QuantityElement { EpcClass = lot, Quantity = quantity, Uom = uom }],
        ReadPoint = Place(location),
        BizLocation = Place(location),
    };

    private static EpcisEvent Ship(DateTimeOffset time, string location, string pallet, DemoOrganization from, DemoOrganization to, string order) => new()
    {
        Type = EpcisEventType.ObjectEvent,
        EventTime = time,
        EventTimeZoneOffset = "+07:00",
        Action = EpcisAction.Observe,
        BizStep = "urn:epcglobal:cbv:bizstep:shipping",
        Disposition = "urn:epcglobal:cbv:disp:in_transit",
        EpcList = [pallet],
        ReadPoint = Place(location),
        BizTransactionList = [new BizTransaction { Type = "urn:epcglobal:cbv:btt:po", Value = $"urn:epcglobal:cbv:bt:{to.Gln}:{order}" }],
        SourceList = [new SourceDestination { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = Party(from.Gln) }],
        DestinationList =
        [
            new SourceDestination { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = Party(to.Gln) },
            new SourceDestination { Type = "urn:epcglobal:cbv:sdt:location", Value = Place(to.Location(2)) },
        ],
    };

    private static EpcisEvent Receive(DateTimeOffset time, string location, string pallet, DemoOrganization from) => new()
    {
        Type = EpcisEventType.ObjectEvent,
        EventTime = time,
        EventTimeZoneOffset = "+07:00",
        Action = EpcisAction.Observe,
        BizStep = "urn:epcglobal:cbv:bizstep:receiving",
        Disposition = "urn:epcglobal:cbv:disp:in_progress",
        EpcList = [pallet],
        ReadPoint = Place(location),
        BizLocation = Place(location),
        SourceList = [new SourceDestination { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = Party(from.Gln) }],
        DestinationList = [new SourceDestination { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = Party(Distributor.Gln) }],
    };
}
