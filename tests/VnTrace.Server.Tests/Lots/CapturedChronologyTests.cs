using System.Globalization;
using System.Net;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Lots;

/// <summary>
/// Issue 12, item 13 on the EPCIS API: an event a machine captures for one of the business's declared lots may not
/// come before the lot began, and nothing is harvested into a lot after processing used it up; the diary already
/// refuses the same. Other businesses' lots and undeclared lots are not judged by these rules.
/// </summary>
public abstract class CapturedChronologyTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    [Fact]
    public async Task A_captured_shipping_before_the_harvest_is_refused_and_one_after_it_is_stored()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Chronology");
        await HarvestedLotAsync(farm, "CHR-1");
        var client = await farm.ApiClientAsync();
        // Another host's link for the same lot: the rule reads the lot whatever form the machine sends.
        var lotClass = $"https://example.com/01/{farm.Gtin}/10/CHR-1";
        var before = await farm.EventCountAsync();

        var early = await client.PostJsonLd("/capture", EpcisHttp.Document(QuantityEvent(lotClass, Ago(72), "shipping")));
        var problem = await early.AssertProblem(400, "ValidationException");
        Assert.Contains("/epcisBody/eventList/0/eventTime", problem["errors"]!.ToJsonString());
        Assert.Contains("CHR-1", problem["errors"]!.ToJsonString());
        Assert.Contains("harvest", problem["errors"]!.ToJsonString());
        Assert.Equal(before, await farm.EventCountAsync());

        // The same in a document whose other event is fine: all or nothing.
        var mixed = await client.PostJsonLd("/capture", EpcisHttp.Document(QuantityEvent(lotClass, Ago(24), "storing"), QuantityEvent(lotClass, Ago(60), "shipping")));
        var mixedProblem = await mixed.AssertProblem(400, "ValidationException");
        Assert.Contains("/epcisBody/eventList/1/eventTime", mixedProblem["errors"]!.ToJsonString());
        Assert.Equal(before, await farm.EventCountAsync());

        var inOrder = await client.PostJsonLd("/capture", EpcisHttp.Document(QuantityEvent(lotClass, Ago(24), "shipping")));
        Assert.Equal(HttpStatusCode.Accepted, inOrder.StatusCode);
        Assert.Equal(before + 1, await farm.EventCountAsync());
    }

    [Fact]
    public async Task A_captured_harvest_into_a_lot_after_processing_used_it_up_is_refused()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Chronology");
        await HarvestedLotAsync(farm, "CHR-2");
        var client = await farm.ApiClientAsync();
        var lotClass = $"https://id.gs1.org/01/{farm.Gtin}/10/CHR-2";
        var output = $"https://id.gs1.org/01/{farm.Gtin}/10/CHR-2-ROASTED";
        var processing = $$"""
            {
              "type": "TransformationEvent",
              "eventTime": "{{Ago(24)}}",
              "eventTimeZoneOffset": "+07:00",
              "inputQuantityList": [{ "epcClass": "{{lotClass}}", "quantity": 500, "uom": "KGM" }],
              "outputQuantityList": [{ "epcClass": "{{output}}", "quantity": 400, "uom": "KGM" }],
              "bizStep": "commissioning"
            }
            """;
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonLd("/capture", EpcisHttp.Document(processing))).StatusCode);

        var harvestAfter = await client.PostJsonLd("/capture", EpcisHttp.Document(QuantityEvent(lotClass, Ago(12), "creating_class_instance", "ADD")));
        var problem = await harvestAfter.AssertProblem(400, "ValidationException");
        Assert.Contains("input of processing", problem["errors"]!.ToJsonString());

        // Before the processing it is another harvest of the same lot, in the order the lot lived.
        var harvestBefore = await client.PostJsonLd("/capture", EpcisHttp.Document(QuantityEvent(lotClass, Ago(36), "creating_class_instance", "ADD")));
        Assert.Equal(HttpStatusCode.Accepted, harvestBefore.StatusCode);
    }

    [Fact]
    public async Task Events_for_another_business_lot_or_an_undeclared_lot_are_not_judged_by_its_dates()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Chronology");
        using var other = await LotsTestBusiness.CreateAsync(App, "Cty Other");
        await HarvestedLotAsync(farm, "CHR-3");
        var otherClient = await other.ApiClientAsync();
        // The other business's own observation of the code is its own record; the farm's dates do not bind it.
        var observed = await otherClient.PostJsonLd("/capture", EpcisHttp.Document(QuantityEvent($"https://id.gs1.org/01/{farm.Gtin}/10/CHR-3", Ago(72), "inspecting", "OBSERVE")));
        Assert.Equal(HttpStatusCode.Accepted, observed.StatusCode);
        var undeclared = await (await farm.ApiClientAsync()).PostJsonLd("/capture",
            EpcisHttp.Document(QuantityEvent($"https://id.gs1.org/01/{farm.Gtin}/10/NOT-DECLARED", Ago(72), "shipping")));
        Assert.Equal(HttpStatusCode.Accepted, undeclared.StatusCode);
    }

    /// <summary>A lot declared on the workspace and harvested through the diary 48 hours ago.</summary>
    private static async Task HarvestedLotAsync(LotsTestBusiness farm, string lotNumber)
    {
        var lotId = await farm.CreateLotAsync(lotNumber);
        await farm.RecordOkAsync(lotId, "harvest", new() { ["Form.Time"] = LotsTestBusiness.HoursAgo(48), ["Form.LocationId"] = farm.FarmId.ToString(), ["Form.Quantity"] = "500" });
    }

    private static string Ago(double hours) =>
        DateTimeOffset.UtcNow.AddHours(-hours).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string QuantityEvent(string lotClass, string time, string bizStep, string action = "OBSERVE") => $$"""
        {
          "type": "ObjectEvent",
          "eventTime": "{{time}}",
          "eventTimeZoneOffset": "+07:00",
          "epcList": [],
          "quantityList": [{ "epcClass": "{{lotClass}}", "quantity": 100, "uom": "KGM" }],
          "action": "{{action}}",
          "bizStep": "{{bizStep}}"
        }
        """;
}

public sealed class SqliteCapturedChronologyTests(SqliteAppFixture fixture) : CapturedChronologyTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresCapturedChronologyTests(PostgresAppFixture fixture) : CapturedChronologyTests(fixture), IClassFixture<PostgresAppFixture>;
