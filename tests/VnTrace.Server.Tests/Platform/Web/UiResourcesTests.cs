using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace VnTrace.Server.Tests.Platform.Web;

/// <summary>
/// The interface is Vietnamese (X.resx) with English (X.en.resx): every text must exist in both, and every literal key
/// a page or page model asks for must exist, so no page ever shows a bare key.
/// </summary>
public sealed partial class UiResourcesTests
{
    private static readonly string ServerSource = Path.Combine(FindRepositoryRoot(), "src", "VnTrace.Server");

    // From this source file's own path, so the test works whatever the build output folder (--artifacts-path).
    private static string FindRepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        for (var dir = new FileInfo(thisFile).Directory; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VnTrace.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("The repository root (VnTrace.slnx) is not above " + thisFile);
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static IEnumerable<string> NeutralFiles() =>
        Directory.EnumerateFiles(ServerSource, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Where(f => !Path.GetFileName(f).EndsWith(".en.resx", StringComparison.Ordinal));

    [Fact]
    public void Every_Vietnamese_text_has_an_English_one_and_none_is_empty()
    {
        var problems = new List<string>();
        foreach (var vi in NeutralFiles())
        {
            var en = Path.ChangeExtension(vi, null) + ".en.resx";
            var name = Path.GetRelativePath(ServerSource, vi);
            if (!File.Exists(en))
            {
                problems.Add($"{name}: no English file");
                continue;
            }
            var viTexts = Read(vi);
            var enTexts = Read(en);
            problems.AddRange(viTexts.Keys.Except(enTexts.Keys).Select(k => $"{name}: '{k}' has no English text"));
            problems.AddRange(enTexts.Keys.Except(viTexts.Keys).Select(k => $"{name}: '{k}' is only in English"));
            problems.AddRange(viTexts.Concat(enTexts).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{name}: '{kv.Key}' is empty"));
        }
        Assert.True(NeutralFiles().Any(), "no resources found under " + ServerSource);
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_key_a_page_asks_for_exists()
    {
        var known = NeutralFiles().SelectMany(f => Read(f).Keys).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(ServerSource, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                     .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains("Migrations")))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LiteralKey().Matches(text))
                if (!known.Contains(m.Groups["key"].Value))
                    missing.Add($"{Path.GetRelativePath(ServerSource, file)}: {m.Groups["key"].Value}");
            foreach (Match m in AnnotationKey().Matches(text))
                if (!known.Contains(m.Groups["key"].Value))
                    missing.Add($"{Path.GetRelativePath(ServerSource, file)}: {m.Groups["key"].Value}");
        }
        Assert.Empty(missing);
    }

    // T["Key"], L["Key", arg], t["Key"] — a literal key, not one built by concatenation.
    [GeneratedRegex(@"\b[LTt]\[""(?<key>[A-Za-z][A-Za-z0-9_.\-]*)""\s*[,\]]")]
    private static partial Regex LiteralKey();

    // ErrorMessage = "Validation.Required", Name = "Product.Gtin" in data annotations.
    [GeneratedRegex(@"\b(?:ErrorMessage|Name)\s*=\s*""(?<key>[A-Z][A-Za-z]+\.[A-Za-z0-9_.\-]+)""")]
    private static partial Regex AnnotationKey();
}
