using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Capture;
using VnTrace.Server.Certificates;
using VnTrace.Server.Locations;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Products;
using VnTrace.Server.Labels;
using VnTrace.Server.Lookup;
using VnTrace.Server.Lookup.Publication;
using VnTrace.Server.Lookup.Scans;
using VnTrace.Server.Recall;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Lookup;

/// <summary>
/// A coffee producer with its own keys (a fresh GS1 company prefix per scenario, so tests never share a GTIN): green
/// beans harvested on a farm, roasted at a factory into a roasted lot, packed on a pallet, stored in an internal
/// warehouse, sold to a customer with a purchase order and shipped to a distributor's shop, which receives it. Master data is
/// written directly through the DbContext and events through <see cref="CaptureService"/>, as the workspace and the
/// API would.
/// </summary>
public sealed class LookupScenario
{
    private static int counter;

    public required VnTraceApp App { get; init; }
    public required string Prefix { get; init; }
    public required Organization Producer { get; init; }
    public required Organization Distributor { get; init; }
    public required Location Farm { get; init; }
    public required Location Factory { get; init; }
    public required Location Warehouse { get; init; }
    public required Location Shop { get; init; }
    public required Product Beans { get; init; }
    public required Product Roasted { get; init; }
    public required string BeansLot { get; init; }
    public required string RoastedLot { get; init; }
    public required string Sscc { get; init; }
    /// <summary>The customer's party GLN on the shipping event, never to be shown.</summary>
    public required string CustomerGln { get; init; }
    public required string PurchaseOrder { get; init; }
    public required Guid ImageFileId { get; init; }

    public string RoastedLotPath => $"/01/{Roasted.Gtin}/10/{RoastedLot}";
    public string RoastedLotId => "https://id.gs1.org" + RoastedLotPath;
    public string BeansLotId => $"https://id.gs1.org/01/{Beans.Gtin}/10/{BeansLot}";
    public string Unit(string serial) => $"/01/{Roasted.Gtin}/21/{serial}";

    private static string Key(string withoutCheckDigit) => withoutCheckDigit + Gs1CheckDigit.ComputeChar(withoutCheckDigit);

    public string Gln(int n) => Key(Prefix + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture));

    public string Gtin(int n) => "0" + Key(Prefix + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture));

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    public static (Commune Commune, Province Province) SomeCommune()
    {
        var province = AdministrativeUnits.Provinces.First(p => AdministrativeUnits.CommunesOf(p.Code).Count > 0);
        return (AdministrativeUnits.CommunesOf(province.Code)[0], province);
    }

    /// <summary>The whole story, events captured; <paramref name="form"/> is the producer's legal form.</summary>
    public static async Task<LookupScenario> CreateAsync(VnTraceApp app, BusinessForm form = BusinessForm.Company)
    {
        // 893 + 6 digits: a company prefix no other scenario of this run uses.
        var prefix = "893" + (Random.Shared.Next(100_000, 999_999) / 10 * 10 + Interlocked.Increment(ref counter) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (commune, _) = SomeCommune();
        return await app.WithDbAsync(async db =>
        {

            var producer = new Organization
            {
                Name = "HTX Cà phê Thử nghiệm " + prefix,
                Form = form,
                CommuneCode = commune.Code,
                ProvinceCode = commune.ProvinceCode,
                AddressLine = "Thôn 3, đường Số 7",
                ContactName = "Chị Hoa",
                Phone = "0262 3812 345",
                Email = "htx@example.vn",
                Website = "https://htx.example.vn",
                OcopParticipant = true,
                Gln = Key(prefix + "000"),
            };
            var distributor = new Organization { Name = "Cửa hàng Nông sản Phân phối " + prefix, CommuneCode = commune.Code, Gln = Key(prefix + "900") };
            db.Organizations.AddRange(producer, distributor);

            Location Place(Organization owner, int n, string name, LocationKind kind, double? lat, double? lon, bool isInternal = false) => new()
            {
                OrganizationId = owner.Id,
                Name = name,
                Kind = kind,
                Gln = Key(prefix + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture)),
                CommuneCode = commune.Code,
                Latitude = lat,
                Longitude = lon,
                Internal = isInternal,
            };
            var farm = Place(producer, 1, "Vườn cà phê Ea Tu", LocationKind.Farm, 12.71, 108.09);
            var factory = Place(producer, 2, "Xưởng rang Buôn Ma Thuột", LocationKind.Factory, 12.68, 108.04);
            var warehouse = Place(producer, 3, "Kho nội bộ số 9", LocationKind.Warehouse, 12.66, 108.02, isInternal: true);
            var shop = Place(distributor, 901, "Cửa hàng trung tâm", LocationKind.Shop, 10.78, 106.70);
            db.Locations.AddRange(farm, factory, warehouse, shop);

            var image = new StoredFile
            {
                OrganizationId = producer.Id,
                FileName = "ca-phe.png",
                ContentType = "image/png",
                Length = 8,
                Sha256 = new string('0', 64),
                Content = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
                Public = true,
            };
            db.Files.Add(image);
            var beans = new Product { OrganizationId = producer.Id, Gtin = "0" + Key(prefix + "010"), NameVi = "Cà phê nhân Robusta", NameEn = "Green Robusta coffee", Unit = "kg", Origin = "Đắk Lắk, Việt Nam" };
            var roasted = new Product
            {
                OrganizationId = producer.Id,
                Gtin = "0" + Key(prefix + "011"),
                NameVi = "Cà phê rang xay Ea Tu",
                NameEn = "Ea Tu roasted ground coffee",
                Unit = "gói",
                DescriptionVi = "Rang mộc, không tẩm ướp.",
                DescriptionEn = "Plain roast, nothing added.",
                Origin = "Việt Nam",
                Brand = "Ea Tu",
                OcopStars = 4,
                Standards = "TCVN 5251:2015",
                NetContent = 500,
                NetContentUnit = "g",
            };
            db.Products.AddRange(beans, roasted);
            db.ProductImages.Add(new ProductImage { ProductId = roasted.Id, FileId = image.Id, Position = 0 });
            var beansLot = "CF26-" + prefix[^4..];
            var roastedLot = "RB26-" + prefix[^4..];
            db.Lots.Add(new Lot { OrganizationId = producer.Id, Gtin = beans.Gtin, LotNumber = beansLot, ProductId = beans.Id, LocationId = farm.Id });
            db.Lots.Add(new Lot
            {
                OrganizationId = producer.Id,
                Gtin = roasted.Gtin,
                LotNumber = roastedLot,
                ProductId = roasted.Id,
                LocationId = factory.Id,
                ProductionDate = new DateOnly(2026, 10, 28),
                ExpiryDate = new DateOnly(2027, 10, 28),
            });
            var vietgap = new Certificate { OrganizationId = producer.Id, Kind = CertificateKind.VietGap, Number = "VG-" + prefix, Issuer = "Trung tâm Chứng nhận Phù hợp", ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2099, 12, 31) };
            var organic = new Certificate { OrganizationId = producer.Id, Kind = CertificateKind.Organic, Number = "HC-" + prefix, Issuer = "Tổ chức Hữu cơ", ValidFrom = new DateOnly(2020, 1, 1), ValidTo = new DateOnly(2024, 12, 31) };
            // A withdrawn certificate: archived in the workspace, never shown to consumers.
            var withdrawn = new Certificate { OrganizationId = producer.Id, Kind = CertificateKind.Haccp, Number = "WD-" + prefix, Issuer = "Tổ chức đã thu hồi", ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2099, 12, 31), Archived = true };
            db.Certificates.AddRange(vietgap, organic, withdrawn);
            db.CertificateProducts.Add(new CertificateProduct { CertificateId = vietgap.Id, ProductId = roasted.Id });
            db.CertificateProducts.Add(new CertificateProduct { CertificateId = withdrawn.Id, ProductId = roasted.Id });
            db.CertificateLocations.Add(new CertificateLocation { CertificateId = organic.Id, LocationId = factory.Id });
            await db.SaveChangesAsync();

            var scenario = new LookupScenario
            {
                App = app,
                Prefix = prefix,
                Producer = producer,
                Distributor = distributor,
                Farm = farm,
                Factory = factory,
                Warehouse = warehouse,
                Shop = shop,
                Beans = beans,
                Roasted = roasted,
                BeansLot = beansLot,
                RoastedLot = roastedLot,
                Sscc = Key("0" + prefix + "0000001"),
                CustomerGln = Key(prefix + "777"),
                PurchaseOrder = "PO-SECRET-" + prefix,
                ImageFileId = image.Id,
            };
            await scenario.CaptureStoryAsync();
            return scenario;
        });
    }

    private static string LotId(string gtin, string lot) => $"https://id.gs1.org/01/{gtin}/10/{lot}";

    private static string PlaceId(Location l) => $"https://id.gs1.org/414/{l.Gln}";

    private async Task CaptureStoryAsync()
    {
        var pallet = $"https://id.gs1.org/00/{Sscc}";
        var beans = LotId(Beans.Gtin, BeansLot);
        var roasted = LotId(Roasted.Gtin, RoastedLot);
        await CaptureAsync(Producer.Id,
            new EpcisEvent
            {
                Type = EpcisEventType.ObjectEvent,
                EventTime = At(10, 20, 7),
                EventTimeZoneOffset = "+07:00",
                Action = EpcisAction.Add,
                BizStep = "urn:epcglobal:cbv:bizstep:commissioning",
                QuantityList = [new QuantityElement { EpcClass = beans, Quantity = 2000, Uom = "KGM" }],
                ReadPoint = PlaceId(Farm),
                BizLocation = PlaceId(Farm),
                Ilmd =
                [
                    new ExtensionElement { Namespace = "https://vntrace.vn/epcis/", Prefix = "vnt", LocalName = "harvestDate", Value = "2026-10-20" },
                    new ExtensionElement { Namespace = "https://vntrace.vn/epcis/", Prefix = "vnt", LocalName = "crop", Value = "Cà phê Robusta" },
                    new ExtensionElement { Namespace = "https://vntrace.vn/epcis/", Prefix = "vnt", LocalName = "secretNote", Value = "giá mua 45.000đ/kg" },
                ],
            },
            new EpcisEvent
            {
                Type = EpcisEventType.TransformationEvent,
                EventTime = At(10, 28, 9),
                EventTimeZoneOffset = "+07:00",
                BizStep = "urn:epcglobal:cbv:bizstep:commissioning",
                InputQuantityList = [new QuantityElement { EpcClass = beans, Quantity = 1000, Uom = "KGM" }],
                OutputQuantityList = [new QuantityElement { EpcClass = roasted, Quantity = 1600, Uom = "H87" }],
                ReadPoint = PlaceId(Factory),
                BizLocation = PlaceId(Factory),
            },
            new EpcisEvent
            {
                Type = EpcisEventType.AggregationEvent,
                EventTime = At(10, 29, 14),
                EventTimeZoneOffset = "+07:00",
                Action = EpcisAction.Add,
                BizStep = "urn:epcglobal:cbv:bizstep:packing",
                ParentId = pallet,
                QuantityList = [new QuantityElement { EpcClass = roasted, Quantity = 1600, Uom = "H87" }],
                ReadPoint = PlaceId(Factory),
                BizLocation = PlaceId(Factory),
            },
            new EpcisEvent
            {
                Type = EpcisEventType.ObjectEvent,
                EventTime = At(10, 30, 8),
                EventTimeZoneOffset = "+07:00",
                Action = EpcisAction.Observe,
                BizStep = "urn:epcglobal:cbv:bizstep:storing",
                EpcList = [pallet],
                ReadPoint = PlaceId(Warehouse),
                BizLocation = PlaceId(Warehouse),
            },
            new EpcisEvent
            {
                Type = EpcisEventType.ObjectEvent,
                EventTime = At(11, 2, 8),
                EventTimeZoneOffset = "+07:00",
                Action = EpcisAction.Observe,
                BizStep = "urn:epcglobal:cbv:bizstep:shipping",
                EpcList = [pallet],
                ReadPoint = PlaceId(Factory),
                BizTransactionList = [new BizTransaction { Type = "urn:epcglobal:cbv:btt:po", Value = $"urn:epcglobal:cbv:bt:{CustomerGln}:{PurchaseOrder}" }],
                // Sold to the customer, carried to the distributor's shop: the shipment names the distributor, whose
                // receipt then belongs to the lot's journey.
                DestinationList =
                [
                    new SourceDestination { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = $"https://id.gs1.org/417/{CustomerGln}" },
                    new SourceDestination { Type = "urn:epcglobal:cbv:sdt:possessing_party", Value = $"https://id.gs1.org/417/{Distributor.Gln}" },
                ],
            });
        await CaptureAsync(Distributor.Id, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = At(11, 3, 10),
            EventTimeZoneOffset = "+07:00",
            Action = EpcisAction.Observe,
            BizStep = "urn:epcglobal:cbv:bizstep:receiving",
            EpcList = [pallet],
            ReadPoint = PlaceId(Shop),
            BizLocation = PlaceId(Shop),
            SourceList = [new SourceDestination { Type = "urn:epcglobal:cbv:sdt:owning_party", Value = $"https://id.gs1.org/417/{Producer.Gln}" }],
        });
    }

    public async Task CaptureAsync(Guid owner, params EpcisEvent[] events)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CaptureService>().CaptureAsync(owner, events, i => $"/{i}", CancellationToken.None);
        if (!outcome.Success)
            throw new InvalidOperationException(string.Join("; ", outcome.Errors.Select(e => e.ToString())));
    }

    /// <summary>Serials issued on a label batch for the roasted lot.</summary>
    public async Task IssueSerialsAsync(params string[] serials)
    {
        await App.WithDbAsync(async db =>
        {
            var lotId = db.Lots.Single(l => l.OrganizationId == Producer.Id && l.LotNumber == RoastedLot).Id;
            var batch = new LabelBatch { OrganizationId = Producer.Id, LotId = lotId, Kind = LabelBatchKind.Serial, Count = serials.Length };
            db.LabelBatches.Add(batch);
            db.IssuedSerials.AddRange(serials.Select(s => new IssuedSerial { BatchId = batch.Id, Gtin = Roasted.Gtin, LotNumber = RoastedLot, Serial = s }));
            await db.SaveChangesAsync();
        });
    }

    public async Task PublishAsync(PublicField fields, IEnumerable<string>? hiddenBizSteps = null, bool showInternal = false)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        db.PublicationSettings.Add(new PublicationSettings { OrganizationId = Producer.Id, Fields = fields, HiddenBizSteps = [.. hiddenBizSteps ?? []], ShowInternalLocations = showInternal });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<LookupCacheEviction>().OrganizationChangedAsync(Producer.Id, CancellationToken.None);
    }

    public async Task RecallRoastedLotAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var (campaign, refusal) = await scope.ServiceProvider.GetRequiredService<RecallService>().OpenAsync(Producer.Id, [RoastedLotId], "Lỗi bao bì", CancellationToken.None);
        if (campaign is null)
            throw new InvalidOperationException(refusal!.Message);
    }

    public Task DrainScansAsync() => App.Services.GetRequiredService<ScanRecorder>().DrainAsync(TimeSpan.FromSeconds(10));
}
