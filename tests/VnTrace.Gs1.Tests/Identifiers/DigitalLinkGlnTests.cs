using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

public class DigitalLinkGlnTests
{
    public static TheoryData<string, string, GlnKind> Named => new()
    {
        { "https://id.gs1.org/414/4012345000115", "4012345000115", GlnKind.Location },
        { "https://id.gs1.org/414/4012345000115/254/987", "4012345000115", GlnKind.Location },
        { "https://example.vn/truy-xuat/414/8934567000017/254/KHO-1?linkType=all", "8934567000017", GlnKind.Location },
        { "https://id.gs1.org/gln/4012345000115/glnx/987", "4012345000115", GlnKind.Location },
        { "https://id.gs1.org/417/4012345000009", "4012345000009", GlnKind.Party },
        { "https://example.vn/party/4012345000009", "4012345000009", GlnKind.Party },
        { "urn:epc:id:sgln:4012345.00011.987", "4012345000115", GlnKind.Location },
        { "urn:epc:id:sgln:4012345.00011.0", "4012345000115", GlnKind.Location },
        { "urn:epc:id:pgln:4012345.00000", "4012345000009", GlnKind.Party },
    };

    [Theory]
    [MemberData(nameof(Named))]
    public void Location_and_party_identifiers_name_their_gln_and_kind(string identifier, string gln, GlnKind kind)
    {
        Assert.True(DigitalLink.TryGetGln(identifier, out var found, out var foundKind));
        Assert.Equal(gln, found.ToString());
        Assert.Equal(kind, foundKind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4012345000115")]
    [InlineData("https://id.gs1.org/414/4012345000116")]
    [InlineData("https://id.gs1.org/01/09506000134352")]
    [InlineData("https://id.gs1.org/415/5412345000013/8020/INV%2F01")]
    [InlineData("urn:epc:id:sgtin:0614141.107346.2018")]
    [InlineData("urn:epc:id:sgln:4012345.0001.987")]
    [InlineData("urn:x:farm:1")]
    public void Other_identifiers_name_no_gln(string? identifier) =>
        Assert.False(DigitalLink.TryGetGln(identifier, out _, out _));

    [Fact]
    public void A_parsed_link_tells_its_gln_too()
    {
        Assert.True(DigitalLink.Parse("https://id.gs1.org/417/4012345000009").TryGetGln(out var gln, out var kind));
        Assert.Equal(("4012345000009", GlnKind.Party), (gln.ToString(), kind));
        Assert.False(DigitalLink.Parse("https://id.gs1.org/00/106141411234567897").TryGetGln(out _, out _));
    }
}
