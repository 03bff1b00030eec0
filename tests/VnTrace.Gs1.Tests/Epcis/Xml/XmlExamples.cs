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

    /// <summary>
    /// GS1 examples that carry a stray <c>&lt;!DOCTYPE project&gt;</c> (an editor-template leftover whose name does
    /// not even match the root element, so the documents are not valid XML: XML 1.0 §2.8 VC "Root Element Type").
    /// The reader refuses every DTD on purpose; the tests assert that refusal, then read the rest of the document
    /// with exactly that line removed.
    /// </summary>
    public const string StrayDoctype = "<!DOCTYPE project>";

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

    /// <summary>Reads an example; for the stray-DOCTYPE ones, checks the refusal and reads the remainder.</summary>
    public static EpcisDocument Read(string name)
    {
        var text = Text(name);
        if (text.Contains(StrayDoctype, StringComparison.Ordinal))
        {
            var refused = EpcisXmlReader.ReadDocument(text);
            Assert.Null(refused.Document);
            Assert.Contains("DTD", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
            text = text.Replace(StrayDoctype, "", StringComparison.Ordinal);
        }
        var result = EpcisXmlReader.ReadDocument(text);
        Assert.True(result.Errors.Count == 0, $"{name}: {string.Join("; ", result.Errors)}");
        return Assert.IsType<EpcisDocument>(result.Document);
    }

    public static string Write(EpcisDocument document, EpcisXmlVersion version)
    {
        using var text = new StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
            EpcisXmlWriter.WriteDocument(writer, document, version);
        return text.ToString();
    }

    public static EpcisDocument ReadBack(string xml)
    {
        var result = EpcisXmlReader.ReadDocument(xml);
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors) + "\n" + xml);
        return Assert.IsType<EpcisDocument>(result.Document);
    }

    public static bool IsVersion12(string xml) => xml.Contains(EpcisXmlNamespaces.Epcis1, StringComparison.Ordinal)
        || xml.Contains(EpcisXmlNamespaces.Query1, StringComparison.Ordinal);
}
