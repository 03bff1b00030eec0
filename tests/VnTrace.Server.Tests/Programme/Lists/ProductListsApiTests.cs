using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Programme.Lists.RiskApiTests;

namespace VnTrace.Server.Tests.Programme.Lists;

/// <summary>The yearly product lists through /api/programme/lists: proposals, decisions, roles, duplicates, frozen editions.</summary>
public abstract class ProductListsApiTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static object Entry(string group, string sector = "agriculture", string list = "priority") =>
        new { list, productGroup = group, sector, reason = "Sản phẩm chủ lực của tỉnh", legalBasis = "Nghị định 37/2026/NĐ-CP", roadmapDate = "2026-12-31" };

    private static async Task<Guid> ProposeAsync(HttpClient client, int year, object entry)
    {
        var response = await client.PostAsJsonAsync($"/api/programme/lists/{year}/entries", entry);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("proposed", json["status"]!.GetValue<string>());
        return json["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task A_department_proposes_within_its_sectors_and_the_dost_approves()
    {
        var year = ProgrammeKeys.NewYear(App);
        var dost = await ProgrammeKeys.DostAsync(App);
        var (department, agency) = await ProgrammeKeys.DepartmentAsync(App, "agriculture", "food-processing");
        // A frozen earlier edition of this server is copied into the year, so the test names its own group.
        var id = await ProposeAsync(department, year, Entry("Cà phê " + Guid.NewGuid().ToString("N")[..6]));

        var approved = await dost.PostAsJsonAsync($"/api/programme/lists/entries/{id}/approve", new { reason = "Đúng tiêu chí" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var edition = JsonNode.Parse(await dost.GetStringAsync($"/api/programme/lists/{year}"))!;
        var entry = edition["entries"]!.AsArray().Single(e => e!["id"]!.GetValue<Guid>() == id)!;
        Assert.Equal("approved", entry["status"]!.GetValue<string>());
        Assert.Equal(agency.Id, entry["proposedByAgencyId"]!.GetValue<Guid>());
        Assert.Equal("priority", entry["list"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_department_proposing_outside_its_sectors_gets_403()
    {
        var (department, _) = await ProgrammeKeys.DepartmentAsync(App, "agriculture");
        await ProblemAsync(await department.PostAsJsonAsync($"/api/programme/lists/{ProgrammeKeys.NewYear(App)}/entries", Entry("Hạt điều", "handicrafts")), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_commune_proposes_any_sector_but_neither_commune_nor_department_approves_or_rejects()
    {
        var year = ProgrammeKeys.NewYear(App);
        var (department, _) = await ProgrammeKeys.DepartmentAsync(App, "agriculture");
        var (commune, _) = await ProgrammeKeys.CommuneAsync(App, "24000");
        var id = await ProposeAsync(commune, year, Entry("Mật ong", "livestock"));
        foreach (var client in new[] { department, commune })
        {
            await ProblemAsync(await client.PostAsJsonAsync($"/api/programme/lists/entries/{id}/approve", new { }), HttpStatusCode.Forbidden);
            await ProblemAsync(await client.PostAsJsonAsync($"/api/programme/lists/entries/{id}/reject", new { reason = "x" }), HttpStatusCode.Forbidden);
            await ProblemAsync(await client.PostAsJsonAsync($"/api/programme/lists/{year}/approve", new { }), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task An_inspector_reads_but_does_not_propose()
    {
        var inspector = await ProgrammeKeys.DostAsync(App, VnTrace.Server.Identity.Roles.Inspector);
        await ProblemAsync(await inspector.PostAsJsonAsync($"/api/programme/lists/{ProgrammeKeys.NewYear(App)}/entries", Entry("Cà phê")), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_duplicate_entry_is_refused_with_409_but_a_rejected_one_may_be_proposed_again()
    {
        var year = ProgrammeKeys.NewYear(App);
        var dost = await ProgrammeKeys.DostAsync(App);
        var (department, _) = await ProgrammeKeys.DepartmentAsync(App, "agriculture");
        var id = await ProposeAsync(department, year, Entry("Sầu riêng"));
        await ProblemAsync(await department.PostAsJsonAsync($"/api/programme/lists/{year}/entries", Entry(" sầu riêng ")), HttpStatusCode.Conflict);
        // Another list of the same year is not a duplicate.
        await ProposeAsync(department, year, Entry("Sầu riêng", list: "mandatory"));

        await ProblemAsync(await dost.PostAsJsonAsync($"/api/programme/lists/entries/{id}/reject", new { }), HttpStatusCode.BadRequest); // a reason is required
        Assert.Equal(HttpStatusCode.OK, (await dost.PostAsJsonAsync($"/api/programme/lists/entries/{id}/reject", new { reason = "Trùng danh mục bắt buộc" })).StatusCode);
        await ProblemAsync(await dost.PostAsJsonAsync($"/api/programme/lists/entries/{id}/approve", new { }), HttpStatusCode.Conflict); // already decided
        await ProposeAsync(department, year, Entry("Sầu riêng"));
    }

    [Theory]
    [InlineData("""{"list":"compulsory","productGroup":"Cà phê","sector":"agriculture","reason":"r"}""", "list")]
    [InlineData("""{"list":"priority","productGroup":"","sector":"agriculture","reason":"r"}""", "productGroup")]
    [InlineData("""{"list":"priority","productGroup":"Cà phê","sector":"space","reason":"r"}""", "sector")]
    [InlineData("""{"list":"priority","productGroup":"Cà phê","sector":"agriculture","reason":" "}""", "reason")]
    [InlineData("""{"list":"priority","productGroup":"Cà phê","sector":"agriculture","reason":"r","gtinPrefix":"89A"}""", "gtinPrefix")]
    [InlineData("""{"list":"priority","productGroup":"Cà phê","sector":"agriculture","reason":"r","steps":["roasting"]}""", "steps")]
    [InlineData("""{"list":"priority","productGroup":"Cà phê","sector":"agriculture","reason":"r","productId":"0193a000-0000-7000-8000-000000000000"}""", "productId")]
    public async Task Bad_input_is_refused_with_400_naming_the_field(string json, string field)
    {
        var dost = await ProgrammeKeys.DostAsync(App);
        var problem = await ProblemAsync(await dost.PostAsync($"/api/programme/lists/{ProgrammeKeys.NewYear(App)}/entries",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field);
    }

    [Fact]
    public async Task An_approved_edition_is_frozen_and_the_next_year_starts_as_its_copy()
    {
        var year = ProgrammeKeys.NewYear(App);
        var dost = await ProgrammeKeys.DostAsync(App);
        var (department, _) = await ProgrammeKeys.DepartmentAsync(App, "agriculture");
        var kept = await ProposeAsync(department, year, Entry("Cà phê"));
        var dropped = await ProposeAsync(department, year, Entry("Hạt tiêu"));
        await ProblemAsync(await dost.PostAsJsonAsync($"/api/programme/lists/{year}/approve", new { }), HttpStatusCode.Conflict); // proposals undecided
        await dost.PostAsJsonAsync($"/api/programme/lists/entries/{kept}/approve", new { });
        await dost.PostAsJsonAsync($"/api/programme/lists/entries/{dropped}/reject", new { reason = "Chưa đủ căn cứ" });
        var frozen = await dost.PostAsJsonAsync($"/api/programme/lists/{year}/approve", new { reason = "QĐ 15/QĐ-SKHCN" });
        Assert.Equal(HttpStatusCode.OK, frozen.StatusCode);
        Assert.True(JsonNode.Parse(await frozen.Content.ReadAsStringAsync())!["frozen"]!.GetValue<bool>());

        await ProblemAsync(await department.PostAsJsonAsync($"/api/programme/lists/{year}/entries", Entry("Ca cao")), HttpStatusCode.Conflict);
        await ProblemAsync(await dost.PostAsJsonAsync($"/api/programme/lists/{year}/approve", new { }), HttpStatusCode.Conflict);

        await ProposeAsync(department, year + 1, Entry("Ca cao"));
        var next = JsonNode.Parse(await dost.GetStringAsync($"/api/programme/lists/{year + 1}"))!;
        Assert.Equal(year, next["copiedFromYear"]!.GetValue<int>());
        var entries = next["entries"]!.AsArray();
        var copy = Assert.Single(entries, e => e!["copiedFromId"]?.GetValue<Guid>() == kept)!;
        Assert.Equal("approved", copy["status"]!.GetValue<string>());
        Assert.DoesNotContain(entries, e => e!["productGroup"]!.GetValue<string>() == "Hạt tiêu");
        // History: the frozen edition still holds the rejected entry with its reason.
        var old = JsonNode.Parse(await dost.GetStringAsync($"/api/programme/lists/{year}"))!["entries"]!.AsArray();
        Assert.Equal("Chưa đủ căn cứ", old.Single(e => e!["id"]!.GetValue<Guid>() == dropped)!["decisionReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_edition_exports_to_xlsx_with_every_entry()
    {
        var year = ProgrammeKeys.NewYear(App);
        var dost = await ProgrammeKeys.DostAsync(App);
        await ProposeAsync(dost, year, Entry("Cà phê xuất khẩu"));
        await ProposeAsync(dost, year, Entry("Lúa gạo", "food-processing", "mandatory"));
        var response = await dost.GetAsync($"/api/programme/lists/{year}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("|", document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Select(s => s.InnerText) ?? [])
            + string.Join("|", document.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
        Assert.Contains("Cà phê xuất khẩu", text);
        Assert.Contains("Lúa gạo", text);
        Assert.Contains("Nhóm sản phẩm / Product group", text);
        await ProblemAsync(await dost.GetAsync($"/api/programme/lists/{year + 1000}/export"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_organization_key_is_not_an_agency_key()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("HTX khóa tổ chức " + Guid.NewGuid().ToString("N")[..6]);
        await ProblemAsync(await client.PostAsJsonAsync($"/api/programme/lists/{ProgrammeKeys.NewYear(App)}/entries", Entry("Cà phê")), HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteProductListsApiTests(SqliteAppFixture fixture) : ProductListsApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresProductListsApiTests(PostgresAppFixture fixture) : ProductListsApiTests(fixture), IClassFixture<PostgresAppFixture>;
