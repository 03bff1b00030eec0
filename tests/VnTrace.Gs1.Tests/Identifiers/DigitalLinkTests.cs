using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

public class DigitalLinkTests
{
    [Fact]
    public void Parses_host_prefix_key_qualifiers_attributes_and_other_parameters()
    {
        var link = DigitalLink.Parse("https://example.vn/truy-xuat/v1/01/9506000134352/22/V%2F2/10/LOT%2F17/21/S1?17=261231&3103=000750&linkType=gs1%3Apip&x=a+b");
        Assert.Equal("https://example.vn/truy-xuat/v1", link.Base);
        Assert.Equal(new AiElement("01", "09506000134352"), link.PrimaryKey);
        Assert.Equal([new AiElement("22", "V/2"), new AiElement("10", "LOT/17"), new AiElement("21", "S1")], link.Qualifiers);
        Assert.Equal([new AiElement("17", "261231"), new AiElement("3103", "000750")], link.Attributes);
        Assert.Equal([new KeyValuePair<string, string>("linkType", "gs1:pip"), new("x", "a b")], link.OtherQueryParameters);
        Assert.Equal("https://id.gs1.org/01/09506000134352/22/V%2F2/10/LOT%2F17/21/S1", link.ToCanonicalUri());
        Assert.Equal("https://truyxuat.example.vn/01/09506000134352/22/V%2F2/10/LOT%2F17/21/S1?17=261231&3103=000750&linkType=gs1%3Apip&x=a%20b",
            link.ToUri("https://truyxuat.example.vn/"));
        Assert.Equal(link, DigitalLink.Parse(link.ToString()));
    }

    [Theory]
    [InlineData("https://id.gs1.org/00/106141411234567897")]
    [InlineData("https://id.gs1.org/01/09506000134352/235/TPX1")]
    [InlineData("https://id.gs1.org/414/4012345000115/254/987")]
    [InlineData("https://id.gs1.org/417/4012345000009")]
    [InlineData("https://id.gs1.org/8006/040123451234560102/10/B/21/C")]
    [InlineData("https://id.gs1.org/8010/4012345ABC/8011/123")]
    [InlineData("https://id.gs1.org/8017/401234500000987658/8019/12")]
    [InlineData("https://id.gs1.org/415/5412345000013/8020/INV%2F01")]
    [InlineData("https://id.gs1.org/8004/4012345AAbb/7040/1ABC")]
    [InlineData("https://id.gs1.org/01/09506000134352?10=LOT&15=240200&linkType=all")]
    public void Valid_links_round_trip(string uri) => Assert.Equal(uri, DigitalLink.Parse(uri).ToString());

    public static TheoryData<string, string, int?> Bad => new()
    {
        { "https://id.gs1.org/01/09506000134353", "check digit 3 at position 13 should be 2", 35 },
        { "https://id.gs1.org/01/9506000134353", "check digit 3 at position 13 should be 2", 34 },
        { "https://id.gs1.org/01/09506000134352/21/S1/10/L1", "AI (10) cannot follow AI (21)", 43 },
        { "https://id.gs1.org/01/09506000134352/21/S1/235/T1", "AI (235) cannot follow AI (21)", 43 },
        { "https://id.gs1.org/01/09506000134352/17/261231", "AI (17) USE BY or EXPIRY is not a key qualifier of AI (01)", 37 },
        { "https://id.gs1.org/00/106141411234567897/21/1", "takes no key qualifiers", 41 },
        { "https://id.gs1.org/01/09506000134352?21=S1", "AI (21) SERIAL is not allowed as a Digital Link data attribute", 37 },
        { "https://id.gs1.org/01/09506000134352?17=261332", "month 13", null },
        { "https://id.gs1.org/01/09506000134352?999=1", "'999' in the query string is not an Application Identifier", 37 },
        { "https://id.gs1.org/ARHKVAdpQgTBVAWOKZi9kLtX", "compressed Digital Link is not supported", 19 },
        { "https://example.com/products/42", "no GS1 primary key", null },
        { "ftp://id.gs1.org/01/09506000134352", "https://", 0 },
        { "https://id.gs1.org/01/09506000134352/21/A%2", "does not start a %XX escape", null },
        { "https://id.gs1.org/01", "no value", 19 },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_links_are_refused_with_a_precise_message(string uri, string message, int? position)
    {
        Assert.False(DigitalLink.TryParse(uri, out _, out var error));
        Assert.Contains(message, error.Message);
        if (position is { } p)
            Assert.Equal(p, error.Position);
        Assert.Throws<Gs1FormatException>(() => DigitalLink.Parse(uri));
    }

    [Theory]
    [InlineData("https://id.gs1.org/ARHKVAdpQgTBVAWOKZi9kLtX", true)]
    [InlineData("https://example.vn/AQnYUc1gmiBUDFgrM4", true)]
    [InlineData("https://id.gs1.org/01/09506000134352", false)]
    [InlineData("https://example.vn/products", false)]
    [InlineData("https://example.vn/12345678901", false)]
    [InlineData("https://example.vn/no-such-page", false)]
    public void Compressed_links_are_recognised_by_their_shape(string uri, bool compressed) =>
        Assert.Equal(compressed, DigitalLink.LooksCompressed(uri));

    [Fact]
    public void Special_characters_are_percent_encoded_per_the_digital_link_table()
    {
        var link = new DigitalLink { PrimaryKey = new("01", "09506000134352"), Qualifiers = [new("21", "A/B(1)*+,:!'\"%&<>?;=")] };
        Assert.Equal("https://id.gs1.org/01/09506000134352/21/A%2FB%281%29%2A%2B%2C%3A%21'%22%25%26%3C%3E%3F;=", link.ToCanonicalUri());
        Assert.Equal(link, DigitalLink.Parse(link.ToCanonicalUri()));
    }
}
