using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Locations;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Text;

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

        // The profile, as the business would fill it in.
        public BusinessForm Form { get; init; }
        public string? Sector { get; init; }
        /// <summary>Commune-level unit of Đắk Lắk (province 66), code of Decision 19/2025/QĐ-TTg.</summary>
        public required string CommuneCode { get; init; }
        public required string AddressLine { get; init; }
        public required string ContactName { get; init; }
        public required string Phone { get; init; }
        public bool Ocop { get; init; }
        /// <summary>The demo user who signs in for this organization (its owner, or for the authority its officer).</summary>
        public required string UserName { get; init; }
    }

    public const string ProvinceCode = "66";

    public static readonly DemoOrganization Coffee = new("HTX Nông nghiệp Dịch vụ Ea Tu", "6001234567", "8936012")
    {
        Form = BusinessForm.Cooperative,
        Sector = "agriculture",
        CommuneCode = "24163",
        AddressLine = "Thôn 4, xã Ea Tu cũ",
        ContactName = "Y Bhim Niê",
        Phone = "0262 3811 001",
        Ocop = true,
        UserName = "demo-coffee",
    };
    public static readonly DemoOrganization Rice = new("Công ty TNHH Lúa gạo Krông Ana", "6001234568", "8936013")
    {
        Form = BusinessForm.Company,
        Sector = "agriculture",
        CommuneCode = "24538",
        AddressLine = "Quốc lộ 27, thị trấn Buôn Trấp cũ",
        ContactName = "Trần Văn Lâm",
        Phone = "0262 3637 002",
        UserName = "demo-rice",
    };
    public static readonly DemoOrganization Durian = new("HTX Sầu riêng Krông Pắc", "6001234569", "8936014")
    {
        Form = BusinessForm.Cooperative,
        Sector = "agriculture",
        CommuneCode = "24490",
        AddressLine = "Thôn Tân Lập, thị trấn Phước An cũ",
        ContactName = "Nguyễn Thị Mai",
        Phone = "0262 3521 003",
        Ocop = true,
        UserName = "demo-durian",
    };
    public static readonly DemoOrganization Distributor = new("Công ty CP Phân phối Nông sản Tây Nguyên", "6001234570", "8936015")
    {
        Form = BusinessForm.Company,
        Sector = "trade",
        CommuneCode = "24133",
        AddressLine = "120 Lê Duẩn",
        ContactName = "Phạm Quốc Huy",
        Phone = "0262 3950 004",
        UserName = "demo-distributor",
    };
    public static readonly DemoOrganization Authority = new("Sở Khoa học và Công nghệ tỉnh Đắk Lắk", "6000000001", "8936000")
    {
        CommuneCode = "24133",
        AddressLine = "15 Lê Duẩn",
        ContactName = "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        Phone = "0262 3852 005",
        UserName = "demo-officer",
    };
    public static readonly DemoOrganization[] All = [Coffee, Rice, Durian, Distributor, Authority];
    public static readonly DemoOrganization[] Businesses = [Coffee, Rice, Durian, Distributor];

    /// <summary>The authority's read-only user (inspectors, other departments), beside its officer.</summary>
    public const string InspectorUserName = "demo-inspector";

    /// <summary>A product the season's events name (item reference under the owner's company prefix).</summary>
    public sealed record DemoProduct(DemoOrganization Owner, int ItemReference, string NameVi, string NameEn, string Category, string Unit,
        int? ShelfLifeDays = null, int? OcopStars = null);

    /// <summary>A place the season's events name (location number under the owner's company prefix).</summary>
    public sealed record DemoLocation(DemoOrganization Owner, int Number, LocationKind Kind, string Name,
        string? PlantingAreaCode = null, string? Crop = null, double? Latitude = null, double? Longitude = null);

    /// <summary>A lot the season's events name.</summary>
    public sealed record DemoLot(DemoOrganization Owner, int ItemReference, string LotNumber, int LocationNumber, decimal Quantity,
        string Unit, DateOnly ProductionDate, LotStatus Status);

    public static readonly DemoProduct[] Products =
    [
        new(Coffee, 10, "Cà phê nhân Robusta", "Robusta green coffee", "Cà phê", "kg"),
        new(Coffee, 11, "Cà phê rang xay Ea Tu 500 g", "Ea Tu roasted ground coffee 500 g", "Cà phê", "gói", ShelfLifeDays: 365, OcopStars: 4),
        new(Rice, 10, "Lúa tươi ST25", "ST25 paddy", "Lúa gạo", "kg"),
        new(Rice, 11, "Gạo ST25 túi 5 kg", "ST25 rice, 5 kg bag", "Lúa gạo", "túi", ShelfLifeDays: 365),
        new(Durian, 10, "Sầu riêng Ri6", "Ri6 durian", "Trái cây", "kg", ShelfLifeDays: 10, OcopStars: 3),
    ];

    public static readonly DemoLocation[] Locations =
    [
        new(Coffee, 2, LocationKind.PlantingArea, "Vùng trồng cà phê Ea Tu", "VN-DLK-0612-001", "Cà phê Robusta", 12.7105, 108.1102),
        new(Coffee, 3, LocationKind.Factory, "Xưởng rang xay HTX Ea Tu", Latitude: 12.7052, Longitude: 108.0958),
        new(Rice, 2, LocationKind.Farm, "Cánh đồng lúa Buôn Trấp", Crop: "Lúa ST25", Latitude: 12.4897, Longitude: 108.0356),
        new(Rice, 3, LocationKind.Factory, "Nhà máy xay xát Krông Ana", Latitude: 12.4962, Longitude: 108.0441),
        new(Durian, 2, LocationKind.PlantingArea, "Vườn sầu riêng Phước An", "VN-DLK-0745-012", "Sầu riêng Ri6", 12.7248, 108.3031),
        new(Durian, 3, LocationKind.PackingHouse, "Cơ sở đóng gói Krông Pắc", Latitude: 12.7189, Longitude: 108.2986),
        new(Distributor, 2, LocationKind.Warehouse, "Kho Tây Nguyên", Latitude: 12.6842, Longitude: 108.0617),
        new(Distributor, 3, LocationKind.Shop, "Cửa hàng Nông sản Tây Nguyên", Latitude: 12.6675, Longitude: 108.0380),
    ];

    public static readonly DemoLot[] Lots =
    [
        new(Coffee, 10, "CF2610-01", 2, 2000, "kg", new DateOnly(2026, 10, 20), LotStatus.Closed),
        new(Coffee, 11, "RB2610-01", 3, 1600, "gói", new DateOnly(2026, 10, 28), LotStatus.InProgress),
        new(Rice, 10, "LUA2609-A", 2, 12000, "kg", new DateOnly(2026, 9, 25), LotStatus.Closed),
        new(Rice, 11, "ST25-2610-07", 3, 700, "túi", new DateOnly(2026, 10, 5), LotStatus.InProgress),
        new(Durian, 10, "RI6-2609-12", 2, 3500, "kg", new DateOnly(2026, 9, 12), LotStatus.InProgress),
    ];

    private static string Key(string withoutCheckDigit) => withoutCheckDigit + Gs1CheckDigit.ComputeChar(withoutCheckDigit);

    private static string Place(string gln) => $"https://id.gs1.org/414/{gln}";
    private static string Party(string gln) => $"https://id.gs1.org/417/{gln}";
    private static string Lot(string gtin, string lot) => $"https://id.gs1.org/01/{gtin}/10/{lot}";
    private static string Pallet(string sscc) => $"https://id.gs1.org/00/{sscc}";
    private static DateTimeOffset At(int month, int day, int hour) => VietnamTime.FromLocal(new DateTime(2026, month, day, hour, 0, 0));

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
            EventTimeZoneOffset = VietnamTime.OffsetText,
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
            EventTimeZoneOffset = VietnamTime.OffsetText,
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
            EventTimeZoneOffset = VietnamTime.OffsetText,
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
        EventTimeZoneOffset = VietnamTime.OffsetText,
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
        EventTimeZoneOffset = VietnamTime.OffsetText,
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
        EventTimeZoneOffset = VietnamTime.OffsetText,
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
