using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

/// <summary>
/// The canonical GTIN-level link (EPCIS epcClass): a GTIN alone or with its lot, on id.gs1.org, from whichever
/// class-level form names it.
/// </summary>
public class DigitalLinkGtinTests
{
    // GTIN 0 8936012 00010 8: GS1 Vietnam prefix 893, company prefix 8936012 (7 digits) or 893601200 (9 digits).
    private const string Gtin14 = "https://id.gs1.org/01/08936012000108";

    public static TheoryData<string, string> GtinLevel => new()
    {
        { Gtin14, Gtin14 },
        // GTIN-13, -12 and -8 stand in the path as they are printed; the canonical form has 14 digits.
        { "https://id.gs1.org/01/8936012000108", Gtin14 },
        { "https://id.gs1.org/01/614141000036", "https://id.gs1.org/01/00614141000036" },
        { "https://id.gs1.org/01/12345670", "https://id.gs1.org/01/00000012345670" },
        { "https://id.gs1.org/01/18936012000105", "https://id.gs1.org/01/18936012000105" },
        // Another host, a path prefix, data attributes and link types: the identity is the key and the lot.
        { "https://truyxuat.example.vn/dl/01/8936012000108/10/LOT-1?17=261231&linkType=gs1:pip", Gtin14 + "/10/LOT-1" },
        { "http://example.vn/01/08936012000108?linkType=all", Gtin14 },
        { "https://example.vn/gtin/08936012000108/lot/L1", Gtin14 + "/10/L1" },
        // A lot with characters the path must percent-encode ('/', '%', '"'), however it came.
        { "https://id.gs1.org/01/08936012000108/10/AB%2F12%25%22", Gtin14 + "/10/AB%2F12%25%22" },
        { "https://example.vn/01/08936012000108/10/A%2fb", Gtin14 + "/10/A%2Fb" },
        { "urn:epc:class:lgtin:8936012.000010.AB%2F12%25%22", Gtin14 + "/10/AB%2F12%25%22" },
        { "urn:epc:class:lgtin:4054739.099914.20160711", "https://id.gs1.org/01/04054739999148/10/20160711" },
        // EPC patterns: the company prefix length does not change the GTIN.
        { "urn:epc:idpat:sgtin:8936012.000010.*", Gtin14 },
        { "urn:epc:idpat:sgtin:893601200.0010.*", Gtin14 },
        { "urn:epc:idpat:sgtin:8936012.100010.*", "https://id.gs1.org/01/18936012000105" },
        { "urn:epc:idpat:sgtin:0000012.034567.*", "https://id.gs1.org/01/00000012345670" },
        { "urn:epc:idpat:sgtin:4054739.099914.*", "https://id.gs1.org/01/04054739999148" },
    };

    [Theory]
    [MemberData(nameof(GtinLevel))]
    public void A_class_level_identifier_has_its_canonical_gtin_link(string identifier, string canonical)
    {
        Assert.True(DigitalLink.TryToCanonicalGtinLink(identifier, out var link));
        Assert.Equal(canonical, link.ToString());
        Assert.Equal(canonical, link.ToCanonicalUri());
        Assert.Equal(DigitalLink.CanonicalBase, link.Base);
        Assert.Empty(link.Attributes);
        Assert.Empty(link.OtherQueryParameters);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("08936012000108")]
    [InlineData("urn:x:lot:1")]
    // Items and other keys are not GTIN-level.
    [InlineData("https://id.gs1.org/01/08936012000108/21/S1")]
    [InlineData("https://id.gs1.org/01/08936012000108/10/L1/21/S1")]
    [InlineData("https://id.gs1.org/01/08936012000108/22/V1")]
    [InlineData("urn:epc:id:sgtin:8936012.000010.1001")]
    [InlineData("https://id.gs1.org/414/4012345000115")]
    [InlineData("urn:epc:id:sscc:4012345.0000000333")]
    // Bad keys and patterns with no single GTIN.
    [InlineData("https://id.gs1.org/01/08936012000109")]
    [InlineData("https://id.gs1.org/01/89360120001")]
    [InlineData("urn:epc:idpat:sgtin:8936012.*.*")]
    [InlineData("urn:epc:idpat:sgtin:*.*.*")]
    [InlineData("urn:epc:idpat:sgtin:8936012.00001.*")]
    [InlineData("urn:epc:idpat:sgtin:8936012.000010.1001")]
    [InlineData("urn:epc:idpat:sgtin:89360A2.000010.*")]
    public void Other_identifiers_have_no_gtin_link(string? identifier) =>
        Assert.False(DigitalLink.TryToCanonicalGtinLink(identifier, out _));

    [Theory]
    [InlineData("08936012000108", null, Gtin14)]
    [InlineData("8936012000108", "LOT-1", Gtin14 + "/10/LOT-1")]
    [InlineData("12345670", "AB/12%\"", "https://id.gs1.org/01/00000012345670/10/AB%2F12%25%22")]
    [InlineData("614141000036", "A=b;c'd", "https://id.gs1.org/01/00614141000036/10/A=b;c'd")]
    public void A_gtin_and_lot_make_the_canonical_link(string gtin, string? lot, string expected)
    {
        var link = DigitalLink.ForGtin(Gtin.Parse(gtin), lot);
        Assert.Equal(expected, link.ToString());
        Assert.Equal(link, DigitalLink.Parse(expected));
    }

    [Theory]
    [InlineData("", "data is missing")]
    [InlineData("LÔ-1", "U+00D4 at position 1")]
    [InlineData("LOT 1", "' ' at position 3")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", "at most 20")]
    public void A_lot_that_is_no_AI_10_value_is_refused_naming_what_is_wrong(string lot, string expected)
    {
        var error = Assert.Throws<Gs1FormatException>(() => DigitalLink.ForGtin(Gtin.Parse("08936012000108"), lot)).Error;
        Assert.Equal("10", error.Ai);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_form_of_a_random_gtin_and_lot_names_the_same_canonical_link()
    {
        var random = new Random(893);
        var lotCharacters = Gs1Charset.Cset82;
        for (var i = 0; i < 500; i++)
        {
            var body = string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + random.Next(10))));
            var gtin = Gtin.Parse(body + Gs1CheckDigit.ComputeChar(body));
            var lot = random.Next(4) == 0 ? null : new string(Enumerable.Range(0, random.Next(1, 21)).Select(_ => lotCharacters[random.Next(lotCharacters.Length)]).ToArray());
            var expected = DigitalLink.ForGtin(gtin, lot);
            var companyPrefixLength = random.Next(Gs1CompanyPrefix.MinLength, Gs1CompanyPrefix.MaxLength + 1);

            // The link itself, on another host with a query string.
            var elsewhere = expected.ToUri("https://truyxuat.example.vn/dl") + "?linkType=gs1:pip";
            Assert.True(DigitalLink.TryToCanonicalGtinLink(elsewhere, out var fromLink), elsewhere);
            Assert.Equal(expected, fromLink);

            // Its EPC form: an LGTIN with a lot, the SGTIN pattern without.
            Assert.True(EpcDigitalLink.TryToEpcUri(expected.ToString(), companyPrefixLength, out var epc), expected.ToString());
            Assert.True(DigitalLink.TryToCanonicalGtinLink(epc, out var fromEpc), epc);
            Assert.Equal(expected, fromEpc);

            // Any serialised item of the GTIN, its serial taken away, is the GTIN-level link.
            if (lot is null)
            {
                var (companyPrefix, itemReference) = gtin.Split(companyPrefixLength);
                Assert.True(EpcDigitalLink.TryToCanonicalDigitalLink($"urn:epc:id:sgtin:{companyPrefix}.{itemReference}.7", out var item));
                Assert.Equal(expected.ToString() + "/21/7", item);
            }
        }
    }
}
