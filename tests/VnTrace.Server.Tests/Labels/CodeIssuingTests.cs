using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Labels;

namespace VnTrace.Server.Tests.Labels;

/// <summary>The pieces of issuing without a server: serial numbers, the resolver base, stored layouts.</summary>
public sealed class CodeIssuingTests
{
    [Fact]
    public void Serials_are_distinct_10_characters_of_an_unambiguous_alphabet_within_ai_21s_character_set()
    {
        var serials = SerialNumbers.Generate(100_000);
        Assert.Equal(100_000, serials.Distinct().Count());
        Assert.All(serials, s => Assert.Matches("^[2-9A-HJ-NP-Z]{10}$", s));
        Assert.All(SerialNumbers.Alphabet, c => Assert.True(Gs1Charset.IsCset82(c)));
        Assert.Equal(32, SerialNumbers.Alphabet.Distinct().Count());
        Assert.DoesNotContain(SerialNumbers.Alphabet, c => c is '0' or 'O' or '1' or 'I');
        // Every symbol drawn about equally often (each of 32 expected 31,250 times in a million characters).
        var counts = serials.SelectMany(s => s).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 30_000, 32_500));
        // Each is an AI 21 value a Digital Link carries as it is.
        var link = DigitalLinkBase.ForSerial("https://txng.example.vn", "08936012000016", "LOT42", serials[0]);
        Assert.Equal(link, DigitalLink.Parse($"https://txng.example.vn/01/08936012000016/10/LOT42/21/{serials[0]}"));
    }

    [Fact]
    public void Resolver_base_is_the_configured_one_or_else_the_requests()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("10.0.0.5:8080");
        request.PathBase = "/vntrace";

        Assert.Equal("http://10.0.0.5:8080/vntrace", Base(null).For(request));
        Assert.Equal("https://txng.daklak.gov.vn", Base("https://txng.daklak.gov.vn/").For(request));
        Assert.Equal("https://example.vn/dl", Base(" https://example.vn/dl ").For(request));
        foreach (var bad in new[] { "txng.daklak.gov.vn", "ftp://example.vn", "https://example.vn/?a=1", "https://u:p@example.vn" })
            Assert.Contains(DigitalLinkBase.Setting, Assert.Throws<InvalidOperationException>(() => Base(bad)).Message, StringComparison.Ordinal);

        static DigitalLinkBase Base(string? value) =>
            new(Settings(new() { [DigitalLinkBase.Setting] = value }), Hosting(Environments.Development));
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static HostingEnvironment Hosting(string name) => new() { EnvironmentName = name };

    [Fact]
    public void The_public_base_url_is_required_outside_development_and_the_earlier_name_still_counts()
    {
        foreach (var environment in new[] { Environments.Production, Environments.Staging })
        {
            var missing = Assert.Throws<InvalidOperationException>(() => new DigitalLinkBase(Settings([]), Hosting(environment)));
            Assert.Contains("VnTrace:PublicBaseUrl is required outside Development", missing.Message, StringComparison.Ordinal);
            Assert.Contains("VnTrace__PublicBaseUrl", missing.Message, StringComparison.Ordinal);
        }
        Assert.Null(new DigitalLinkBase(Settings([]), Hosting(Environments.Development)).Configured);
        Assert.Equal("https://old.example.vn", new DigitalLinkBase(Settings(new() { [DigitalLinkBase.EarlierSetting] = "https://old.example.vn" }), Hosting(Environments.Production)).Configured);
        Assert.Equal("https://txng.example.vn", new DigitalLinkBase(Settings(new()
        {
            [DigitalLinkBase.Setting] = "https://txng.example.vn",
            [DigitalLinkBase.EarlierSetting] = "https://old.example.vn",
        }), Hosting(Environments.Production)).Configured);
    }

    [Fact]
    public void Codes_kept_in_canonical_form_are_shown_on_the_public_base_and_other_identifiers_as_they_are()
    {
        var links = new DigitalLinkBase(Settings(new() { [DigitalLinkBase.Setting] = "https://txng.example.vn/dl" }), Hosting(Environments.Production));
        var request = new DefaultHttpContext().Request;
        Assert.Equal("https://txng.example.vn/dl/01/08936012000016/10/L42", links.Public(request, "https://id.gs1.org/01/08936012000016/10/L42"));
        Assert.Equal("urn:epc:id:sgtin:8936012.000001.7", links.Public(request, "urn:epc:id:sgtin:8936012.000001.7"));
        Assert.Equal("https://id.gs1.org.evil.example/01/08936012000016", links.Public(request, "https://id.gs1.org.evil.example/01/08936012000016"));
        Assert.True(DigitalLink.TryParse("https://id.gs1.org/01/08936012000016/10/L42?exp=261231", out var link, out _));
        Assert.Equal("https://txng.example.vn/dl/01/08936012000016/10/L42", links.Public(request, link!));
    }

    [Fact]
    public void Lot_and_serial_links_are_the_resolver_paths()
    {
        Assert.Equal("https://txng.example.vn/01/08936012000016/10/L%2F42",
            DigitalLinkBase.ForLot("https://txng.example.vn", "08936012000016", "L/42").ToString());
        Assert.Equal("https://txng.example.vn/01/08936012000016/10/L42/21/ABC234",
            DigitalLinkBase.ForSerial("https://txng.example.vn", "08936012000016", "L42", "ABC234").ToUri("https://txng.example.vn"));
    }

    [Fact]
    public void Stored_layouts_resolve_back_to_their_sheets()
    {
        Assert.True(StoredLayout.TryResolve("a4-5x13", out var catalogue, out var none));
        Assert.Equal((LabelLayout.Find("a4-5x13"), (CustomLabelSheet?)null), (catalogue, none));

        var sheet = new CustomLabelSheet(50.25, 30, 3, 8, 5, 2);
        var stored = StoredLayout.For(sheet);
        Assert.Equal("custom:50.25x30:3x8:5x2", stored);
        Assert.True(StoredLayout.TryResolve(stored, out var custom, out var back));
        Assert.Equal(sheet, back);
        Assert.Equal(LabelLayout.Custom(50.25, 30, 3, 8, 5, 2), custom);

        foreach (var bad in new[] { null, "", "a4-9x99", "custom:", "custom:50x30:3x8", "custom:75x30:3x8:0x0", "custom:50x30:3.5x8:0x0", "custom:-5x30:3x8:0x0" })
            Assert.False(StoredLayout.TryResolve(bad, out _, out _), bad);
    }

    [Theory]
    [InlineData(75, 30, 3, 8, LabelLayoutProblem.TooWide, "225|210")]
    [InlineData(60, 40, 3, 7, LabelLayoutProblem.TooHigh, "298|297")]
    [InlineData(30, 15, 5, 10, LabelLayoutProblem.QrTooShort, "30|15|6.2|12|30|20.9")]
    [InlineData(10, 30, 5, 5, LabelLayoutProblem.QrTooNarrow, "10|30|8.4|12|13.6|30")]
    [InlineData(0, 30, 1, 1, LabelLayoutProblem.WidthNotPositive, "")]
    public void Layout_refusals_carry_the_problem_and_its_numbers_for_a_translation(double width, double height, int columns, int rows,
        LabelLayoutProblem problem, string values)
    {
        Assert.False(LabelLayout.TryCustom(new CustomLabelSheet(width, height, columns, rows, RowGapMm: problem == LabelLayoutProblem.TooHigh ? 3 : 0), out _, out var error));
        Assert.Equal(problem, error.Problem);
        Assert.Equal(values, string.Join('|', error.Values));
    }

    [Fact]
    public void Bulk_insert_columns_are_the_issued_serial_columns_of_the_model()
    {
        using var db = new SqliteVnTraceDbContext(new DbContextOptionsBuilder<SqliteVnTraceDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        var entity = db.Model.FindEntityType(typeof(IssuedSerial))!;
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.GetColumnName()).Order();
        Assert.Equal(IssuedSerialWriter.Columns.Order(), columns);
    }
}
