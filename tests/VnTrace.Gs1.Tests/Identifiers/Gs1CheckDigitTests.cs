using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

public class Gs1CheckDigitTests
{
    [Theory]
    [InlineData("0950600013435", 2)]
    [InlineData("401234500000", 9)]
    [InlineData("1061414107346", 4)]
    [InlineData("1234567", 0)]
    [InlineData("10614141123456789", 7)]
    [InlineData("0401234566666", 3)]
    public void Compute_returns_the_mod10_check_digit(string digits, int expected) =>
        Assert.Equal(expected, Gs1CheckDigit.Compute(digits));

    [Theory]
    [InlineData("09506000134352", true)]
    [InlineData("4012345000009", true)]
    [InlineData("106141411234567897", true)]
    [InlineData("09506000134353", false)]
    [InlineData("0950600013435A", false)]
    [InlineData("", false)]
    public void IsValid_checks_the_last_digit(string key, bool valid) => Assert.Equal(valid, Gs1CheckDigit.IsValid(key));

    [Fact]
    public void Check_names_the_wrong_digit_and_the_right_one()
    {
        var error = Gs1CheckDigit.Check("09506000134353");
        Assert.NotNull(error);
        Assert.Equal(13, error.Position);
        Assert.Equal("check digit 3 at position 13 should be 2", error.Message);
    }

    [Fact]
    public void Alpha_check_pair_matches_the_gs1_gmn_example()
    {
        // GS1 General Specifications §7.9.5 example GMN.
        Assert.Equal("2K", Gs1CheckDigit.ComputeAlphaPair("1987654Ad4X4bL5ttr2310c"));
    }
}
