using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

/// <summary>The req= and ex= rules of the GS1 Barcode Syntax Dictionary, in element strings and Digital Links.</summary>
public class AiPairingTests
{
    [Theory]
    [InlineData("(01)09506000134352(17)261231(10)ABC123")]
    [InlineData("(00)106141411234567897(02)09506000134352(37)12")] // (37) needs (00) and one of (02), (8026)
    [InlineData("(01)09506000134352(3103)000750(3922)1250")] // (3922) needs (01) and one of (30), (31nn), …
    [InlineData("(415)5412345000013(8020)INV01(3902)12345")]
    [InlineData("(01)09506000134352(21)A1(8040)356938035643809(8041)356938035643817")]
    [InlineData("(01)09506000134352(10)L1(7004)12")] // (7004) needs the group (01)+(10)
    [InlineData("(01)09506000134352(3103)000750(3103)000750")] // an AI is not exclusive of itself
    [InlineData("(8018)123456789012345675(7250)19991231")]
    public void Element_strings_that_keep_the_pairing_rules_parse(string input) =>
        Assert.True(ElementString.TryParse(input, out _, out var error), error?.ToString());

    public static TheoryData<string, Gs1ParseErrorCode, int, string, string> Broken => new()
    {
        { "(10)ABC123", Gs1ParseErrorCode.MissingRequisiteAi, 1, "10", "AI (10) BATCH/LOT needs AI (01), (02), (03), (8006) or (8026) with it" },
        { "]d210ABC123", Gs1ParseErrorCode.MissingRequisiteAi, 3, "10", "AI (10) BATCH/LOT needs" },
        { "(01)09506000134352(7004)12", Gs1ParseErrorCode.MissingRequisiteAi, 19, "7004", "needs AI (01)+(10) with it" },
        { "(01)09506000134352(3922)1250", Gs1ParseErrorCode.MissingRequisiteAi, 19, "3922", "needs AI (30), (31nn), (32nn), (35nn) or (36nn) with it" },
        { "(00)106141411234567897(37)12", Gs1ParseErrorCode.MissingRequisiteAi, 23, "37", "AI (37) COUNT needs AI (02) or (8026) with it" },
        { "(01)09506000134352(21)A1(8041)356938035643817", Gs1ParseErrorCode.MissingRequisiteAi, 25, "8041", "needs AI (01)+(21)+(8040)" },
        { "(01)09506000134352(3102)000500(3103)000750", Gs1ParseErrorCode.ExclusiveAis, 31, "3103", "AI (3103) NET WEIGHT (kg) cannot be used together with AI (3102) NET WEIGHT (kg)" },
        { "010950600013435231020005003103000750", Gs1ParseErrorCode.ExclusiveAis, 26, "3103", "cannot be used together with AI (3102)" },
        { "(01)09506000134352(21)S1(235)T1", Gs1ParseErrorCode.ExclusiveAis, 25, "235", "AI (235) TPX cannot be used together with AI (21) SERIAL" },
        { "(01)09506000134352(37)5", Gs1ParseErrorCode.ExclusiveAis, 19, "37", "AI (37) COUNT cannot be used together with AI (01) GTIN" },
        { "(8018)123456789012345675(7250)19991231(7251)199912311200", Gs1ParseErrorCode.ExclusiveAis, 39, "7251", "cannot be used together with AI (7250)" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Element_strings_that_break_a_rule_name_the_ai_and_its_place(string input, Gs1ParseErrorCode code, int position, string ai, string message)
    {
        Assert.False(ElementString.TryParse(input, out _, out var error));
        Assert.Equal(code, error.Code);
        Assert.Equal(position, error.Position);
        Assert.Equal(ai, error.Ai);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("https://id.gs1.org/414/4012345000115/254/987")]
    [InlineData("https://id.gs1.org/01/09506000134352/10/L1?3103=000750&3922=1250&17=261231")]
    [InlineData("https://id.gs1.org/00/106141411234567897?02=09506000134352&37=12")]
    [InlineData("https://id.gs1.org/8010/4012345ABC/8011/123")]
    [InlineData("https://id.gs1.org/01/09506000134352/10/L1?10=L1")]
    public void Digital_links_that_keep_the_pairing_rules_parse(string uri) =>
        Assert.True(DigitalLink.TryParse(uri, out _, out var error), error?.ToString());

    [Theory]
    [InlineData("https://id.gs1.org/414/4012345000115?10=ABC", Gs1ParseErrorCode.MissingRequisiteAi, 37, "AI (10) BATCH/LOT needs")]
    [InlineData("https://id.gs1.org/00/106141411234567897?37=12", Gs1ParseErrorCode.MissingRequisiteAi, 41, "AI (37) COUNT needs AI (02) or (8026)")]
    [InlineData("https://id.gs1.org/8006/040123451234560102/22/A", Gs1ParseErrorCode.MissingRequisiteAi, 43, "AI (22) CPV needs AI (01) with it")]
    [InlineData("https://id.gs1.org/01/09506000134352?3102=000500&3103=000750", Gs1ParseErrorCode.ExclusiveAis, 49, "AI (3103) NET WEIGHT (kg) cannot be used together with AI (3102)")]
    [InlineData("https://id.gs1.org/01/09506000134352?255=4012345000016", Gs1ParseErrorCode.ExclusiveAis, 37, "AI (255) GCN cannot be used together with AI (01) GTIN")]
    [InlineData("https://id.gs1.org/01/09506000134352/10/L1?10=L2", Gs1ParseErrorCode.DuplicateAi, 43, "AI (10) appears twice with different data")]
    public void Digital_links_check_path_and_query_together(string uri, Gs1ParseErrorCode code, int position, string message)
    {
        Assert.False(DigitalLink.TryParse(uri, out _, out var error));
        Assert.Equal(code, error.Code);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Combined_data_from_several_carriers_is_checked_as_one()
    {
        // GS1 asks for the rules over all carriers on an item: a (10) on its own label is fine beside the GTIN's.
        Assert.Equal(Gs1ParseErrorCode.MissingRequisiteAi, AiPairingRules.Check([new("10", "L1")])?.Code);
        Assert.Null(AiPairingRules.Check([new("10", "L1"), new("01", "09506000134352")]));
        Assert.Equal(Gs1ParseErrorCode.UnknownAi, AiPairingRules.Check([new("999", "1")])?.Code);
    }

    [Theory]
    [InlineData("310n", "3105", true)]
    [InlineData("310n", "3110", false)]
    [InlineData("31nn", "3110", true)]
    [InlineData("31nn", "311", false)]
    [InlineData("01", "01", true)]
    [InlineData("01", "010", false)]
    [InlineData("8nnn", "8020", true)]
    public void Patterns_match_ais_of_their_length_with_any_digit_at_each_n(string pattern, string ai, bool matches) =>
        Assert.Equal(matches, new AiPattern(pattern).Matches(ai));

    [Theory]
    [InlineData("n0")]
    [InlineData("1")]
    [InlineData("31x")]
    [InlineData("12345")]
    public void A_malformed_pattern_is_refused(string pattern) =>
        Assert.Throws<FormatException>(() => new AiPattern(pattern));

    [Fact]
    public void Every_pattern_in_the_table_names_ais_the_table_has()
    {
        var problems = new List<string>();
        foreach (var ai in ApplicationIdentifierTable.All)
        {
            var patterns = ai.Requisites.SelectMany(r => r.Alternatives).SelectMany(g => g).Concat(ai.Exclusions);
            foreach (var pattern in patterns.Where(p => !ApplicationIdentifierTable.All.Any(other => p.Matches(other.Code))))
                problems.Add($"({ai.Code}) {ai.Pairing}: '{pattern}' matches no AI");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
