using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Certificates;
using VnTrace.Server.Locations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Certificates;

/// <summary>A business records its certificates with their scope and scan; another business never sees them.</summary>
public abstract class CertificatePagesTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static string NewNumber(string prefix = "VG") => prefix + "-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static Guid CertificateIdFrom(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/workspace/certificates/", location);
        return Guid.Parse(location["/workspace/certificates/".Length..]);
    }

    [Fact]
    public async Task Create_with_a_scan_stores_the_certificate_its_scope_and_a_private_file()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Cà phê Ea Tu");
        var org = owner.OrganizationId!.Value;
        var coffee = await App.AddProductAsync(org, "Cà phê nhân");
        var pepper = await App.AddProductAsync(org, "Hồ tiêu");
        var farm = await App.AddLocationAsync(org, "Vườn Ea Tu");
        using var pages = await App.SignInAsync(owner);
        var number = NewNumber();

        var form = await pages.GetPageAsync("/workspace/certificates/new");
        Assert.Contains("Cà phê nhân", form);
        Assert.Contains("Vườn Ea Tu", form);

        var response = await pages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(number, new DateOnly(2025, 3, 1), new DateOnly(2028, 2, 29), products: [coffee, pepper], locations: [farm.Id]),
            new CertificateTestData.Upload("chứng nhận VietGAP.pdf", CertificateTestData.Pdf, "application/pdf"));
        var id = CertificateIdFrom(response);

        await App.WithDbAsync(async db =>
        {
            var certificate = await db.Certificates.SingleAsync(c => c.Id == id);
            Assert.Equal(org, certificate.OrganizationId);
            Assert.Equal(CertificateKind.VietGap, certificate.Kind);
            Assert.Equal(number, certificate.Number);
            Assert.Equal(new DateOnly(2028, 2, 29), certificate.ValidTo);
            Assert.Null(certificate.OcopStars);
            // Two version-7 ids made in the same millisecond need not sort in creation order: compare as sets.
            Assert.Equal(new[] { coffee, pepper }.Order(), (await db.CertificateProducts.Where(cp => cp.CertificateId == id).Select(cp => cp.ProductId).ToListAsync()).Order());
            Assert.Equal([farm.Id], await db.CertificateLocations.Where(cl => cl.CertificateId == id).Select(cl => cl.LocationId).ToListAsync());
            var file = await db.Files.SingleAsync(f => f.Id == certificate.FileId);
            Assert.Equal("application/pdf", file.ContentType);
            Assert.False(file.Public);
            Assert.Equal(org, file.OrganizationId);
            Assert.Equal(CertificateTestData.Pdf, file.Content);
            var audit = await db.AuditLog.SingleAsync(a => a.EntityType == "Certificate" && a.EntityId == id.ToString());
            Assert.Equal("certificate.create", audit.Action);
            Assert.Equal(owner.Id, audit.UserId);
            Assert.Contains(number, audit.Detail);
        });

        var details = await pages.GetPageAsync($"/workspace/certificates/{id}");
        Assert.Contains(number, details);
        Assert.Contains("Hồ tiêu", details);
        Assert.Contains("chứng nhận VietGAP.pdf", details);
        var fileId = await App.WithDbAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.FileId!.Value).SingleAsync());
        Assert.Contains($"/files/{fileId}", details);

        using var scan = await pages.GetAsync($"/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal("application/pdf", scan.Content.Headers.ContentType?.MediaType);
        Assert.Equal(CertificateTestData.Pdf, await scan.Content.ReadAsByteArrayAsync());
        using var anonymous = new PageClient(App);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/files/{fileId}")).StatusCode);

        var list = await pages.GetPageAsync("/workspace/certificates?q=" + number);
        Assert.Contains(number, list);
        Assert.Contains("2 sản phẩm, 1 địa điểm", list);
    }

    [Fact]
    public async Task An_OCOP_certificate_keeps_its_stars_and_an_Other_one_its_scheme_name()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Mật ong");
        using var pages = await App.SignInAsync(owner);
        var ocop = CertificateIdFrom(await pages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(NewNumber("OCOP"), new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1), CertificateKind.Ocop,
                issuer: "UBND tỉnh Đắk Lắk", ocopStars: 4)));
        var other = CertificateIdFrom(await pages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(NewNumber("RA"), new DateOnly(2025, 1, 1), null, CertificateKind.Other,
                otherKindName: "Rainforest Alliance", ocopStars: 5)));
        var saved = await App.WithDbAsync(db => db.Certificates.Where(c => c.Id == ocop || c.Id == other).ToListAsync());
        Assert.Equal(4, saved.Single(c => c.Id == ocop).OcopStars);
        Assert.Null(saved.Single(c => c.Id == ocop).OtherKindName);
        Assert.Equal("Rainforest Alliance", saved.Single(c => c.Id == other).OtherKindName);
        Assert.Null(saved.Single(c => c.Id == other).OcopStars); // stars only for OCOP
        Assert.Null(saved.Single(c => c.Id == other).ValidTo);
        Assert.Contains("Rainforest Alliance", await pages.GetPageAsync($"/workspace/certificates/{other}"));
        Assert.Contains("4 sao", await pages.GetPageAsync($"/workspace/certificates/{ocop}"));
    }

    [Fact]
    public async Task Edit_changes_fields_scope_and_scan_and_audits_what_changed()
    {
        var owner = await App.CreateBusinessUserAsync("Công ty Chè Cầu Đất");
        var org = owner.OrganizationId!.Value;
        var tea = await App.AddProductAsync(org, "Chè xanh");
        var oolong = await App.AddProductAsync(org, "Chè ô long");
        var hill = await App.AddLocationAsync(org, "Đồi chè Cầu Đất");
        using var pages = await App.SignInAsync(owner);
        var number = NewNumber("GG");
        var id = CertificateIdFrom(await pages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(number, new DateOnly(2025, 6, 1), new DateOnly(2026, 5, 31), CertificateKind.GlobalGap, products: [tea]),
            new CertificateTestData.Upload("scan.pdf", CertificateTestData.Pdf, "application/pdf")));
        var firstFile = await App.WithDbAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.FileId).SingleAsync());

        var edit = await pages.GetPageAsync($"/workspace/certificates/{id}/edit");
        Assert.Contains($"value=\"{number}\"", edit);
        Assert.Contains("value=\"2026-05-31\"", edit);
        Assert.Contains("scan.pdf", edit);

        var response = await pages.PostMultipartAsync($"/workspace/certificates/{id}/edit",
            CertificateTestData.Fields(number, new DateOnly(2025, 6, 1), new DateOnly(2029, 5, 31), CertificateKind.GlobalGap,
                products: [oolong], locations: [hill.Id], issuer: "Control Union Vietnam"),
            new CertificateTestData.Upload("scan-2029.png", CertificateTestData.Png, "image/png"));
        Assert.Equal(id, CertificateIdFrom(response));

        var certificate = await App.WithDbAsync(db => db.Certificates.SingleAsync(c => c.Id == id));
        Assert.Equal(new DateOnly(2029, 5, 31), certificate.ValidTo);
        Assert.Equal("Control Union Vietnam", certificate.Issuer);
        Assert.NotEqual(firstFile, certificate.FileId);
        Assert.Equal("image/png", await App.WithDbAsync(db => db.Files.Where(f => f.Id == certificate.FileId).Select(f => f.ContentType).SingleAsync()));
        Assert.Equal([oolong], await App.WithDbAsync(db => db.CertificateProducts.Where(cp => cp.CertificateId == id).Select(cp => cp.ProductId).ToListAsync()));
        Assert.Equal([hill.Id], await App.WithDbAsync(db => db.CertificateLocations.Where(cl => cl.CertificateId == id).Select(cl => cl.LocationId).ToListAsync()));
        // The replaced scan stays: the audit log still points at it.
        Assert.True(await App.WithDbAsync(db => db.Files.AnyAsync(f => f.Id == firstFile)));

        var update = await App.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "certificate.update"));
        Assert.Contains("validTo", update.Detail);
        Assert.Contains("2029-05-31", update.Detail);
        Assert.Contains("issuer", update.Detail);
        Assert.Contains("productIds", update.Detail);
        Assert.Contains("fileId", update.Detail);
        Assert.DoesNotContain("\"number\"", update.Detail); // unchanged fields are not repeated

        var details = await pages.GetPageAsync($"/workspace/certificates/{id}");
        Assert.Contains("Chè ô long", details);
        Assert.DoesNotContain("Chè xanh", details);
        Assert.Contains("Đồi chè Cầu Đất", details);
    }

    [Fact]
    public async Task Validity_is_flagged_at_the_30_day_boundary()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Sầu riêng");
        var org = owner.OrganizationId!.Value;
        var today = CertificateTestData.Today;
        var prefix = "B" + Guid.NewGuid().ToString("N")[..6];
        await App.AddCertificateAsync(org, prefix + "-in30", today.AddYears(-1), today.AddDays(30));
        await App.AddCertificateAsync(org, prefix + "-in31", today.AddYears(-1), today.AddDays(31));
        await App.AddCertificateAsync(org, prefix + "-today", today.AddYears(-1), today);
        await App.AddCertificateAsync(org, prefix + "-yesterday", today.AddYears(-1), today.AddDays(-1));
        await App.AddCertificateAsync(org, prefix + "-open", today.AddYears(-1), null);
        await App.AddCertificateAsync(org, prefix + "-future", today.AddDays(1), today.AddYears(3));
        using var pages = await App.SignInAsync(owner);

        async Task<string[]> Listed(string state)
        {
            var html = await pages.GetPageAsync($"/workspace/certificates?state={state}&q={prefix}");
            return [.. new[] { "in30", "in31", "today", "yesterday", "open", "future" }.Where(s => html.Contains($">{prefix}-{s}<"))];
        }

        Assert.Equal(["in30", "today"], await Listed("Expiring"));
        Assert.Equal(["yesterday"], await Listed("Expired"));
        Assert.Equal(["in31", "open"], await Listed("Valid"));
        Assert.Equal(["future"], await Listed("NotYetValid"));
        Assert.Equal(6, (await Listed("")).Length);

        var all = await pages.GetPageAsync($"/workspace/certificates?q={prefix}");
        Assert.Equal(2, CountOf(all, "data-state=\"Expiring\""));
        Assert.Equal(1, CountOf(all, "data-state=\"Expired\""));
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    [Fact]
    public async Task An_end_date_before_the_start_is_refused_and_nothing_is_saved()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Bơ");
        using var pages = await App.SignInAsync(owner);
        var number = NewNumber();
        var response = await pages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(number, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30)),
            new CertificateTestData.Upload("scan.pdf", CertificateTestData.Pdf, "application/pdf"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.", html);
        Assert.Contains($"value=\"{number}\"", html); // the person's input is kept
        await AssertNothingSavedAsync(owner.OrganizationId!.Value, number);
    }

    private static Guid HeldFile(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"Form.HeldFileId\" value=\"([0-9a-f-]{36})\"");
        Assert.True(match.Success, "the form shown again carries the chosen scan: " + html);
        return Guid.Parse(match.Groups[1].Value);
    }

    [Fact]
    public async Task A_scan_chosen_on_a_refused_form_is_kept_and_attached_when_the_form_is_corrected()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Giữ Tệp");
        using var pages = await App.SignInAsync(owner);
        var number = NewNumber();
        var refused = await pages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(number, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30)),
            new CertificateTestData.Upload("scan.pdf", CertificateTestData.Pdf, "application/pdf"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var held = HeldFile(await refused.Content.ReadAsStringAsync());
        await AssertNothingSavedAsync(owner.OrganizationId!.Value, number);

        var fields = CertificateTestData.Fields(number, new DateOnly(2026, 5, 1), new DateOnly(2027, 4, 30));
        fields.Add(new("Form.HeldFileId", held.ToString()));
        var id = CertificateIdFrom(await pages.PostMultipartAsync("/workspace/certificates/new", fields));

        Assert.Equal(held, await App.WithDbAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.FileId).SingleAsync()));
        var file = await App.WithDbAsync(db => db.Files.SingleAsync(f => f.Id == held));
        Assert.Equal(CertificateTestData.Pdf, file.Content);
        Assert.False(file.Public);
    }

    [Fact]
    public async Task A_held_scan_id_of_another_business_is_refused()
    {
        var other = await App.CreateBusinessUserAsync("HTX Tệp Người Khác");
        using var otherPages = await App.SignInAsync(other);
        var refused = await otherPages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(NewNumber(), new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30)),
            new CertificateTestData.Upload("scan.pdf", CertificateTestData.Pdf, "application/pdf"));
        var foreign = HeldFile(await refused.Content.ReadAsStringAsync());

        var owner = await App.CreateBusinessUserAsync("HTX Lấy Tệp");
        using var pages = await App.SignInAsync(owner);
        var number = NewNumber();
        var fields = CertificateTestData.Fields(number, new DateOnly(2026, 5, 1), new DateOnly(2027, 4, 30));
        fields.Add(new("Form.HeldFileId", foreign.ToString()));
        var response = await pages.PostMultipartAsync("/workspace/certificates/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tệp đã chọn trước không còn dùng được", html);
        Assert.DoesNotContain(foreign.ToString(), html);
        await AssertNothingSavedAsync(owner.OrganizationId!.Value, number);
        Assert.False(await App.WithDbAsync(db => db.Certificates.AnyAsync(c => c.FileId == foreign)));
    }

    [Fact]
    public async Task Another_business_product_or_location_in_scope_is_refused_with_a_clear_message()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Tiêu Chư Sê");
        var other = await App.CreateBusinessUserAsync("Đối thủ");
        var own = await App.AddProductAsync(owner.OrganizationId!.Value, "Tiêu đen");
        var foreignProduct = await App.AddProductAsync(other.OrganizationId!.Value, "Tiêu của người khác");
        var foreignLocation = await App.AddLocationAsync(other.OrganizationId!.Value, "Vườn của người khác");
        using var pages = await App.SignInAsync(owner);

        var number = NewNumber();
        var response = await pages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(number, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), products: [own, foreignProduct], locations: [foreignLocation.Id]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Có sản phẩm đã chọn không thuộc doanh nghiệp của bạn.", html);
        Assert.Contains("Có địa điểm đã chọn không thuộc doanh nghiệp của bạn.", html);
        // The page offers only the business's own rows, and never names the other's.
        Assert.Contains("Tiêu đen", html);
        Assert.DoesNotContain("Tiêu của người khác", html);
        Assert.DoesNotContain("Vườn của người khác", html);
        await AssertNothingSavedAsync(owner.OrganizationId!.Value, number);

        // Editing cannot smuggle one in either.
        var id = await App.AddCertificateAsync(owner.OrganizationId!.Value, NewNumber(), new DateOnly(2026, 1, 1), null, products: [own]);
        var edit = await pages.PostMultipartAsync($"/workspace/certificates/{id}/edit",
            CertificateTestData.Fields("CHANGED", new DateOnly(2026, 1, 1), null, products: [foreignProduct]));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal([own], await App.WithDbAsync(db => db.CertificateProducts.Where(cp => cp.CertificateId == id).Select(cp => cp.ProductId).ToListAsync()));
        Assert.NotEqual("CHANGED", await App.WithDbAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.Number).SingleAsync()));
    }

    [Fact]
    public async Task An_executable_renamed_pdf_is_refused_and_nothing_is_saved()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Điều");
        using var pages = await App.SignInAsync(owner);
        var number = NewNumber();
        var filesBefore = await App.WithDbAsync(db => db.Files.CountAsync(f => f.OrganizationId == owner.OrganizationId));
        var response = await pages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(number, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)),
            new CertificateTestData.Upload("chung-nhan.pdf", CertificateTestData.Exe, "application/pdf"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chỉ nhận tệp PDF, JPEG hoặc PNG.", await response.Content.ReadAsStringAsync());
        await AssertNothingSavedAsync(owner.OrganizationId!.Value, number);
        Assert.Equal(filesBefore, await App.WithDbAsync(db => db.Files.CountAsync(f => f.OrganizationId == owner.OrganizationId)));
    }

    [Fact]
    public async Task Other_without_a_name_and_a_missing_number_are_refused()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Ca cao");
        using var pages = await App.SignInAsync(owner);
        var response = await pages.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields("", new DateOnly(2026, 1, 1), null, CertificateKind.Other));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập tên loại chứng nhận.", html);
        Assert.Contains("Vui lòng nhập Số chứng nhận.", html);
        Assert.False(await App.WithDbAsync(db => db.Certificates.AnyAsync(c => c.OrganizationId == owner.OrganizationId)));
    }

    private async Task AssertNothingSavedAsync(Guid organizationId, string number)
    {
        Assert.False(await App.WithDbAsync(db => db.Certificates.AnyAsync(c => c.OrganizationId == organizationId && c.Number == number)));
        Assert.False(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.OrganizationId == organizationId && a.Action == "certificate.create" && a.Detail!.Contains(number))));
    }

    [Fact]
    public async Task Another_business_gets_404_for_the_certificate_its_pages_and_its_scan_and_changes_nothing()
    {
        var a = await App.CreateBusinessUserAsync("Doanh nghiệp A");
        var b = await App.CreateBusinessUserAsync("Doanh nghiệp B");
        using var pagesA = await App.SignInAsync(a);
        var number = NewNumber("A");
        var id = CertificateIdFrom(await pagesA.PostMultipartAsync("/workspace/certificates/new",
            CertificateTestData.Fields(number, new DateOnly(2026, 1, 1), new DateOnly(2030, 1, 1)),
            new CertificateTestData.Upload("a.pdf", CertificateTestData.Pdf, "application/pdf")));
        var fileId = await App.WithDbAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.FileId!.Value).SingleAsync());

        using var pagesB = await App.SignInAsync(b);
        Assert.Equal(HttpStatusCode.NotFound, (await pagesB.GetAsync($"/workspace/certificates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pagesB.GetAsync($"/workspace/certificates/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pagesB.GetAsync($"/files/{fileId}")).StatusCode);

        // Posts with B's own valid antiforgery token.
        var token = PageClient.FindForm(await pagesB.GetPageAsync("/workspace/certificates/new"))!.AntiforgeryToken!;
        var archive = await pagesB.PostFormAsync($"/workspace/certificates/{id}?handler=Archive", [], token);
        Assert.Equal(HttpStatusCode.NotFound, archive.StatusCode);
        var edit = await pagesB.PostFormAsync($"/workspace/certificates/{id}/edit",
            CertificateTestData.Fields("STOLEN", new DateOnly(2026, 1, 1), null), token);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);

        var certificate = await App.WithDbAsync(db => db.Certificates.SingleAsync(c => c.Id == id));
        Assert.Equal(number, certificate.Number);
        Assert.False(certificate.Archived);
        Assert.Equal(["certificate.create"], await App.WithDbAsync(db => db.AuditLog.Where(x => x.EntityId == id.ToString()).Select(x => x.Action).ToListAsync()));

        // Searched by its exact number, B's list still shows nothing (the number appears only in B's own query).
        var listB = await pagesB.GetPageAsync("/workspace/certificates?q=" + number);
        Assert.DoesNotContain($">{number}<", listB);
        Assert.DoesNotContain(id.ToString(), listB);
        Assert.DoesNotContain(number, await pagesB.GetPageAsync("/workspace/certificates"));
        Assert.DoesNotContain(number, await pagesB.GetPageAsync("/workspace"));
    }

    [Fact]
    public async Task Archiving_hides_a_certificate_from_the_list_keeps_it_and_audits_it()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Lúa");
        var number = NewNumber();
        var id = await App.AddCertificateAsync(owner.OrganizationId!.Value, number, new DateOnly(2026, 1, 1), null);
        using var pages = await App.SignInAsync(owner);

        var archived = await pages.SubmitFormAsync($"/workspace/certificates/{id}", [], formAction: $"/workspace/certificates/{id}?handler=Archive");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.DoesNotContain(number, await pages.GetPageAsync("/workspace/certificates"));
        Assert.Contains(number, await pages.GetPageAsync("/workspace/certificates?state=Archived"));
        Assert.True(await App.WithDbAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.Archived).SingleAsync()));

        var restored = await pages.SubmitFormAsync($"/workspace/certificates/{id}", [], formAction: $"/workspace/certificates/{id}?handler=Restore");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains(number, await pages.GetPageAsync("/workspace/certificates"));
        var actions = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["certificate.archive", "certificate.restore"], actions);
        var details = await pages.GetPageAsync($"/workspace/certificates/{id}");
        Assert.Contains("Lưu trữ", details);
        Assert.Contains("Khôi phục", details);
    }

    [Fact]
    public async Task Coverage_finds_certificates_of_a_product_directly_and_through_the_place_its_lots_come_from()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Cà phê Cư M'gar");
        var org = owner.OrganizationId!.Value;
        var other = await App.CreateBusinessUserAsync("Khác");
        var coffee = await App.AddProductAsync(org, "Cà phê");
        var farm = await App.AddLocationAsync(org, "Trang trại");
        var plot = await App.AddLocationAsync(org, "Vùng trồng số 3", parentId: farm.Id, kind: LocationKind.PlantingArea);
        var warehouse = await App.AddLocationAsync(org, "Kho");
        var lot = await App.AddLotAsync(org, coffee, plot.Id);
        var today = CertificateTestData.Today;

        var direct = await App.AddCertificateAsync(org, "DIRECT", today.AddYears(-1), today.AddDays(10), CertificateKind.Haccp, products: [coffee]);
        var viaFarm = await App.AddCertificateAsync(org, "FARM", today.AddYears(-1), today.AddYears(2), CertificateKind.VietGap, locations: [farm.Id]);
        var viaPlot = await App.AddCertificateAsync(org, "PLOT", today.AddYears(-3), today.AddDays(-1), CertificateKind.Organic, locations: [plot.Id]);
        await App.AddCertificateAsync(org, "WAREHOUSE", today.AddYears(-1), null, CertificateKind.Iso22000, locations: [warehouse.Id]);
        await App.AddCertificateAsync(org, "ARCHIVED", today.AddYears(-1), null, CertificateKind.Ocop, products: [coffee], archived: true);
        // A row that could only come from a bug elsewhere: another business's certificate naming this product.
        await App.AddCertificateAsync(other.OrganizationId!.Value, "FOREIGN", today.AddYears(-1), null, products: [coffee]);

        await using var scope = App.Services.CreateAsyncScope();
        var coverage = scope.ServiceProvider.GetRequiredService<CertificateCoverage>();

        var forProduct = await coverage.ForProductAsync(coffee, TestContext.Current.CancellationToken);
        Assert.Equal(["FARM", "DIRECT", "PLOT"], forProduct.Select(c => c.Number)); // valid, expiring, expired
        var d = forProduct.Single(c => c.Id == direct);
        Assert.True(d.CoversProduct);
        Assert.Equal(CertificateState.Expiring, d.State);
        var f = forProduct.Single(c => c.Id == viaFarm);
        Assert.False(f.CoversProduct);
        Assert.Equal([farm.Id], f.ThroughLocationIds);
        Assert.Equal(CertificateState.Valid, f.State);
        Assert.Equal(CertificateState.Expired, forProduct.Single(c => c.Id == viaPlot).State);

        Assert.Equal(["FARM", "DIRECT", "PLOT"], (await coverage.ForLotAsync(lot.Id, TestContext.Current.CancellationToken)).Select(c => c.Number));
        Assert.Equal(["FARM", "PLOT"], (await coverage.ForLocationAsync(plot.Id, TestContext.Current.CancellationToken)).Select(c => c.Number));
        Assert.Equal(["WAREHOUSE"], (await coverage.ForLocationAsync(warehouse.Id, TestContext.Current.CancellationToken)).Select(c => c.Number));
        Assert.Empty(await coverage.ForProductAsync(Guid.NewGuid(), TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteCertificatePagesTests(SqliteAppFixture fixture) : CertificatePagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresCertificatePagesTests(PostgresAppFixture fixture) : CertificatePagesTests(fixture), IClassFixture<PostgresAppFixture>;
