using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Lookup.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Tests.Lookup;

/// <summary>What the consumer page shows for a lot, what it never shows, and how fast it follows new events and recalls.</summary>
public abstract class ConsumerPageTests(LookupAppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private HttpClient Browser(string? culture = null)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36 test-" + Guid.NewGuid().ToString("N")[..8]);
        if (culture is not null)
            client.DefaultRequestHeaders.Add("Cookie", $".VnTrace.Culture=c={culture}|uic={culture}");
        return client;
    }

    private async Task<string> PageAsync(string path, string? culture = null)
    {
        var response = await Browser(culture).GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        return html;
    }

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task A_business_that_only_claims_to_have_made_someone_elses_lot_is_not_on_its_consumer_page()
    {
        // Farms ship to the processor, which blends LP and ships it to the retailer; an unrelated business C captures a
        // transformation claiming LP was made from its lot CX. Nobody shipped LP's story to C.
        var chain = await VnTrace.Server.Tests.Trace.TraceChain.CaptureAsync(App);
        await App.WithDbAsync(async db =>
        {
            if (!await db.Products.AnyAsync(p => p.Gtin == "08936014000106"))
            {
                db.Products.Add(new VnTrace.Server.Products.Product
                { OrganizationId = chain.Processor.OrganizationId, Gtin = "08936014000106", NameVi = "Cà phê phối trộn", Unit = "kg" });
                await db.SaveChangesAsync();
            }
        });

        var html = Text(await PageAsync("/01/08936014000106/10/BLEND-" + chain.Run));

        Assert.Contains("FA-" + chain.Run, html);                 // made from the farms' lots (the processor's own event)
        Assert.Contains("trace-" + chain.Retailer.Gln, html);      // the retailer it was shipped to tells its part
        Assert.DoesNotContain("CX-" + chain.Run, html);
        Assert.DoesNotContain("trace-" + chain.Unrelated.Gln, html);
    }

    [Fact]
    public async Task A_lot_known_from_events_but_without_a_declared_product_is_not_called_unregistered()
    {
        var chain = await VnTrace.Server.Tests.Trace.TraceChain.CaptureAsync(App);

        var html = Text(await PageAsync("/01/08936013000107/10/FB-" + chain.Run));

        Assert.Contains("Sản phẩm chưa khai báo tên", html);
        Assert.DoesNotContain("Mã chưa được đăng ký", html);
    }

    [Fact]
    public async Task A_lot_page_shows_product_producer_dates_certificates_journey_inputs_and_map()
    {
        var s = await LookupScenario.CreateAsync(App);
        var (commune, province) = LookupScenario.SomeCommune();
        var html = Text(await PageAsync(s.RoastedLotPath));

        Assert.Contains("<h1 class=\"mb-1\">Cà phê rang xay Ea Tu</h1>", html);
        Assert.Contains($"src=\"/files/{s.ImageFileId}\"", html);
        Assert.Contains(s.Roasted.Gtin, html);
        Assert.Contains("Xuất xứ", html);
        Assert.Contains("Sản phẩm OCOP 4 sao", html);
        Assert.Contains("Mã chính hãng", html);
        // Producer, with its commune and province names and contact.
        Assert.Contains(s.Producer.Name, html);
        Assert.Contains($"Thôn 3, đường Số 7, {commune.FullName}, {province.FullName}", html);
        Assert.Contains("tel:0262 3812 345", html);
        // Lot and dates: production and expiry from the lot row, packing from the packing event.
        Assert.Contains(s.RoastedLot, html);
        Assert.Contains("28/10/2026", html);
        Assert.Contains("29/10/2026", html);
        Assert.Contains("28/10/2027", html);
        // Certificates, valid and expired.
        Assert.Contains("VietGAP", html);
        Assert.Contains("VG-" + s.Prefix, html);
        Assert.Contains("Hết hiệu lực", html);
        Assert.DoesNotContain("WD-" + s.Prefix, html); // archived (withdrawn) certificates are not shown
        // The journey: roasting, packing on the pallet, the distributor receiving the pallet at its shop.
        Assert.Contains("Xưởng rang Buôn Ma Thuột", html);
        Assert.Contains("Đóng gói", html);
        Assert.Contains("Nhận hàng", html);
        Assert.Contains("Cửa hàng trung tâm", html);
        Assert.Contains(s.Distributor.Name, html);
        Assert.Contains("03/11/2026 10:00", html);
        // One step back: the green beans it was roasted from.
        Assert.Contains("Cà phê nhân Robusta", html);
        Assert.Contains($"href=\"/01/{s.Beans.Gtin}/10/{s.BeansLot}\"", html);
        // The map's places, for the script, and as a list without it.
        Assert.Contains("id=\"map\"", html);
        Assert.Contains("&quot;lat&quot;:12.68", await PageAsync(s.RoastedLotPath));
        // The script, fingerprinted when the build has a static-assets manifest.
        Assert.Matches(@"/js/lookup(\.[a-z0-9]+)?\.js", html);
    }

    [Fact]
    public async Task The_input_lot_page_shows_its_harvest_facts()
    {
        var s = await LookupScenario.CreateAsync(App);
        var html = Text(await PageAsync($"/01/{s.Beans.Gtin}/10/{s.BeansLot}"));
        Assert.Contains("Cà phê nhân Robusta", html);
        Assert.Contains("Vườn cà phê Ea Tu", html);
        Assert.Contains("Ngày thu hoạch: 20/10/2026", html);
        Assert.Contains("Cây trồng: Cà phê Robusta", html);
        Assert.Contains("20/10/2026", html); // production (harvest) date from the ILMD
    }

    [Fact]
    public async Task Customers_prices_internal_places_and_unknown_lot_data_never_appear()
    {
        var s = await LookupScenario.CreateAsync(App);
        var html = await PageAsync(s.RoastedLotPath);
        var linkset = await (await App.CreateClient().GetAsync(s.RoastedLotPath + "?linkType=all")).Content.ReadAsStringAsync();
        foreach (var body in new[] { html, linkset })
        {
            Assert.DoesNotContain(s.CustomerGln, body);
            Assert.DoesNotContain(s.PurchaseOrder, body);
            Assert.DoesNotContain("Kho nội bộ số 9", body); // internal warehouse, and its storing event
            Assert.DoesNotContain("giá mua", body);          // an ILMD field outside the public list
            Assert.DoesNotContain("1600", body);             // quantities
        }
        Assert.DoesNotContain("Lưu kho", Text(html));
    }

    [Fact]
    public async Task Unpublished_fields_and_events_reach_neither_the_page_nor_the_linkset()
    {
        var s = await LookupScenario.CreateAsync(App);
        // Warm the cache first: the choice must evict it.
        Assert.Contains("0262 3812 345", await PageAsync(s.RoastedLotPath));
        await s.PublishAsync(PublicField.OcopStars | PublicField.Journey, hiddenBizSteps: ["packing"]);

        var html = Text(await PageAsync(s.RoastedLotPath));
        Assert.Contains("Cà phê rang xay Ea Tu", html);          // the minimum data set stays
        Assert.Contains(s.Producer.Name, html);
        Assert.DoesNotContain("0262 3812 345", html);            // phone
        Assert.DoesNotContain("htx@example.vn", html);           // e-mail
        Assert.DoesNotContain("Thôn 3", html);                   // street address
        Assert.DoesNotContain("Rang mộc", html);                 // description
        Assert.DoesNotContain("TCVN 5251", html);                // standards
        Assert.DoesNotContain("VG-" + s.Prefix, html);           // certificates
        Assert.DoesNotContain("Đóng gói", html);                 // packing events hidden
        Assert.DoesNotContain("id=\"map\"", html);                // no map
        Assert.DoesNotContain("Cà phê nhân Robusta", html);      // no input lots
        Assert.Contains("Nhận hàng", html);                      // the distributor's own events follow its own choice

        var linkset = JsonNode.Parse(await (await App.CreateClient().GetAsync(s.RoastedLotPath + "?linkType=all")).Content.ReadAsStringAsync())!["linkset"]![0]!.AsObject();
        Assert.Null(linkset["https://gs1.org/voc/certificationInfo"]);
        Assert.DoesNotContain("VG-" + s.Prefix, linkset.ToJsonString());

        // With the journey unpublished, the producer's events go and so do the journey links of a lot with no other events.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VnTrace.Server.Platform.Data.VnTraceDbContext>();
            await db.PublicationSettings.Where(p => p.OrganizationId == s.Producer.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Fields, PublicField.None));
            await scope.ServiceProvider.GetRequiredService<VnTrace.Server.Lookup.LookupCacheEviction>().OrganizationChangedAsync(s.Producer.Id, CancellationToken.None);
        }
        var beans = JsonNode.Parse(await (await App.CreateClient().GetAsync($"/01/{s.Beans.Gtin}/10/{s.BeansLot}?linkType=all")).Content.ReadAsStringAsync())!["linkset"]![0]!.AsObject();
        Assert.Null(beans["https://gs1.org/voc/traceability"]);
        Assert.Null(beans["https://gs1.org/voc/epcis"]);
        Assert.DoesNotContain("Vườn cà phê", Text(await PageAsync($"/01/{s.Beans.Gtin}/10/{s.BeansLot}")));
    }

    [Fact]
    public async Task A_household_keeps_its_street_address_and_phone_private_by_default()
    {
        var s = await LookupScenario.CreateAsync(App, BusinessForm.Household);
        var html = Text(await PageAsync(s.RoastedLotPath));
        Assert.Contains(s.Producer.Name, html);
        Assert.DoesNotContain("Thôn 3", html);
        Assert.DoesNotContain("0262 3812 345", html);
        Assert.DoesNotContain("htx@example.vn", html);
        Assert.Contains(LookupScenario.SomeCommune().Commune.FullName, html);
    }

    [Fact]
    public async Task The_page_is_in_english_with_the_switch_and_keeps_the_vietnamese_names()
    {
        var s = await LookupScenario.CreateAsync(App);
        var html = Text(await PageAsync(s.RoastedLotPath, culture: "en"));
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Ea Tu roasted ground coffee", html);
        Assert.Contains("Genuine code", html);
        Assert.Contains("Journey of the product", html);
        Assert.Contains("Receiving", html);
        Assert.Contains("28 Oct 2027", html);
        Assert.Contains("href=\"/culture/vi?returnUrl=", html);
        // The Vietnamese page is a separate cache entry.
        Assert.Contains("Hành trình sản phẩm", Text(await PageAsync(s.RoastedLotPath)));
        Assert.Contains("Ea Tu roasted ground coffee", Text(await PageAsync(s.RoastedLotPath + "?culture=en")));
    }

    [Fact]
    public async Task A_new_event_of_the_lot_reaches_the_cached_page_at_once()
    {
        var s = await LookupScenario.CreateAsync(App);
        Assert.DoesNotContain("Bán lẻ", Text(await PageAsync(s.RoastedLotPath)));
        Assert.DoesNotContain("Bán lẻ", Text(await PageAsync(s.RoastedLotPath))); // served from the cache
        await s.CaptureAsync(s.Distributor.Id, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.FromHours(7)),
            EventTimeZoneOffset = "+07:00",
            Action = EpcisAction.Observe,
            BizStep = "urn:epcglobal:cbv:bizstep:retail_selling",
            QuantityList = [new QuantityElement { EpcClass = s.RoastedLotId, Quantity = 2, Uom = "H87" }],
            BizLocation = $"https://id.gs1.org/414/{s.Shop.Gln}",
        });
        Assert.Contains("Bán lẻ", Text(await PageAsync(s.RoastedLotPath)));
    }

    [Fact]
    public async Task A_recalled_lot_shows_the_banner_and_says_so_in_its_linkset()
    {
        var s = await LookupScenario.CreateAsync(App);
        var before = Text(await PageAsync(s.RoastedLotPath));
        Assert.DoesNotContain("Sản phẩm đang bị thu hồi", before);
        Assert.Contains("Không có thông báo thu hồi", before);
        await s.RecallRoastedLotAsync();

        var html = Text(await PageAsync(s.RoastedLotPath));
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Sản phẩm đang bị thu hồi", html);
        var linkset = await (await App.CreateClient().GetAsync(s.RoastedLotPath + "?linkType=all")).Content.ReadAsStringAsync();
        Assert.Contains("Lô hàng đang bị thu hồi", linkset);
        // The units of the lot carry the banner too.
        await s.IssueSerialsAsync("R-1");
        Assert.Contains("Sản phẩm đang bị thu hồi", Text(await PageAsync(s.Unit("R-1"))));
    }

    [Fact]
    public async Task The_page_is_small_without_images_and_needs_no_script()
    {
        var s = await LookupScenario.CreateAsync(App);
        var html = await PageAsync(s.RoastedLotPath);
        var bytes = Encoding.UTF8.GetByteCount(html);
        using (var gzipped = new MemoryStream())
        {
            using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                gzip.Write(Encoding.UTF8.GetBytes(html));
            TestContext.Current.TestOutputHelper?.WriteLine($"consumer page: {bytes:N0} bytes of HTML, {gzipped.Length:N0} gzipped");
        }
        Assert.True(bytes < 60 * 1024, $"the page is {bytes:N0} bytes");
        // Everything is in the HTML; the only script is the optional enhancement, deferred.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
        Assert.Contains("defer", html[html.IndexOf("<script", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("<form", html);
    }
}

public sealed class SqliteConsumerPageTests(SqliteLookupFixture fixture) : ConsumerPageTests(fixture), IClassFixture<SqliteLookupFixture>;

public sealed class PostgresConsumerPageTests(PostgresLookupFixture fixture) : ConsumerPageTests(fixture), IClassFixture<PostgresLookupFixture>;
