using System.Net;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Authority;

/// <summary>An officer opens a business's record from the organizations list: profile, products, lots, decisions (issue 12, item 14).</summary>
public abstract class OrganizationRecordPageTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    /// <summary>A pending business with one product and one lot, approved then suspended through the console.</summary>
    internal static async Task<(Guid Id, string Name, string Gtin, string LotNumber)> DecidedBusinessAsync(VnTraceApp app, PageClient officer)
    {
        var name = "HTX Hồ Sơ " + Guid.NewGuid().ToString("N")[..6];
        var owner = await app.CreateBusinessUserAsync(name, status: OrganizationStatus.Pending);
        var id = owner.OrganizationId!.Value;
        var gtin = VnTrace.Server.Tests.Lots.LotsTestBusiness.NewGtin();
        var lotNumber = "HS-" + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(db =>
        {
            var product = new Product { OrganizationId = id, Gtin = gtin, NameVi = "Cà phê hồ sơ", Unit = "kg" };
            db.Products.Add(product);
            db.Lots.Add(new Lot { OrganizationId = id, Gtin = gtin, LotNumber = lotNumber, ProductId = product.Id, Quantity = 120, Unit = "kg" });
            return db.SaveChangesAsync();
        });
        foreach (var (decision, note) in new[] { ("Approved", ""), ("Suspended", "Nhãn ghi sai hạn dùng") })
        {
            var decided = await officer.SubmitFormAsync("/authority/organizations?status=", new Dictionary<string, string>
            {
                ["id"] = id.ToString(),
                ["decision"] = decision,
                ["note"] = note,
            }, formAction: "/authority/organizations?handler=Decide");
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }
        return (id, name, gtin, lotNumber);
    }

    [Fact]
    public async Task An_officer_opens_a_business_record_with_its_products_lots_and_decisions_from_the_list()
    {
        using var officer = await App.SignInAsync(await App.CreateAuthorityUserAsync());
        var business = await DecidedBusinessAsync(App, officer);

        var list = await officer.GetPageAsync("/authority/organizations?status=&q=" + Uri.EscapeDataString(business.Name));
        Assert.Contains($"href=\"/authority/organizations/details/{business.Id}\"", list);
        var html = await officer.GetPageAsync($"/authority/organizations/details/{business.Id}");

        Assert.Contains(business.Name, html);
        Assert.Contains("data-status=\"Suspended\"", html);
        Assert.Contains("Cà phê hồ sơ", html);
        Assert.Contains(business.Gtin, html);
        Assert.Contains($"href=\"/authority/trace?code={Uri.EscapeDataString(LotCodes.LotClass(business.Gtin, business.LotNumber))}\"", html);
        Assert.Contains("Đã duyệt", html);
        Assert.Contains("Nhãn ghi sai hạn dùng", html);
        Assert.True(html.IndexOf("<td>Đã duyệt</td>", StringComparison.Ordinal) < html.IndexOf("<td>Tạm ngừng</td>", StringComparison.Ordinal),
            "decisions in the order they were taken");
        Assert.Contains("Test Authority", html); // who decided
        Assert.DoesNotContain("handler=Decide", html); // read-only
    }

    [Fact]
    public async Task The_record_is_in_English_too()
    {
        using var officer = await App.SignInAsync(await App.CreateAuthorityUserAsync());
        var business = await DecidedBusinessAsync(App, officer);

        var html = await officer.GetPageAsync($"/authority/organizations/details/{business.Id}?culture=en");

        Assert.Contains("The authority&#x27;s decisions", html.Replace("'", "&#x27;", StringComparison.Ordinal));
        Assert.Contains("Lots (1)", html);
        Assert.Contains("Products (1)", html);
    }

    [Theory]
    [InlineData(Roles.BusinessOwner)]
    [InlineData(Roles.BusinessStaff)]
    public async Task A_business_user_cannot_open_a_business_record(string role)
    {
        using var officer = await App.SignInAsync(await App.CreateAuthorityUserAsync());
        var business = await DecidedBusinessAsync(App, officer);
        using var other = await App.SignInAsync(await App.CreateBusinessUserAsync("HTX Khác " + Guid.NewGuid().ToString("N")[..6], role));

        using var response = await other.GetAsync($"/authority/organizations/details/{business.Id}", followRedirects: false);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Cà phê hồ sơ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_inspector_reads_the_record_and_an_unknown_id_is_not_found()
    {
        using var officer = await App.SignInAsync(await App.CreateAuthorityUserAsync());
        var business = await DecidedBusinessAsync(App, officer);
        using var inspector = await App.SignInAsync(await App.CreateAuthorityUserAsync(Roles.Inspector));

        Assert.Contains("Cà phê hồ sơ", await inspector.GetPageAsync($"/authority/organizations/details/{business.Id}"));
        using var missing = await inspector.GetAsync($"/authority/organizations/details/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class SqliteOrganizationRecordPageTests(SqliteAppFixture fixture)
    : OrganizationRecordPageTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresOrganizationRecordPageTests(PostgresAppFixture fixture)
    : OrganizationRecordPageTests(fixture), IClassFixture<PostgresAppFixture>;
