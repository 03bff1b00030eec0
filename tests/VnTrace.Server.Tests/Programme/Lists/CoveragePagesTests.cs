using System.Net;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Products;
using VnTrace.Server.Programme.Lists;
using VnTrace.Server.Programme.Risk;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Products;
using static VnTrace.Server.Tests.Programme.Lists.ListsPageKit;

namespace VnTrace.Server.Tests.Programme.Lists;

/// <summary>/authority/coverage and the business's product page: entries and high-risk groups, commune and sector filters, gaps, xlsx; the product's level and lists.</summary>
public abstract class CoveragePagesTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    /// <summary>An approved business of a commune and sector with one product of <paramref name="category"/> and one lot of <paramref name="year"/>.</summary>
    private async Task<(Organization Business, Product Product)> ProductWithLotAsync(string category, string communeCode, string sector, int year, string? name = null)
    {
        var business = await ProgrammeTestAgencies.BusinessAsync(App, communeCode, sector);
        var product = new Product { OrganizationId = business.Id, Gtin = "0" + ProductTestData.NewGtin13(), NameVi = name ?? "Sản phẩm " + category, Category = category, Unit = "kg" };
        await App.WithDbAsync(db =>
        {
            db.Products.Add(product);
            db.Lots.Add(new Lot { OrganizationId = business.Id, Gtin = product.Gtin, LotNumber = "L-" + Guid.NewGuid().ToString("N")[..6], ProductId = product.Id, ProductionDate = new DateOnly(year, 3, 1) });
            return db.SaveChangesAsync();
        });
        return (business, product);
    }

    [Fact]
    public async Task Coverage_shows_an_approved_entry_with_its_gaps_filters_by_commune_and_sector_and_exports_the_filtered_rows()
    {
        var year = ProgrammeKeys.NewYear(App);
        var category = "Nhóm " + Guid.NewGuid().ToString("N")[..8];
        var (communeA, communeB) = (ProgrammeTestAgencies.UniqueCommune(), ProgrammeTestAgencies.UniqueCommune());
        var (_, first) = await ProductWithLotAsync(category, communeA, "agriculture", year, "<b>Cà phê A</b>");
        var (_, second) = await ProductWithLotAsync(category, communeB, "food-processing", year, "Cà phê B");
        var (dost, pages) = await DostPagesAsync(App);
        var entry = await ProposeAsync(App, dost.Scope, year, category);
        await WithServiceAsync<ProductListService, object>(App, async s => await s.ApproveAsync(dost.Scope, entry.Id, null, default));

        string Row(string html)
        {
            var at = html.IndexOf($"data-target=\"{entry.Id}\"", StringComparison.Ordinal);
            Assert.True(at >= 0, "the entry is not on the page");
            return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
        }
        var all = await pages.GetPageAsync($"/authority/coverage?Year={year}");
        Assert.Matches(@"<td class=""text-end"">2</td>\s*<td class=""text-end"">2</td>\s*<td class=""text-end"">2</td>\s*<td class=""text-end"">0</td>", Row(all));
        Assert.Contains("&lt;b&gt;Cà phê A&lt;/b&gt;", all);
        Assert.DoesNotContain("<b>Cà phê A</b>", all);
        Assert.Contains("Thiếu bước: Xuất hàng", all);

        var inA = await pages.GetPageAsync($"/authority/coverage?Year={year}&Commune={communeA}");
        Assert.Matches(@"<td class=""text-end"">1</td>\s*<td class=""text-end"">1</td>\s*<td class=""text-end"">1</td>", Row(inA));
        Assert.DoesNotContain("Cà phê B", inA);
        var food = await pages.GetPageAsync($"/authority/coverage?Year={year}&Sector=food-processing");
        Assert.Contains("Cà phê B", food);
        Assert.DoesNotContain("Cà phê A", food);

        var export = await pages.GetAsync($"/authority/coverage?handler=Export&Year={year}&Commune={communeB}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = XlsxRows(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains("Sản phẩm / Product", rows[0]);
        var ours = rows.Where(r => r.Contains(category)).ToList();
        var only = Assert.Single(ours);
        Assert.Contains("Cà phê B", only);
        Assert.Contains(second.Gtin, only);
        Assert.DoesNotContain(rows, r => r.Contains(first.Gtin));
    }

    [Fact]
    public async Task A_department_sees_coverage_only_in_its_sectors()
    {
        var year = ProgrammeKeys.NewYear(App);
        var category = "Nhóm " + Guid.NewGuid().ToString("N")[..8];
        await ProductWithLotAsync(category, ProgrammeTestAgencies.UniqueCommune(), "agriculture", year, "Sầu riêng nông");
        await ProductWithLotAsync(category, ProgrammeTestAgencies.UniqueCommune(), "handicrafts", year, "Sầu riêng thủ công");
        var dost = await App.CreateOfficerAsync();
        await WithServiceAsync<RiskService, object>(App, async s => await s.AssessAsync(dost.Scope,
            new RiskInput(2m, 5, 4, category, EffectiveFrom: new DateOnly(2020, 1, 1)), default));
        var (_, department) = await DepartmentPagesAsync(App, "agriculture");
        var html = await department.GetPageAsync($"/authority/coverage?Year={year}");
        Assert.Contains("Sầu riêng nông", html);
        Assert.DoesNotContain("Sầu riêng thủ công", html);
    }

    [Fact]
    public async Task The_business_product_page_shows_its_effective_risk_level_and_the_lists_it_falls_in()
    {
        var category = "Nhóm " + Guid.NewGuid().ToString("N")[..8];
        var owner = await App.CreateBusinessUserAsync("HTX danh mục " + Guid.NewGuid().ToString("N")[..6]);
        var product = new Product { OrganizationId = owner.OrganizationId!.Value, Gtin = "0" + ProductTestData.NewGtin13(), NameVi = "Sầu riêng Ri6", Category = category, Unit = "kg" };
        var other = new Product { OrganizationId = owner.OrganizationId!.Value, Gtin = "0" + ProductTestData.NewGtin13(), NameVi = "Sản phẩm khác", Category = "Khác " + category, Unit = "kg" };
        var year = Server.Platform.Text.VietnamTime.Today(App.Clock).Year;
        await App.WithDbAsync(async db =>
        {
            db.Products.AddRange(product, other);
            // Straight into the rows: this year's edition may be frozen by another test, and the page only reads it.
            if (!await db.ProductListEditions.AnyAsync(e => e.Year == year))
                db.ProductListEditions.Add(new ProductListEdition { Year = year });
            var dostId = (await db.Agencies.FirstAsync(a => a.Kind == Server.Programme.Agencies.AgencyKind.Dost)).Id;
            db.ProductListEntries.Add(new ProductListEntry
            {
                Year = year, List = ProductListKind.Mandatory, ProductGroup = category, GroupKey = RiskAssessment.KeyOf(category), Sector = "agriculture",
                ResponsibleAgencyId = dostId, Reason = "Thử", Status = ListEntryStatus.Approved, ProposedByAgencyId = dostId, ProposedBy = "test",
            });
            await db.SaveChangesAsync();
        });
        var dost = await App.CreateOfficerAsync();
        await WithServiceAsync<RiskService, object>(App, async s => await s.AssessAsync(dost.Scope,
            new RiskInput(2m, 5, 4, category, EffectiveFrom: new DateOnly(2020, 1, 1)), default));

        using var pages = await App.SignInAsync(owner);
        var html = await pages.GetPageAsync($"/workspace/products/{product.Id}");
        Assert.Contains("data-effective-risk=\"high\"", html);
        Assert.Contains("Theo nhóm sản phẩm", html);
        var lists = html[html.IndexOf("data-lists", StringComparison.Ordinal)..];
        Assert.Contains($"Bắt buộc: {category}", lists[..lists.IndexOf("</dd>", StringComparison.Ordinal)]);

        var plain = await pages.GetPageAsync($"/workspace/products/{other.Id}");
        Assert.Contains("data-effective-risk=\"unknown\"", plain);
        Assert.Contains("Không thuộc danh mục nào", plain);
    }
}

public sealed class SqliteCoveragePagesTests(SqliteAppFixture fixture) : CoveragePagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresCoveragePagesTests(PostgresAppFixture fixture) : CoveragePagesTests(fixture), IClassFixture<PostgresAppFixture>;
