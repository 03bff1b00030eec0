using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Imports;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Products;

namespace VnTrace.Server.Tests.Imports;

/// <summary>Products imported from spreadsheets through the import page: template, report, all or valid rows, nothing half-saved.</summary>
public abstract class ProductImportTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;
    private const string Page = "/workspace/imports?kind=products";

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..6];

    private const string Header = "Mã GTIN,Tên sản phẩm *,Tên tiếng Anh,Nhóm sản phẩm,Đơn vị tính *,Khối lượng tịnh,Đơn vị khối lượng tịnh,Hạn sử dụng (ngày),Sao OCOP,Xuất xứ,Thương hiệu,Tiêu chuẩn áp dụng,Mô tả";

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    private Task<List<Product>> ProductsOfAsync(Guid organizationId) =>
        App.WithDbAsync(db => db.Products.Where(p => p.OrganizationId == organizationId).OrderBy(p => p.NameVi).ToListAsync());

    [Fact]
    public async Task The_templates_download_with_the_vietnamese_headers_and_read_back()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Mẫu"));
        using var pages = await App.SignInAsync(business.Owner);
        using var scope = App.Services.CreateScope();
        var columns = scope.ServiceProvider.GetServices<IImportKind>().Single(k => k.Key == "products").Columns;

        foreach (var format in new[] { "xlsx", "csv" })
        {
            using var response = await pages.GetAsync($"/workspace/imports?handler=Template&kind=products&format={format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(format == "xlsx" ? ImportTemplate.XlsxContentType : "text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("mau-nhap-san-pham." + format, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(TabularFile.TryRead(bytes, "template." + format, out var data, out var error), error?.ToString());
            Assert.Equal(columns.Select(ImportTemplate.Header), data.Headers);
            Assert.Contains("Mã GTIN", data.Headers);
            Assert.Contains("Tên sản phẩm *", data.Headers);
            Assert.True(ImportSheet.TryMap(data, columns, out var sheet, out var mapError), mapError?.ToString());
            Assert.True(sheet.IsValid, string.Join("; ", sheet.Errors));
        }
    }

    [Fact]
    public async Task A_valid_file_imports_every_row_allocating_missing_gtins_and_is_audited()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Nhập"), withPrefix: true);
        using var pages = await App.SignInAsync(business.Owner);
        var gtin = ProductTestData.NewGtin13();
        var csv = Csv(
            $"{gtin},Cà phê hạt,Coffee beans,Cà phê,kg,1,kg,365,4,Việt Nam,Buôn Ma Thuột,TCVN 4193:2014,Rang mộc",
            ",Cà phê bột,,Cà phê,gói,\"0,5\",kg,180,,Việt Nam,,,",
            ",Hạt tiêu,,Gia vị,hộp,250,g,,3,,,,");

        var (html, fileId) = await pages.UploadImportAsync("products", csv, "san-pham.csv");

        Assert.NotNull(fileId);
        Assert.Contains("3 dòng dữ liệu: 3 hợp lệ, 0 có lỗi", html);
        Assert.Empty(await ProductsOfAsync(business.Id));
        using var confirmed = await pages.ConfirmImportAsync("products", fileId.Value, "all");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var products = await ProductsOfAsync(business.Id);
        Assert.Equal(["Cà phê bột", "Cà phê hạt", "Hạt tiêu"], products.Select(p => p.NameVi));
        Assert.Equal("0" + gtin, products[1].Gtin);
        Assert.Equal(0.5m, products[0].NetContent);
        Assert.Equal(3, products[2].OcopStars);
        Assert.All(new[] { products[0], products[2] }, p => Assert.StartsWith("0" + business.Prefix, p.Gtin));
        Assert.NotEqual(products[0].Gtin, products[2].Gtin);
        var audit = await App.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.OrganizationId == business.Id && a.Action == "import.products"));
        Assert.Contains("\"Imported\":3", audit.Detail);
        Assert.False(await App.WithDbAsync(db => db.Files.AnyAsync(f => f.Id == fileId)), "the kept upload is removed once imported");
    }

    [Fact]
    public async Task An_xlsx_file_imports_too()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Excel"));
        using var pages = await App.SignInAsync(business.Owner);
        using var scope = App.Services.CreateScope();
        var kind = scope.ServiceProvider.GetServices<IImportKind>().Single(k => k.Key == "products");
        var gtin = ProductTestData.NewGtin13();
        var values = new Dictionary<string, string> { ["gtin"] = gtin, ["nameVi"] = "Mật ong hoa cà phê", ["unit"] = "chai", ["ocopStars"] = "5" };
        using var xlsx = new MemoryStream();
        // The template writer with the row as its "example": a one-row workbook.
        ImportTemplate.WriteXlsx([.. kind.Columns.Select(c => c with { Example = values.GetValueOrDefault(c.Key, "") })], xlsx);

        var (html, fileId) = await pages.UploadImportAsync("products", xlsx.ToArray(), "mat-ong.xlsx");
        Assert.Contains("1 dòng dữ liệu: 1 hợp lệ", html);
        using var confirmed = await pages.ConfirmImportAsync("products", fileId!.Value, "all");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var product = Assert.Single(await ProductsOfAsync(business.Id));
        Assert.Equal("0" + gtin, product.Gtin);
        Assert.Equal("chai", product.Unit);
        Assert.Equal(5, product.OcopStars);
    }

    private static string[] BrokenRows(string good1, string good2, string badCheck, string taken) =>
    [
        $"{good1},Sản phẩm tốt 1,,,kg,,,,,,,,",
        $"{badCheck},Sai số kiểm tra,,,kg,,,,,,,,",
        $"{good2},Sản phẩm tốt 2,,,gói,,,,,,,,",
        $"{good1},Trùng trong tệp,,,kg,,,,,,,,",
        $"{taken},Mã đã có chủ,,,kg,,,,,,,,",
        $"{ProductTestData.NewGtin13()},,,,thùng,abc,,0,7,,,,",
    ];

    [Fact]
    public async Task A_file_with_broken_rows_is_reported_row_by_row_and_imports_nothing()
    {
        var other = await App.NewBusinessAsync(Unique("Chủ Mã Khác"));
        var taken = ProductTestData.NewGtin13();
        await App.AddProductsAsync(other.Id, [new Product { Gtin = "0" + taken, NameVi = "Bí mật của người khác", Unit = "kg" }]);
        var business = await App.NewBusinessAsync(Unique("HTX Lỗi"));
        using var pages = await App.SignInAsync(business.Owner);
        var (badCheck, expected) = ProductTestData.WithBadCheckDigit(ProductTestData.NewGtin13());
        var good1 = ProductTestData.NewGtin13();

        var (html, fileId) = await pages.UploadImportAsync("products", Csv(BrokenRows(good1, ProductTestData.NewGtin13(), badCheck, taken)), "loi.csv");

        Assert.Contains("6 dòng dữ liệu: 2 hợp lệ, 4 có lỗi", html);
        // Row numbers as the spreadsheet shows them: the header is row 1.
        Assert.Matches($@"<td>3</td><td>Mã GTIN</td><td>[^<]*là {badCheck[^1]} nhưng phải là {expected}", html);
        Assert.Matches($@"<td>5</td><td>Mã GTIN</td><td>[^<]*{good1}[^<]*dòng 2", html);
        Assert.Matches(@"<td>6</td><td>Mã GTIN</td><td>[^<]*đã được đăng ký cho một sản phẩm khác", html);
        Assert.Matches(@"<td>7</td><td>Tên sản phẩm \*</td>", html);
        Assert.Matches(@"<td>7</td><td>Đơn vị tính \*</td><td>[^<]*thùng", html);
        Assert.Matches(@"<td>7</td><td>Khối lượng tịnh</td>", html);
        Assert.Matches(@"<td>7</td><td>Hạn sử dụng \(ngày\)</td>", html);
        Assert.Matches(@"<td>7</td><td>Sao OCOP</td>", html);
        Assert.DoesNotContain("Bí mật của người khác", html);
        Assert.DoesNotContain(other.Name, html);
        Assert.Matches(@"<button type=""submit"" class=""btn btn-success"" disabled=""disabled"">", html);

        // Posting "import all" anyway imports nothing.
        using var refused = await pages.ConfirmImportAsync("products", fileId!.Value, "all");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("chưa nhập gì", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Empty(await ProductsOfAsync(business.Id));
        Assert.False(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.OrganizationId == business.Id && a.Action == "import.products")));
    }

    [Fact]
    public async Task Import_the_valid_rows_only_imports_exactly_the_good_ones()
    {
        var other = await App.NewBusinessAsync(Unique("Chủ Mã"));
        var taken = ProductTestData.NewGtin13();
        await App.AddProductsAsync(other.Id, [new Product { Gtin = "0" + taken, NameVi = "Đã đăng ký", Unit = "kg" }]);
        var business = await App.NewBusinessAsync(Unique("HTX Dòng Tốt"));
        using var pages = await App.SignInAsync(business.Owner);
        var good1 = ProductTestData.NewGtin13();
        var good2 = ProductTestData.NewGtin13();
        var (_, fileId) = await pages.UploadImportAsync("products", Csv(BrokenRows(good1, good2, ProductTestData.WithBadCheckDigit(ProductTestData.NewGtin13()).Bad, taken)), "loi.csv");

        using var imported = await pages.ConfirmImportAsync("products", fileId!.Value, "valid");

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var products = await ProductsOfAsync(business.Id);
        Assert.Equal(["Sản phẩm tốt 1", "Sản phẩm tốt 2"], products.Select(p => p.NameVi));
        Assert.Equal(["0" + good1, "0" + good2], products.Select(p => p.Gtin));
        var audit = await App.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.OrganizationId == business.Id && a.Action == "import.products"));
        Assert.Contains("\"Imported\":2", audit.Detail);
        Assert.Contains("\"Skipped\":4", audit.Detail);
        Assert.Contains("valid-rows", audit.Detail);
    }

    [Fact]
    public async Task A_gtin_registered_between_check_and_import_rolls_back_every_row()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Tranh Chấp"));
        using var pages = await App.SignInAsync(business.Owner);
        var first = ProductTestData.NewGtin13();
        var second = ProductTestData.NewGtin13();
        var (html, fileId) = await pages.UploadImportAsync("products", Csv($"{first},Một,,,kg,,,,,,,,", $"{second},Hai,,,kg,,,,,,,,"), "ok.csv");
        Assert.Contains("2 hợp lệ, 0 có lỗi", html);

        var rival = await App.NewBusinessAsync(Unique("Đối Thủ"));
        await App.AddProductsAsync(rival.Id, [new Product { Gtin = "0" + second, NameVi = "Nhanh tay", Unit = "kg" }]);
        using var response = await pages.ConfirmImportAsync("products", fileId!.Value, "all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("chưa nhập gì", page);
        Assert.Matches(@"<td>3</td><td>Mã GTIN</td><td>[^<]*đã được đăng ký", page);
        Assert.Empty(await ProductsOfAsync(business.Id));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_as_a_whole()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Tệp Lạ"));
        using var pages = await App.SignInAsync(business.Owner);

        var (html, fileId) = await pages.UploadImportAsync("products", ProductTestData.Png, "anh.png");
        Assert.Null(fileId);
        Assert.Contains("Không đọc được tệp", html);
        Assert.Contains("Tệp này không phải bảng tính", html);

        var (missing, missingId) = await pages.UploadImportAsync("products", Encoding.UTF8.GetBytes("Mã GTIN,Ghi chú\r\n8930000000017,x\r\n"), "thieu-cot.csv");
        Assert.Null(missingId);
        Assert.Contains("Dòng tiêu đề thiếu cột bắt buộc: \"Tên sản phẩm\", \"Đơn vị tính\"", missing);
        Assert.Empty(await ProductsOfAsync(business.Id));
    }

    [Fact]
    public async Task Another_business_cannot_see_or_import_a_kept_upload()
    {
        var owner = await App.NewBusinessAsync(Unique("HTX Chủ Tệp"));
        var intruder = await App.NewBusinessAsync(Unique("HTX Tò Mò"));
        using var ownerPages = await App.SignInAsync(owner.Owner);
        using var intruderPages = await App.SignInAsync(intruder.Owner);
        var (_, fileId) = await ownerPages.UploadImportAsync("products", Csv($"{ProductTestData.NewGtin13()},Bí mật,,,kg,,,,,,,,"), "bi-mat.csv");

        using var view = await intruderPages.GetAsync($"{Page}&file={fileId}", followRedirects: false);
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        var token = PageClient.FindForm(await intruderPages.GetPageAsync(Page), "/workspace/imports?handler=Upload")!.AntiforgeryToken;
        using var import = await intruderPages.PostFormAsync("/workspace/imports?handler=Import", [new("kind", "products"), new("file", fileId!.Value.ToString()), new("mode", "all")], token);
        Assert.Equal(HttpStatusCode.NotFound, import.StatusCode);
        using var file = await intruderPages.GetAsync($"/files/{fileId}", followRedirects: false);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Empty(await ProductsOfAsync(intruder.Id));
        Assert.Empty(await ProductsOfAsync(owner.Id));
    }
}

public sealed class SqliteProductImportTests(SqliteAppFixture fixture) : ProductImportTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresProductImportTests(PostgresAppFixture fixture) : ProductImportTests(fixture), IClassFixture<PostgresAppFixture>;
