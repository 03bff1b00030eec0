using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

/// <summary>Each <see cref="Gs1ParseErrorCode"/> comes out of a representative bad input, with the message and place it always had.</summary>
public class Gs1ParseErrorCodeTests
{
    /// <summary>Parser, input, the code it must answer, and a piece of the message (which names the bad character or AI).</summary>
    public static TheoryData<string, string, Gs1ParseErrorCode, string> Cases => new()
    {
        { "element string", "", Gs1ParseErrorCode.Empty, "empty" },
        { "scanned code", "  ", Gs1ParseErrorCode.Empty, "empty" },
        { "gtin", "0950600013435A", Gs1ParseErrorCode.NotNumeric, "'A' at position 13 is not a digit" },
        { "gtin utf-8", "0950600013435é", Gs1ParseErrorCode.NotNumeric, "byte 0xC3 at position 13 is not a digit" },
        { "element string", "(01)0950600013435X", Gs1ParseErrorCode.NotNumeric, "'X' at position 13 is not a digit" },
        { "element string", "(10)ABC DEF", Gs1ParseErrorCode.InvalidCharacter, "' ' at position 3 is not in GS1 character set 82" },
        { "digital link", "https://id.gs1.org/01/09506000134352/10/A B", Gs1ParseErrorCode.InvalidCharacter, "' ' at position" },
        { "epc uri", "urn:epc:id:sgtin:0614141.107346.A/B", Gs1ParseErrorCode.InvalidCharacter, "'/' at position 33 must be %-escaped" },
        { "element string", "(01)09506000134353", Gs1ParseErrorCode.BadCheckDigit, "check digit 3 at position 13 should be 2" },
        { "gln", "4012345000116", Gs1ParseErrorCode.BadCheckDigit, "check digit 6 at position 12 should be 5" },
        { "element string", "(8013)1987654Ad4X4bL5ttr2310c2L", Gs1ParseErrorCode.BadCheckCharacters, "check characters 2L" },
        { "element string", "(01)0950600013435", Gs1ParseErrorCode.WrongLength, "13 characters long; expected 14" },
        { "sscc", "10614141123456789", Gs1ParseErrorCode.WrongLength, "17 digits; expected 18" },
        { "scanned code", "123456789", Gs1ParseErrorCode.WrongLength, "9 digits are neither a GTIN" },
        { "element string", "(10)123456789012345678901", Gs1ParseErrorCode.TooLong, "at most 20" },
        { "element string", "0109506000134352" + "10ABCDEFGHIJKLMNOPQRSTUVWXYZ", Gs1ParseErrorCode.TooLong, "GS separator missing" },
        { "element string", "(01)09506000134352(10)", Gs1ParseErrorCode.DataMissing, "AI (10) BATCH/LOT: data is missing" },
        { "element string", "(01)09506000134352(17)201325", Gs1ParseErrorCode.InvalidDate, "month 13" },
        { "element string", "(01)09506000134352(17)210230", Gs1ParseErrorCode.InvalidDate, "day 30" },
        { "element string", "(01)09506000134352(7003)2412312530", Gs1ParseErrorCode.OutOfRange, "hour 25" },
        { "element string", "(8006)040123451234560302", Gs1ParseErrorCode.OutOfRange, "piece 03 of total 02" },
        { "element string", "(00)106141411234567897(4321)2", Gs1ParseErrorCode.InvalidValue, "'2' at position 0 should be 0 (no) or 1 (yes)" },
        { "element string", "(01)09506000134352(8001)00001234512310", Gs1ParseErrorCode.InvalidValue, "must not be zero" },
        { "digital link", "https://id.gs1.org/01/09506000134352/21/A%2", Gs1ParseErrorCode.BadPercentEncoding, "does not start a %XX escape" },
        { "element string", "(99x)ABC", Gs1ParseErrorCode.UnknownAi, "'99x' at position 1 is not a GS1 Application Identifier" },
        { "element string", "01095060001343522399", Gs1ParseErrorCode.UnknownAi, "no GS1 Application Identifier starts at position 16" },
        { "digital link", "https://id.gs1.org/01/09506000134352?999=1", Gs1ParseErrorCode.UnknownAi, "'999' in the query string" },
        { "element string", "(01)09506000134352(01)04012345123456", Gs1ParseErrorCode.DuplicateAi, "AI (01) appears twice" },
        { "digital link", "https://id.gs1.org/01/09506000134352/10/L1?10=L2", Gs1ParseErrorCode.DuplicateAi, "AI (10) appears twice" },
        { "element string", "(10)ABC123", Gs1ParseErrorCode.MissingRequisiteAi, "AI (10) BATCH/LOT needs AI (01), (02), (03), (8006) or (8026) with it" },
        { "digital link", "https://id.gs1.org/414/4012345000115?17=261231", Gs1ParseErrorCode.MissingRequisiteAi, "AI (17) USE BY or EXPIRY needs" },
        { "element string", "(01)09506000134352(21)S1(235)T1", Gs1ParseErrorCode.ExclusiveAis, "AI (235) TPX cannot be used together with AI (21) SERIAL" },
        { "digital link", "https://id.gs1.org/01/09506000134352?3102=000500&3103=000750", Gs1ParseErrorCode.ExclusiveAis, "AI (3103)" },
        { "element string", "]X", Gs1ParseErrorCode.ElementStringSyntax, "symbology identifier" },
        { "element string", "(01)09506000134352(10", Gs1ParseErrorCode.ElementStringSyntax, "is never closed" },
        { "element string", "010950600013435210A\u001d", Gs1ParseErrorCode.ElementStringSyntax, "ends with a separator" },
        { "digital link", "ftp://id.gs1.org/01/09506000134352", Gs1ParseErrorCode.NotADigitalLink, "https://" },
        { "digital link", "https:///01/09506000134352", Gs1ParseErrorCode.NotADigitalLink, "no host" },
        { "digital link", "https://example.com/products/42", Gs1ParseErrorCode.NoPrimaryKey, "no GS1 primary key" },
        { "scanned code", "(400)PO-17", Gs1ParseErrorCode.NoPrimaryKey, "no GS1 key" },
        { "digital link", "https://id.gs1.org/01", Gs1ParseErrorCode.DigitalLinkPath, "AI (01) in the path has no value after it" },
        { "digital link", "https://id.gs1.org/01/09506000134352/21/S1/10/L1", Gs1ParseErrorCode.DigitalLinkPath, "AI (10) cannot follow AI (21)" },
        { "digital link", "https://id.gs1.org/01/09506000134352/17/261231", Gs1ParseErrorCode.DigitalLinkPath, "is not a key qualifier of AI (01)" },
        { "digital link", "https://id.gs1.org/01/09506000134352?21=S1", Gs1ParseErrorCode.NotADataAttribute, "AI (21) SERIAL is not allowed as a Digital Link data attribute" },
        { "digital link", "https://id.gs1.org/ARHKVAdpQgTBVAWOKZi9kLtX", Gs1ParseErrorCode.CompressedDigitalLink, "compressed Digital Link is not supported" },
        { "epc uri", "urn:epc:foo:sgtin:0614141.107346.2018", Gs1ParseErrorCode.EpcUriSyntax, "'foo' is not id, class or idpat" },
        { "epc uri", "urn:epc:id:sgtin:0614141.107346", Gs1ParseErrorCode.EpcUriSyntax, "has 2 dot-separated fields; expected 3" },
        { "epc uri", "urn:epc:id:adi:1.2.3", Gs1ParseErrorCode.NoEquivalent, "urn:epc:id:adi has no GS1 Digital Link form" },
        { "epc from link", "https://id.gs1.org/01/09506000134352/22/V1", Gs1ParseErrorCode.NoEquivalent, "AI (22) has no place in an EPC URI" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_kind_of_bad_input_answers_its_code(string parser, string input, Gs1ParseErrorCode code, string message)
    {
        var error = Parse(parser, input);
        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message);
        Assert.InRange(error.Position, 0, System.Text.Encoding.UTF8.GetByteCount(input));
    }

    [Fact]
    public void Every_code_has_a_case_above()
    {
        var covered = Cases.Select(row => row.Data.Item3).ToHashSet();
        var missing = Enum.GetValues<Gs1ParseErrorCode>().Where(c => !covered.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"no bad input produces {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_code_survives_the_exception_of_the_parse_methods()
    {
        var e = Assert.Throws<Gs1FormatException>(() => Gtin.Parse("09506000134353"));
        Assert.Equal(Gs1ParseErrorCode.BadCheckDigit, e.Error.Code);
    }

    private static Gs1ParseError? Parse(string parser, string input)
    {
        Gs1ParseError? error;
        _ = parser switch
        {
            "element string" => ElementString.TryParse(input, out _, out error),
            "digital link" => DigitalLink.TryParse(input, out _, out error),
            "scanned code" => ScannedCode.TryToDigitalLink(input, out _, out error),
            "epc uri" => EpcUri.TryParse(input, out _, out error),
            "epc from link" => EpcUri.TryFromDigitalLink(DigitalLink.Parse(input), null, out _, out error),
            "gtin" => Gtin.TryParse(input, out _, out error),
            "gtin utf-8" => Gtin.TryParse(System.Text.Encoding.UTF8.GetBytes(input), out _, out error),
            "gln" => Gln.TryParse(input, out _, out error),
            "sscc" => Sscc.TryParse(input, out _, out error),
            _ => throw new ArgumentException($"no parser '{parser}'", nameof(parser)),
        };
        return error;
    }
}
