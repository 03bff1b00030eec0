using System.Runtime.CompilerServices;
using System.Text;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Server.Capture;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Tests.Platform.Events;

/// <summary>
/// Pins the JSON the database holds for an event. The stored form is the library's model serialized as it is, so
/// renaming a property of <see cref="EpcisEvent"/> or changing a serializer option would silently change what new
/// rows hold and make old rows unreadable: this test makes such a change a decision (migrate, or keep the name).
/// Regenerate the golden file deliberately with VNTRACE_UPDATE_GOLDEN=1.
/// </summary>
public sealed class StoredEventFormatTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "StoredEvents");

    private static IReadOnlyList<EpcisEvent> Events()
    {
        var read = EpcisJsonReader.ReadDocument(File.ReadAllBytes(Path.Combine(Folder, "events.jsonld")));
        Assert.True(read.Success, string.Join("; ", read.Errors));
        return read.Document!.Events;
    }

    private static string[] Stored(IEnumerable<EpcisEvent> events) =>
        [.. events.Select(e => CaptureService.ToEntity(Guid.Empty, Guid.Empty, e, e.EventId ?? "ni:///sha-256;test", "hash",
            new DateTime(2026, 3, 7, 1, 2, 3, DateTimeKind.Utc)).Json)];

    [Fact]
    public void Stored_json_of_every_event_type_matches_the_golden_file()
    {
        var stored = Stored(Events());
        var goldenPath = Path.Combine(Folder, "stored.golden.jsonl");
        if (Environment.GetEnvironmentVariable("VNTRACE_UPDATE_GOLDEN") == "1")
            File.WriteAllText(SourceFolder("stored.golden.jsonl"), string.Join('\n', stored) + "\n", new UTF8Encoding(false));
        var golden = File.ReadAllLines(goldenPath).Where(l => l.Length > 0).ToArray();
        Assert.Equal(golden.Length, stored.Length);
        for (var i = 0; i < golden.Length; i++)
            Assert.Equal(golden[i], stored[i]);
    }

    [Fact]
    public void Golden_rows_read_back_and_store_again_unchanged()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "stored.golden.jsonl")).Where(l => l.Length > 0))
            Assert.Equal(line, StoredEventFormat.Serialize(StoredEventFormat.Deserialize(line)));
    }

    [Fact]
    public void Golden_rows_cover_every_event_type_and_the_fields_queries_rely_on()
    {
        var golden = File.ReadAllText(Path.Combine(Folder, "stored.golden.jsonl"));
        // The first event type is the default value, which the stored form leaves out.
        var types = golden.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => StoredEventFormat.Deserialize(l).Type).ToHashSet();
        Assert.Equal(Enum.GetValues<EpcisEventType>().ToHashSet(), types);
        foreach (var field in new[] { "\"ilmd\"", "\"sensorElementList\"", "\"errorDeclaration\"", "\"persistentDisposition\"", "\"extensions\"", "\"recordTime\"" })
            Assert.Contains(field, golden);
    }

    [Fact]
    public void Mapping_an_event_to_its_row_leaves_the_event_unchanged()
    {
        var e = Events()[1];
        var before = StoredEventFormat.Serialize(e);
        var row = CaptureService.ToEntity(Guid.NewGuid(), Guid.NewGuid(), e, "ni:///sha-256;abc?ver=CBV2.0", "hash", DateTime.UtcNow);
        Assert.Equal(before, StoredEventFormat.Serialize(e));
        Assert.Null(e.EventId);
        Assert.Null(e.RecordTime);
        Assert.Equal("ni:///sha-256;abc?ver=CBV2.0", StoredEventFormat.Deserialize(row.Json).EventId);
    }

    private static string SourceFolder(string file, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "TestData", "StoredEvents", file);
}
