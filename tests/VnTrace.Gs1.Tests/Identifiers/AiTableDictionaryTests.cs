using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

/// <summary>Our AI table against GS1's Barcode Syntax Dictionary (../shared/standards/gs1-syntax).</summary>
public class AiTableDictionaryTests(ITestOutputHelper output)
{
    private sealed record DictionaryEntry(string Ai, string Flags, string Format, string? DlPkey, string Pairing, int Line);

    private static Dictionary<string, DictionaryEntry> ReadDictionary()
    {
        var path = SharedStandards.PathOf("gs1-syntax", "gs1-syntax-dictionary.txt");
        var entries = new Dictionary<string, DictionaryEntry>();
        var lineNumber = 0;
        foreach (var rawLine in File.ReadLines(path))
        {
            lineNumber++;
            var hash = rawLine.IndexOf('#');
            var line = (hash < 0 ? rawLine : rawLine[..hash]).Trim();
            if (line.Length == 0)
                continue;
            var tokens = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var i = 1;
            var flags = "";
            if (i < tokens.Length && !IsComponent(tokens[i]))
                flags = tokens[i++];
            var components = new List<string>();
            while (i < tokens.Length && IsComponent(tokens[i]))
                components.Add(tokens[i++]);
            string? dlpkey = null;
            var pairing = new List<string>();
            for (; i < tokens.Length; i++)
            {
                if (tokens[i] == "dlpkey")
                    dlpkey = "";
                else if (tokens[i].StartsWith("dlpkey=", StringComparison.Ordinal))
                    dlpkey = tokens[i]["dlpkey=".Length..];
                else if (tokens[i].StartsWith("req=", StringComparison.Ordinal) || tokens[i].StartsWith("ex=", StringComparison.Ordinal))
                    pairing.Add(tokens[i]);
            }
            foreach (var ai in Expand(tokens[0]))
                entries[ai] = new DictionaryEntry(ai, flags, string.Join(' ', components), dlpkey, NormalPairing(pairing), lineNumber);
        }
        return entries;
    }

    /// <summary>Pairing rules in one order: the dictionary writes req= and ex= in either order, which means the same.</summary>
    private static string NormalPairing(IEnumerable<string> rules) => string.Join(' ', rules.Order(StringComparer.Ordinal));

    private static bool IsComponent(string token) => token[0] is 'N' or 'X' or 'Y' or 'Z' or '[';

    private static IEnumerable<string> Expand(string ais)
    {
        var dash = ais.IndexOf('-');
        if (dash < 0)
            return [ais];
        var first = int.Parse(ais[..dash]);
        var last = int.Parse(ais[(dash + 1)..]);
        return Enumerable.Range(first, last - first + 1).Select(n => n.ToString().PadLeft(dash, '0'));
    }

    [Fact]
    public void Every_ai_in_our_table_agrees_with_the_gs1_syntax_dictionary()
    {
        var dictionary = ReadDictionary();
        var problems = new List<string>();
        foreach (var ai in ApplicationIdentifierTable.All)
        {
            if (!dictionary.TryGetValue(ai.Code, out var entry))
            {
                problems.Add($"({ai.Code}) is not in the dictionary");
                continue;
            }
            if (ai.Format != entry.Format)
                problems.Add($"({ai.Code}) format '{ai.Format}' but dictionary line {entry.Line} says '{entry.Format}'");
            if (ai.RequiresFnc1 == entry.Flags.Contains('*'))
                problems.Add($"({ai.Code}) FNC1 required = {ai.RequiresFnc1} but dictionary flags are '{entry.Flags}'");
            if (ai.IsDigitalLinkDataAttribute != entry.Flags.Contains('?'))
                problems.Add($"({ai.Code}) DL data attribute = {ai.IsDigitalLinkDataAttribute} but dictionary flags are '{entry.Flags}'");
            var ours = ai.DigitalLinkQualifiers is null ? null : string.Join('|', ai.DigitalLinkQualifiers.Select(s => string.Join(',', s)));
            if (ours != entry.DlPkey)
                problems.Add($"({ai.Code}) dlpkey '{ours ?? "(none)"}' but dictionary says '{entry.DlPkey ?? "(none)"}'");
            // Our rules are read back from the parsed model, so this also proves the table's notation is read right.
            var pairing = NormalPairing(ai.Pairing.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (pairing != entry.Pairing)
                problems.Add($"({ai.Code}) pairing '{pairing}' but dictionary line {entry.Line} says '{entry.Pairing}'");
        }
        var missing = dictionary.Keys.Where(k => !ApplicationIdentifierTable.TryGet(k, out _)).Order().ToList();
        output.WriteLine($"{ApplicationIdentifierTable.All.Count} AIs compared; not in our table: {(missing.Count == 0 ? "none" : string.Join(", ", missing))}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Check_digit_and_date_rules_are_exposed_from_the_components()
    {
        Assert.True(ApplicationIdentifierTable.Get("01").HasCheckDigit);
        Assert.False(ApplicationIdentifierTable.Get("10").HasCheckDigit);
        Assert.Equal("yymmd0", ApplicationIdentifierTable.Get("17").DateRule);
        Assert.Equal("yymmdd", ApplicationIdentifierTable.Get("7006").DateRule);
        Assert.Equal("yyyymmdd", ApplicationIdentifierTable.Get("7250").DateRule);
        Assert.False(ApplicationIdentifierTable.Get("01").RequiresFnc1);
        Assert.True(ApplicationIdentifierTable.Get("10").RequiresFnc1);
        Assert.Equal([["22", "10", "21"], ["235"]], ApplicationIdentifierTable.Get("01").DigitalLinkQualifiers);
        Assert.Equal("CERT # 3", ApplicationIdentifierTable.Get("7232").Title);
        Assert.Equal("req=01,02 ex=310n", ApplicationIdentifierTable.Get("3103").Pairing);
        Assert.Equal("req=00 req=02,8026", ApplicationIdentifierTable.Get("37").Pairing);
        Assert.Equal("req=01+21+8040", ApplicationIdentifierTable.Get("8041").Pairing);
    }
}
