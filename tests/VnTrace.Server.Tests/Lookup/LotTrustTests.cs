using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Locations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Lookup;

/// <summary>
/// Whose events a consumer page believes, with three businesses: the producer owns the coffee, the distributor got
/// it through a shipment the producer recorded and its own receipt, and a stranger captures events through the
/// API about the producer's lots, naming the producer as the source it received them from.
/// </summary>
public abstract class LotTrustTests(LookupAppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private async Task<string> PageAsync(string path)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>A business with an API key, a party GLN under the scenario's prefix and a warehouse of its own.</summary>
    private async Task<(string Name, HttpClient Client, string Warehouse)> StrangerAsync(LookupScenario s)
    {
        var name = "Công ty Mạo Danh " + s.Prefix;
        var (id, client) = await App.CreateOrganizationClientAsync(name);
        return await App.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.FindAsync(id);
            organization!.Gln = s.Gln(500);
            db.Locations.Add(new Location { OrganizationId = id, Name = "Kho Mạo Danh " + s.Prefix, Kind = LocationKind.Warehouse, Gln = s.Gln(501) });
            await db.SaveChangesAsync();
            return (name, client, "Kho Mạo Danh " + s.Prefix);
        });
    }

    private static async Task CaptureAsync(HttpClient client, params string[] events)
    {
        var response = await client.PostJsonLd("/capture", Document(events));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    private static string Receiving(string lot, string time, LookupScenario s) => $$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+07:00", "action": "OBSERVE",
          "bizStep": "receiving", "quantityList": [ { "epcClass": "{{lot}}", "quantity": 10, "uom": "KGM" } ],
          "bizLocation": { "id": "https://id.gs1.org/414/{{s.Gln(501)}}" },
          "sourceList": [ { "type": "owning_party", "source": "https://id.gs1.org/417/{{s.Producer.Gln}}" } ] }
        """;

    [Fact]
    public async Task A_stranger_naming_the_producer_as_source_cannot_put_its_dates_or_steps_on_the_producers_lot()
    {
        var s = await LookupScenario.CreateAsync(App);
        var stranger = await StrangerAsync(s);
        await CaptureAsync(stranger.Client,
            $$"""
            { "type": "ObjectEvent", "eventTime": "2026-10-01T07:00:00+07:00", "eventTimeZoneOffset": "+07:00", "action": "ADD",
              "bizStep": "commissioning", "quantityList": [ { "epcClass": "{{s.BeansLotId}}", "quantity": 10, "uom": "KGM" } ],
              "bizLocation": { "id": "https://id.gs1.org/414/{{s.Gln(501)}}" },
              "ilmd": { "vnt:itemExpirationDate": "2031-01-31", "vnt:harvestDate": "2026-01-15", "vnt:crop": "Cà phê giả" } }
            """,
            Receiving(s.BeansLotId, "2026-10-21T07:00:00+07:00", s),
            Receiving(s.RoastedLotId, "2026-11-04T07:00:00+07:00", s));

        var beans = await PageAsync($"/01/{s.Beans.Gtin}/10/{s.BeansLot}");
        Assert.Contains("20/10/2026", beans);            // the producer's harvest date
        Assert.Contains("Cây trồng: Cà phê Robusta", beans);
        Assert.DoesNotContain("31/01/2031", beans);      // the stranger's expiry date
        Assert.DoesNotContain("15/01/2026", beans);      // and harvest date
        Assert.DoesNotContain("Cà phê giả", beans);
        Assert.DoesNotContain(stranger.Name, beans);
        Assert.DoesNotContain(stranger.Warehouse, beans);

        var roasted = await PageAsync(s.RoastedLotPath);
        Assert.Contains(s.Distributor.Name, roasted);    // shipped to by the producer, and received: its part of the journey
        Assert.Contains("Cửa hàng trung tâm", roasted);
        Assert.DoesNotContain(stranger.Name, roasted);
        Assert.DoesNotContain(stranger.Warehouse, roasted);
    }

    [Fact]
    public async Task A_business_the_goods_were_shipped_to_tells_where_and_when_but_not_the_lots_dates()
    {
        var s = await LookupScenario.CreateAsync(App);
        // The distributor is on the roasted lot's journey; its own ILMD on that lot is still not the lot's data.
        await s.CaptureAsync(s.Distributor.Id, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.FromHours(7)),
            EventTimeZoneOffset = "+07:00",
            Action = EpcisAction.Observe,
            BizStep = "urn:epcglobal:cbv:bizstep:storing",
            QuantityList = [new QuantityElement { EpcClass = s.RoastedLotId, Quantity = 5, Uom = "H87" }],
            BizLocation = $"https://id.gs1.org/414/{s.Shop.Gln}",
            Ilmd = [new ExtensionElement { Namespace = "https://vntrace.vn/epcis/", Prefix = "vnt", LocalName = "packingDate", Value = "2026-11-10" }],
        });

        var html = await PageAsync(s.RoastedLotPath);
        Assert.Contains("10/11/2026 09:00", html);        // the distributor's step is on the journey
        Assert.Contains("<dt>Ngày đóng gói</dt><dd>29/10/2026</dd>", html); // packed: the producer's packing event
        Assert.DoesNotContain("<dd>10/11/2026</dd>", html);
        Assert.DoesNotContain("Ngày đóng gói: 2026-11-10", html); // nor as a fact of its step
    }

    [Fact]
    public async Task A_business_step_outside_the_CBV_is_named_only_as_an_event()
    {
        var s = await LookupScenario.CreateAsync(App);
        await s.CaptureAsync(s.Producer.Id, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(7)),
            EventTimeZoneOffset = "+07:00",
            Action = EpcisAction.Observe,
            BizStep = "https://example.com/bizstep/Gọi-0900-123-456-trúng-thưởng",
            QuantityList = [new QuantityElement { EpcClass = s.RoastedLotId, Quantity = 1, Uom = "H87" }],
            BizLocation = $"https://id.gs1.org/414/{s.Factory.Gln}",
        });

        var html = await PageAsync(s.RoastedLotPath);
        Assert.Contains("01/11/2026 09:00", html);
        Assert.DoesNotContain("0900-123-456", html);
        Assert.DoesNotContain("example.com/bizstep", html);
    }
}

public sealed class SqliteLotTrustTests(SqliteLookupFixture fixture) : LotTrustTests(fixture), IClassFixture<SqliteLookupFixture>;

public sealed class PostgresLotTrustTests(PostgresLookupFixture fixture) : LotTrustTests(fixture), IClassFixture<PostgresLookupFixture>;
