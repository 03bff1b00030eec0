using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

public class ElementStringTests
{
    private const char GS = ElementString.GroupSeparator;

    [Theory]
    [InlineData("(01)09506000134352(17)201225(10)ABC123")]
    [InlineData("(00)106141411234567897(400)PO-17(3303)000750")]
    [InlineData("(01)09506000134352(15)210100(21)12345(8200)https://example.vn/p")]
    [InlineData("(414)8934567000017(254)KHO-1")]
    [InlineData("(01)09506000134352(10)L1(7003)2412311330")]
    [InlineData("(8006)040123451234560102(21)999")]
    [InlineData("(8013)1987654Ad4X4bL5ttr2310c2K")]
    [InlineData("(253)4012345555554ABC(8003)0401234566666387")]
    public void Bracketed_round_trips_through_raw(string bracketed)
    {
        var parsed = ElementString.Parse(bracketed);
        Assert.Equal(bracketed, parsed.ToBracketed());
        var raw = parsed.ToRaw("]d2");
        Assert.Equal(parsed, ElementString.Parse(raw));
    }

    [Fact]
    public void Raw_scanner_data_needs_gs_only_after_variable_length_elements()
    {
        var raw = $"]C101095060001343521720122510ABC123{GS}21XYZ";
        var parsed = ElementString.Parse(raw);
        Assert.Equal("(01)09506000134352(17)201225(10)ABC123(21)XYZ", parsed.ToBracketed());
        Assert.Equal("ABC123", parsed["10"]);
        Assert.Equal(raw, parsed.ToRaw("]C1"));
    }

    [Theory]
    [InlineData("]Q3")]
    [InlineData("]d2")]
    [InlineData("")]
    public void Symbology_identifier_and_leading_fnc1_are_optional(string symbology)
    {
        Assert.Equal("(01)09506000134352(10)L1", ElementString.Parse($"{symbology}{GS}010950600013435210L1").ToBracketed());
        Assert.Equal("(01)09506000134352(10)L1", ElementString.Parse($"{symbology}010950600013435210L1").ToBracketed());
    }

    public static TheoryData<string, int, string?, string> Bad => new()
    {
        { "(01)09506000134353", 17, "01", "check digit 3 at position 13 should be 2" },
        { "(01)09506000134352(17)201325", 24, "17", "month 13" },
        { "(01)09506000134352(17)210230", 26, "17", "day 30" },
        { "(01)09506000134352(7006)210200", 28, "7006", "day 00" },
        { "(01)0950600013435", 4, "01", "13 characters long; expected 14" },
        { "(10)ABC DEF", 7, "10", "' ' at position 3 is not in GS1 character set 82" },
        { "(99x)ABC", 1, null, "'99x' at position 1 is not a GS1 Application Identifier" },
        { "(10)" + "123456789012345678901", 24, "10", "at most 20" },
        { "(01)09506000134352(01)09506000134352(01)04012345123456", 40, "01", "twice" },
        { "0109506000134352" + "10ABCDEFGHIJKLMNOPQRSTUVWXYZ", 38, "10", "GS separator missing" },
        { "01095060001343522399", 16, null, "no GS1 Application Identifier starts at position 16" },
        { "]X", 0, null, "symbology identifier" },
        { $"010950600013435210A{GS}", 19, null, "ends with a separator" },
        { "(8006)040123451234560302", 20, "8006", "piece 03 of total 02" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Errors_name_the_ai_and_position(string input, int position, string? ai, string message)
    {
        Assert.False(ElementString.TryParse(input, out _, out var error));
        Assert.Equal(position, error.Position);
        Assert.Equal(ai, error.Ai);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Day_00_is_allowed_where_gs1_allows_it()
    {
        Assert.True(ElementString.TryParse("(01)09506000134352(17)251200", out _, out _));
        Assert.True(ElementString.TryParse("(01)09506000134352(15)240229", out _, out _));
        Assert.False(ElementString.TryParse("(01)09506000134352(15)250229", out _, out _));
    }

    [Fact]
    public void Bracketed_data_may_escape_an_opening_bracket()
    {
        var parsed = ElementString.Parse(@"(01)09506000134352(10)A\(B");
        Assert.Equal("A(B", parsed["10"]);
        Assert.Equal(@"(01)09506000134352(10)A\(B", parsed.ToBracketed());
    }
}
