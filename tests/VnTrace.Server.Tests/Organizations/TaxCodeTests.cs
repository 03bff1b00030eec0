using System.Text;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Tests.Organizations;

public sealed class TaxCodeTests
{
    [Theory]
    [InlineData("0100109106", TaxCodeKind.Enterprise, "0100109106")]
    [InlineData("  6000180976 ", TaxCodeKind.Enterprise, "6000180976")]
    [InlineData("0314409058-002", TaxCodeKind.DependentUnit, "0314409058")]
    [InlineData("066204001234", TaxCodeKind.PersonalIdentification, null)]
    public void Accepts_the_three_forms(string input, TaxCodeKind kind, string? enterprise)
    {
        Assert.True(TaxCode.TryParse(input, out var code, out var error), error?.Message);
        Assert.Equal(kind, code.Kind);
        Assert.Equal(input.Trim(), code.ToString());
        Assert.Equal(enterprise, code.EnterpriseCode);
    }

    [Theory]
    [InlineData("01001O9106", 5, "'O' at position 5 is not a digit")]
    [InlineData("0100 109106", 4, "A space at position 4 is not a digit")]
    [InlineData("0100109106/001", 10, "'/' at position 10 is not a digit")]
    [InlineData("01001-09106", 5, "'-' at position 5: a branch suffix follows the first 10 digits")]
    [InlineData("0100109106-00A", 13, "'A' at position 13 is not a digit")]
    [InlineData("0100109106-000", 11, "Branch number 000 at position 11")]
    [InlineData(" 01001x9106", 6, "'x' at position 6 is not a digit")]
    public void A_bad_character_is_named_with_its_position(string input, int position, string message)
    {
        Assert.False(TaxCode.TryParse(input, out _, out var error));
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("123456789", "dropped a leading zero")]
    [InlineData("01001091060", "11 characters")]
    [InlineData("0100109106001", "write a dependent unit's code as 10 digits, '-', 3 digits")]
    [InlineData("0100109106-0011", "has 4 digits; it must have 3")]
    [InlineData("0100109106-", "has 0 digits; it must have 3")]
    public void A_wrong_length_is_explained(string input, string message)
    {
        Assert.False(TaxCode.TryParse(input, out _, out var error));
        Assert.Contains(message, error.Message);
    }

    /// <summary>
    /// The weighted mod-11 rule agrees with real codes (a sample of python-stdnum's list of codes found online,
    /// tests/test_vn_mst.doctest, and large companies' published codes); it is reported, not enforced.
    /// </summary>
    [Theory]
    [InlineData("0100109106")] // Viettel
    [InlineData("0300588569")] // Vinamilk
    [InlineData("0101248141")] // FPT
    [InlineData("0100112437")]
    [InlineData("0100233488")]
    [InlineData("0314409058-002")]
    [InlineData("3702642596")]
    [InlineData("5900705097")]
    [InlineData("8037630690")]
    [InlineData("2000102580-005")]
    public void The_usual_check_digit_rule_agrees_with_real_codes(string input)
    {
        var code = TaxCode.Parse(input);
        Assert.True(code.CheckDigitAgrees);
    }

    [Fact]
    public void A_code_whose_check_digit_disagrees_is_accepted_but_flagged()
    {
        Assert.True(TaxCode.TryParse("0100233480", out var code, out _));
        Assert.False(code.CheckDigitAgrees);
        Assert.Null(TaxCode.Parse("066204001234").CheckDigitAgrees);
        Assert.Equal(6, TaxCode.ExpectedCheckDigit("010010910"));
    }

    [Fact]
    public void Binds_from_routes_and_forms_through_ISpanParsable_and_formats_to_utf8()
    {
        Assert.True(TryParse<TaxCode>("0100109106-001", out var code));
        Assert.Equal(TaxCodeKind.DependentUnit, code.Kind);
        Assert.False(TryParse<TaxCode>("abc", out _));
        Assert.False(TaxCode.TryParse((string?)null, null, out _));
        Assert.Throws<FormatException>(() => TaxCode.Parse("abc"));

        Span<byte> utf8 = stackalloc byte[20];
        Assert.True(code.TryFormat(utf8, out var written, default, null));
        Assert.Equal("0100109106-001", Encoding.ASCII.GetString(utf8[..written]));
        Assert.Equal(TaxCode.Parse("0100109106-001"), code);
    }

    private static bool TryParse<T>(string s, out T? result) where T : ISpanParsable<T> => T.TryParse(s.AsSpan(), null, out result);
}
