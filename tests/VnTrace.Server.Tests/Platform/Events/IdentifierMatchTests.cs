using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Tests.Platform.Events;

/// <summary>What an EPC pattern in a MATCH_ parameter selects among canonical identifiers (EPCIS 2.0 §8.2.7.1.1).</summary>
public sealed class IdentifierMatchTests
{
    private const string Gtin = "https://id.gs1.org/01/08936012000108";

    [Theory]
    // A whole GTIN: its class-level link, and every item or lot under it.
    [InlineData("urn:epc:idpat:sgtin:8936012.000010.*", Gtin, Gtin + "/%")]
    [InlineData("urn:epc:idpat:sgtin:893601200.0010.*", Gtin, Gtin + "/%")]
    public void A_gtin_pattern_selects_the_gtin_and_what_is_under_it(string pattern, string exact, string like)
    {
        var match = IdentifierMatch.From([pattern]);
        Assert.Equal([exact], match.Exact);
        Assert.Equal([like], match.Patterns);
    }

    [Fact]
    public void A_pattern_with_a_serial_selects_that_one_item()
    {
        var match = IdentifierMatch.From(["urn:epc:idpat:sgtin:8936012.000010.1001"]);
        Assert.Equal([Gtin + "/21/1001"], match.Exact);
        Assert.Empty(match.Patterns);
    }

    [Fact]
    public void A_company_prefix_pattern_selects_its_gtins_by_like()
    {
        var match = IdentifierMatch.From(["urn:epc:idpat:sgtin:8936012.*.*"]);
        Assert.Empty(match.Exact);
        Assert.Equal(["https://id.gs1.org/01/_8936012______%"], match.Patterns);
    }

    [Theory]
    // No GTIN behind the fields: the value is matched as sent, never as some other GTIN.
    [InlineData("urn:epc:idpat:sgtin:8936012.00001.*")]
    [InlineData("urn:epc:idpat:sgtin:89360A2.000010.*")]
    [InlineData("urn:epc:idpat:sgtin:8936012.000010")]
    public void A_pattern_with_no_gtin_is_matched_as_sent(string pattern)
    {
        var match = IdentifierMatch.From([pattern]);
        Assert.Equal([pattern], match.Exact);
        Assert.Empty(match.Patterns);
    }
}
