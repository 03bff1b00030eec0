using System.Text;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

public class Gs1KeyTests
{
    [Theory]
    [InlineData("09506000134352", "09506000134352")]
    [InlineData("9506000134352", "09506000134352")]
    [InlineData("614141000005", "00614141000005")]
    [InlineData("12345670", "00000012345670")]
    [InlineData("8935049500018", "08935049500018")]
    public void Gtin_8_12_13_and_14_normalise_to_14_digits(string input, string expected)
    {
        var gtin = Gtin.Parse(input);
        Assert.Equal(expected, gtin.ToString());
        Assert.Equal(gtin, Gtin.Parse(expected));
        Span<byte> utf8 = stackalloc byte[14];
        Assert.True(gtin.TryFormat(utf8, out var written, default, null));
        Assert.Equal(expected, Encoding.ASCII.GetString(utf8[..written]));
        Assert.Equal(expected, $"{gtin}");
    }

    [Theory]
    [InlineData("09506000134353", 13, "check digit 3 at position 13 should be 2")]
    [InlineData("0950600013435A", 13, "'A' at position 13 is not a digit")]
    [InlineData("95060001343", 0, "11 digits")]
    [InlineData("095060001343521", 0, "expected 8, 12, 13 or 14")]
    [InlineData("", 0, "0 digits")]
    public void Gtin_parse_errors_name_the_problem_and_position(string input, int position, string message)
    {
        Assert.False(Gtin.TryParse(input, out _, out var error));
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
        var thrown = Assert.Throws<Gs1FormatException>(() => Gtin.Parse(input));
        Assert.Equal(error, thrown.Error);
        Assert.False(Gtin.TryParse(input, null, out _));
    }

    [Fact]
    public void Gln_and_sscc_parse_real_keys_and_refuse_bad_check_digits()
    {
        Assert.Equal("4012345000009", Gln.Parse("4012345000009").ToString());
        Assert.Equal("106141411234567897", Sscc.Parse("106141411234567897").ToString());
        Assert.Equal(1, Sscc.Parse("106141411234567897").ExtensionDigit);
        Assert.False(Gln.TryParse("4012345000001", out _, out var glnError));
        Assert.Equal("GLN: check digit 1 at position 12 should be 9", glnError.Message);
        Assert.False(Sscc.TryParse("10614141123456789", out _, out var ssccError));
        Assert.Contains("expected 18", ssccError.Message);
    }

    [Fact]
    public void Keys_split_around_the_company_prefix_as_epc_uris_write_them()
    {
        Assert.Equal(("0614141", "107346"), Gtin.Parse("10614141073464").Split(7));
        Assert.Equal(("4012345", "00011"), Gln.Parse("4012345000115").Split(7));
        Assert.Equal(("0614141", "1123456789"), Sscc.Parse("106141411234567897").Split(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gln.Parse("4012345000115").Split(5));
    }

    [Theory]
    [InlineData("08935049500018", "893", "VN", true)]
    [InlineData("09506000134352", "950", null, false)]
    [InlineData("04012345123456", "401", "DE", false)]
    [InlineData("00614141000005", "061", "US", false)]
    [InlineData("09780306406157", "978", null, false)]
    [InlineData("00000089312346", "893", "VN", true)]
    public void Gs1_prefix_tells_the_member_organisation(string gtin, string prefix, string? country, bool vietnam)
    {
        var g = Gtin.Parse(gtin);
        Assert.Equal(prefix, g.Gs1Prefix);
        Assert.Equal(country, Gs1Prefix.CountryOf(g));
        Assert.Equal(vietnam, Gs1Prefix.IsVietnam(g));
    }

    [Fact]
    public void Gln_prefix_and_special_allocations()
    {
        Assert.True(Gs1Prefix.IsVietnam(Gln.Parse("8934567000017")));
        Assert.Equal("restricted", Gs1Prefix.AllocationOf("250"));
        Assert.Equal("isbn", Gs1Prefix.AllocationOf("979"));
        Assert.Null(Gs1Prefix.AllocationOf("x93"));
    }

    [Fact]
    public void Default_value_is_a_valid_all_zero_key() =>
        Assert.True(Gs1CheckDigit.IsValid(default(Gtin).ToString()));
}
