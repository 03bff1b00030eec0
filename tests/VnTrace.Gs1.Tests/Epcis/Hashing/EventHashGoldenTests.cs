using VnTrace.Gs1.Epcis.Hashing;

namespace VnTrace.Gs1.Tests.Epcis.Hashing;

/// <summary>
/// The event hash against the golden cases in ../shared/standards/event-hash/examples: every document × event is
/// its own row, the pre-hash string compared first (the failure shows where it starts to differ), then the hash ID.
/// Rows for broken golden lines are skipped with the reason from <see cref="GoldenCases"/>.
/// </summary>
public class EventHashGoldenTests
{
    private const string NoStandards = "../shared/standards/event-hash/examples is not present on this machine";

    public static IEnumerable<TheoryDataRow<string, int>> GoldenLines()
    {
        var any = false;
        foreach (var golden in GoldenCases.All())
        {
            for (var i = 0; i < golden.PreHashes.Count; i++)
            {
                any = true;
                yield return Row(new TheoryDataRow<string, int>(golden.Name, i), golden.Name, i, GoldenCases.ExcludedPreHashes);
            }
        }
        if (!any)
            yield return new TheoryDataRow<string, int>("none", 0) { Skip = NoStandards };
    }

    public static IEnumerable<TheoryDataRow<string, string, int>> DocumentPreHashes() =>
        DocumentRows(golden => golden.PreHashes.Count, GoldenCases.ExcludedPreHashes);

    public static IEnumerable<TheoryDataRow<string, string, int>> DocumentHashes() =>
        DocumentRows(golden => golden.Hashes.Count, GoldenCases.ExcludedHashes);

    public static IEnumerable<TheoryDataRow<string, string>> Documents()
    {
        var any = false;
        foreach (var golden in GoldenCases.All())
        {
            foreach (var document in golden.Documents)
            {
                any = true;
                var row = new TheoryDataRow<string, string>(golden.Name, Path.GetFileName(document));
                if (GoldenCases.ExcludedCases.TryGetValue(golden.Name, out var reason))
                    row.Skip = reason;
                yield return row;
            }
        }
        if (!any)
            yield return new TheoryDataRow<string, string>("none", "none") { Skip = NoStandards };
    }

    /// <summary>Each expected pre-hash line hashes to the expected hash ID: catches golden files that disagree with themselves.</summary>
    [Theory]
    [MemberData(nameof(GoldenLines))]
    public void Golden_prehash_line_hashes_to_its_golden_hash_id(string caseName, int eventIndex)
    {
        var golden = GoldenCases.Get(caseName);
        Assert.True(eventIndex < golden.Hashes.Count, $"{caseName}.hashes has no line {eventIndex + 1}");
        Assert.Equal(golden.Hashes[eventIndex], GoldenCases.Sha256Id(golden.PreHashes[eventIndex]));
        Assert.Equal(golden.Hashes[eventIndex], EventHash.FromPreHash(golden.PreHashes[eventIndex]));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Golden_document_has_one_event_per_golden_line(string caseName, string document)
    {
        var golden = GoldenCases.Get(caseName);
        var events = GoldenDocuments.Events(golden, document);
        Assert.Equal(Math.Max(golden.PreHashes.Count, golden.Hashes.Count), events.Count);
    }

    [Theory]
    [MemberData(nameof(DocumentPreHashes))]
    public void PreHash_of_golden_event_equals_golden_prehash(string caseName, string document, int eventIndex)
    {
        var golden = GoldenCases.Get(caseName);
        var events = GoldenDocuments.Events(golden, document);
        Assert.True(eventIndex < events.Count, $"{document} has {events.Count} events, the golden file {golden.PreHashes.Count}");

        var expected = golden.PreHashes[eventIndex];
        var actual = EventHash.PreHash(events[eventIndex], GoldenDocuments.IgnoredFields(golden, document));
        Assert.True(expected == actual, GoldenCases.FirstDifference(expected, actual));
    }

    [Theory]
    [MemberData(nameof(DocumentHashes))]
    public void Hash_id_of_golden_event_equals_golden_hash_id(string caseName, string document, int eventIndex)
    {
        var golden = GoldenCases.Get(caseName);
        var events = GoldenDocuments.Events(golden, document);
        Assert.True(eventIndex < events.Count, $"{document} has {events.Count} events, the golden file {golden.Hashes.Count}");

        Assert.Equal(golden.Hashes[eventIndex],
            EventHash.Compute(events[eventIndex], GoldenDocuments.IgnoredFields(golden, document)));
    }

    private static IEnumerable<TheoryDataRow<string, string, int>> DocumentRows(
        Func<GoldenCases.GoldenCase, int> lineCount, IReadOnlyDictionary<(string, int), string> excluded)
    {
        var any = false;
        foreach (var golden in GoldenCases.All())
        {
            foreach (var document in golden.Documents)
            {
                for (var i = 0; i < lineCount(golden); i++)
                {
                    any = true;
                    var row = new TheoryDataRow<string, string, int>(golden.Name, Path.GetFileName(document), i)
                    {
                        Label = $"{Path.GetFileName(document)} event {i + 1}",
                    };
                    yield return Row(row, golden.Name, i, excluded);
                }
            }
        }
        if (!any)
            yield return new TheoryDataRow<string, string, int>("none", "none", 0) { Skip = NoStandards };
    }

    private static T Row<T>(T row, string caseName, int eventIndex, IReadOnlyDictionary<(string, int), string> excluded)
        where T : TheoryDataRowBase
    {
        if (GoldenCases.ExcludedCases.TryGetValue(caseName, out var caseReason))
            row.Skip = caseReason;
        else if (GoldenCases.Pending.TryGetValue(caseName, out var pending) && row is not TheoryDataRow<string, int>)
            row.Skip = "pending: " + pending;
        else if (excluded.TryGetValue((caseName, eventIndex), out var reason))
            row.Skip = reason;
        return row;
    }
}
