using System.Text;
using System.Text.Json;
using VnTrace.Gs1.Epcis;

namespace VnTrace.Gs1.Tests.Epcis.Json;

/// <summary>
/// The JSON-LD documents the tests walk: GS1's examples in ../shared/standards/gs1-epcis/JSON (found at test
/// time, so a new example is tested too) and our own under TestData/Json.
/// </summary>
internal static class JsonExamples
{
    private const string Missing = "(../shared/standards is not present)";

    /// <summary>Paths relative to gs1-epcis/JSON of every *.jsonld and *.json file below it.</summary>
    public static TheoryData<string> Standard()
    {
        var data = new TheoryData<string>();
        var root = SharedStandards.Root is { } shared ? Path.Combine(shared, "gs1-epcis", "JSON") : null;
        if (root is null || !Directory.Exists(root))
        {
            data.Add(Missing);
            return data;
        }
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".jsonld", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    /// <summary>Our own documents, copied to the test output.</summary>
    public static TheoryData<string> Own()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(OwnFolder, "*.jsonld").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    public static string OwnFolder => Path.Combine(AppContext.BaseDirectory, "TestData", "Json");

    public static byte[] ReadOwn(string name) => File.ReadAllBytes(Path.Combine(OwnFolder, name));

    /// <summary>The bytes of a standard example; skips when ../shared is absent or the file is no EPCIS document.</summary>
    public static byte[] ReadStandardDocument(string relativePath)
    {
        if (relativePath == Missing)
            SharedStandards.PathOf("gs1-epcis", "JSON");
        var bytes = File.ReadAllBytes(SharedStandards.PathOf("gs1-epcis", "JSON", relativePath));
        using var json = JsonDocument.Parse(bytes);
        var type = json.RootElement.ValueKind == JsonValueKind.Object
                   && json.RootElement.TryGetProperty("type", out var t) ? t.ToString() : "(no type)";
        if (type is not ("EPCISDocument" or "EPCISQueryDocument"))
            Assert.Skip($"{relativePath} is of type {type}, not an EPCISDocument or EPCISQueryDocument");
        return bytes;
    }

    /// <summary>The events of an EPCISDocument or EPCISQueryDocument, each with the prefixes in force for it.</summary>
    public static List<(JsonElement Event, Dictionary<string, string> Prefixes)> Events(JsonElement document)
    {
        var body = document.GetProperty("epcisBody");
        var list = body.TryGetProperty("eventList", out var events)
            ? events
            : body.GetProperty("queryResults").GetProperty("resultsBody").GetProperty("eventList");
        JsonElement? documentContext = document.TryGetProperty("@context", out var c) ? c : null;
        return list.EnumerateArray()
            .Select(e => (e, EventJsonComparer.Prefixes(documentContext, e.TryGetProperty("@context", out var ec) ? ec : null)))
            .ToList();
    }

    public static byte[] Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
            write(writer);
        return stream.ToArray();
    }

    public static string Describe(EpcisReadResult result) =>
        string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString()));

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
