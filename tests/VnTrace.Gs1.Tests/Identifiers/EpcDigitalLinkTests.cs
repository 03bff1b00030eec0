using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

public class EpcDigitalLinkTests
{
    // GS1 Tag Data Standard examples and the EPC/Digital Link pairs of the event-hash golden files
    // (epcisDocWithAllGS1Keys and others in ../shared/standards/event-hash/examples).
    public static TheoryData<string, string> Pairs => new()
    {
        // Item reference 107346 carries indicator digit 1 (TDS §6.3.1): the GTIN is 1 0614141 07346 4.
        { "urn:epc:id:sgtin:0614141.107346.2018", "https://id.gs1.org/01/10614141073464/21/2018" },
        { "urn:epc:id:sgtin:0614141.007346.2018", "https://id.gs1.org/01/00614141073467/21/2018" },
        { "urn:epc:id:sgtin:0614141.812345.6789", "https://id.gs1.org/01/80614141123458/21/6789" },
        { "urn:epc:class:lgtin:4012345.012345.998877", "https://id.gs1.org/01/04012345123456/10/998877" },
        { "urn:epc:id:sgtin:4012345.012345.12", "https://id.gs1.org/01/04012345123456/21/12" },
        { "urn:epc:id:sgtin:4012345.011111.98%22", "https://id.gs1.org/01/04012345111118/21/98%22" },
        { "urn:epc:id:sscc:4012345.0000000333", "https://id.gs1.org/00/040123450000003338" },
        { "urn:epc:id:sgln:4012345.00011.987", "https://id.gs1.org/414/4012345000115/254/987" },
        { "urn:epc:id:sgln:4012345.00000.0", "https://id.gs1.org/414/4012345000009" },
        { "urn:epc:id:pgln:4012345.00000", "https://id.gs1.org/417/4012345000009" },
        { "urn:epc:id:grai:4012345.66666.87", "https://id.gs1.org/8003/0401234566666387" },
        { "urn:epc:id:giai:4012345.AAbb", "https://id.gs1.org/8004/4012345AAbb" },
        { "urn:epc:id:gsrn:4012345.9876540000", "https://id.gs1.org/8018/401234598765400000" },
        { "urn:epc:id:gsrnp:4012345.0000098765", "https://id.gs1.org/8017/401234500000987658" },
        { "urn:epc:id:gdti:4012345.55555.98", "https://id.gs1.org/253/401234555555498" },
        { "urn:epc:id:cpi:4012345.ABC.123", "https://id.gs1.org/8010/4012345ABC/8011/123" },
        { "urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234", "https://id.gs1.org/8010/061414111111111111111-A%23%2F/8011/1234" },
        { "urn:epc:id:sgcn:4012345.99999.44", "https://id.gs1.org/255/401234599999044" },
        { "urn:epc:id:ginc:4012345.333", "https://id.gs1.org/401/4012345333" },
        { "urn:epc:id:ginc:0614141.xyz47%2F11", "https://id.gs1.org/401/0614141xyz47%2F11" },
        { "urn:epc:id:gsin:4012345.999987654", "https://id.gs1.org/402/40123459999876541" },
        { "urn:epc:id:itip:4012345.012345.01.02.999", "https://id.gs1.org/8006/040123451234560102/21/999" },
        { "urn:epc:id:upui:4012345.012345.AB12", "https://id.gs1.org/01/04012345123456/235/AB12" },
        { "urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB", "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB" },
        { "urn:epc:idpat:sgtin:4054739.099914.*", "https://id.gs1.org/01/04054739999148" },
        { "urn:epc:class:lgtin:4054739.099914.20160711", "https://id.gs1.org/01/04054739999148/10/20160711" },
        { "urn:epc:idpat:gdti:4012345.55555.*", "https://id.gs1.org/253/4012345555554" },
        { "urn:epc:idpat:grai:4012345.66666.*", "https://id.gs1.org/8003/04012345666663" },
        { "urn:epc:idpat:sgcn:4012345.99999.*", "https://id.gs1.org/255/4012345999990" },
        { "urn:epc:idpat:cpi:4012345.ABC.*", "https://id.gs1.org/8010/4012345ABC" },
        { "urn:epc:idpat:itip:4012345.012345.01.02.*", "https://id.gs1.org/8006/040123451234560102" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Epc_uri_converts_to_canonical_digital_link(string epc, string expected)
    {
        Assert.True(EpcDigitalLink.TryToCanonicalDigitalLink(epc, out var dl));
        Assert.Equal(expected, dl);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Digital_link_converts_back_to_the_same_epc_uri_with_a_7_digit_company_prefix(string epc, string dl)
    {
        Assert.True(EpcDigitalLink.TryToEpcUri(dl, out var back));
        Assert.Equal(epc, back);
    }

    [Theory]
    [InlineData("https://example.vn/truyxuat/01/9506000134352/21/ABC", "https://id.gs1.org/01/09506000134352/21/ABC")]
    [InlineData("HTTPS://id.gs1.org/01/09506000134352/10/LOT1?17=261231&linkType=gs1:pip", "https://id.gs1.org/01/09506000134352/10/LOT1")]
    [InlineData("http://id.gs1.org/00/106141411234567897", "https://id.gs1.org/00/106141411234567897")]
    [InlineData("https://brand.example/01/12345670", "https://id.gs1.org/01/00000012345670")]
    public void Digital_link_input_comes_back_canonical(string input, string expected)
    {
        Assert.True(EpcDigitalLink.TryToCanonicalDigitalLink(input, out var dl));
        Assert.Equal(expected, dl);
    }

    [Theory]
    [InlineData("urn:example:thing:1")]
    [InlineData("https://example.com/products/42")]
    [InlineData("urn:epc:id:sgtin:0614141.107346")]
    [InlineData("urn:epc:id:sgtin:0614141.10734.2018")]
    [InlineData("urn:epc:id:gid:95100000.12345.400")]
    [InlineData("urn:epc:idpat:sgtin:0614141.*.*")]
    [InlineData("https://id.gs1.org/01/09506000134353")]
    [InlineData("")]
    public void Non_gs1_or_invalid_identifiers_do_not_convert(string input) =>
        Assert.False(EpcDigitalLink.TryToCanonicalDigitalLink(input, out _));

    [Theory]
    [InlineData("https://id.gs1.org/01/09506000134352/21/ABC", 8, "urn:epc:id:sgtin:95060001.03435.ABC")]
    [InlineData("https://id.gs1.org/414/8934567000017", 9, "urn:epc:id:sgln:893456700.001.0")]
    [InlineData("https://id.gs1.org/00/089345670000000017", 9, "urn:epc:id:sscc:893456700.00000001")]
    public void Company_prefix_length_can_be_given(string dl, int length, string expected)
    {
        Assert.True(EpcDigitalLink.TryToEpcUri(dl, length, out var epc));
        Assert.Equal(expected, epc);
    }

    [Theory]
    [InlineData("https://id.gs1.org/01/09506000134352/22/V1/21/ABC")]
    [InlineData("https://id.gs1.org/8013/1987654Ad4X4bL5ttr2310c2K")]
    [InlineData("https://id.gs1.org/415/5412345000013/8020/ABC")]
    public void Digital_links_without_an_epc_form_do_not_convert(string dl) =>
        Assert.False(EpcDigitalLink.TryToEpcUri(dl, out _));

    [Fact]
    public void Epc_parse_error_names_the_problem()
    {
        Assert.False(EpcUri.TryParse("urn:epc:id:sgtin:0614141.10734.2018", out _, out var error));
        Assert.Contains("13 digits", error.Message);
        Assert.False(EpcUri.TryParse("urn:epc:id:sgtin:0614141.107346.20/18", out _, out error));
        Assert.Contains("'/'", error.Message);
        Assert.Equal(34, error.Position);
    }
}
