using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Epcis.Xml;
using VnTrace.Server.Lots;
using VnTrace.Server.Lots.Diary;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Products;
using VnTrace.Server.Capture;
using VnTrace.Server.Tests.Infrastructure;
// VnTrace.Server.Tests.Data would shadow VnTrace.Server.Data here.
using DuplicateEventException = VnTrace.Server.Platform.Data.DuplicateEventException;
using IEventWriter = VnTrace.Server.Platform.Data.IEventWriter;
using TraceabilityEvent = VnTrace.Server.Platform.Events.TraceabilityEvent;
using VnTraceDbContext = VnTrace.Server.Platform.Data.VnTraceDbContext;

namespace VnTrace.Server.Tests.Lots;

/// <summary>Lots and the production diary through the pages: each form writes one EPCIS event the API then serves.</summary>
public abstract class LotDiaryTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static string LotClass(string gtin, string lot) => $"https://id.gs1.org/01/{gtin}/10/{lot}";

    [Fact]
    public async Task A_new_lot_is_listed_and_has_its_page()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Ea Tu");
        var id = await farm.CreateLotAsync("CF-2611/01");

        var lot = await farm.LotAsync(id);
        Assert.NotNull(lot);
        Assert.Equal((farm.OrganizationId, farm.Gtin, "CF-2611/01", LotStatus.InProgress, "kg"), (lot.OrganizationId, lot.Gtin, lot.LotNumber, lot.Status, lot.Unit));
        Assert.Equal(0, await farm.EventCountAsync());

        var list = await farm.Pages.GetPageAsync("/workspace/lots?q=cf-2611");
        Assert.Contains($"/workspace/lots/{id}", list);
        Assert.DoesNotContain($"/workspace/lots/{id}", await farm.Pages.GetPageAsync("/workspace/lots?status=Closed"));
        var page = await farm.Pages.GetPageAsync($"/workspace/lots/{id}");
        Assert.Contains("CF-2611/01", page);
        // The trace code on this server's resolver (no public base set in these tests: the request's scheme and host).
        Assert.Contains($"<code>https://localhost/01/{farm.Gtin}/10/CF-2611%2F01</code>", page);
        Assert.DoesNotContain(LotClass(farm.Gtin, "CF-2611%2F01"), page);
    }

    [Fact]
    public async Task Each_diary_form_writes_one_event_with_its_step_disposition_and_quantity()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Cư M'gar");
        using var buyer = await LotsTestBusiness.CreateAsync(App, "Công ty Phân phối");
        var id = await farm.CreateLotAsync("EA-01");
        var lotClass = LotClass(farm.Gtin, "EA-01");
        var farmPlace = $"https://id.gs1.org/414/{farm.FarmGln}";
        var warehousePlace = $"https://id.gs1.org/414/{farm.WarehouseGln}";

        await farm.RecordOkAsync(id, "farming-input", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(24 * 20),
            ["Form.LocationId"] = farm.FarmId.ToString(),
            ["Form.InputKind"] = "Pesticide",
            ["Form.InputName"] = "Abamectin 3.6EC",
            ["Form.Dose"] = "0.5",
            ["Form.DoseUnit"] = "lít/ha",
            ["Form.PreHarvestIntervalDays"] = "7",
        });
        Assert.Equal(1, await farm.EventCountAsync());
        await farm.RecordOkAsync(id, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(24 * 5), ["Form.LocationId"] = farm.FarmId.ToString(), ["Form.Quantity"] = "1200.5" });
        Assert.Equal(2, await farm.EventCountAsync());
        await farm.RecordOkAsync(id, "packing", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(24 * 4),
            ["Form.LocationId"] = farm.WarehouseId.ToString(),
            ["Form.Quantity"] = "1200",
            ["Form.Packaging"] = "Bao 60 kg",
            ["Form.PackageCount"] = "20",
        });
        await farm.RecordOkAsync(id, "storing", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(24 * 3), ["Form.LocationId"] = farm.WarehouseId.ToString(), ["Form.Quantity"] = "1200" });
        await farm.RecordOkAsync(id, "shipping", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(24 * 2),
            ["Form.LocationId"] = farm.WarehouseId.ToString(),
            ["Form.Quantity"] = "600",
            ["Form.PartnerGln"] = $"{buyer.Name} ({buyer.Gln})",
            ["Form.DespatchAdvice"] = "PX-0001",
        });
        await farm.RecordOkAsync(id, "retail-selling", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(1), ["Form.LocationId"] = farm.WarehouseId.ToString(), ["Form.Quantity"] = "2,5" });

        var events = await farm.EventsAsync();
        Assert.Equal(6, events.Count);
        string? Str(JsonNode? e, string name) => e?[name]?.GetValue<string>();
        JsonObject Quantity(JsonNode e) => e["quantityList"]!.AsArray().Single()!.AsObject();

        var input = events[0]!;
        Assert.Equal(("ObjectEvent", "OBSERVE", "https://vntrace.vn/epcis/bizstep/farming_input"), (Str(input, "type"), Str(input, "action"), Str(input, "bizStep")));
        Assert.Null(input["disposition"]);
        Assert.Equal(lotClass, Str(Quantity(input), "epcClass"));
        var details = input.AsObject().Single(p => p.Key.EndsWith(":farmingInput", StringComparison.Ordinal)).Value!.AsObject();
        Assert.Equal("pesticide", details.Single(p => p.Key.EndsWith(":kind", StringComparison.Ordinal)).Value!.GetValue<string>());
        Assert.Equal("Abamectin 3.6EC", details.Single(p => p.Key.EndsWith(":name", StringComparison.Ordinal)).Value!.GetValue<string>());
        Assert.Equal(0.5m, details.Single(p => p.Key.EndsWith(":dose", StringComparison.Ordinal)).Value!.GetValue<decimal>());
        Assert.Equal(7, details.Single(p => p.Key.EndsWith(":preHarvestIntervalDays", StringComparison.Ordinal)).Value!.GetValue<int>());
        Assert.Equal("+07:00", Str(input, "eventTimeZoneOffset"));
        Assert.Equal(farmPlace, input["bizLocation"]!["id"]!.GetValue<string>());

        var harvest = events[1]!;
        Assert.Equal(("ObjectEvent", "ADD", "creating_class_instance", "active"), (Str(harvest, "type"), Str(harvest, "action"), Str(harvest, "bizStep"), Str(harvest, "disposition")));
        Assert.Equal((lotClass, 1200.5m, "KGM"), (Str(Quantity(harvest), "epcClass"), Quantity(harvest)["quantity"]!.GetValue<decimal>(), Str(Quantity(harvest), "uom")));
        Assert.Equal("VN-DLK-0612-001", harvest["ilmd"]!.AsObject().Single(p => p.Key.EndsWith(":plantingAreaCode", StringComparison.Ordinal)).Value!.GetValue<string>());
        Assert.Equal(1200.5m, (await farm.LotAsync(id))!.Quantity);

        var packing = events[2]!;
        Assert.Equal(("OBSERVE", "packing", "in_progress", 1200m), (Str(packing, "action"), Str(packing, "bizStep"), Str(packing, "disposition"), Quantity(packing)["quantity"]!.GetValue<decimal>()));
        Assert.Equal(warehousePlace, packing["bizLocation"]!["id"]!.GetValue<string>());

        var storing = events[3]!;
        Assert.Equal(("storing", "sellable_not_accessible"), (Str(storing, "bizStep"), Str(storing, "disposition")));

        var shipping = events[4]!;
        Assert.Equal(("shipping", "in_transit", 600m), (Str(shipping, "bizStep"), Str(shipping, "disposition"), Quantity(shipping)["quantity"]!.GetValue<decimal>()));
        Assert.Null(shipping["bizLocation"]);
        Assert.Equal(warehousePlace, shipping["readPoint"]!["id"]!.GetValue<string>());
        var transaction = shipping["bizTransactionList"]!.AsArray().Single()!;
        Assert.Equal(("desadv", $"urn:epcglobal:cbv:bt:{farm.Gln}:PX-0001"), (Str(transaction, "type"), Str(transaction, "bizTransaction")));
        Assert.Contains(shipping["sourceList"]!.AsArray(), s => Str(s, "type") == "owning_party" && Str(s, "source") == $"https://id.gs1.org/417/{farm.Gln}");
        Assert.Contains(shipping["sourceList"]!.AsArray(), s => Str(s, "type") == "location" && Str(s, "source") == warehousePlace);
        Assert.Contains(shipping["destinationList"]!.AsArray(), d => Str(d, "type") == "owning_party" && Str(d, "destination") == $"https://id.gs1.org/417/{buyer.Gln}");

        var sale = events[5]!;
        Assert.Equal(("retail_selling", "retail_sold", 2.5m), (Str(sale, "bizStep"), Str(sale, "disposition"), Quantity(sale)["quantity"]!.GetValue<decimal>()));

        // The lot page tells the diary in words, in Vietnam time.
        var page = WebUtility.HtmlDecode(Section(await farm.Pages.GetPageAsync($"/workspace/lots/{id}"), "diary"));
        foreach (var word in (string[])["Sử dụng vật tư nông nghiệp", "Thu hoạch", "Đóng gói", "Lưu kho", "Xuất hàng", "Bán lẻ", "Abamectin 3.6EC", "(UTC+07:00)", buyer.Name])
            Assert.Contains(word, page);
    }

    [Fact]
    public async Task A_harvest_inside_the_pre_harvest_interval_is_refused()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Krông Pắc");
        var id = await farm.CreateLotAsync("RI6-01");
        await farm.RecordOkAsync(id, "farming-input", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(48),
            ["Form.LocationId"] = farm.FarmId.ToString(),
            ["Form.InputKind"] = "Pesticide",
            ["Form.InputName"] = "Chlorpyrifos",
            ["Form.Dose"] = "1",
            ["Form.DoseUnit"] = "lít/ha",
            ["Form.PreHarvestIntervalDays"] = "14",
        });
        var refused = await farm.RecordAsync(id, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(1), ["Form.LocationId"] = farm.FarmId.ToString(), ["Form.Quantity"] = "100" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chưa hết thời gian cách ly của Chlorpyrifos", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await farm.EventCountAsync());
        Assert.Null((await farm.LotAsync(id))!.Quantity);
    }

    [Fact]
    public async Task Steps_dated_before_the_lot_began_and_a_harvest_after_it_was_processed_are_refused()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Cà phê Ea Kar");
        var lotId = await farm.CreateLotAsync("EK-2611");
        await farm.RecordOkAsync(lotId, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(48), ["Form.LocationId"] = farm.FarmId.ToString(), ["Form.Quantity"] = "1000" });

        // Packing or shipping before the harvest: refused beside the time, naming when and how the lot began.
        var packing = await farm.RecordAsync(lotId, "packing", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(50), ["Form.LocationId"] = farm.WarehouseId.ToString(), ["Form.Quantity"] = "900" });
        Assert.Equal(HttpStatusCode.OK, packing.StatusCode);
        var message = LotsTestBusiness.ErrorsOf(await packing.Content.ReadAsStringAsync());
        Assert.Contains("Lô này bắt đầu lúc", message);
        Assert.Contains("(thu hoạch)", message);
        using var otherFarm = await LotsTestBusiness.CreateAsync(App, "Công ty Thu mua Ea Kar");
        var shipping = await farm.RecordAsync(lotId, "shipping", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(49),
            ["Form.LocationId"] = farm.WarehouseId.ToString(),
            ["Form.Quantity"] = "900",
            ["Form.PartnerGln"] = otherFarm.Gln!,
        });
        Assert.Contains("Lô này bắt đầu lúc", LotsTestBusiness.ErrorsOf(await shipping.Content.ReadAsStringAsync()));
        Assert.Equal(1, await farm.EventCountAsync());

        // Processing the lot before its harvest is refused on that input; after it, accepted.
        var roasted = LotsTestBusiness.NewGtin();
        var roastedProduct = await farm.App.WithDbAsync(async db =>
        {
            var product = new Product { OrganizationId = farm.OrganizationId, Gtin = roasted, NameVi = "Cà phê rang Ea Kar", Unit = "kg" };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });
        Dictionary<string, string> Processing(string time, string output) => new()
        {
            ["Form.Inputs[0].LotId"] = lotId.ToString(),
            ["Form.Inputs[0].Quantity"] = "500",
            ["Form.OutputProductId"] = roastedProduct.ToString(),
            ["Form.OutputLotNumber"] = output,
            ["Form.OutputQuantity"] = "400",
            ["Form.LocationId"] = farm.WarehouseId.ToString(),
            ["Form.Time"] = time,
        };
        var early = await farm.Pages.SubmitFormAsync($"/workspace/lots/process?from={lotId}", Processing(LotsTestBusiness.HoursAgo(60), "RANG-1"));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Lô EK-2611 bắt đầu lúc", LotsTestBusiness.ErrorsOf(await early.Content.ReadAsStringAsync()));
        Assert.Equal(1, await farm.EventCountAsync());
        var processed = await farm.Pages.SubmitFormAsync($"/workspace/lots/process?from={lotId}", Processing(LotsTestBusiness.HoursAgo(24), "RANG-2"));
        Assert.True(processed.StatusCode == HttpStatusCode.Redirect, LotsTestBusiness.ErrorsOf(await processed.Content.ReadAsStringAsync()));

        // A harvest into the lot after it went into processing is refused; one dated before it is still taken.
        var late = await farm.RecordAsync(lotId, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(2), ["Form.LocationId"] = farm.FarmId.ToString(), ["Form.Quantity"] = "50" });
        Assert.Contains("đã được dùng làm nguyên liệu chế biến lúc", LotsTestBusiness.ErrorsOf(await late.Content.ReadAsStringAsync()));
        await farm.RecordOkAsync(lotId, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(30), ["Form.LocationId"] = farm.FarmId.ToString(), ["Form.Quantity"] = "50" });
        Assert.Equal(1050m, (await farm.LotAsync(lotId))!.Quantity);
    }

    [Fact]
    public async Task A_lot_with_a_production_date_takes_no_step_dated_before_that_day()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Mật ong Ea Súp");
        var lotId = await farm.CreateLotAsync("MO-2611");
        var today = VietnamTime.Today(TimeProvider.System);
        await farm.App.WithDbAsync(db => db.Lots.Where(l => l.Id == lotId).ExecuteUpdateAsync(u => u.SetProperty(l => l.ProductionDate, today)));
        var yesterday = await farm.RecordAsync(lotId, "storing", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(24 + VietnamTime.Now(TimeProvider.System).TimeOfDay.TotalHours), ["Form.LocationId"] = farm.WarehouseId.ToString() });
        Assert.Contains("(ngày sản xuất)", LotsTestBusiness.ErrorsOf(await yesterday.Content.ReadAsStringAsync()));
        Assert.Equal(0, await farm.EventCountAsync());
    }

    [Fact]
    public async Task Processing_makes_an_output_lot_linked_one_step_back_and_forward()
    {
        using var mill = await LotsTestBusiness.CreateAsync(App, "Công ty Lúa gạo");
        var paddy = await mill.CreateLotAsync("LUA-A");
        await mill.RecordOkAsync(paddy, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(72), ["Form.LocationId"] = mill.FarmId.ToString(), ["Form.Quantity"] = "6000" });
        var bags = LotsTestBusiness.NewGtin();
        var bagProduct = await App.WithDbAsync(async db =>
        {
            var product = new Product { OrganizationId = mill.OrganizationId, Gtin = bags, NameVi = "Gạo ST25 túi 5 kg", Unit = "túi" };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });

        var response = await mill.Pages.SubmitFormAsync($"/workspace/lots/process?from={paddy}", new Dictionary<string, string>
        {
            ["Form.Inputs[0].LotId"] = paddy.ToString(),
            ["Form.Inputs[0].Quantity"] = "5000",
            ["Form.OutputProductId"] = bagProduct.ToString(),
            ["Form.OutputLotNumber"] = "ST25-2611-07",
            ["Form.OutputQuantity"] = "700",
            ["Form.LocationId"] = mill.WarehouseId.ToString(),
            ["Form.Time"] = LotsTestBusiness.HoursAgo(24),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, LotsTestBusiness.ErrorsOf(await response.Content.ReadAsStringAsync()));
        var output = Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
        var lot = await mill.LotAsync(output);
        Assert.Equal((bags, "ST25-2611-07", 700m, "túi", LotOrigin.Produced), (lot!.Gtin, lot.LotNumber, lot.Quantity, lot.Unit, lot.Origin));

        var transformation = (await mill.EventsAsync("&eventType=TransformationEvent")).Single()!;
        Assert.Equal(("creating_class_instance", "active"), (transformation["bizStep"]!.GetValue<string>(), transformation["disposition"]!.GetValue<string>()));
        var inputQuantity = transformation["inputQuantityList"]!.AsArray().Single()!;
        Assert.Equal((LotClass(mill.Gtin, "LUA-A"), 5000m, "KGM"), (inputQuantity["epcClass"]!.GetValue<string>(), inputQuantity["quantity"]!.GetValue<decimal>(), inputQuantity["uom"]!.GetValue<string>()));
        var outputQuantity = transformation["outputQuantityList"]!.AsArray().Single()!;
        Assert.Equal(LotClass(bags, "ST25-2611-07"), outputQuantity["epcClass"]!.GetValue<string>());
        Assert.Null(outputQuantity["uom"]); // bags are counted: no uom means a number of trade items

        var outputPage = await mill.Pages.GetPageAsync($"/workspace/lots/{output}");
        Assert.Contains($"href=\"/workspace/lots/{paddy}\"", Section(outputPage, "back"));
        var inputPage = await mill.Pages.GetPageAsync($"/workspace/lots/{paddy}");
        Assert.Contains($"href=\"/workspace/lots/{output}\"", Section(inputPage, "forward"));
    }

    [Fact]
    public async Task Processing_another_business_lot_is_refused_and_stores_nothing()
    {
        using var owner = await LotsTestBusiness.CreateAsync(App, "Chủ lô");
        using var other = await LotsTestBusiness.CreateAsync(App, "Doanh nghiệp khác");
        var theirs = await owner.CreateLotAsync("THEIRS-1");
        var mine = await other.CreateLotAsync("MINE-1");

        var response = await other.Pages.SubmitFormAsync("/workspace/lots/process", new Dictionary<string, string>
        {
            ["Form.Inputs[0].LotId"] = mine.ToString(),
            ["Form.Inputs[0].Quantity"] = "10",
            ["Form.Inputs[1].LotId"] = theirs.ToString(),
            ["Form.Inputs[1].Quantity"] = "10",
            ["Form.OutputProductId"] = other.ProductId.ToString(),
            ["Form.OutputLotNumber"] = "OUT-1",
            ["Form.OutputQuantity"] = "15",
            ["Form.LocationId"] = other.WarehouseId.ToString(),
            ["Form.Time"] = LotsTestBusiness.HoursAgo(1),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Lô nguyên liệu này không phải lô của doanh nghiệp bạn.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await other.EventCountAsync());
        Assert.False(await other.App.WithDbAsync(db => db.Lots.AnyAsync(l => l.LotNumber == "OUT-1")));
        Assert.Equal(LotStatus.InProgress, (await owner.LotAsync(theirs))!.Status);
    }

    [Fact]
    public async Task Processing_whose_capture_fails_leaves_no_output_lot()
    {
        using var mill = await LotsTestBusiness.CreateAsync(App, "Xưởng chế biến");
        var input = await mill.CreateLotAsync("IN-1");
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var diary = RefusingCapture.Diary(services);

        var result = await diary.ProcessAsync(mill.OrganizationId, new ProcessingEntry([new LotQuantity(input, 10)], mill.ProductId, "OUT-RACE", 8,
            mill.WarehouseId, DateTime.UtcNow.AddHours(6)), CancellationToken.None);

        Assert.False(result.Success);
        Assert.False(await mill.App.WithDbAsync(d => d.Lots.AnyAsync(l => l.LotNumber == "OUT-RACE")));
        Assert.Equal(0, await mill.EventCountAsync());
        Assert.False(await mill.App.WithDbAsync(d => d.AuditLog.AnyAsync(a => a.OrganizationId == mill.OrganizationId && a.Detail!.Contains("OUT-RACE"))));
    }


    [Fact]
    public async Task Shipped_goods_are_received_by_typing_the_partner_code_and_both_sides_link()
    {
        using var grower = await LotsTestBusiness.CreateAsync(App, "HTX Sầu riêng");
        using var distributor = await LotsTestBusiness.CreateAsync(App, "Công ty CP Phân phối");
        var lotId = await grower.CreateLotAsync("SR-2611");
        await grower.RecordOkAsync(lotId, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(30), ["Form.LocationId"] = grower.FarmId.ToString(), ["Form.Quantity"] = "3500" });
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20));
        await grower.App.WithDbAsync(db => db.Lots.Where(l => l.Id == lotId).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiryDate, expiry)));
        await grower.RecordOkAsync(lotId, "packing", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(28), ["Form.LocationId"] = grower.WarehouseId.ToString(), ["Form.Quantity"] = "3200" });
        await grower.RecordOkAsync(lotId, "shipping", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(26),
            ["Form.LocationId"] = grower.WarehouseId.ToString(),
            ["Form.Quantity"] = "3200",
            ["Form.PartnerGln"] = distributor.Gln!,
            ["Form.DespatchAdvice"] = "DA-2611-9",
        });

        // The distributor types the code printed under the label's barcode: no other typing.
        var code = $"(01){grower.Gtin}(10)SR-2611";
        var found = await distributor.Pages.GetPageAsync("/workspace/lots/receive?code=" + Uri.EscapeDataString(code));
        Assert.Contains(grower.Name, found);
        Assert.Contains("DA-2611-9", found);
        var received = await distributor.Pages.SubmitFormAsync("/workspace/lots/receive?code=" + Uri.EscapeDataString(code), new Dictionary<string, string>
        {
            ["Form.LocationId"] = distributor.WarehouseId.ToString(),
            ["Form.Time"] = LotsTestBusiness.HoursAgo(2),
        });
        Assert.True(received.StatusCode == HttpStatusCode.Redirect, LotsTestBusiness.ErrorsOf(await received.Content.ReadAsStringAsync()));
        var theirLot = Guid.Parse(received.Headers.Location!.ToString().Split('/')[^1]);
        var lot = await distributor.LotAsync(theirLot);
        Assert.Equal((distributor.OrganizationId, grower.Gtin, "SR-2611", LotOrigin.Received, grower.OrganizationId, 3200m, "kg"),
            (lot!.OrganizationId, lot.Gtin, lot.LotNumber, lot.Origin, lot.ReceivedFromOrganizationId, lot.Quantity, lot.Unit));
        // The sender's dates travel with the goods.
        var sent = await grower.LotAsync(lotId);
        Assert.Equal((sent!.ProductionDate, (DateOnly?)expiry), (lot.ProductionDate, lot.ExpiryDate));
        Assert.NotNull(lot.ProductionDate);

        // Same identifiers, the same despatch advice, the grower as source and the distributor as destination.
        var receiving = (await distributor.EventsAsync()).Single()!;
        Assert.Equal(("receiving", "in_progress"), (receiving["bizStep"]!.GetValue<string>(), receiving["disposition"]!.GetValue<string>()));
        var quantity = receiving["quantityList"]!.AsArray().Single()!;
        Assert.Equal((LotClass(grower.Gtin, "SR-2611"), 3200m, "KGM"), (quantity["epcClass"]!.GetValue<string>(), quantity["quantity"]!.GetValue<decimal>(), quantity["uom"]!.GetValue<string>()));
        Assert.Equal($"urn:epcglobal:cbv:bt:{grower.Gln}:DA-2611-9", receiving["bizTransactionList"]!.AsArray().Single()!["bizTransaction"]!.GetValue<string>());
        Assert.Contains(receiving["sourceList"]!.AsArray(), s => s!["source"]!.GetValue<string>() == $"https://id.gs1.org/417/{grower.Gln}");
        Assert.Contains(receiving["sourceList"]!.AsArray(), s => s!["source"]!.GetValue<string>() == $"https://id.gs1.org/414/{grower.WarehouseGln}");
        Assert.Contains(receiving["destinationList"]!.AsArray(), d => d!["destination"]!.GetValue<string>() == $"https://id.gs1.org/417/{distributor.Gln}");
        Assert.Equal($"https://id.gs1.org/414/{distributor.WarehouseGln}", receiving["bizLocation"]!["id"]!.GetValue<string>());

        // One step back from the distributor's lot is the grower; one step forward from the grower's lot is the distributor.
        var theirPage = await distributor.Pages.GetPageAsync($"/workspace/lots/{theirLot}");
        Assert.Contains(grower.Name, Section(theirPage, "back"));
        Assert.DoesNotContain(distributor.Name, Section(theirPage, "back"));
        var growerPage = await grower.Pages.GetPageAsync($"/workspace/lots/{lotId}");
        Assert.Contains(distributor.Name, Section(growerPage, "forward"));
        // The grower's harvest stays the grower's: the distributor sees only what was shared with it.
        Assert.DoesNotContain("Thu hoạch", Section(theirPage, "diary"));
        Assert.Contains("Xuất hàng", Section(theirPage, "diary"));

        // A second receipt of the same shipment is refused.
        var again = await distributor.Pages.GetPageAsync("/workspace/lots/receive?code=" + Uri.EscapeDataString($"https://id.gs1.org/01/{grower.Gtin}/10/SR-2611"));
        Assert.Contains("Đã ghi nhận chuyến hàng này.", again);
        Assert.Equal(1, await distributor.EventCountAsync());
    }

    [Fact]
    public async Task A_shipment_captured_through_the_API_is_received_by_the_SSCC_on_its_pallet()
    {
        using var exporter = await LotsTestBusiness.CreateAsync(App, "Công ty Xuất khẩu");
        using var importer = await LotsTestBusiness.CreateAsync(App, "Công ty Nhập hàng");
        var ssccDigits = "0893" + Random.Shared.NextInt64(0, 10_000_000_000_000).ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
        var sscc = ssccDigits + Gs1.Identifiers.Gs1CheckDigit.ComputeChar(ssccDigits);
        var shippedAt = DateTimeOffset.UtcNow.AddHours(-5).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        using var api = await exporter.ApiClientAsync();
        // The ERP writes the importer's party as an EPC URI; the store keeps it as the same canonical Digital Link.
        var captured = await api.PostJsonLd("/capture", EpcisHttp.Document($$"""
            {
              "type": "ObjectEvent", "eventTime": "{{shippedAt}}", "eventTimeZoneOffset": "+07:00",
              "epcList": ["https://id.gs1.org/00/{{sscc}}"],
              "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{exporter.Gtin}}/10/PAL-1", "quantity": 240, "uom": "KGM" }],
              "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",
              "readPoint": { "id": "https://id.gs1.org/414/{{exporter.WarehouseGln}}" },
              "bizTransactionList": [{ "type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:{{exporter.Gln}}:API-77" }],
              "sourceList": [{ "type": "owning_party", "source": "https://id.gs1.org/417/{{exporter.Gln}}" }],
              "destinationList": [{ "type": "owning_party", "destination": "urn:epc:id:pgln:{{importer.Gln![..7]}}.{{importer.Gln![7..12]}}" }]
            }
            """));
        Assert.Equal(HttpStatusCode.Accepted, captured.StatusCode);

        var path = "/workspace/lots/receive?code=" + sscc;
        var found = await importer.Pages.GetPageAsync(path);
        Assert.Contains("API-77", found);
        var received = await importer.Pages.SubmitFormAsync(path, new Dictionary<string, string>
        {
            ["Form.LocationId"] = importer.WarehouseId.ToString(),
            ["Form.Time"] = LotsTestBusiness.HoursAgo(1),
            ["Form.Quantities[0]"] = "238.5",
        });
        Assert.True(received.StatusCode == HttpStatusCode.Redirect, LotsTestBusiness.ErrorsOf(await received.Content.ReadAsStringAsync()));
        var lot = await importer.LotAsync(Guid.Parse(received.Headers.Location!.ToString().Split('/')[^1]));
        Assert.Equal(("PAL-1", 238.5m, "kg", exporter.OrganizationId), (lot!.LotNumber, lot.Quantity, lot.Unit, lot.ReceivedFromOrganizationId));
        var receiving = (await importer.EventsAsync()).Single()!;
        Assert.Equal($"https://id.gs1.org/00/{sscc}", receiving["epcList"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal(238.5m, receiving["quantityList"]!.AsArray().Single()!["quantity"]!.GetValue<decimal>());

        var again = await importer.Pages.GetPageAsync(path);
        Assert.Contains("Đã ghi nhận chuyến hàng này.", again);
    }

    [Fact]
    public async Task A_code_not_shipped_to_me_gets_a_clear_message()
    {
        using var grower = await LotsTestBusiness.CreateAsync(App, "HTX Cà phê");
        using var stranger = await LotsTestBusiness.CreateAsync(App, "Người lạ");
        using var buyer = await LotsTestBusiness.CreateAsync(App, "Người mua");
        var lotId = await grower.CreateLotAsync("CP-9");
        await grower.RecordOkAsync(lotId, "shipping", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(5),
            ["Form.LocationId"] = grower.WarehouseId.ToString(),
            ["Form.Quantity"] = "10",
            ["Form.PartnerGln"] = buyer.Gln!,
        });
        var page = await stranger.Pages.GetPageAsync($"/workspace/lots/receive?code={Uri.EscapeDataString($"(01){grower.Gtin}(10)CP-9")}");
        Assert.Contains("Không có đối tác nào xuất hàng mang mã", page);
        Assert.DoesNotContain(grower.Name, page);
        var unreadable = await stranger.Pages.GetPageAsync("/workspace/lots/receive?code=hello");
        Assert.Contains("Không đọc được mã", unreadable);
        var productOnly = await stranger.Pages.GetPageAsync($"/workspace/lots/receive?code={Uri.EscapeDataString($"https://id.gs1.org/01/{grower.Gtin}")}");
        Assert.Contains("không có số lô", productOnly);
    }

    [Fact]
    public async Task Shipping_and_receiving_need_the_organization_gln()
    {
        using var noGln = await LotsTestBusiness.CreateAsync(App, "Chưa có GLN", withGln: false);
        using var partner = await LotsTestBusiness.CreateAsync(App, "Đối tác");
        var id = await noGln.CreateLotAsync("NG-1");
        var response = await noGln.RecordAsync(id, "shipping", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(1),
            ["Form.LocationId"] = noGln.WarehouseId.ToString(),
            ["Form.Quantity"] = "5",
            ["Form.PartnerGln"] = partner.Gln!,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tổ chức của bạn chưa có mã GLN", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await noGln.EventCountAsync());
        Assert.Contains("Tổ chức của bạn chưa có mã GLN", await noGln.Pages.GetPageAsync($"/workspace/lots/receive?code={Uri.EscapeDataString($"(01){partner.Gtin}(10)X")}"));
    }

    [Fact]
    public async Task Another_business_can_neither_see_nor_write_a_lot()
    {
        using var owner = await LotsTestBusiness.CreateAsync(App, "Chủ sở hữu");
        using var intruder = await LotsTestBusiness.CreateAsync(App, "Doanh nghiệp B");
        var id = await owner.CreateLotAsync("PRIVATE-1");
        await owner.RecordOkAsync(id, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(3), ["Form.LocationId"] = owner.FarmId.ToString(), ["Form.Quantity"] = "50" });
        var rowId = await owner.App.WithDbAsync(db => db.Events.Where(e => e.OwnerId == owner.OrganizationId).Select(e => e.Id).SingleAsync());

        foreach (var path in (string[])[$"/workspace/lots/{id}", $"/workspace/lots/{id}?handler=Export&format=jsonld", $"/workspace/lots/{id}?handler=Export&format=xml",
                     $"/workspace/lots/{id}/diary/harvest", $"/workspace/lots/{id}/correct/{rowId}", $"/workspace/lots/{intruder.ProductId}/diary/packing"])
        {
            var response = await intruder.Pages.GetAsync(path, followRedirects: false);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("PRIVATE-1", await response.Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain("PRIVATE-1", await intruder.Pages.GetPageAsync("/workspace/lots?q=PRIVATE"));

        // Posting with the intruder's own antiforgery token against the owner's lot changes nothing.
        var token = PageClient.FindForm(await intruder.Pages.GetPageAsync("/workspace/lots/create"))!.AntiforgeryToken!;
        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ($"/workspace/lots/{id}/diary/packing", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(1), ["Form.LocationId"] = intruder.WarehouseId.ToString(), ["Form.Quantity"] = "5" }),
            ($"/workspace/lots/{id}?handler=Close", []),
            ($"/workspace/lots/{id}?handler=Reopen", []),
            ($"/workspace/lots/{id}/correct/{rowId}", new() { ["Form.Reason"] = "DidNotOccur" }),
        };
        foreach (var (path, fields) in posts)
        {
            var response = await intruder.Pages.PostFormAsync(path, fields, token);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
        Assert.Equal(0, await intruder.EventCountAsync());
        Assert.Equal(1, await owner.EventCountAsync());
        Assert.Equal(LotStatus.InProgress, (await owner.LotAsync(id))!.Status);

        // Nor through the API: the intruder's key sees none of the owner's events.
        Assert.Empty(await intruder.EventsAsync("&MATCH_anyEPCClass=" + Uri.EscapeDataString(LotClass(owner.Gtin, "PRIVATE-1"))));
    }

    [Fact]
    public async Task A_correction_is_an_error_declaration_and_the_original_stays()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Sửa sai");
        var id = await farm.CreateLotAsync("FIX-1");
        await farm.RecordOkAsync(id, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(10), ["Form.LocationId"] = farm.FarmId.ToString(), ["Form.Quantity"] = "100" });
        var original = await farm.App.WithDbAsync(db => db.Events.Where(e => e.OwnerId == farm.OrganizationId).Select(e => new { e.Id, e.EventId, e.Json }).SingleAsync());

        var response = await farm.Pages.SubmitFormAsync($"/workspace/lots/{id}/correct/{original.Id}", new Dictionary<string, string>
        {
            ["Form.Reason"] = "IncorrectData",
            ["Form.Note"] = "Cân sai",
            ["Form.CorrectedQuantity"] = "90",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, LotsTestBusiness.ErrorsOf(await response.Content.ReadAsStringAsync()));

        var stored = await farm.App.WithDbAsync(db => db.Events.Where(e => e.OwnerId == farm.OrganizationId).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.EventId, e.HasErrorDeclaration, e.Json }).ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.Equal(original.Json, stored[0].Json);
        var declaration = stored.Single(e => e.HasErrorDeclaration);
        Assert.Equal(original.EventId, declaration.EventId);
        var corrective = stored.Single(e => e.Id != original.Id && !e.HasErrorDeclaration);

        var declared = (await farm.EventsAsync("&EXISTS_errorDeclaration=true")).Single()!;
        var errorDeclaration = declared["errorDeclaration"]!;
        Assert.Equal("incorrect_data", errorDeclaration["reason"]!.GetValue<string>());
        Assert.Equal(corrective.EventId, errorDeclaration["correctiveEventIDs"]!.AsArray().Single()!.GetValue<string>());
        var correctedEvent = (await farm.EventsAsync("&EQ_eventID=" + Uri.EscapeDataString(corrective.EventId))).Single()!;
        Assert.Equal(90m, correctedEvent["quantityList"]!.AsArray().Single()!["quantity"]!.GetValue<decimal>());
        Assert.Equal(90m, (await farm.LotAsync(id))!.Quantity);

        var page = await farm.Pages.GetPageAsync($"/workspace/lots/{id}");
        Assert.Contains("đã khai báo sai", page);
        Assert.Contains("bản sửa", page);
        Assert.Contains("Cân sai", page);

        // Declared once: a second declaration of the same event is refused.
        var twice = await farm.Pages.GetAsync($"/workspace/lots/{id}/correct/{original.Id}");
        Assert.DoesNotContain("name=\"Form.Reason\"", await twice.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_input_shows_a_message_and_stores_nothing()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Nhập sai");
        async Task<string> Create(string lotNumber, string location)
        {
            var response = await farm.Pages.SubmitFormAsync("/workspace/lots/create", new Dictionary<string, string>
            {
                ["Form.ProductId"] = farm.ProductId.ToString(),
                ["Form.LotNumber"] = lotNumber,
                ["Form.LocationId"] = location,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("Ký tự 'Ô' ở vị trí 2", WebUtility.HtmlDecode(await Create("LÔ-1", farm.FarmId.ToString())));
        Assert.Contains("tối đa 20 ký tự", await Create("L123456789012345678901", farm.FarmId.ToString()));
        Assert.Contains("Địa điểm này không có trong danh sách địa điểm của doanh nghiệp.", await Create("OK-1", Guid.NewGuid().ToString()));
        Assert.Equal(0, await farm.App.WithDbAsync(db => db.Lots.CountAsync(l => l.OrganizationId == farm.OrganizationId)));

        var id = await farm.CreateLotAsync("OK-2");
        async Task<string> Harvest(string time, string quantity, string location)
        {
            var response = await farm.RecordAsync(id, "harvest", new() { ["Form.Time"] = time, ["Form.LocationId"] = location, ["Form.Quantity"] = quantity });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("Số lượng phải lớn hơn 0.", await Harvest(LotsTestBusiness.HoursAgo(1), "-5", farm.FarmId.ToString()));
        Assert.Contains("Thời gian ở tương lai", await Harvest(LotsTestBusiness.HoursAgo(-24), "5", farm.FarmId.ToString()));
        Assert.Contains("Địa điểm này không có trong danh sách", await Harvest(LotsTestBusiness.HoursAgo(1), "5", Guid.NewGuid().ToString()));
        Assert.Contains("Không phải là số.", await Harvest(LotsTestBusiness.HoursAgo(1), "năm", farm.FarmId.ToString()));
        Assert.Equal(0, await farm.EventCountAsync());
        Assert.Null((await farm.LotAsync(id))!.Quantity);
    }

    [Fact]
    public async Task A_closed_lot_takes_no_more_entries_until_reopened()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Đóng lô");
        var id = await farm.CreateLotAsync("END-1");
        var closed = await farm.Pages.SubmitFormAsync($"/workspace/lots/{id}", [], formAction: $"/workspace/lots/{id}?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(LotStatus.Closed, (await farm.LotAsync(id))!.Status);
        var refused = await farm.RecordAsync(id, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(1), ["Form.LocationId"] = farm.FarmId.ToString(), ["Form.Quantity"] = "5" });
        Assert.Contains("Lô đã đóng", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await farm.EventCountAsync());
        Assert.Contains($"/workspace/lots/{id}", await farm.Pages.GetPageAsync("/workspace/lots?status=Closed"));

        var reopened = await farm.Pages.SubmitFormAsync($"/workspace/lots/{id}", [], formAction: $"/workspace/lots/{id}?handler=Reopen");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(LotStatus.InProgress, (await farm.LotAsync(id))!.Status);
        Assert.Equal(["lot.create", "lot.close", "lot.reopen"], await farm.App.WithDbAsync(db => db.AuditLog
            .Where(a => a.OrganizationId == farm.OrganizationId && a.EntityId == id.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_lot_exports_its_events_as_EPCIS_JSON_LD_and_XML()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Xuất tệp");
        var id = await farm.CreateLotAsync("EXP-1");
        await farm.RecordOkAsync(id, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(5), ["Form.LocationId"] = farm.FarmId.ToString(), ["Form.Quantity"] = "10" });
        await farm.RecordOkAsync(id, "farming-input", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(50),
            ["Form.LocationId"] = farm.FarmId.ToString(),
            ["Form.InputKind"] = "Fertiliser",
            ["Form.InputName"] = "NPK 16-16-8",
            ["Form.Dose"] = "200",
            ["Form.DoseUnit"] = "kg/ha",
        });

        using var json = await farm.Pages.GetAsync($"/workspace/lots/{id}?handler=Export&format=jsonld");
        Assert.Equal("application/ld+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EXP-1", json.Content.Headers.ContentDisposition?.FileName ?? "");
        var fromJson = EpcisJsonReader.ReadDocument(await json.Content.ReadAsByteArrayAsync());
        Assert.True(fromJson.Success, string.Join("; ", fromJson.Errors));
        Assert.Equal(2, fromJson.Document!.Events.Count);
        Assert.Equal("https://vntrace.vn/epcis/bizstep/farming_input", fromJson.Document.Events[0].BizStep); // oldest first

        using var xml = await farm.Pages.GetAsync($"/workspace/lots/{id}?handler=Export&format=xml");
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        var fromXml = EpcisXmlReader.ReadDocument(await xml.Content.ReadAsStreamAsync());
        Assert.True(fromXml.Success, string.Join("; ", fromXml.Errors));
        Assert.Equal(2, fromXml.Document!.Events.Count);
        Assert.Equal(EpcisAction.Add, fromXml.Document.Events[1].Action);
    }

    /// <summary>The inner HTML of the page's section labelled by the heading with this id.</summary>
    private static string Section(string html, string headingId)
    {
        var start = html.IndexOf($"aria-labelledby=\"{headingId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {headingId}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}

public sealed class SqliteLotDiaryTests(SqliteAppFixture fixture) : LotDiaryTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresLotDiaryTests(PostgresAppFixture fixture) : LotDiaryTests(fixture), IClassFixture<PostgresAppFixture>;
