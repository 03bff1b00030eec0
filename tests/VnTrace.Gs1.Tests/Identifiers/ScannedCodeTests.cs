using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

public sealed class ScannedCodeTests
{
    [Theory]
    [InlineData("https://vntrace.example.vn/01/08936012000016/10/LOT42", "https://id.gs1.org/01/08936012000016/10/LOT42")]
    [InlineData("urn:epc:class:lgtin:8936012.000001.LOT42", "https://id.gs1.org/01/08936012000016/10/LOT42")]
    [InlineData("(01)08936012000016(10)LOT42", "https://id.gs1.org/01/08936012000016/10/LOT42")]
    [InlineData("(10)LOT42(01)08936012000016", "https://id.gs1.org/01/08936012000016/10/LOT42")]
    [InlineData("(01)08936012000016(21)S1(10)LOT42", "https://id.gs1.org/01/08936012000016/10/LOT42/21/S1")]
    [InlineData("]d20108936012000016\u001d10LOT42", "https://id.gs1.org/01/08936012000016/10/LOT42")]
    [InlineData("(00)389360120000000017", "https://id.gs1.org/00/389360120000000017")]
    [InlineData("8936012000016", "https://id.gs1.org/01/08936012000016")]
    [InlineData("389360120000000017", "https://id.gs1.org/00/389360120000000017")]
    [InlineData("  (414)8936012000009  ", "https://id.gs1.org/414/8936012000009")]
    public void Codes_people_type_or_scan_become_canonical_digital_links(string input, string expected)
    {
        Assert.True(ScannedCode.TryToDigitalLink(input, out var link, out var error), error?.ToString());
        Assert.Equal(expected, link.ToCanonicalUri());
    }

    [Fact]
    public void An_element_string_keeps_its_expiry_date_as_a_data_attribute()
    {
        Assert.True(ScannedCode.TryToDigitalLink("(01)08936012000016(17)271231(10)LOT42", out var link, out var error), error?.ToString());
        Assert.Equal("https://id.gs1.org/01/08936012000016/10/LOT42", link.ToCanonicalUri());
        Assert.Contains(link.Attributes, a => a.Ai == "17" && a.Value == "271231");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("8936012000014", "check digit")]
    [InlineData("12345", "neither a GTIN")]
    [InlineData("(400)PO-17", "no GS1 key")]
    [InlineData("(10)LOT42", "AI (10) BATCH/LOT needs AI (01)")] // a lot number alone names no product
    [InlineData("urn:epc:id:nonsense", "not an EPC URI")]
    public void Bad_codes_are_refused_with_a_reason(string input, string reason)
    {
        Assert.False(ScannedCode.TryToDigitalLink(input, out _, out var error));
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
