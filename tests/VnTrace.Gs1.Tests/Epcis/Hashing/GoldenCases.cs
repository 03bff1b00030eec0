using System.Security.Cryptography;
using System.Text;

namespace VnTrace.Gs1.Tests.Epcis.Hashing;

/// <summary>
/// The golden cases of ../shared/standards/event-hash/examples (from RalphTro/epcis-event-hash-generator): for each
/// case name, its documents (.xml, .jsonld), the expected pre-hash strings (.prehashes, one line an event) and
/// hash IDs (.hashes). Walked at test time; nothing is copied into the repository.
/// </summary>
/// <remarks>
/// A few files are broken. Each is listed below with what is wrong, found by checking every pre-hash line against
/// its own hash (SHA-256 must match) and against its document. The code is never bent to match them.
/// </remarks>
public static class GoldenCases
{
    public const string Folder = "event-hash/examples";

    /// <summary>Whole cases that cannot be tested, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExcludedCases = new Dictionary<string, string>
    {
        ["epcisDocHavingTooManyUserExtensions"] =
            ".prehashes without its document and without .hashes: nothing to compute the pre-hash from",
        ["epcisXmlQueryDocHavingEventWithIgnoreFields"] =
            "not a valid EPCISQueryDocument: queryName and resultsBody sit directly under the root instead of EPCISBody/QueryResults (EPCglobal-epcis-query-2_0.xsd), so the reader rightly finds no events; the same events are covered by epcisXmlDocHavingEventWithIgnoreFields",
    };

    /// <summary>Expected pre-hash lines that are wrong, by case and 0-based event index, and why.</summary>
    public static readonly IReadOnlyDictionary<(string Case, int Event), string> ExcludedPreHashes =
        new Dictionary<(string, int), string>
        {
            [("epcisDocWithAllGS1Keys", 0)] =
                "garbled line: text is interleaved (\"epc=httpspc=https://\", \"https://i23456010d.gs1.org\", \"quantityElementetityElempcClass\"), and its SHA-256 is not the .hashes value",
            [("epcisDocWithCustomSchemaInContext", 1)] =
                "contradicts the document: the line repeats event 1 (shipping, one bizTransaction, example:myField) with the extension moved before bizTransactionList, while the document's event 2 is a receiving event with two bizTransactions and example:myField2; its SHA-256 is not the .hashes value",
            [("epcisDocWithDefaultSchemaInContext", 1)] =
                "truncated line: it stops inside \"urn:epcglobal:cbv:bt:06141410734\" (the document says ...:0614141073467:1152 and a po transaction); its SHA-256 is not the .hashes value",
            [("SensorDataExamples", 6)] =
                "stringValue=111100001111000003641344 where the document says 111100001111000011110000: the generator read the string as a binary float and lost digits (GS1's later expected output has the document's value); stringValue is text",
            [("SensorDataExamples", 7)] =
                "the document puts bizRules on a sensorReport, which EPCIS 2.0 defines on sensorMetadata only (EPCglobal-epcis-2_0.xsd SensorReportType); the line shows how the generator dumped that invalid attribute (a second sensorElementList at the end), which no valid event produces",
        };

    /// <summary>
    /// Rows that are right but wait on another part of the library, by case (all events), with what they wait for.
    /// Delete the entry when it lands.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Pending = new Dictionary<string, string>
    {
        ["epcisXmlDocHavingEventWithIgnoreFields"] =
            "waits on Epcis.Xml: the reader keeps the EPCIS 1.x <extension><quantityList> wrapper as a user extension named 'extension' instead of reading the quantityList inside it",
    };

    /// <summary>Expected hash IDs that are wrong, by case and 0-based event index, and why.</summary>
    public static readonly IReadOnlyDictionary<(string Case, int Event), string> ExcludedHashes =
        new Dictionary<(string, int), string>
        {
            [("SensorDataExamples", 6)] = "hash of the float-mangled pre-hash line (see the pre-hash exclusion)",
            [("SensorDataExamples", 7)] = "hash of the pre-hash with the invalid sensorReport bizRules (see the pre-hash exclusion)",
        };

    public sealed record GoldenCase(string Name, IReadOnlyList<string> Documents, IReadOnlyList<string> PreHashes,
        IReadOnlyList<string> Hashes);

    /// <summary>Every case in the folder, by name; empty when ../shared/standards is absent.</summary>
    public static IReadOnlyList<GoldenCase> All()
    {
        if (SharedStandards.Root is null)
            return [];
        var folder = Path.Combine(SharedStandards.Root, Folder);
        if (!Directory.Exists(folder))
            return [];

        return Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".prehashes", StringComparison.Ordinal) || f.EndsWith(".hashes", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => Load(folder, name!))
            .ToList();
    }

    public static GoldenCase Get(string name)
    {
        var found = All().SingleOrDefault(c => c.Name == name);
        if (found is null)
            Assert.Skip($"golden case {name} is not present on this machine");
        return found;
    }

    private static GoldenCase Load(string folder, string name)
    {
        var documents = new[] { ".xml", ".jsonld", ".json" }
            .Select(ext => Path.Combine(folder, name + ext))
            .Where(File.Exists)
            .ToList();
        return new(name, documents, Lines(Path.Combine(folder, name + ".prehashes")),
            Lines(Path.Combine(folder, name + ".hashes")));
    }

    // One line an event; the files end with or without a newline, and some with a blank line.
    private static List<string> Lines(string path) =>
        File.Exists(path)
            ? File.ReadAllText(path, Encoding.UTF8).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList()
            : [];

    public static string Sha256Id(string preHash) =>
        "ni:///sha-256;" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preHash))) + "?ver=CBV2.0";

    /// <summary>Where two strings first differ, with the text around it on both sides.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
            i++;
        if (i == expected.Length && i == actual.Length)
            return "identical";
        var from = Math.Max(0, i - 60);
        return $"first difference at position {i}:\n  expected …{Slice(expected, from, i)}\n  actual   …{Slice(actual, from, i)}";
    }

    private static string Slice(string s, int from, int at) =>
        from >= s.Length ? "«end»" : s[from..at] + "⟦" + (at < s.Length ? s[at..Math.Min(s.Length, at + 80)] : "«end»") + "⟧";
}
