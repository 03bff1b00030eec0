using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Hashing;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Epcis.Xml;

namespace VnTrace.Gs1.Tests.Epcis.Hashing;

/// <summary>
/// GS1's own cases in ../shared/standards/gs1-epcis/XML/WithEventHashID: event_with_identical_hash_id_1 is a base
/// event, and 2–7 restate it with syntactic differences only (another time zone, shuffled lists, another namespace
/// prefix, an explicit xsi:type, JSON-LD instead of XML). All must have the base event's hash ID.
/// </summary>
public class IdenticalHashIdTests
{
    private const string Folder = "gs1-epcis/XML/WithEventHashID";

    public static IEnumerable<TheoryDataRow<string>> Variants()
    {
        var folder = SharedStandards.Root is { } root ? Path.Combine(root, Folder) : null;
        if (folder is null || !Directory.Exists(folder))
        {
            yield return new TheoryDataRow<string>("none") { Skip = $"../shared/standards/{Folder} is not present on this machine" };
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "event_with_identical_hash_id_*").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name == BaseName)
                continue;
            var row = new TheoryDataRow<string>(name);
            if (Excluded.TryGetValue(name, out var reason))
                row.Skip = reason;
            yield return row;
        }
    }

    private const string BaseName = "event_with_identical_hash_id_1.xml";

    private static readonly Dictionary<string, string> Excluded = new()
    {
        ["event_with_identical_hash_id_2.xml"] =
            "contradicts the algorithm: it changes eventTimeZoneOffset (-05:00 for -06:00), which is event data and item 3 of the CBV 2.0 canonical property order; only eventTime's own offset is normalised away",
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_has_the_hash_id_of_the_base_event(string variant)
    {
        var baseEvent = Single(SharedStandards.PathOf(Folder, BaseName));
        var other = Single(SharedStandards.PathOf(Folder, variant));

        var expected = EventHash.PreHash(baseEvent);
        var actual = EventHash.PreHash(other);
        Assert.True(expected == actual, GoldenCases.FirstDifference(expected, actual));
        Assert.Equal(EventHash.Compute(baseEvent), EventHash.Compute(other));
    }

    private static EpcisEvent Single(string path)
    {
        var result = path.EndsWith(".xml", StringComparison.Ordinal)
            ? EpcisXmlReader.ReadDocument(File.ReadAllText(path))
            : EpcisJsonReader.ReadDocument(File.ReadAllBytes(path));

        Assert.True(result.Document is not null, $"{Path.GetFileName(path)} could not be read:\n  " + string.Join("\n  ", result.Errors));
        return Assert.Single(result.Document!.Events);
    }
}
