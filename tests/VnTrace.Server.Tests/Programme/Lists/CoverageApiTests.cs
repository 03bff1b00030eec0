using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Products;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Programme.Lists;

/// <summary>GET /api/programme/coverage: figures computed from the lots and their events, moving when the events do.</summary>
public abstract class CoverageApiTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static string Event(string lotClass, string bizStep, string action, string time, string id) => $$"""
        { "type": "ObjectEvent", "eventID": "{{id}}", "eventTime": "{{time}}", "eventTimeZoneOffset": "+07:00", "epcList": [],
          "quantityList": [ { "epcClass": "{{lotClass}}", "quantity": 100, "uom": "KGM" } ],
          "action": "{{action}}", "bizStep": "{{bizStep}}", "certificationInfo": ["https://vietgap.example.vn/VG-1"]
          {{(action == "ADD" ? ", \"ilmd\": { \"vnt:itemExpirationDate\": \"2027-06-30\" }" : "")}} }
        """;

    [Fact]
    public async Task A_high_risk_lot_gains_its_missing_shipping_step_and_its_gap_moves()
    {
        var category = "Nhóm " + Guid.NewGuid().ToString("N")[..8];
        var (organizationId, business) = await App.CreateOrganizationClientAsync("HTX Bao phủ " + Guid.NewGuid().ToString("N")[..6]);
        var gtin = "0" + ProductTestData.NewGtin13();
        var lotNumber = "COV-" + Guid.NewGuid().ToString("N")[..6];
        await App.WithDbAsync(async db =>
        {
            var o = await db.Organizations.AsTracking().FirstAsync(x => x.Id == organizationId);
            (o.Status, o.Sector, o.CommuneCode, o.AddressLine) = (OrganizationStatus.Approved, "agriculture", "24000", "Thôn 3");
            var product = new Product { OrganizationId = organizationId, Gtin = gtin, NameVi = "Sản phẩm " + category, Category = category, Unit = "kg", Brand = "Ea" };
            db.Products.Add(product);
            db.Lots.Add(new Lot { OrganizationId = organizationId, Gtin = gtin, LotNumber = lotNumber, ProductId = product.Id, ProductionDate = new DateOnly(2026, 5, 1) });
            await db.SaveChangesAsync();
        });
        var dost = await ProgrammeKeys.DostAsync(App);
        Assert.Equal(HttpStatusCode.OK, (await dost.PostAsJsonAsync("/api/programme/risk/assess", new { k = 2.0, c = 5, p = 4, productGroup = category, effectiveFrom = "2026-01-01" })).StatusCode);

        var lotClass = $"https://id.gs1.org/01/{gtin}/10/{lotNumber}";
        Assert.Equal(HttpStatusCode.Accepted, (await business.PostJsonLd("/capture", Document(
            Event(lotClass, "commissioning", "ADD", "2026-05-01T07:00:00+07:00", $"urn:uuid:{Guid.NewGuid()}"),
            Event(lotClass, "packing", "OBSERVE", "2026-05-02T07:00:00+07:00", $"urn:uuid:{Guid.NewGuid()}")))).StatusCode);

        async Task<JsonNode> GroupAsync(HttpClient client)
        {
            var report = JsonNode.Parse(await client.GetStringAsync("/api/programme/coverage?year=2026"))!;
            return report["highRiskGroups"]!.AsArray().Single(g => g!["productGroup"]!.GetValue<string>() == category)!;
        }
        var before = await GroupAsync(dost);
        Assert.Equal(1, before["products"]!.GetValue<int>());
        Assert.Equal(1, before["lots"]!.GetValue<int>());
        Assert.Equal(0, before["tracedLots"]!.GetValue<int>());
        var gap = Assert.Single(before["gaps"]!.AsArray())!;
        Assert.Equal(lotNumber, gap["lot"]!.GetValue<string>());
        Assert.Equal("24000", gap["communeCode"]!.GetValue<string>());
        var missing = gap["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains("step:shipping", missing);
        Assert.DoesNotContain("step:creation", missing);
        Assert.DoesNotContain("step:transform_or_pack", missing);
        Assert.Contains("field:Product image", missing); // the Decree 37 data set, as the minimum-data-set export writes it

        Assert.Equal(HttpStatusCode.Accepted, (await business.PostJsonLd("/capture", Document(
            Event(lotClass, "shipping", "OBSERVE", "2026-05-03T07:00:00+07:00", $"urn:uuid:{Guid.NewGuid()}")))).StatusCode);
        var after = await GroupAsync(dost);
        var missingAfter = Assert.Single(after["gaps"]!.AsArray())!["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.DoesNotContain("step:shipping", missingAfter);
        Assert.Contains("field:Product image", missingAfter);

        // A department of another sector sees none of it.
        var (department, _) = await ProgrammeKeys.DepartmentAsync(App, "handicrafts");
        var theirs = JsonNode.Parse(await department.GetStringAsync("/api/programme/coverage?year=2026"))!["highRiskGroups"]!.AsArray();
        Assert.DoesNotContain(theirs, g => g!["productGroup"]!.GetValue<string>() == category);
    }

    [Fact]
    public async Task A_year_out_of_range_is_refused()
    {
        var dost = await ProgrammeKeys.DostAsync(App);
        await RiskApiTests.ProblemAsync(await dost.GetAsync("/api/programme/coverage?year=1999"), HttpStatusCode.BadRequest);
    }
}

public sealed class SqliteCoverageApiTests(SqliteAppFixture fixture) : CoverageApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresCoverageApiTests(PostgresAppFixture fixture) : CoverageApiTests(fixture), IClassFixture<PostgresAppFixture>;
