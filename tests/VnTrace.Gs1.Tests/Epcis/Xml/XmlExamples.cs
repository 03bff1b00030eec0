using System.Xml;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Xml;

namespace VnTrace.Gs1.Tests.Epcis.Xml;

/// <summary>
/// The XML documents the tests run over: GS1's examples, walked at test time from ../shared/standards (so a new
/// example is tested too), and our own under TestData/Xml. Names are "gs1:relative/path" or "local:file".
/// </summary>
internal static class XmlExamples
{
    private const string Gs1 = "gs1:";
    private const string Local = "local:";

    /// <summary>Response bodies (EPCISCaptureJob), not EPCIS documents.</summary>
    private static readonly string[] NotDocuments = ["CaptureJob"];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Gs1Names())
            data.Add(name);
        foreach (var name in LocalNames())
            data.Add(name);
        return data;
    }

    private static IEnumerable<string> Gs1Names()
    {
        if (SharedStandards.Root is not { } root || !Directory.Exists(Path.Combine(root, "gs1-epcis", "XML")))
        {
            yield return Gs1 + "(../shared/standards absent)";
            yield break;
        }
        var folder = Path.Combine(root, "gs1-epcis", "XML");
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (!NotDocuments.Any(d => relative.StartsWith(d + "/", StringComparison.Ordinal)))
                yield return Gs1 + relative;
        }
    }

    private static IEnumerable<string> LocalNames() =>
        Directory.EnumerateFiles(LocalFolder, "*.xml").Select(f => Local + Path.GetFileName(f)).Order(StringComparer.Ordinal);

    public static string LocalFolder => Path.Combine(AppContext.BaseDirectory, "TestData", "Xml");

    /// <summary>The text of an example; skips the test when GS1's examples are absent.</summary>
    public static string Text(string name)
    {
        if (name.StartsWith(Local, StringComparison.Ordinal))
            return File.ReadAllText(Path.Combine(LocalFolder, name[Local.Length..]));
        var relative = name[Gs1.Length..];
        return File.ReadAllText(SharedStandards.PathOf(["gs1-epcis", "XML", .. relative.Split('/')]));
    }

    /// <summary>Reads an example, which must read without errors (a stray bare &lt;!DOCTYPE project&gt; included).</summary>
    public static EpcisDocument Read(string name)
    {
        var text = Text(name);
        return AssertNoErrors(name, EpcisXmlReader.ReadDocument(text), text);
    }

    private static EpcisDocument AssertNoErrors(string name, EpcisReadResult result, string xml)
    {
        Assert.True(result.Errors.Count == 0, $"{name}: {string.Join("; ", result.Errors)}\n{xml}");
        return Assert.IsType<EpcisDocument>(result.Document);
    }

    public static string Write(EpcisDocument document, EpcisXmlVersion version)
    {
        using var text = new StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
            EpcisXmlWriter.WriteDocument(writer, document, version);
        return text.ToString();
    }

    /// <summary>Reads what the writer produced, which must read without errors.</summary>
    public static EpcisDocument ReadBack(string xml, string? example = null) =>
        AssertNoErrors(example ?? "written", EpcisXmlReader.ReadDocument(xml), xml);

    public static bool IsVersion12(string xml) => xml.Contains(EpcisXmlNamespaces.Epcis1, StringComparison.Ordinal)
        || xml.Contains(EpcisXmlNamespaces.Query1, StringComparison.Ordinal);
}
