using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Exports;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Exports.ExportChain;

namespace VnTrace.Server.Tests.Exports;

/// <summary>GET /api/exports/… on a captured chain, with each caller's visibility, on SQLite and PostgreSQL.</summary>
public abstract partial class ExportsApiTests(ExportsFixture fixture)
{
    private const string Cte = "/api/exports/critical-tracking-events";
    private const string Mds = "/api/exports/minimum-data-set";
    private const string NotRecorded = ExportSheet.NotRecorded;

    private static readonly string[] CteHeader =
    [
        "Critical tracking event", "Event time (local)", "Time zone", "Event time (UTC)", "Item role", "GTIN", "Product description",
        "Traceability lot code", "Serial number", "SSCC", "Item identifier", "Quantity", "Unit of measure", "Container", "Location GLN",
        "Location", "From (source)", "To (destination)", "Reference documents", "Disposition", "CBV business step", "EPCIS event type",
        "EPCIS event ID", "Captured by", "Recorded (UTC)", "Error declaration",
    ];

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")]
    private static partial Regex UtcTime();

    private static async Task<List<string[]>> CsvAsync(Party caller, string path)
    {
        var response = await caller.Client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        // UTF-8 with a byte-order mark, so Excel reads the Vietnamese names right.
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Csv.Parse(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
    }

    private static string Q(string lot) => Uri.EscapeDataString(lot);

    private static string[] Column(List<string[]> rows, string header)
    {
        var field = Field(rows, header);
        return [.. rows.Skip(1).Select(field)];
    }

    /// <summary>
    /// Reads one column of a data row, found by its English header (the part after " / " of "Tên sản phẩm / Product
    /// name") so a new or moved column breaks no test.
    /// </summary>
    private static Func<string[], string> Field(List<string[]> rows, string header)
    {
        var i = Array.IndexOf(English(rows[0]), header);
        Assert.True(i >= 0, $"no column '{header}' in: {string.Join(" | ", rows[0])}");
        return row => row[i];
    }

    /// <summary>The English names of a header row: "Tên sản phẩm / Product name" gives "Product name", "GTIN" stays.</summary>
    internal static string[] English(IEnumerable<string> headers) =>
        [.. headers.Select(h => h.LastIndexOf(" / ", StringComparison.Ordinal) is var at and >= 0 ? h[(at + 3)..] : h)];

    [Fact]
    public async Task Csv_of_a_farm_lot_lists_each_critical_tracking_event_with_its_key_data_elements()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var rows = await CsvAsync(c.FarmA, $"{Cte}?lot={Q(c.LotA)}&format=csv");

        Assert.Equal(CteHeader, English(rows[0]));
        Assert.Equal(4, rows.Count); // header + harvest, ship, and the processor's receipt (which names the farm); not the processor's blend
        var farm = $"owning_party: {c.FarmA.Name} (GLN {c.FarmA.Gln})";
        var processor = $"owning_party: {c.Processor.Name} (GLN {c.Processor.Gln})";
        string[][] expected =
        [
            ["Harvesting/Creation", "2026-09-01T07:00:00+07:00", "+07:00", "2026-09-01T00:00:00Z", "item", c.GtinA, NotRecorded, c.LotCodeA, "", "",
                c.LotA, "1000", "KGM", "", c.FarmA.Gln, c.FarmA.Place, "", "", "", "", "commissioning", "ObjectEvent ADD",
                c.EventId("harvest-a"), c.FarmA.Name, "*", ""],
            ["Shipping", "2026-09-02T07:00:00+07:00", "+07:00", "2026-09-02T00:00:00Z", "item", c.GtinA, NotRecorded, c.LotCodeA, "", "",
                c.LotA, "1000", "KGM", "", c.FarmA.Gln, c.FarmA.Place, farm, processor,
                "po: https://vntrace.vn/test/po/PO-77; desadv: https://vntrace.vn/test/desadv/DA-1", "in_transit", "shipping", "ObjectEvent OBSERVE",
                c.EventId("ship-a"), c.FarmA.Name, "*", ""],
            ["Receiving", "2026-09-03T07:00:00+07:00", "+07:00", "2026-09-03T00:00:00Z", "item", c.GtinA, NotRecorded, c.LotCodeA, "", "",
                c.LotA, "990", "KGM", "", c.Processor.Gln, c.Processor.Place, farm, processor, "", "in_progress", "receiving", "ObjectEvent OBSERVE",
                c.EventId("receive-a"), c.Processor.Name, "*", ""],
        ];
        for (var r = 0; r < expected.Length; r++)
        {
            for (var col = 0; col < CteHeader.Length; col++)
            {
                if (expected[r][col] == "*")
                    Assert.Matches(UtcTime(), rows[r + 1][col]);
                else
                    Assert.True(expected[r][col] == rows[r + 1][col], $"row {r + 1}, {CteHeader[col]}: expected '{expected[r][col]}', got '{rows[r + 1][col]}'");
            }
        }
    }

    [Fact]
    public async Task Csv_quotes_a_name_with_a_comma_and_quotes_as_rfc_4180_says()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var response = await c.Processor.Client.GetAsync($"{Cte}?lot={Q(c.LotP)}&format=csv");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"owning_party: Siêu thị Sài Gòn, chi nhánh \"\"Quận 1\"\" {c.Suffix} (GLN {c.Retailer.Gln})\"", text);
        var rows = Csv.Parse(text.TrimStart('\uFEFF'));
        Assert.Contains($"owning_party: {c.Retailer.Name} (GLN {c.Retailer.Gln})", Column(rows, "To (destination)"));
        Assert.EndsWith("\r\n", text);
    }

    [Fact]
    public async Task Xlsx_opens_as_a_sortable_table_with_a_frozen_header_and_typed_cells()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var response = await c.FarmA.Client.GetAsync($"{Cte}?lot={Q(c.LotA)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxExportWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("3", response.Headers.GetValues("X-Export-Rows").Single());

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        // Schema-valid for Office 2019 and later: what Excel opens without "repairing" the file.
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var book = workbook.WorkbookPart!;
        Assert.Equal(["Critical tracking events", "About"], book.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var sheet = Worksheet(book, "Critical tracking events");
        var cells = Cells(book, sheet);

        // The header row, frozen, and a table with filters over header + 3 rows.
        var pane = sheet.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        var table = sheet.TableDefinitionParts.Single().Table!;
        Assert.Equal("A1:Z4", table.Reference!.Value);
        Assert.Equal("A1:Z4", table.AutoFilter!.Reference!.Value);
        Assert.Equal(CteHeader, English(table.TableColumns!.Elements<TableColumn>().Select(t => t.Name!.Value!)));
        Assert.Equal(CteHeader, English(Enumerable.Range(0, CteHeader.Length).Select(i => cells[$"{XlsxExportWriter.ColumnName(i)}1"].Text)));
        Assert.Equal("Sự kiện truy xuất trọng yếu / Critical tracking event", cells["A1"].Text);
        Assert.Equal("GTIN", cells["F1"].Text);
        Assert.Equal(4, sheet.Worksheet.Descendants<Row>().Count());

        // Typed cells: dates are numbers with a date format, quantities numbers, GTINs text (leading zero kept).
        var local = cells["B2"];
        Assert.Null(local.Cell.DataType);
        Assert.Equal(new DateTime(2026, 9, 1, 7, 0, 0), DateTime.FromOADate(double.Parse(local.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("yyyy", FormatOf(book, local.Cell));
        Assert.Equal(new DateTime(2026, 9, 1, 0, 0, 0), DateTime.FromOADate(double.Parse(cells["D2"].Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(CellValues.Number, cells["L2"].Cell.DataType!.Value);
        Assert.Equal("1000", cells["L2"].Text);
        Assert.Equal(CellValues.SharedString, cells["F2"].Cell.DataType!.Value);
        Assert.Equal(c.GtinA, cells["F2"].Text);
        Assert.Equal("Receiving", cells["A4"].Text);
        Assert.Equal(c.Processor.Name, cells["X4"].Text);

        // The About sheet explains each column, the not-recorded marker included.
        var about = Cells(book, Worksheet(book, "About")).Values.Select(v => v.Text).ToList();
        Assert.Contains(NotRecorded, about);
        Assert.Contains(about, t => t.StartsWith("The Vietnamese name of the product its business registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Headers_en_gives_the_english_header_row_programs_read()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var rows = await CsvAsync(c.FarmA, $"{Cte}?lot={Q(c.LotA)}&format=csv&headers=en");
        Assert.Equal(CteHeader, rows[0]);
        var bilingual = await CsvAsync(c.FarmA, $"{Cte}?lot={Q(c.LotA)}&format=csv");
        Assert.Equal(rows.Skip(1).Select(r => r[0]), bilingual.Skip(1).Select(r => r[0]));
        var problem = await (await c.FarmA.Client.GetAsync($"{Cte}?lot={Q(c.LotA)}&headers=fr")).AssertProblem(400, "QueryParameterException");
        Assert.Contains("headers", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_accept_header_chooses_the_format_when_format_is_absent()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Cte}?lot={Q(c.LotA)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await c.FarmA.Client.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);

        request = new HttpRequestMessage(HttpMethod.Get, $"{Cte}?lot={Q(c.LotA)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        await (await c.FarmA.Client.SendAsync(request)).AssertProblem(406, "NotAcceptableException");
    }

    [Fact]
    public async Task A_lot_traced_forward_brings_the_events_of_the_blend_and_of_its_shipment_to_the_retailer()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var rows = await CsvAsync(c.Authority, $"{Cte}?lot={Q(c.LotA)}&trace=forward&format=csv");
        var ids = Column(rows, "EPCIS event ID");
        foreach (var name in new[] { "harvest-a", "ship-a", "receive-a", "blend", "ship-p", "receive-p" })
            Assert.Contains(c.EventId(name), ids);
        Assert.DoesNotContain(c.EventId("harvest-a2"), ids); // another lot of the same product is not downstream
        Assert.DoesNotContain(c.EventId("harvest-c"), ids);

        // A transformation gives a row per input and per output, under one event ID.
        var (eventId, role, item, quantity, cte) = (Field(rows, "EPCIS event ID"), Field(rows, "Item role"),
            Field(rows, "Item identifier"), Field(rows, "Quantity"), Field(rows, "Critical tracking event"));
        var blend = rows.Skip(1).Where(r => eventId(r) == c.EventId("blend")).ToList();
        Assert.Equal([("input", c.LotA, "990"), ("output", c.LotP, "900")], blend.Select(r => (role(r), item(r), quantity(r))));
        Assert.All(blend, r => Assert.Equal("Transformation", cte(r)));

        // Sorted by event time.
        var times = Column(rows, "Event time (UTC)");
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
        Assert.Equal("Receiving", cte(rows[^1]));
    }

    [Fact]
    public async Task A_business_export_never_shows_what_only_an_unrelated_business_can_see()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        foreach (var (caller, path) in new[]
        {
            (c.Processor, $"{Cte}?lot={Q(c.LotP)}&trace=both&format=csv"),
            (c.Processor, $"{Mds}?lot={Q(c.LotP)}&trace=both&format=csv"),
            (c.FarmA, $"{Cte}?gtin={c.GtinA}&format=csv"),
            (c.FarmA, $"{Cte}?from=2026-08-01T00:00:00%2B07:00&format=csv"),
            (c.Retailer, $"{Cte}?lot={Q(c.LotP)}&trace=backward&format=csv"),
        })
        {
            var text = string.Join("\n", (await CsvAsync(caller, path)).Select(r => string.Join(",", r)));
            Assert.DoesNotContain(c.EventId("claim"), text);
            Assert.DoesNotContain(c.EventId("harvest-c"), text);
            Assert.DoesNotContain(c.Unrelated.Name, text);
            Assert.DoesNotContain(c.LotX, text);
            Assert.DoesNotContain(c.LotC, text);
        }
        // The retailer sees its supplier's shipment, not the farm behind it.
        var retailer = await CsvAsync(c.Retailer, $"{Cte}?lot={Q(c.LotP)}&trace=backward&format=csv");
        Assert.Equal([c.EventId("ship-p"), c.EventId("receive-p")], Column(retailer, "EPCIS event ID"));
        // The authority sees everything, the unrelated claim included.
        var authority = await CsvAsync(c.Authority, $"{Cte}?lot={Q(c.LotP)}&trace=backward&format=csv");
        Assert.Contains(c.EventId("claim"), Column(authority, "EPCIS event ID"));
    }

    [Fact]
    public async Task A_product_export_covers_every_lot_of_the_gtin_the_caller_may_see()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var rows = await CsvAsync(c.FarmA, $"{Cte}?gtin={c.GtinA}&format=csv");
        Assert.Equal(["harvest-a", "harvest-a2", "ship-a", "receive-a"], Column(rows, "EPCIS event ID").Select(id => id[(id.LastIndexOf(':') + 1)..]));
        Assert.All(Column(rows, "GTIN"), g => Assert.Equal(c.GtinA, g));
    }

    [Fact]
    public async Task A_time_range_keeps_from_inclusive_and_to_exclusive_whatever_the_offset()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        // 2026-09-02T07:00+07:00 is 2026-09-02T00:00Z; 2026-09-03T07:00+07:00 is 2026-09-03T00:00Z.
        var rows = await CsvAsync(c.FarmA, $"{Cte}?from=2026-09-02T00:00:00Z&to=2026-09-03T07:00:00%2B07:00&format=csv");
        Assert.Equal([c.EventId("ship-a")], Column(rows, "EPCIS event ID"));
        var lotInWindow = await CsvAsync(c.FarmA, $"{Cte}?lot={Q(c.LotA)}&from=2026-09-02T07:00:00%2B07:00&format=csv");
        Assert.Equal([c.EventId("ship-a"), c.EventId("receive-a")], Column(lotInWindow, "EPCIS event ID"));
    }

    [Fact]
    public async Task The_minimum_data_set_gives_what_is_recorded_and_marks_what_is_not()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var rows = await CsvAsync(c.FarmA, $"{Mds}?lot={Q(c.LotA)}&format=csv");
        Assert.Equal(
        [
            "Traceability code", "Product name", "GTIN", "Product image", "Business name", "Business address", "Origin (derived)", "Brand or mark",
            "Lot", "Serial number", "Expiry date", "Standards applied", "Key tracking events", "First event (UTC)", "Last event (UTC)",
            "Key tracking events with times",
        ], English(rows[0]));
        Assert.Equal("Tên sản phẩm / Product name", rows[0][1]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(
        [
            c.LotA, $"{NotRecorded} GTIN {c.GtinA}", c.GtinA, NotRecorded, c.FarmA.Name, NotRecorded, "VN", NotRecorded,
            c.LotCodeA, "", "2026-12-31", Certificate, "3", "2026-09-01T00:00:00Z", "2026-09-03T00:00:00Z",
            $"2026-09-01T07:00:00+07:00 Harvesting/Creation ({c.FarmA.Name}); 2026-09-02T07:00:00+07:00 Shipping ({c.FarmA.Name}); "
                + $"2026-09-03T07:00:00+07:00 Receiving ({c.Processor.Name})",
        ], rows[1]);
    }

    [Fact]
    public async Task The_minimum_data_set_takes_product_name_image_brand_and_business_address_from_the_records()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var (image, address) = await RegisterFarmProductAsync(fixture.App, c);

        var rows = await CsvAsync(c.FarmA, $"{Mds}?lot={Q(c.LotA)}&format=csv");

        var row = rows[1];
        Assert.Equal("Xoài cát Hòa Lộc " + c.Suffix, Field(rows, "Product name")(row));
        Assert.EndsWith($"/files/{image}", Field(rows, "Product image")(row));
        Assert.StartsWith("http", Field(rows, "Product image")(row));
        Assert.Equal(c.FarmA.Name, Field(rows, "Business name")(row));
        Assert.Equal(address, Field(rows, "Business address")(row));
        Assert.Equal("Hòa Lộc", Field(rows, "Brand or mark")(row));
        // The critical tracking events name the product too.
        var cte = await CsvAsync(c.FarmA, $"{Cte}?lot={Q(c.LotA)}&format=csv");
        Assert.All(Column(cte, "Product description"), d => Assert.Equal("Xoài cát Hòa Lộc " + c.Suffix, d));
    }

    /// <summary>Farm A's product for GtinA with a public image and a brand, and farm A's address; gives the image's id and the address as exported.</summary>
    internal static async Task<(Guid Image, string Address)> RegisterFarmProductAsync(VnTraceApp app, ExportChain c)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        var (commune, province) = VnTrace.Server.Tests.Lookup.LookupScenario.SomeCommune();
        var farm = await db.Organizations.FindAsync(c.FarmA.OrganizationId);
        farm!.AddressLine = "Ấp Hòa Lộc";
        farm.CommuneCode = commune.Code;
        farm.ProvinceCode = commune.ProvinceCode;
        db.Update(farm);
        var file = new StoredFile
        {
            OrganizationId = c.FarmA.OrganizationId,
            FileName = "xoai.png",
            ContentType = "image/png",
            Length = 8,
            Sha256 = new string('1', 64),
            Content = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            Public = true,
        };
        var product = new Product { OrganizationId = c.FarmA.OrganizationId, Gtin = c.GtinA, NameVi = "Xoài cát Hòa Lộc " + c.Suffix, Unit = "kg", Brand = "Hòa Lộc" };
        db.Files.Add(file);
        db.Products.Add(product);
        db.ProductImages.Add(new ProductImage { ProductId = product.Id, FileId = file.Id, Position = 0 });
        await db.SaveChangesAsync();
        return (file.Id, $"Ấp Hòa Lộc, {commune.FullName}, {province.FullName}");
    }

    [Fact]
    public async Task The_minimum_data_set_of_a_product_has_a_row_per_lot_and_an_xlsx_expiry_date_cell()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var rows = await CsvAsync(c.FarmA, $"{Mds}?gtin={c.GtinA}&format=csv");
        Assert.Equal([c.LotA, c.LotA2], Column(rows, "Traceability code"));
        Assert.Equal(["2026-12-31", NotRecorded], Column(rows, "Expiry date"));

        var response = await c.FarmA.Client.GetAsync($"{Mds}?gtin={c.GtinA}&format=xlsx");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var book = workbook.WorkbookPart!;
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var cells = Cells(book, Worksheet(book, "Minimum data set"));
        Assert.Equal("Hạn sử dụng / Expiry date", cells["K1"].Text);
        Assert.Equal(new DateTime(2026, 12, 31), DateTime.FromOADate(double.Parse(cells["K2"].Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(NotRecorded, cells["K3"].Text);
        Assert.Equal("A1:P3", Worksheet(book, "Minimum data set").TableDefinitionParts.Single().Table!.Reference!.Value);
    }

    [Fact]
    public async Task An_empty_scope_still_gives_a_table_with_its_header()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var rows = await CsvAsync(c.FarmA, $"{Cte}?from=2030-01-01T00:00:00Z&format=csv");
        Assert.Equal([CteHeader], rows.Select(English));
        var response = await c.FarmA.Client.GetAsync($"{Cte}?from=2030-01-01T00:00:00Z");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal("A1:Z2", Worksheet(workbook.WorkbookPart!, "Critical tracking events").TableDefinitionParts.Single().Table!.Reference!.Value);
    }

    [Theory]
    [InlineData(Cte, "", "needs a scope")]
    [InlineData(Mds, "?format=csv", "needs a scope")]
    [InlineData(Cte, "?gtin=08936012000109", "check digit")]
    [InlineData(Cte, "?gtin=0893601200010X", "GTIN")]
    [InlineData(Cte, "?lot=hello", "not a GS1 Digital Link or EPC URI")]
    [InlineData(Cte, "?lot=https%3A%2F%2Fid.gs1.org%2F01%2F08936012000109%2F10%2FX", "check digit")]
    [InlineData(Cte, "?lot=urn:epc:id:sgtin:8936012.000010.S1", "does not name a lot")]
    [InlineData(Cte, "?gtin=08936012000108&lot=urn:epc:class:lgtin:8936012.000010.X", "not both")]
    [InlineData(Cte, "?gtin=08936012000108&trace=backward", "give lot")]
    [InlineData(Cte, "?lot=urn:epc:class:lgtin:8936012.000010.X&trace=sideways", "backward, forward or both")]
    [InlineData(Mds, "?from=2026-10-01T00:00:00Z&to=2026-09-01T00:00:00Z", "reversed")]
    [InlineData(Cte, "?from=2026-10-01T00:00:00", "offset")]
    [InlineData(Cte, "?gtin=08936012000108&format=pdf", "xlsx or csv")]
    public async Task Bad_export_requests_get_a_clear_400(string path, string query, string expected)
    {
        var (_, client) = await fixture.App.CreateOrganizationClientAsync("bad-export");
        var problem = await (await client.GetAsync(path + query)).AssertProblem(400, "QueryParameterException");
        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_bad_gtin_names_the_failing_position()
    {
        var (_, client) = await fixture.App.CreateOrganizationClientAsync("bad-export");
        var problem = await (await client.GetAsync($"{Cte}?gtin=08936012000109")).AssertProblem(400, "QueryParameterException");
        Assert.Equal(13, problem["position"]!.GetValue<int>());
        Assert.Equal("gtin", problem["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lot_no_visible_event_names_is_404()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        await (await c.Retailer.Client.GetAsync($"{Cte}?lot={Q(c.LotX)}")).AssertProblem(404, "NoSuchNameException");
        await (await c.Retailer.Client.GetAsync($"{Mds}?lot=urn:epc:class:lgtin:8936012.000010.NEVER&trace=both")).AssertProblem(404, "NoSuchNameException");
    }

    [Fact]
    public async Task Exports_need_an_api_key()
    {
        var response = await fixture.App.CreateClient().GetAsync($"{Cte}?gtin=08936012000108");
        await response.AssertProblem(401, "SecurityException");
    }

    internal static WorksheetPart Worksheet(WorkbookPart book, string name) =>
        (WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!);

    internal static Dictionary<string, (Cell Cell, string Text)> Cells(WorkbookPart book, WorksheetPart sheet)
    {
        var strings = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return sheet.Worksheet.Descendants<Cell>().ToDictionary(
            c => c.CellReference!.Value!,
            c => (c, c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.CellValue?.Text ?? ""));
    }

    private static string FormatOf(WorkbookPart book, Cell cell)
    {
        var styles = book.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value!;
    }
}

public sealed class SqliteExportsApiTests(SqliteExportsFixture fixture) : ExportsApiTests(fixture), IClassFixture<SqliteExportsFixture>;

public sealed class PostgresExportsApiTests(PostgresExportsFixture fixture) : ExportsApiTests(fixture), IClassFixture<PostgresExportsFixture>;
