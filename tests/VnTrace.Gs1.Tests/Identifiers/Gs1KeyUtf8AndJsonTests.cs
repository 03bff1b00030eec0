using System.Text;
using System.Text.Json;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

/// <summary>GTIN, GLN and SSCC read from UTF-8 bytes and written to and read from JSON as their digit strings.</summary>
public class Gs1KeyUtf8AndJsonTests
{
    public sealed record Shipment(Gtin Item, Gln Place, Sscc Pallet, Gtin? Other, Dictionary<Gtin, int> Counts);

    [Theory]
    [InlineData("09506000134352")]
    [InlineData("9506000134352")]
    [InlineData("614141000005")]
    [InlineData("12345670")]
    public void Utf8_parse_gives_the_same_gtin_as_the_string_parse(string digits)
    {
        Assert.True(Gtin.TryParse(Encoding.UTF8.GetBytes(digits), out var fromBytes, out var error));
        Assert.Null(error);
        Assert.Equal(Gtin.Parse(digits), fromBytes);
        Assert.Equal(Gtin.Parse(digits), Gtin.Parse(Encoding.UTF8.GetBytes(digits), null));
    }

    [Theory]
    [InlineData("09506000134353")] // check digit
    [InlineData("0950600013435")] // 13 digits is a GTIN-13 with its own check digit
    [InlineData("095060001343a2")]
    [InlineData("123")]
    [InlineData("")]
    public void Utf8_parse_refuses_what_the_string_parse_refuses_with_the_same_error(string digits)
    {
        var fromString = Gtin.TryParse(digits, out _, out var stringError);
        var fromBytes = Gtin.TryParse(Encoding.UTF8.GetBytes(digits), out _, out var bytesError);
        Assert.Equal(fromString, fromBytes);
        Assert.Equal(stringError, bytesError);
    }

    [Fact]
    public void A_byte_outside_ascii_is_refused_where_it_stands()
    {
        var bytes = Encoding.UTF8.GetBytes("0950600013435é");
        Assert.False(Gln.TryParse(bytes, out _, out var error));
        Assert.Equal(13, error!.Position);
        Assert.Contains("not a digit", error.Message);
        Assert.Throws<Gs1FormatException>(() => Sscc.Parse(bytes, null));
    }

    [Fact]
    public void Gln_and_sscc_parse_from_utf8()
    {
        Assert.Equal(Gln.Parse("8934567000017"), Gln.Parse("8934567000017"u8, null));
        Assert.Equal(Sscc.Parse("106141411234567897"), Sscc.Parse("106141411234567897"u8, null));
        Assert.False(Sscc.TryParse("106141411234567890"u8, null, out _));
    }

    [Fact]
    public void Json_writes_and_reads_keys_as_digit_strings_also_as_dictionary_keys()
    {
        var shipment = new Shipment(Gtin.Parse("9506000134352"), Gln.Parse("8934567000017"), Sscc.Parse("106141411234567897"), null,
            new() { [Gtin.Parse("12345670")] = 3 });
        var json = JsonSerializer.Serialize(shipment);
        Assert.Equal("""{"Item":"09506000134352","Place":"8934567000017","Pallet":"106141411234567897","Other":null,"Counts":{"00000012345670":3}}""", json);
        Assert.Equal(shipment.Item, JsonSerializer.Deserialize<Shipment>(json)!.Item);
        var back = JsonSerializer.Deserialize<Shipment>(json)!;
        Assert.Equal((shipment.Place, shipment.Pallet, (Gtin?)null), (back.Place, back.Pallet, back.Other));
        Assert.Equal(3, back.Counts[Gtin.Parse("00000012345670")]);
    }

    [Fact]
    public void Json_reads_a_short_gtin_and_an_escaped_value_in_their_canonical_form()
    {
        Assert.Equal(Gtin.Parse("00614141000005"), JsonSerializer.Deserialize<Gtin>("\"614141000005\""));
        Assert.Equal(Gtin.Parse("00614141000005"), JsonSerializer.Deserialize<Gtin>("\"\\u0036\\u0031\\u0034141000005\""));
    }

    [Theory]
    [InlineData("\"09506000134353\"", "check digit")]
    [InlineData("\"0950\"", "digits")]
    [InlineData("9506000134352", "string of digits")]
    public void Json_refuses_a_bad_key_with_the_reason(string json, string reason)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Gtin>(json));
        Assert.Contains(reason, e.Message);
    }
}
