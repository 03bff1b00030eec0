using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

/// <summary>GS1 Digital Link 1.0/1.1 short names in the path are read as their AIs and written back as numbers.</summary>
public class DigitalLinkShortNameTests
{
    [Theory]
    [InlineData("https://id.gs1.org/gtin/09780345418913", "https://id.gs1.org/01/09780345418913")]
    [InlineData("https://example.com/gtin/09780345418913/ser/765tz?abc=211121", "https://id.gs1.org/01/09780345418913/21/765tz")]
    [InlineData("https://example.com/gtin/09506000134352/lot/ABC1", "https://id.gs1.org/01/09506000134352/10/ABC1")]
    [InlineData("https://example.com/gln/9506000134352/glnx/12", "https://id.gs1.org/414/9506000134352/254/12")]
    public void Short_names_become_numeric_AIs(string link, string canonical)
    {
        Assert.True(EpcDigitalLink.TryToCanonicalDigitalLink(link, out var result));
        Assert.Equal(canonical, result);
    }

    [Fact]
    public void A_short_name_with_a_bad_check_digit_is_still_refused()
    {
        Assert.False(DigitalLink.TryParse("https://example.com/gtin/09780345418914", null, out _));
    }
}
