using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Lots;
using VnTrace.Server.Products;

namespace VnTrace.Server.Tests.Products;

/// <summary>Declaring, changing and listing products through the pages, with the GTIN rules and business isolation.</summary>
public abstract class ProductPagesTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_typed_gtin13_is_stored_as_14_digits_with_every_field_and_audited()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Cà phê"));
        using var pages = await App.SignInAsync(business.Owner);
        var gtin = ProductTestData.NewGtin13();
        var fields = ProductTestData.Form("Cà phê Robusta", gtin);
        fields["Form.Imported"] = "true";
        fields["Form.ImporterName"] = "Công ty Nhập khẩu ABC";
        fields["Form.ImporterAddress"] = "Quận 1, TP. Hồ Chí Minh";
        fields["Form.ImporterTaxCode"] = "0100109106";
        fields["Form.OnPriorityList"] = "true";
        fields["Form.TargetMarket"] = "EU";

        var id = await pages.CreateProductAsync(fields);

        var product = await App.WithDbAsync(db => db.Products.SingleAsync(p => p.Id == id));
        Assert.Equal("0" + gtin, product.Gtin);
        Assert.Equal(business.Id, product.OrganizationId);
        Assert.Equal("gói", product.Unit);
        Assert.Equal(0.5m, product.NetContent);
        Assert.Equal("kg", product.NetContentUnit);
        Assert.Equal(4, product.OcopStars);
        Assert.Equal(365, product.ShelfLifeDays);
        Assert.Equal(RiskLevel.Low, product.RiskLevel);
        Assert.True(product.OnPriorityList);
        Assert.Equal("Công ty Nhập khẩu ABC", product.ImporterName);
        Assert.Equal("0100109106", product.ImporterTaxCode);
        Assert.Equal("EU", product.TargetMarket);
        var audit = await App.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.EntityId == id.ToString()));
        Assert.Equal("product.create", audit.Action);
        Assert.Equal(business.Owner.Id, audit.UserId);

        var page = await pages.GetPageAsync($"/workspace/products/{id}");
        Assert.Contains("Cà phê Robusta", page);
        Assert.Contains("0" + gtin, page);
        Assert.Contains("Công ty Nhập khẩu ABC", page);
    }

    [Fact]
    public async Task A_bad_check_digit_is_refused_naming_the_right_digit_and_nothing_is_saved()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Tiêu"));
        using var pages = await App.SignInAsync(business.Owner);
        var (bad, expected) = ProductTestData.WithBadCheckDigit(ProductTestData.NewGtin13());

        using var response = await pages.SubmitFormAsync("/workspace/products/new", ProductTestData.Form("Hồ tiêu đen", bad));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"là {bad[^1]} nhưng phải là {expected}", html);
        Assert.Contains(bad[..^1] + expected, html);
        Assert.Equal(0, await App.WithDbAsync(db => db.Products.CountAsync(p => p.OrganizationId == business.Id)));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.OrganizationId == business.Id)));
    }

    [Theory]
    [InlineData("89300000A0012", "ký tự \"A\" ở vị trí thứ 9")]
    [InlineData("89300000000", "có 11 chữ số")]
    public async Task A_gtin_with_a_letter_is_refused_with_its_position_and_a_short_one_by_its_length(string typed, string message)
    {
        var business = await App.NewBusinessAsync(Unique("HTX Sầu riêng"));
        using var pages = await App.SignInAsync(business.Owner);

        using var response = await pages.SubmitFormAsync("/workspace/products/new", ProductTestData.Form("Sầu riêng", typed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Equal(0, await App.WithDbAsync(db => db.Products.CountAsync(p => p.OrganizationId == business.Id)));
    }

    [Fact]
    public async Task A_gtin_another_business_registered_is_refused_without_naming_it()
    {
        var first = await App.NewBusinessAsync(Unique("Công ty Bí Mật"));
        var second = await App.NewBusinessAsync(Unique("HTX Thứ Hai"));
        using var firstPages = await App.SignInAsync(first.Owner);
        using var secondPages = await App.SignInAsync(second.Owner);
        var gtin = ProductTestData.NewGtin13();
        await firstPages.CreateProductAsync(ProductTestData.Form("Mắc ca", gtin));

        // The same GTIN as GTIN-14 (with the leading zero) is the same trade item.
        using var response = await secondPages.SubmitFormAsync("/workspace/products/new", ProductTestData.Form("Mắc ca sấy", "0" + gtin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("đã được đăng ký cho một sản phẩm khác", html);
        Assert.DoesNotContain(first.Name, html);
        Assert.DoesNotContain("Mắc ca</", html);
        Assert.Equal(0, await App.WithDbAsync(db => db.Products.CountAsync(p => p.OrganizationId == second.Id)));
    }

    [Fact]
    public async Task Allocated_gtins_are_valid_distinct_under_the_prefix_and_skip_a_taken_one()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Cấp Mã"), withPrefix: true);
        // Someone holds the first GTIN of the prefix already (typed in earlier): allocation must pass over it.
        var taken = "0" + business.Prefix + "000";
        taken += Gs1CheckDigit.ComputeChar(taken);
        var other = await App.NewBusinessAsync(Unique("Công ty Khác"));
        await App.AddProductsAsync(other.Id, [new Product { Gtin = taken, NameVi = "Đã có", Unit = "kg" }]);
        using var pages = await App.SignInAsync(business.Owner);

        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await pages.CreateProductAsync(ProductTestData.Form("Sản phẩm " + i, null, allocate: true)));

        var gtins = await App.WithDbAsync(db => db.Products.Where(p => ids.Contains(p.Id)).Select(p => p.Gtin).ToListAsync());
        Assert.Equal(3, gtins.Distinct().Count());
        Assert.DoesNotContain(taken, gtins);
        foreach (var gtin in gtins)
        {
            Assert.True(Gtin.TryParse(gtin, out _, out var error), error?.ToString());
            Assert.StartsWith("0" + business.Prefix, gtin);
        }
        Assert.Equal(4, await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == business.Id).Select(o => o.NextGtinReference).SingleAsync()));
        var detail = await pages.GetPageAsync($"/workspace/products/{ids[0]}");
        Assert.DoesNotContain("Không thuộc mã doanh nghiệp", detail);
    }

    [Fact]
    public async Task Allocation_without_a_company_prefix_says_so_and_saves_nothing()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Chưa Có Mã"));
        using var pages = await App.SignInAsync(business.Owner);

        using var response = await pages.SubmitFormAsync("/workspace/products/new", ProductTestData.Form("Bơ 034", null, allocate: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("chưa có mã doanh nghiệp GS1", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Products.CountAsync(p => p.OrganizationId == business.Id)));
    }

    [Fact]
    public async Task A_typed_gtin_outside_the_company_prefix_is_saved_with_a_warning()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Cảnh Báo"), withPrefix: true);
        using var pages = await App.SignInAsync(business.Owner);

        using var response = await pages.SubmitFormAsync("/workspace/products/new", ProductTestData.Form("Chè Shan tuyết", ProductTestData.NewGtin13()), followRedirects: true);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"không thuộc mã doanh nghiệp GS1 {business.Prefix}", html);
        Assert.Equal(1, await App.WithDbAsync(db => db.Products.CountAsync(p => p.OrganizationId == business.Id)));
    }

    [Fact]
    public async Task An_edit_is_audited_with_what_changed_before_and_after()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Sửa"));
        using var pages = await App.SignInAsync(business.Owner);
        var gtin = ProductTestData.NewGtin13();
        var id = await pages.CreateProductAsync(ProductTestData.Form("Cà phê cũ", gtin));
        var fields = ProductTestData.Form("Cà phê mới", "0" + gtin);
        fields["Form.OcopStars"] = "5";

        using var response = await pages.SubmitFormAsync($"/workspace/products/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var product = await App.WithDbAsync(db => db.Products.SingleAsync(p => p.Id == id));
        Assert.Equal("Cà phê mới", product.NameVi);
        Assert.Equal(5, product.OcopStars);
        var audit = await App.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "product.update"));
        using var detail = System.Text.Json.JsonDocument.Parse(audit.Detail!);
        var changes = detail.RootElement.GetProperty("Changes");
        Assert.Equal("Cà phê cũ", changes.GetProperty("NameVi").GetProperty("Before").GetString());
        Assert.Equal("Cà phê mới", changes.GetProperty("NameVi").GetProperty("After").GetString());
        Assert.Equal(4, changes.GetProperty("OcopStars").GetProperty("Before").GetInt32());
        Assert.False(changes.TryGetProperty("Gtin", out _));
    }

    [Fact]
    public async Task Images_upload_reorder_and_remove_and_a_non_image_is_refused()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Ảnh"));
        using var pages = await App.SignInAsync(business.Owner);
        var html = await pages.GetPageAsync("/workspace/products/new");
        var token = PageClient.FindForm(html)!.AntiforgeryToken!;

        // A script renamed .png is refused and the product is not saved either.
        using (var bad = Multipart(token, ProductTestData.Form("Xoài", ProductTestData.NewGtin13()), ("Images", "xoai.png", "<script>alert(1)</script>"u8.ToArray())))
        {
            using var refused = await pages.Http.PostAsync("/workspace/products/new", bad);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Chỉ nhận ảnh JPEG, PNG hoặc WebP", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }
        Assert.Equal(0, await App.WithDbAsync(db => db.Products.CountAsync(p => p.OrganizationId == business.Id)));
        Assert.Equal(0, await App.WithDbAsync(db => db.Files.CountAsync(f => f.OrganizationId == business.Id)));

        Guid id;
        using (var good = Multipart(token, ProductTestData.Form("Xoài cát", ProductTestData.NewGtin13()), ("Images", "a.png", ProductTestData.Png), ("Images", "b.png", ProductTestData.Png)))
        {
            using var created = await pages.Http.PostAsync("/workspace/products/new", good);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            id = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        }
        var images = await App.WithDbAsync(db => db.ProductImages.Where(i => i.ProductId == id).OrderBy(i => i.Position).Select(i => i.FileId).ToListAsync());
        Assert.Equal(2, images.Count);
        using (var anonymous = App.CreateClient())
        {
            using var image = await anonymous.GetAsync($"/files/{images[0]}");
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        }
        var list = await pages.GetPageAsync("/workspace/products");
        Assert.Contains($"/files/{images[0]}", list);

        var edit = $"/workspace/products/{id}/edit";
        using (var moved = await pages.SubmitFormAsync(edit, [new("fileId", images[1].ToString()), new("offset", "-1")], formAction: edit + "?handler=MoveImage"))
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var order = await App.WithDbAsync(db => db.ProductImages.Where(i => i.ProductId == id).OrderBy(i => i.Position).Select(i => i.FileId).ToListAsync());
        Assert.Equal(new[] { images[1], images[0] }, order);

        using (var removed = await pages.SubmitFormAsync(edit, [new("fileId", images[1].ToString())], formAction: edit + "?handler=RemoveImage"))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(new[] { images[0] }, await App.WithDbAsync(db => db.ProductImages.Where(i => i.ProductId == id).Select(i => i.FileId).ToListAsync()));
        Assert.False(await App.WithDbAsync(db => db.Files.AnyAsync(f => f.Id == images[1])));

        // At most five: four more fit, a fifth and sixth do not.
        var editHtml = await pages.GetPageAsync(edit);
        var addToken = PageClient.FindForm(editHtml, edit + "?handler=AddImages")!.AntiforgeryToken!;
        using (var tooMany = Multipart(addToken, [], [.. Enumerable.Range(0, 5).Select(i => ("images", $"{i}.png", ProductTestData.Png))]))
        using (var refused = await pages.Http.PostAsync(edit + "?handler=AddImages", tooMany))
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.ProductImages.CountAsync(i => i.ProductId == id)));
    }

    private static Guid KeptImage(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"KeptImages\" value=\"([0-9a-f-]{36})\"");
        Assert.True(match.Success, "the form shown again carries the chosen image: " + html);
        return Guid.Parse(match.Groups[1].Value);
    }

    [Fact]
    public async Task An_image_chosen_on_a_form_refused_for_another_field_is_kept_and_saved_with_the_corrected_form()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Ảnh Giữ"));
        using var pages = await App.SignInAsync(business.Owner);
        var token = PageClient.FindForm(await pages.GetPageAsync("/workspace/products/new"))!.AntiforgeryToken!;
        var (badGtin, _) = ProductTestData.WithBadCheckDigit(ProductTestData.NewGtin13());

        string html;
        using (var refused = Multipart(token, ProductTestData.Form("Xoài giữ ảnh", badGtin), ("Images", "xoai.png", ProductTestData.Png)))
        using (var response = await pages.Http.PostAsync("/workspace/products/new", refused))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            html = await response.Content.ReadAsStringAsync();
        }
        var kept = KeptImage(html);
        Assert.Contains($"src=\"/files/{kept}\"", html); // its thumbnail, shown to the owner
        Assert.Equal(0, await App.WithDbAsync(db => db.Products.CountAsync(p => p.OrganizationId == business.Id)));
        using (var anonymous = App.CreateClient())
        using (var hidden = await anonymous.GetAsync($"/files/{kept}"))
            Assert.NotEqual(HttpStatusCode.OK, hidden.StatusCode); // held, not public yet

        var fields = ProductTestData.Form("Xoài giữ ảnh", ProductTestData.NewGtin13());
        fields["KeptImages"] = kept.ToString();
        Guid id;
        using (var corrected = Multipart(PageClient.FindForm(html)!.AntiforgeryToken!, fields))
        using (var created = await pages.Http.PostAsync("/workspace/products/new", corrected))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            id = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        }
        Assert.Equal(new[] { kept }, await App.WithDbAsync(db => db.ProductImages.Where(i => i.ProductId == id).Select(i => i.FileId).ToListAsync()));
        Assert.True(await App.WithDbAsync(db => db.Files.Where(f => f.Id == kept).Select(f => f.Public).SingleAsync()));
    }

    [Fact]
    public async Task A_kept_image_id_of_another_business_is_refused_and_its_file_left_alone()
    {
        var other = await App.NewBusinessAsync(Unique("HTX Ảnh Người Khác"));
        using var otherPages = await App.SignInAsync(other.Owner);
        var otherToken = PageClient.FindForm(await otherPages.GetPageAsync("/workspace/products/new"))!.AntiforgeryToken!;
        Guid foreign;
        using (var held = Multipart(otherToken, ProductTestData.Form("", ProductTestData.NewGtin13()), ("Images", "b.png", ProductTestData.Png)))
        using (var response = await otherPages.Http.PostAsync("/workspace/products/new", held))
            foreign = KeptImage(await response.Content.ReadAsStringAsync());

        var business = await App.NewBusinessAsync(Unique("HTX Ảnh Lấy"));
        using var pages = await App.SignInAsync(business.Owner);
        var fields = ProductTestData.Form("Xoài lấy ảnh", ProductTestData.NewGtin13());
        fields["KeptImages"] = foreign.ToString();
        using (var stolen = Multipart(PageClient.FindForm(await pages.GetPageAsync("/workspace/products/new"))!.AntiforgeryToken!, fields))
        using (var response = await pages.Http.PostAsync("/workspace/products/new", stolen))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("Một ảnh đã chọn trước không còn dùng được", html);
            Assert.DoesNotContain(foreign.ToString(), html);
        }
        Assert.Equal(0, await App.WithDbAsync(db => db.Products.CountAsync(p => p.OrganizationId == business.Id)));
        Assert.False(await App.WithDbAsync(db => db.ProductImages.AnyAsync(i => i.FileId == foreign)));
        var file = await App.WithDbAsync(db => db.Files.SingleAsync(f => f.Id == foreign));
        Assert.Equal(other.Id, file.OrganizationId);
        Assert.False(file.Public);
    }

    private static MultipartFormDataContent Multipart(string token, Dictionary<string, string> fields, params (string Name, string FileName, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), PageClient.AntiforgeryField } };
        foreach (var (k, v) in fields)
            content.Add(new StringContent(v), k);
        foreach (var (name, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, name, fileName);
        }
        return content;
    }

    [Fact]
    public async Task The_list_searches_without_tone_marks_filters_and_pages()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Danh Sách"));
        var products = new List<Product>();
        for (var i = 0; i < 30; i++)
            products.Add(new Product { Gtin = "0" + ProductTestData.NewGtin13(), NameVi = $"Cà phê số {i:D2}", Unit = "kg", Category = "Cà phê", OcopStars = i % 2 == 0 ? 4 : null });
        products.Add(new Product { Gtin = "0" + ProductTestData.NewGtin13(), NameVi = "Hạt điều rang muối", NameEn = "Roasted cashews", Unit = "gói", Category = "Hạt" });
        products.Add(new Product { Gtin = "0" + ProductTestData.NewGtin13(), NameVi = "Điều cũ", Unit = "gói", Category = "Hạt", Archived = true });
        await App.AddProductsAsync(business.Id, products);
        using var pages = await App.SignInAsync(business.Owner);

        var first = await pages.GetPageAsync("/workspace/products");
        Assert.Contains("Cà phê số 00", first);
        Assert.DoesNotContain("Cà phê số 25", first);
        Assert.DoesNotContain("Điều cũ", first);
        Assert.Contains("Trang 1/2", first);
        var second = await pages.GetPageAsync("/workspace/products?p=2");
        Assert.Contains("Cà phê số 25", second);
        Assert.DoesNotContain("Cà phê số 00", second);

        var folded = await pages.GetPageAsync("/workspace/products?q=hat+dieu");
        Assert.Contains("Hạt điều rang muối", folded);
        Assert.DoesNotContain("Cà phê số", folded);
        Assert.Contains("Hạt điều rang muối", await pages.GetPageAsync("/workspace/products?q=CASHEW"));
        Assert.Contains("Hạt điều rang muối", await pages.GetPageAsync("/workspace/products?q=" + products[30].Gtin[3..10]));

        var stars = await pages.GetPageAsync("/workspace/products?stars=4");
        Assert.Contains("Cà phê số 00", stars);
        Assert.DoesNotContain("Cà phê số 01", stars);
        Assert.DoesNotContain("Hạt điều", stars);
        var category = await pages.GetPageAsync("/workspace/products?category=" + Uri.EscapeDataString("Hạt"));
        Assert.Contains("Hạt điều rang muối", category);
        Assert.DoesNotContain("Cà phê số", category);
        var archived = await pages.GetPageAsync("/workspace/products?show=archived");
        Assert.Contains("Điều cũ", archived);
        Assert.DoesNotContain("Hạt điều rang muối", archived);
        var searchedPage2 = await pages.GetPageAsync("/workspace/products?q=ca+phe&p=2");
        Assert.Contains("Cà phê số 29", searchedPage2);
        Assert.Contains("q=ca%20phe", searchedPage2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Another_business_can_neither_see_nor_change_a_product(bool staff)
    {
        var owner = await App.NewBusinessAsync(Unique("Công ty Chủ"));
        var intruderBusiness = await App.NewBusinessAsync(Unique("Công ty Lạ"));
        var intruder = staff ? await App.CreateUserAsync(intruderBusiness.Id, Roles.BusinessStaff) : intruderBusiness.Owner;
        using var ownerPages = await App.SignInAsync(owner.Owner);
        var gtin = ProductTestData.NewGtin13();
        var id = await ownerPages.CreateProductAsync(ProductTestData.Form("Sâm Ngọc Linh bí mật", gtin));
        Assert.Contains("Sâm Ngọc Linh bí mật", await ownerPages.GetPageAsync($"/workspace/products/{id}/edit"));
        using var pages = await App.SignInAsync(intruder);

        foreach (var path in new[] { $"/workspace/products/{id}", $"/workspace/products/{id}/edit" })
        {
            using var get = await pages.GetAsync(path, followRedirects: false);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.DoesNotContain("Sâm Ngọc Linh", await get.Content.ReadAsStringAsync());
        }
        // A token from the intruder's own page, posted at the other business's product.
        var token = PageClient.FindForm(await pages.GetPageAsync("/workspace/products/new"))!.AntiforgeryToken;
        var edit = ProductTestData.Form("Đổi tên trái phép", "0" + gtin);
        foreach (var (path, fields) in new (string, IEnumerable<KeyValuePair<string, string>>)[]
                 {
                     ($"/workspace/products/{id}/edit", edit),
                     ($"/workspace/products/{id}?handler=Archive", []),
                     ($"/workspace/products/{id}?handler=Delete", []),
                     ($"/workspace/products/{id}/edit?handler=RemoveImage", [new("fileId", Guid.NewGuid().ToString())]),
                     ($"/workspace/products/{id}/edit?handler=MoveImage", [new("fileId", Guid.NewGuid().ToString()), new("offset", "1")]),
                 })
        {
            using var post = await pages.PostFormAsync(path, fields, token);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        var product = await App.WithDbAsync(db => db.Products.SingleAsync(p => p.Id == id));
        Assert.Equal("Sâm Ngọc Linh bí mật", product.NameVi);
        Assert.False(product.Archived);

        var list = await pages.GetPageAsync("/workspace/products?show=all");
        Assert.DoesNotContain("Sâm Ngọc Linh", list);
        Assert.DoesNotContain("Sâm Ngọc Linh", await pages.GetPageAsync("/workspace/products?show=all&q=sam+ngoc+linh"));
        Assert.DoesNotContain("Sâm Ngọc Linh", await pages.GetPageAsync("/workspace/products?show=all&q=" + gtin));
    }

    [Fact]
    public async Task A_product_with_lots_is_archived_not_deleted_and_one_without_is_deleted()
    {
        var business = await App.NewBusinessAsync(Unique("HTX Lưu Trữ"));
        using var pages = await App.SignInAsync(business.Owner);
        var gtin = ProductTestData.NewGtin13();
        var withLots = await pages.CreateProductAsync(ProductTestData.Form("Gạo ST25", gtin));
        var without = await pages.CreateProductAsync(ProductTestData.Form("Gạo nếp", ProductTestData.NewGtin13()));
        await App.WithDbAsync(async db =>
        {
            db.Lots.Add(new Lot { OrganizationId = business.Id, Gtin = "0" + gtin, LotNumber = "L2026-01", ProductId = withLots });
            await db.SaveChangesAsync();
        });

        var detail = await pages.GetPageAsync($"/workspace/products/{withLots}");
        Assert.Contains("L2026-01", detail);
        Assert.DoesNotContain("?handler=Delete", detail);
        using (var delete = await pages.PostFormAsync($"/workspace/products/{withLots}?handler=Delete", [], PageClient.FindForm(detail)!.AntiforgeryToken))
            Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.True(await App.WithDbAsync(db => db.Products.AnyAsync(p => p.Id == withLots)));

        // Its GTIN is locked by the lot.
        var changeGtin = ProductTestData.Form("Gạo ST25", ProductTestData.NewGtin13());
        using (var edit = await pages.SubmitFormAsync($"/workspace/products/{withLots}/edit", changeGtin))
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal("0" + gtin, await App.WithDbAsync(db => db.Products.Where(p => p.Id == withLots).Select(p => p.Gtin).SingleAsync()));

        using (var archive = await pages.SubmitFormAsync($"/workspace/products/{withLots}", [], formAction: $"/workspace/products/{withLots}?handler=Archive"))
            Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.True(await App.WithDbAsync(db => db.Products.Where(p => p.Id == withLots).Select(p => p.Archived).SingleAsync()));
        Assert.DoesNotContain("Gạo ST25", await pages.GetPageAsync("/workspace/products"));

        using (var delete = await pages.SubmitFormAsync($"/workspace/products/{without}", [], formAction: $"/workspace/products/{without}?handler=Delete"))
            Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Products.AnyAsync(p => p.Id == without)));
        var actions = await App.WithDbAsync(db => db.AuditLog.Where(a => a.OrganizationId == business.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("product.archive", actions);
        Assert.Contains("product.delete", actions);
    }
}

public sealed class SqliteProductPagesTests(SqliteAppFixture fixture) : ProductPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresProductPagesTests(PostgresAppFixture fixture) : ProductPagesTests(fixture), IClassFixture<PostgresAppFixture>;
