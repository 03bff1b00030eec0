using System.Collections.Concurrent;
using System.Text.Json;
using System.Xml.Linq;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Epcis.Xml;

namespace VnTrace.Gs1.Tests.Epcis.Hashing;

/// <summary>Reads the golden documents with the library's own readers, once each.</summary>
public static class GoldenDocuments
{
    private static readonly ConcurrentDictionary<string, EpcisReadResult> read = new(StringComparer.Ordinal);

    public static IReadOnlyList<EpcisEvent> Events(GoldenCases.GoldenCase golden, string documentName)
    {
        var path = PathOf(golden, documentName);
        var result = read.GetOrAdd(path, Read);
        Assert.True(result.Document is not null,
            $"{documentName} could not be read:\n  " + string.Join("\n  ", result.Errors));
        return result.Document!.Events;
    }

    /// <summary>
    /// The extension fields a document asks hash generators to leave out (the golden cases' repository-x:ignoreFields
    /// header, a convention of the reference generator, not of EPCIS), as "{namespace}localName". The model has no
    /// place for document-level extensions, so the test reads them from the file itself.
    /// </summary>
    public static IReadOnlyList<string> IgnoredFields(GoldenCases.GoldenCase golden, string documentName)
    {
        var path = PathOf(golden, documentName);
        return path.EndsWith(".xml", StringComparison.Ordinal) ? IgnoredFieldsXml(path) : IgnoredFieldsJson(path);
    }

    private static string PathOf(GoldenCases.GoldenCase golden, string documentName) =>
        golden.Documents.Single(d => Path.GetFileName(d) == documentName);

    private static EpcisReadResult Read(string path)
    {
        if (path.EndsWith(".xml", StringComparison.Ordinal))
        {
            using var stream = File.OpenRead(path);
            return EpcisXmlReader.ReadDocument(stream);
        }
        return EpcisJsonReader.ReadDocument(File.ReadAllBytes(path));
    }

    private static List<string> IgnoredFieldsXml(string path)
    {
        var root = XDocument.Load(path).Root!;
        return root.Descendants()
            .Where(e => e.Name.LocalName == "ignoreFields" && !e.Ancestors().Any(a => a.Name.LocalName == "EventList"))
            .SelectMany(e => e.Elements())
            .Select(e => "{" + e.Name.NamespaceName + "}" + e.Name.LocalName)
            .ToList();
    }

    private static List<string> IgnoredFieldsJson(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("@context", out var context) && context.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in context.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
            {
                foreach (var prefix in entry.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                    prefixes[prefix.Name] = prefix.Value.GetString()!;
            }
        }

        var fields = new List<string>();
        Collect(root);
        return fields;

        // The header sits at the top of a document and inside queryResults of a query document; events are not searched.
        void Collect(JsonElement element)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (member.Name.EndsWith("ignoreFields", StringComparison.Ordinal) && member.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var curie in member.Value.EnumerateArray().Select(v => v.GetString() ?? ""))
                    {
                        var colon = curie.IndexOf(':');
                        if (colon > 0 && prefixes.TryGetValue(curie[..colon], out var ns))
                            fields.Add("{" + ns + "}" + curie[(colon + 1)..]);
                    }
                }
                else if (member.Value.ValueKind == JsonValueKind.Object && member.Name != "eventList")
                    Collect(member.Value);
            }
        }
    }
}
